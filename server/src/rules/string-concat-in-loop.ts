import type { Node } from 'web-tree-sitter';
import type { Dialect } from '../syntax/dialect';
import type { Loop, Site } from '../syntax/facts';
import type { LanguageId } from '../syntax/languages';
import { assignmentsInLoop, declaredInLoop } from '../syntax/loop-invariance';
import { runsOncePerLoop } from '../syntax/runs-once';
import { declarationInScope, Declaration } from '../syntax/scopes';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule, RuleContext } from './rule';

/** The string type as each language writes it. */
const STRING_TYPES: Partial<Record<LanguageId, ReadonlySet<string>>> = {
  python: new Set(['str']),
  java: new Set(['String', 'java.lang.String']),
  go: new Set(['string']),
};

/** Calls known to return a string, by dotted path (a Python string literal reads `""`). */
const STRING_CALLS: Partial<Record<LanguageId, ReadonlySet<string>>> = {
  python: new Set(['str', '"".join', '"".format']),
  java: new Set(['String.valueOf', 'String.join', 'String.format']),
  go: new Set(['string', 'fmt.Sprint', 'fmt.Sprintf', 'fmt.Sprintln', 'strings.Join', 'strings.Repeat']),
};

/** A string being grown in place: `s += x`, `s = s + x` or `s = x + s`. */
interface Growth {
  target: Node;
  /** How the message shows the statement. */
  shown: string;
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
  if (assignment.operator === '+=') return { target, shown: `${name} += …` };
  const value = assignment.operator === '=' ? single(assignment.value) : undefined;
  if (!value || !isPlus(value)) return undefined;
  if (leftmostOperand(value).text === name) return { target, shown: `${name} = ${name} + …` };
  if (value.childForFieldName('right')?.text === name) return { target, shown: `${name} = … + ${name}` };
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

/** True when an expression evaluates to a string as far as its own text shows. */
function isStringExpression(context: RuleContext, node: Node): boolean {
  const { dialect, language } = context;
  if (dialect.isConstantString(node) || (language === 'python' && node.type === 'string')) return true;
  if (isPlus(node)) {
    return [node.childForFieldName('left'), node.childForFieldName('right')].some((n) => !!n && isStringExpression(context, n));
  }
  if (!dialect.callTypes.has(node.type)) return false;
  return STRING_CALLS[language]?.has(dialect.calleePath(node)) ?? false;
}

/** True when the declaration makes the variable a string: by its written type, or else by its first value. */
function declaresString(context: RuleContext, declaration: Declaration): boolean {
  const type = declaration.type?.text;
  if (type !== undefined && type !== 'var') return STRING_TYPES[context.language]?.has(type) ?? false;
  return !!declaration.value && isStringExpression(context, declaration.value);
}

const REWRITE: Partial<Record<LanguageId, string>> = {
  python: 'collect the parts in a list and `"".join()` them after the loop',
  java: 'append to one `StringBuilder` and call `toString()` after the loop',
  go: 'write to one `strings.Builder` and call `String()` after the loop',
};

export const stringConcatInLoop: Rule = {
  meta: {
    id: 'string-concat-in-loop',
    title: 'String built with `+=` inside a loop',
    languages: ['python', 'java', 'go'],
    severity: 'info',
    confidence: 'medium',
    why:
      'Strings are immutable, so `s += x` allocates a new string and copies all of `s` into it. ' +
      'Done once per item, the copies add up to a cost that grows with the square of the number of ' +
      'items: unnoticeable for ten, seconds for a hundred thousand. Java compiles each `+=` to a ' +
      'fresh builder that copies `s` again; Go allocates a new string every time. CPython can ' +
      'sometimes grow a string in place when nothing else refers to it, but PEP 8 warns not to ' +
      'rely on that: it is fragile even in CPython and absent in other implementations. ' +
      'JavaScript is not checked: its engines represent `s += x` as a rope and flatten it once, ' +
      'so the same loop stays linear there.',
    fix:
      'Collect the pieces and join them once: in Python append to a list and `"".join()` it; in ' +
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
      'Collects the pieces and joins them once after the loop: a list and `"".join()` in Python, ' +
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
      if (!declaration || declaredInLoop(declaration, loop) || !declaresString(context, declaration)) continue;
      if (setOtherwiseInLoop(context, site, name, loop) || runsOncePerLoop(site.node, loop.node)) continue;
      // The loops the string outlives, innermost first: it grows across every iteration of these.
      const fresh = site.loops.findIndex((l) => declaredInLoop(declaration, l));
      const outlived = fresh < 0 ? site.loops : site.loops.slice(0, fresh);
      const count = loop.iterable ? 'items' : 'iterations';
      context.report(
        site.node,
        `${quote(grown.shown)} copies the whole string ${repetition(loop)}: quadratic in the number of ${count}; ${REWRITE[context.language]}`,
        loopsRelated(outlived),
      );
    }
  },
};
