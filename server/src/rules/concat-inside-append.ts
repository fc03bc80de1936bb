/**
 * concat-inside-append: `sb.append(a + b)` on a Java `StringBuilder` inside a loop, which builds
 * a temporary string from `a + b` before appending it, where `append(a).append(b)` copies each
 * part once.
 */
import type { Node } from 'web-tree-sitter';
import { lastSegment } from '../syntax/paths';
import { runsOncePerLoop } from '../syntax/runs-once';
import { declarationInScope } from '../syntax/scopes';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule, RuleContext } from './rule';

const BUILDERS = /^(?:java\.lang\.)?(?:StringBuilder|StringBuffer)$/;

/** True when the receiver is declared as a `StringBuilder`/`StringBuffer`, by type or by value. */
function isBuilder(context: RuleContext, receiver: Node): boolean {
  if (receiver.type !== 'identifier') return false;
  const declaration = declarationInScope(context.language, receiver, receiver.text);
  if (!declaration) return false;
  const type = declaration.type?.text;
  if (type && type !== 'var') return BUILDERS.test(type);
  const value = declaration.value;
  return value?.type === 'object_creation_expression' && BUILDERS.test(value.childForFieldName('type')?.text ?? '');
}

/**
 * True when the argument joins strings with `+` at run time: a `+` with a string literal on one
 * side and something that is not a constant on the other. Literals alone are joined by the compiler.
 */
function concatenates(context: RuleContext, arg: Node): boolean {
  if (arg.type !== 'binary_expression' || arg.childForFieldName('operator')?.text !== '+') return false;
  const parts: Node[] = [];
  const collect = (n: Node) => {
    if (n.type === 'binary_expression' && n.childForFieldName('operator')?.text === '+') {
      for (const side of [n.childForFieldName('left'), n.childForFieldName('right')]) if (side) collect(side);
    } else parts.push(n);
  };
  collect(arg);
  return parts.some((p) => p.type === 'string_literal') && parts.some((p) => !context.dialect.isConstantString(p) && !/literal$/.test(p.type));
}

export const concatInsideAppend: Rule = {
  meta: {
    id: 'concat-inside-append',
    title: 'Strings joined with `+` inside `StringBuilder.append()` in a loop',
    languages: ['java'],
    severity: 'info',
    confidence: 'high',
    why:
      '`sb.append(name + ": " + value)` first builds a temporary string from the `+` (a hidden ' +
      'builder or a concat call, and a new `String`), then copies it into `sb`. Every part is ' +
      'copied twice and one string is allocated per call, which is the work the builder was ' +
      'there to avoid; inside a loop it is repeated for every item.',
    fix: 'Chain the appends: `sb.append(name).append(": ").append(value)`.',
    examples: {
      java: {
        flagged: 'for (Item item : items) {\n    sb.append(item.getName() + "=" + item.getValue() + "\\n");\n}',
        useInstead: 'for (Item item : items) {\n    sb.append(item.getName()).append(\'=\').append(item.getValue()).append(\'\\n\');\n}',
      },
    },
    references: [
      { title: 'PMD: InefficientStringBuffering', url: 'https://docs.pmd-code.org/latest/pmd_rules_java_performance.html#inefficientstringbuffering' },
      { title: 'Java: StringBuilder.append', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/StringBuilder.html#append(java.lang.String)' },
    ],
    peers: ['PMD InefficientStringBuffering'],
  },

  check(context) {
    const { dialect } = context;
    for (const site of context.facts.sites.call) {
      const loop = site.loops[0];
      const receiver = loop && site.node.type === 'method_invocation' ? dialect.receiver(site.node) : undefined;
      const args = dialect.callArgs(site.node);
      if (!receiver || lastSegment(dialect.calleePath(site.node)) !== 'append' || args.length !== 1) continue;
      if (!concatenates(context, args[0]) || !isBuilder(context, receiver) || runsOncePerLoop(site.node, loop.node)) continue;
      context.report(
        args[0],
        `${quote(args[0].text)} builds a temporary string before \`${receiver.text}.append\` copies it, ${repetition(loop)}: chain the parts as \`.append(…).append(…)\``,
        loopsRelated(site.loops),
      );
    }
  },
};
