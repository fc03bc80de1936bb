import type { Node } from 'web-tree-sitter';
import type { Dialect } from '../syntax/dialect';
import type { Loop, Site } from '../syntax/facts';
import type { LanguageId } from '../syntax/languages';
import { assignmentsInLoop, declaredInLoop } from '../syntax/loop-invariance';
import { runsOncePerLoop } from '../syntax/runs-once';
import { declarationInScope, Declaration } from '../syntax/scopes';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule, RuleContext } from './rule';

/**
 * What a grown value holds. Python has three kinds: text, immutable `bytes` (which copy on `+=` as
 * text does) and `bytearray` (mutable: `+=` extends it in place).
 */
export type Accumulated = 'string' | 'bytes' | 'bytearray';

/** The string types as each language writes them, with Python's byte sequences. */
const STRING_TYPES: Partial<Record<LanguageId, ReadonlyMap<string, Accumulated>>> = {
  python: new Map([['str', 'string'], ['bytes', 'bytes'], ['bytearray', 'bytearray']]),
  java: new Map([['String', 'string'], ['java.lang.String', 'string']]),
  go: new Map([['string', 'string']]),
};

/** Calls known to return a string or bytes, by dotted path (a Python string literal reads `""`). */
const STRING_CALLS: Partial<Record<LanguageId, ReadonlyMap<string, Accumulated>>> = {
  python: new Map([
    ['str', 'string'],
    ['"".join', 'string'],
    ['"".format', 'string'],
    ['bytes', 'bytes'],
    ['b"".join', 'bytes'],
    ['bytearray', 'bytearray'],
  ]),
  java: new Map(['String.valueOf', 'String.join', 'String.format'].map((path) => [path, 'string'])),
  go: new Map(['string', 'fmt.Sprint', 'fmt.Sprintf', 'fmt.Sprintln', 'strings.Join', 'strings.Repeat'].map((path) => [path, 'string'])),
};

/** How the statement grows the value. */
type GrowthForm = 'augmented' | 'appended' | 'prepended';

/** A string being grown in place: `s += x`, `s = s + x` or `s = x + s`. */
interface Growth {
  target: Node;
  /** How the message shows the statement. */
  shown: string;
  form: GrowthForm;
}

/** The one expression of a Go expression list (`s` in `s += x`), or the node itself. */
function single(node: Node): Node | undefined {
  if (node.type !== 'expression_list') return node;
  return node.namedChildCount === 1 ? (node.namedChild(0) ?? undefined) : undefined;
}

function isPlus(node: Node): boolean {
  return (node.type === 'binary_operator' || node.type === 'binary_expression') && node.childForFieldName('operator')?.text === '+';
}

/** The leftmost operand of a chain of `+`: `s` in `s + a + b`. */
function leftmostOperand(node: Node): Node {
  let current = node;
  while (isPlus(current)) {
    const left = current.childForFieldName('left');
    if (!left) break;
    current = left;
  }
  return current;
}

function growth(dialect: Dialect, node: Node): Growth | undefined {
  const assignment = dialect.assignment(node);
  const target = assignment && single(assignment.target);
  if (!assignment || target?.type !== 'identifier') return undefined;
  const name = target.text;
  if (assignment.operator === '+=') return { target, shown: `${name} += …`, form: 'augmented' };
  const value = assignment.operator === '=' ? single(assignment.value) : undefined;
  if (!value || !isPlus(value)) return undefined;
  if (leftmostOperand(value).text === name) return { target, shown: `${name} = ${name} + …`, form: 'appended' };
  if (value.childForFieldName('right')?.text === name) return { target, shown: `${name} = … + ${name}`, form: 'prepended' };
  return undefined;
}

/**
 * True when the loop also sets the variable some other way (`s = ""`, `s = s[-80:]`): it is
 * reset or trimmed as it goes, so it does not grow with the number of iterations.
 */
function setOtherwiseInLoop(context: RuleContext, site: Site, name: string, loop: Loop): boolean {
  return assignmentsInLoop(context.facts, context.dialect, loop, name).some(
    (other) =>
      !other.node.equals(site.node) &&
      other.fn?.node.id === site.fn?.node.id &&
      context.dialect.assignment(other.node)?.operator === '=' &&
      !growth(context.dialect, other.node),
  );
}

/** The language and dialect of a file: what the type of a value is read with. */
type Reading = Pick<RuleContext, 'language' | 'dialect'>;

/** The kind of a Python string literal: bytes when its prefix has a `b` (`b""`, `rb''`). */
function pythonLiteralKind(node: Node): Accumulated {
  const literal = node.type === 'concatenated_string' ? node.namedChild(0) : node;
  const start = literal?.child(0);
  return start?.type === 'string_start' && /b/i.test(start.text) ? 'bytes' : 'string';
}

/** What an expression evaluates to as far as its own text shows: a string, bytes, or unknown. */
function expressionKind(reading: Reading, node: Node): Accumulated | undefined {
  const { dialect, language } = reading;
  if (language === 'python' && (node.type === 'string' || node.type === 'concatenated_string')) return pythonLiteralKind(node);
  if (dialect.isConstantString(node)) return 'string';
  if (isPlus(node)) {
    // The left operand decides the type of the sum: `bytearray() + b""` is a bytearray.
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    return (left && expressionKind(reading, left)) ?? (right ? expressionKind(reading, right) : undefined);
  }
  if (!dialect.callTypes.has(node.type)) return undefined;
  return STRING_CALLS[language]?.get(dialect.calleePath(node));
}

/** What the declaration makes the variable: by its written type, or else by its first value. */
function declaredKind(reading: Reading, declaration: Declaration): Accumulated | undefined {
  const type = declaration.type?.text;
  if (type !== undefined && type !== 'var') return STRING_TYPES[reading.language]?.get(type);
  return declaration.value && expressionKind(reading, declaration.value);
}

/** What the variable grown at `target` holds, from its declaration in scope there; undefined when not a string. */
export function accumulatedKind(reading: Reading, target: Node): Accumulated | undefined {
  const declaration = declarationInScope(reading.language, target, target.text);
  return declaration && declaredKind(reading, declaration);
}

const REWRITE: Partial<Record<LanguageId, string>> = {
  python: 'collect the parts in a list and `"".join()` them after the loop',
  java: 'append to one `StringBuilder` and call `toString()` after the loop',
  go: 'write to one `strings.Builder` and call `String()` after the loop',
};

/** What `"".join` would be for bytes, which it rejects. */
const BYTES_JOIN = 'collect the parts in a list and `b"".join()` them after the loop';

/** What the message says the statement copies. */
const COPIED: Record<Accumulated, string> = { string: 'the whole string', bytes: 'the whole bytes object', bytearray: 'the whole bytearray' };

/** What to write instead, for the kind of value and the way it grows. */
function rewrite(language: LanguageId, kind: Accumulated, form: GrowthForm, name: string): string | undefined {
  if (kind === 'string') return REWRITE[language];
  // Added in front, the parts are joined in reverse; a bytearray only grows in place at its end.
  if (form === 'prepended') return BYTES_JOIN;
  if (kind === 'bytes') return `${BYTES_JOIN}, or grow one \`bytearray\` with \`+=\` or \`extend()\``;
  return `grow it in place with \`${name} += …\` or \`${name}.extend(…)\``;
}

export const stringConcatInLoop: Rule = {
  meta: {
    id: 'string-concat-in-loop',
    title: 'String built with `+=` inside a loop',
    languages: ['python', 'java', 'go'],
    severity: 'info',
    confidence: 'medium',
    why:
      'Strings (and Python `bytes`) are immutable, so `s += x` allocates a new string and copies all of `s` into it. ' +
      'Done once per item, the copies add up to a cost that grows with the square of the number of ' +
      'items: unnoticeable for ten, seconds for a hundred thousand. Java compiles each `+=` to a ' +
      'fresh builder that copies `s` again; Go allocates a new string every time. CPython can ' +
      'sometimes grow a string in place when nothing else refers to it, but PEP 8 warns not to ' +
      'rely on that: it is fragile even in CPython and absent in other implementations. ' +
      'JavaScript is not checked: its engines represent `s += x` as a rope and flatten it once, ' +
      'so the same loop stays linear there.',
    fix:
      'Collect the pieces and join them once: in Python append to a list and `"".join()` it ' +
      '(`b"".join()` for bytes, or grow one `bytearray` with `+=` or `extend()`, which add in place); in ' +
      'Java append to one `StringBuilder`; in Go write to one `strings.Builder`.',
    examples: {
      python: {
        flagged: 'html = ""\nfor row in rows:\n    html += f"<tr><td>{row.name}</td></tr>"',
        useInstead: 'parts = []\nfor row in rows:\n    parts.append(f"<tr><td>{row.name}</td></tr>")\nhtml = "".join(parts)',
      },
      java: {
        flagged: 'String csv = "";\nfor (Order order : orders) {\n    csv += order.getId() + "," + order.getTotal() + "\\n";\n}',
        useInstead:
          'StringBuilder csv = new StringBuilder();\nfor (Order order : orders) {\n' +
          '    csv.append(order.getId()).append(\',\').append(order.getTotal()).append(\'\\n\');\n}\nString result = csv.toString();',
      },
      go: {
        flagged: 'out := ""\nfor _, line := range lines {\n\tout += line + "\\n"\n}',
        useInstead: 'var b strings.Builder\nfor _, line := range lines {\n\tb.WriteString(line)\n\tb.WriteByte(\'\\n\')\n}\nout := b.String()',
      },
    },
    quickFix:
      'Collects the pieces and joins them once after the loop: a list and `"".join()` in Python ' +
      '(`b"".join()` for bytes), ' +
      'one `StringBuilder` in Java, one `strings.Builder` in Go (with `"strings"` imported when ' +
      'missing). It keeps what the code does, so it is the preferred fix. Not offered when the ' +
      'loop also reads the string, which would see it unfinished.',
    references: [
      { title: 'PEP 8: programming recommendations (string concatenation)', url: 'https://peps.python.org/pep-0008/#programming-recommendations' },
      { title: 'Pylint: consider-using-join (R1713)', url: 'https://pylint.readthedocs.io/en/stable/user_guide/messages/refactor/consider-using-join.html' },
      { title: 'Java: StringBuilder', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/StringBuilder.html' },
      { title: 'PMD: UseStringBufferForStringAppends', url: 'https://docs.pmd-code.org/latest/pmd_rules_java_performance.html#usestringbufferforstringappends' },
      { title: 'Go: strings.Builder', url: 'https://pkg.go.dev/strings#Builder' },
    ],
    peers: ['Pylint consider-using-join (R1713)', 'PMD UseStringBufferForStringAppends', 'SonarJava S1643'],
  },

  check(context) {
    for (const site of context.facts.sites.assign) {
      const loop = site.loops[0];
      const grown = loop && growth(context.dialect, site.node);
      if (!grown) continue;
      const name = grown.target.text;
      const declaration = declarationInScope(context.language, grown.target, name);
      const kind = declaration && declaredKind(context, declaration);
      if (!declaration || !kind || declaredInLoop(declaration, loop)) continue;
      // `+=` extends a bytearray in place, as a list's `append` does.
      if (kind === 'bytearray' && grown.form === 'augmented') continue;
      if (setOtherwiseInLoop(context, site, name, loop) || runsOncePerLoop(site.node, loop.node)) continue;
      // The loops the string outlives, innermost first: it grows across every iteration of these.
      const fresh = site.loops.findIndex((l) => declaredInLoop(declaration, l));
      const outlived = fresh < 0 ? site.loops : site.loops.slice(0, fresh);
      const count = loop.iterable ? 'items' : 'iterations';
      context.report(
        site.node,
        `${quote(grown.shown)} copies ${COPIED[kind]} ${repetition(loop)}: quadratic in the number of ${count}; ${rewrite(context.language, kind, grown.form, name)}`,
        loopsRelated(outlived),
      );
    }
  },
};
