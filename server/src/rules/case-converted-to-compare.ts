/**
 * case-converted-to-compare: two strings lowered (or uppered) only to compare them, inside a
 * loop: `strings.ToLower(a) == strings.ToLower(b)` in Go, `a.toLowerCase().equals(b.toLowerCase())`
 * in Java. Both languages compare ignoring case without making either copy.
 */
import type { Node } from 'web-tree-sitter';
import { lastSegment } from '../syntax/paths';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule, RuleContext } from './rule';

const GO_CONVERSIONS = new Set(['strings.ToLower', 'strings.ToUpper']);
const JAVA_CONVERSIONS = new Set(['toLowerCase', 'toUpperCase']);

/** True when `node` is a case conversion of one string: `strings.ToLower(s)`, `s.toLowerCase()`. */
function isConversion(context: RuleContext, node: Node | null | undefined): boolean {
  if (!node || !context.dialect.callTypes.has(node.type)) return false;
  const path = context.dialect.calleePath(node);
  const args = context.dialect.callArgs(node);
  if (context.language === 'go') return GO_CONVERSIONS.has(path) && args.length === 1;
  return JAVA_CONVERSIONS.has(lastSegment(path)) && args.length === 0 && !!context.dialect.receiver(node);
}

/** The comparison a call is the left side of, if both sides are case conversions. */
function comparison(context: RuleContext, call: Node): Node | undefined {
  if (context.language === 'go') {
    const parent = call.parent;
    const operator = parent?.childForFieldName('operator')?.text;
    if (parent?.type !== 'binary_expression' || (operator !== '==' && operator !== '!=')) return undefined;
    const left = parent.childForFieldName('left');
    return left?.equals(call) && isConversion(context, call) && isConversion(context, parent.childForFieldName('right')) ? parent : undefined;
  }
  if (call.type !== 'method_invocation' || lastSegment(context.dialect.calleePath(call)) !== 'equals') return undefined;
  const args = context.dialect.callArgs(call);
  return args.length === 1 && isConversion(context, context.dialect.receiver(call)) && isConversion(context, args[0]) ? call : undefined;
}

const INSTEAD: Partial<Record<string, string>> = {
  go: '`strings.EqualFold(a, b)`',
  java: '`a.equalsIgnoreCase(b)`',
};

export const caseConvertedToCompare: Rule = {
  meta: {
    id: 'case-converted-to-compare',
    title: 'Strings lowercased just to compare them, inside a loop',
    languages: ['go', 'java'],
    severity: 'info',
    confidence: 'high',
    why:
      'Lowering or uppering a string builds a new copy of it (unless it is already in that ' +
      'case), so comparing two strings this way allocates two strings and reads both twice, ' +
      'once per iteration of the loop. `strings.EqualFold` and `equalsIgnoreCase` compare ' +
      'the characters case-insensitively in place and stop at the first difference.',
    fix: 'Use `strings.EqualFold(a, b)` in Go and `a.equalsIgnoreCase(b)` in Java.',
    examples: {
      go: {
        flagged: 'for _, u := range users {\n\tif strings.ToLower(u.Email) == strings.ToLower(email) {\n\t\treturn u\n\t}\n}',
        useInstead: 'for _, u := range users {\n\tif strings.EqualFold(u.Email, email) {\n\t\treturn u\n\t}\n}',
      },
      java: {
        flagged: 'for (User u : users) {\n    if (u.getEmail().toLowerCase().equals(email.toLowerCase())) {\n        return u;\n    }\n}',
        useInstead: 'for (User u : users) {\n    if (u.getEmail().equalsIgnoreCase(email)) {\n        return u;\n    }\n}',
      },
    },
    references: [
      { title: 'Staticcheck SA6005', url: 'https://staticcheck.dev/docs/checks/#SA6005' },
      { title: 'Go: strings.EqualFold', url: 'https://pkg.go.dev/strings#EqualFold' },
      { title: 'Java: String.equalsIgnoreCase', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/String.html#equalsIgnoreCase(java.lang.String)' },
    ],
    peers: ['Staticcheck SA6005', 'SonarJava S1157'],
  },

  check(context) {
    for (const site of context.facts.sites.call) {
      const loop = site.loops[0];
      const compared = loop && comparison(context, site.node);
      if (!compared) continue;
      context.report(
        compared,
        `${quote(compared.text)} copies both strings to compare them ${repetition(loop)}: use ${INSTEAD[context.language]}`,
        loopsRelated(site.loops),
      );
    }
  },
};
