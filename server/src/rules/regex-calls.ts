/**
 * Calls that turn a pattern string into a regular expression, per language: constructors and
 * compile functions, and the helpers that compile (or look up) their pattern on every call.
 */
import type { Node } from 'web-tree-sitter';
import type { Dialect } from '../syntax/dialect';
import type { LanguageId } from '../syntax/languages';
import { lastSegment } from '../syntax/paths';

/**
 * `compile`: builds a regex object (`re.compile`, `new RegExp`). `cached`: Python's module-level
 * helpers, which look the pattern up in `re`'s cache. `each-call`: helpers that compile their
 * pattern anew on every call (`regexp.MatchString`, Java's `String.matches`).
 */
export type RegexCallKind = 'compile' | 'cached' | 'each-call';

export interface RegexCall {
  kind: RegexCallKind;
  pattern: Node;
  /** Other arguments that shape the regex (JavaScript's flags). */
  options: Node[];
  /** Python's flags: `re.compile`'s second argument, or `flags=` on any of the helpers. */
  flags: Node[];
}

const JS_CALLS = new Map<string, RegexCallKind>([
  ['new RegExp', 'compile'],
  ['RegExp', 'compile'],
]);

const CALLS: Record<LanguageId, ReadonlyMap<string, RegexCallKind>> = {
  python: new Map([
    ['re.compile', 'compile'],
    ...['match', 'search', 'fullmatch', 'findall', 'finditer', 'sub', 'subn', 'split'].map((f) => [`re.${f}`, 'cached'] as const),
  ]),
  javascript: JS_CALLS,
  typescript: JS_CALLS,
  go: new Map([
    ...['MustCompile', 'Compile', 'MustCompilePOSIX', 'CompilePOSIX'].map((f) => [`regexp.${f}`, 'compile'] as const),
    ...['MatchString', 'Match', 'MatchReader'].map((f) => [`regexp.${f}`, 'each-call'] as const),
  ]),
  java: new Map([
    ['Pattern.compile', 'compile'],
    ['java.util.regex.Pattern.compile', 'compile'],
    ['Pattern.matches', 'each-call'],
    ['java.util.regex.Pattern.matches', 'each-call'],
  ]),
};

/** `String` methods that take a regex, with the number of arguments that tells them apart. */
const JAVA_STRING_METHODS: ReadonlyMap<string, readonly number[]> = new Map([
  ['matches', [1]],
  ['replaceAll', [2]],
  ['replaceFirst', [2]],
  ['split', [1, 2]],
]);

/** Characters that make `String.split` compile its argument even when it is one character long. */
const SPLIT_METACHARACTERS = '.$|()[{^?*+\\';

/** The value of a Java string literal, escapes decoded; undefined for text blocks. */
function javaStringValue(literal: Node): string | undefined {
  const text = literal.text;
  if (text.startsWith('"""')) return undefined;
  const escapes: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', s: ' ' };
  return text.slice(1, -1).replace(/\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e.startsWith('u')) return String.fromCharCode(parseInt(e.replace(/^u+/, ''), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return escapes[e] ?? e;
  });
}

/**
 * True when `String.split` skips the regex engine for this pattern: one character that is not a
 * metacharacter, or a backslash and one character that is neither a letter nor a digit.
 */
function splitsWithoutRegex(pattern: Node): boolean {
  const value = javaStringValue(pattern);
  if (value === undefined) return false;
  if (value.length === 1) return !SPLIT_METACHARACTERS.includes(value);
  return value.length === 2 && value[0] === '\\' && !/[0-9A-Za-z]/.test(value[1]);
}

/**
 * Java `String` methods that compile their first argument: `s.matches("…")`, `s.split("…")`.
 * Calls on a class (`StringUtils.split`) and the one-argument `List.replaceAll(op)` are not these.
 */
function javaStringCall(dialect: Dialect, call: Node, path: string, args: Node[]): RegexCall | undefined {
  const counts = JAVA_STRING_METHODS.get(lastSegment(path));
  const receiver = dialect.receiver(call);
  if (!counts?.includes(args.length) || !receiver) return undefined;
  if (receiver.type === 'identifier' && /^[A-Z][a-z]/.test(receiver.text)) return undefined;
  if (lastSegment(path) === 'split' && dialect.isConstantString(args[0]) && splitsWithoutRegex(args[0])) return undefined;
  return { kind: 'each-call', pattern: args[0], options: [], flags: [] };
}

/** The regex a call builds from a pattern argument, if it is one of the calls above. */
export function regexCall(language: LanguageId, dialect: Dialect, call: Node): RegexCall | undefined {
  const path = dialect.calleePath(call);
  const kind = CALLS[language].get(path);
  if (!kind && (language !== 'java' || !JAVA_STRING_METHODS.has(lastSegment(path)))) return undefined;
  const args = dialect.callArgs(call);
  if (args.length === 0) return undefined;
  if (!kind) return javaStringCall(dialect, call, path, args);
  // Python's keyword arguments can come in any order: only a positional first argument is the pattern.
  if (language === 'python' && args[0].parent?.type === 'keyword_argument') return undefined;
  const options = language === 'javascript' || language === 'typescript' ? args.slice(1, 2) : [];
  return { kind, pattern: args[0], options, flags: language === 'python' ? pythonFlags(kind, args) : [] };
}

/** The flags of a Python `re` call: `re.compile(p, flags)` or `flags=…` on any of them. */
function pythonFlags(kind: RegexCallKind, args: readonly Node[]): Node[] {
  // A keyword argument comes as its value, with the `keyword_argument` around it as its parent.
  const keyword = (a: Node) => (a.parent?.type === 'keyword_argument' ? a.parent.childForFieldName('name')?.text : undefined);
  const flags = args.filter((a) => keyword(a) === 'flags');
  const second = args[1];
  if (kind === 'compile' && second && keyword(second) === undefined) flags.push(second);
  return flags;
}
