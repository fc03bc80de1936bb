import type { Node } from 'web-tree-sitter';
import type { Dialect } from '../syntax/dialect';
import { invariantInLoop } from '../syntax/loop-invariance';
import { runsOncePerLoop } from '../syntax/runs-once';
import { loopsRelated, quote, repetition } from './describe';
import { runsFewRounds } from './per-item-loops';
import { regexCall, RegexCallKind } from './regex-calls';
import type { Rule } from './rule';

/** What each kind of call does with its pattern on every iteration, as the message says it. */
const DOES: Record<RegexCallKind, string> = {
  compile: 'compiles the same pattern',
  cached: "looks its pattern up in `re`'s cache",
  'each-call': 'compiles its pattern',
};

/**
 * A pattern fixed in the source: a literal with no interpolation, or in JavaScript
 * String.raw`…` with no substitution.
 */
function isConstantPattern(dialect: Dialect, node: Node): boolean {
  if (dialect.isConstantString(node)) return true;
  if (node.type !== 'call_expression' || dialect.calleePath(node) !== 'String.raw') return false;
  const template = node.childForFieldName('arguments');
  return !!template && dialect.isConstantString(template);
}

/** A string literal in double or single quotes. */
const LITERAL = String.raw`(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')`;

/** `"/.".equals(input)`, `input.equals("/.")`, `input == "/."`: a test that `name` holds one literal string. */
function equalsLiteral(condition: string, name: string): boolean {
  const n = name.replace(/[$.]/g, '\\$&');
  const literalEqualsName = String.raw`${LITERAL}\s*\.\s*equals\s*\(\s*${n}\s*\)`;
  const nameEqualsLiteral = String.raw`(?<![\w$.])${n}\s*(?:\.\s*equals\s*\(\s*${LITERAL}\s*\)|===?\s*${LITERAL})`;
  return new RegExp(`${literalEqualsName}|${nameEqualsLiteral}`).test(condition);
}

/**
 * True when an `if` between the call and the loop runs it only while the string it works on
 * (`input` in `input.replaceFirst(…)`) equals one literal, with no `||` to let other values in:
 * the call then has one constant result, and what it costs is not a compile per item.
 */
function onConstantReceiver(call: Node, path: string, loop: Node): boolean {
  const receiver = path.slice(0, path.lastIndexOf('.'));
  if (!receiver || receiver.includes('(')) return false;
  for (let n: Node | null = call; n?.parent && !n.equals(loop); n = n.parent) {
    const parent: Node = n.parent;
    if (parent.type !== 'if_statement' || !parent.childForFieldName('consequence')?.equals(n)) continue;
    const condition = parent.childForFieldName('condition')?.text ?? '';
    if (!condition.includes('||') && equalsLiteral(condition, receiver)) return true;
  }
  return false;
}

export const regexCompiledInLoop: Rule = {
  meta: {
    id: 'regex-compiled-in-loop',
    title: 'Constant regular expression compiled inside a loop',
    languages: ['python', 'javascript', 'typescript', 'go', 'java'],
    severity: 'info',
    confidence: 'medium',
    why:
      'Turning a pattern string into a regex means parsing it and building a matcher, work that ' +
      'is the same on every iteration when the pattern is a constant. Go\'s `regexp` and Java\'s ' +
      '`Pattern` keep no cache: `regexp.MatchString`, `Pattern.matches` and `String.matches`, ' +
      '`replaceAll`, `replaceFirst` and `split` compile the pattern anew on each call (only ' +
      '`split` on one plain character skips the regex engine). Python caches the patterns given ' +
      'to `re.compile` and the `re.match`/`re.sub`… helpers, so each call costs a cache lookup ' +
      'rather than a compile, still a per-call cost, and a program using more patterns than the ' +
      'cache holds (a few hundred) compiles them again. JavaScript engines also cache compiled ' +
      'patterns, but `new RegExp("…")` still builds a new object from the string each time. A ' +
      'loop over a few values written out in the source (`for flags in (0, re.I)`, `range(4)`) ' +
      'is not counted, since it repeats the call a fixed few times, nor is a Python call whose ' +
      'flags change with the round, which builds a different regex each time, nor a call on a ' +
      'string the code has just tested equal to one literal (`if ("/.".equals(input)) input = ' +
      'input.replaceFirst(…)`), whose result is a constant.',
    fix:
      'Compile the pattern once, before the loop or as a module-level constant or static final ' +
      'field, and call its methods inside the loop. In JavaScript a regex literal (`/…/`) does ' +
      'the same; a shared regex with the `g` or `y` flag keeps `lastIndex` between `test()` and ' +
      '`exec()` calls, so reset it or use `match`/`replace`.',
    examples: {
      python: {
        flagged: 'for line in lines:\n    m = re.match(r"(\\d+)-(\\d+)", line)',
        useInstead: 'RANGE = re.compile(r"(\\d+)-(\\d+)")\nfor line in lines:\n    m = RANGE.match(line)',
      },
      javascript: {
        flagged: 'for (const name of names) {\n  if (new RegExp("^[a-z][a-z0-9_]*$").test(name)) valid.push(name);\n}',
        useInstead: 'const identifier = /^[a-z][a-z0-9_]*$/;\nfor (const name of names) {\n  if (identifier.test(name)) valid.push(name);\n}',
      },
      typescript: {
        flagged: 'const ids = lines.map((line) => line.replace(new RegExp("\\\\s+", "g"), "-"));',
        useInstead: 'const spaces = /\\s+/g;\nconst ids = lines.map((line) => line.replace(spaces, "-"));',
      },
      go: {
        flagged: 'for _, s := range inputs {\n\tif ok, _ := regexp.MatchString(`^\\d{4}-\\d{2}$`, s); ok {\n\t\tcount++\n\t}\n}',
        useInstead: 'var month = regexp.MustCompile(`^\\d{4}-\\d{2}$`)\n\nfor _, s := range inputs {\n\tif month.MatchString(s) {\n\t\tcount++\n\t}\n}',
      },
      java: {
        flagged: 'for (String line : lines) {\n    String[] fields = line.split("\\\\s*,\\\\s*");\n}',
        useInstead:
          'private static final Pattern COMMA = Pattern.compile("\\\\s*,\\\\s*");\n\n' +
          'for (String line : lines) {\n    String[] fields = COMMA.split(line);\n}',
      },
    },
    quickFix:
      'Compiles the pattern once and uses the compiled object in the loop: in Python and ' +
      'JavaScript/TypeScript a new name above the outermost loop, in Go a package-level ' +
      '`var … = regexp.MustCompile(…)` (named apart from the names of every file of the package, ' +
      'its internal tests included), in Java a `private static final Pattern` field (with ' +
      '`import java.util.regex.Pattern` when missing). Helpers that compile on every call become ' +
      'calls on the compiled object (`re.match(p, s)` → `P.match(s)`, `ok, _ := ' +
      'regexp.MatchString(p, s)` → `ok := p.MatchString(s)`, `s.split(p)` → `P.split(s)`). It keeps ' +
      'what the code does, so it is the preferred fix. Not offered when a flag is not a constant, ' +
      'for JavaScript regexes with the `g` or `y` flag (a shared one keeps `lastIndex`), or for ' +
      'forms whose arguments differ between the helper and the compiled method.',
    references: [
      { title: 'Python: re.compile and the pattern cache', url: 'https://docs.python.org/3/library/re.html#re.compile' },
      { title: 'MDN: RegExp', url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/RegExp' },
      { title: 'ESLint: prefer-regex-literals', url: 'https://eslint.org/docs/latest/rules/prefer-regex-literals' },
      { title: 'Staticcheck SA6000: regexp.Match in a loop', url: 'https://staticcheck.dev/docs/checks/#SA6000' },
      { title: 'Java: String.split', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/String.html#split(java.lang.String,int)' },
    ],
    peers: ['Staticcheck SA6000', 'ESLint prefer-regex-literals', 'SonarJava S4248'],
  },

  check(context) {
    const { dialect, facts, language } = context;
    for (const site of facts.sites.call) {
      // A loop over a few values written out in the source pays the compile a fixed few times;
      // the loop that repeats it is the first one around that runs once per item of data.
      const loop = site.loops.find((l) => !runsFewRounds(dialect, l));
      const call = loop && regexCall(language, dialect, site.node);
      if (!call || !isConstantPattern(dialect, call.pattern)) continue;
      if (!call.options.every((o) => isConstantPattern(dialect, o))) continue;
      // Python's flags are names (`re.I`), not strings: a regex is the same each round unless they change.
      if (!call.flags.every((f) => invariantInLoop(language, facts, dialect, f, site.loops[0]))) continue;
      const path = dialect.calleePath(site.node);
      // A compile right before `t.Fatalf(…)` or `return` runs once, whatever the loop.
      if (onConstantReceiver(site.node, path, loop.node) || runsOncePerLoop(site.node, loop.node)) continue;
      const shown = path.startsWith('new ') ? path : `${path}()`;
      context.report(
        site.node,
        `${quote(shown)} ${DOES[call.kind]} ${repetition(loop)}: compile it once before the loop`,
        loopsRelated(site.loops),
      );
    }
  },
};
