/**
 * sprintf-for-simple-conversion: a format call whose whole format is one verb (`fmt.Sprintf("%d", n)`,
 * `String.format("%s", x)`) inside a loop, where a direct conversion does the same without
 * parsing a format string and boxing the argument.
 */
import type { Node } from 'web-tree-sitter';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule, RuleContext } from './rule';

/** The direct conversion for a format of one verb, per language. */
const GO_VERBS: Readonly<Record<string, string>> = {
  '%d': '`strconv.Itoa(n)` (or `strconv.FormatInt`)',
  '%s': 'the string itself, or its `String()`/`Error()` method',
  '%v': '`strconv` or the value\'s `String()` method',
  '%t': '`strconv.FormatBool(b)`',
  '%x': '`strconv.FormatInt(n, 16)` or `hex.EncodeToString(b)`',
  '%q': '`strconv.Quote(s)`',
};

const JAVA_VERBS: Readonly<Record<string, string>> = {
  '%d': '`String.valueOf(n)` (or `Integer.toString(n)`)',
  '%s': '`String.valueOf(x)`',
  '%b': '`String.valueOf(b)`',
  '%x': '`Integer.toHexString(n)`',
};

/** The literal text of a string literal in Go or Java, or undefined if it has escapes or is raw. */
function literalText(node: Node): string | undefined {
  const text = node.text;
  if (!/^"[^"\\]*"$/.test(text)) return undefined;
  return text.slice(1, -1);
}

/** What to write instead, when the call formats one value with a format of one verb. */
function conversion(context: RuleContext, call: Node): string | undefined {
  const { dialect, language } = context;
  const path = dialect.calleePath(call);
  // The path first: reading the arguments of every call in a loop cost 2-4% of the parse time.
  if (language === 'go' && path === 'fmt.Sprint') {
    const args = dialect.callArgs(call);
    return args.length === 1 && !dialect.isConstantString(args[0]) ? GO_VERBS['%v'] : undefined;
  }
  const formats = language === 'go' ? path === 'fmt.Sprintf' : path === 'String.format';
  if (!formats) return undefined;
  const args = dialect.callArgs(call);
  if (args.length !== 2) return undefined;
  const verb = literalText(args[0]);
  return verb === undefined ? undefined : (language === 'go' ? GO_VERBS : JAVA_VERBS)[verb];
}

export const sprintfForSimpleConversion: Rule = {
  meta: {
    id: 'sprintf-for-simple-conversion',
    title: 'Format call used to convert one value to a string, inside a loop',
    languages: ['go', 'java'],
    severity: 'info',
    confidence: 'high',
    why:
      '`fmt.Sprintf` and `String.format` parse their format string on every call, box their ' +
      'arguments (an interface value in Go, an `Object[]` and a wrapper in Java) and go through ' +
      'a general formatter, several times slower than converting the value directly. When the ' +
      'whole format is one verb such as `"%d"`, the direct conversion gives the same text; in a ' +
      'loop the difference adds up.',
    fix:
      'Convert directly: `strconv.Itoa`, `strconv.FormatInt`, `strconv.FormatBool` or the ' +
      'value\'s `String()` method in Go; `String.valueOf` or `Integer.toString` in Java.',
    examples: {
      go: {
        flagged: 'for _, id := range ids {\n\tkeys = append(keys, fmt.Sprintf("%d", id))\n}',
        useInstead: 'for _, id := range ids {\n\tkeys = append(keys, strconv.Itoa(id))\n}',
      },
      java: {
        flagged: 'for (int id : ids) {\n    keys.add(String.format("%d", id));\n}',
        useInstead: 'for (int id : ids) {\n    keys.add(String.valueOf(id));\n}',
      },
    },
    references: [
      { title: 'Go: strconv', url: 'https://pkg.go.dev/strconv' },
      { title: 'perfsprint linter', url: 'https://github.com/catenacyber/perfsprint' },
      { title: 'Java: String.valueOf', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/String.html#valueOf(int)' },
    ],
    peers: ['perfsprint (golangci-lint)'],
  },

  check(context) {
    for (const site of context.facts.sites.call) {
      const loop = site.loops[0];
      const instead = loop && conversion(context, site.node);
      if (!instead) continue;
      context.report(
        site.node,
        `${quote(site.node.text)} parses a format to convert one value ${repetition(loop)}: use ${instead}`,
        loopsRelated(site.loops),
      );
    }
  },
};
