/**
 * linked-list-get-in-loop: `list.get(i)` on a Java `LinkedList` inside a loop. Each call walks
 * the chain from the nearer end, so reading the list by index is quadratic.
 */
import type { Node } from 'web-tree-sitter';
import { declarationInScope } from '../syntax/scopes';
import { lastSegment } from '../syntax/paths';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule, RuleContext } from './rule';

const BY_INDEX = new Set(['get', 'set']);

/** True when the declaration of the receiver shows a `LinkedList`: its written type or its value. */
function isLinkedList(context: RuleContext, receiver: Node): boolean {
  if (receiver.type !== 'identifier') return false;
  const declaration = declarationInScope(context.language, receiver, receiver.text);
  if (!declaration) return false;
  if (/^(java\.util\.)?LinkedList\b/.test(declaration.type?.text ?? '')) return true;
  const value = declaration.value;
  return value?.type === 'object_creation_expression' && /^new (java\.util\.)?LinkedList\b/.test(context.dialect.calleePath(value));
}

export const linkedListGetInLoop: Rule = {
  meta: {
    id: 'linked-list-get-in-loop',
    title: '`LinkedList` read by index inside a loop',
    languages: ['java'],
    severity: 'warning',
    confidence: 'high',
    why:
      'A `LinkedList` has no index: `get(i)` and `set(i, x)` follow links from the nearer end ' +
      'until they reach position `i`. A loop that reads the list by index makes about n²/4 ' +
      'steps in all, so 100,000 items take billions of pointer hops, each likely a cache miss.',
    fix:
      'Iterate the list itself (`for (T x : list)`, or a `ListIterator` to change items as you ' +
      'go), or use an `ArrayList`, whose `get(i)` is a constant-time array read.',
    examples: {
      java: {
        flagged: 'LinkedList<Row> rows = load();\nfor (int i = 0; i < rows.size(); i++) {\n    print(rows.get(i));\n}',
        useInstead: 'LinkedList<Row> rows = load();\nfor (Row row : rows) {\n    print(row);\n}',
      },
    },
    references: [
      { title: 'Java: LinkedList (indexed operations traverse the list)', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/LinkedList.html' },
      { title: 'Java: RandomAccess marker interface', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/RandomAccess.html' },
    ],
  },

  check(context) {
    const { dialect } = context;
    for (const site of context.facts.sites.call) {
      const loop = site.loops[0];
      const receiver = loop && dialect.receiver(site.node);
      if (!receiver || site.node.type !== 'method_invocation') continue;
      const method = lastSegment(dialect.calleePath(site.node));
      if (!BY_INDEX.has(method) || dialect.callArgs(site.node).length !== (method === 'get' ? 1 : 2) || !isLinkedList(context, receiver)) continue;
      context.report(
        site.node,
        `${quote(`${receiver.text}.${method}(…)`)} walks the \`LinkedList\` \`${receiver.text}\` from one end ${repetition(loop)}: iterate the list itself, or use an \`ArrayList\``,
        loopsRelated(site.loops),
      );
    }
  },
};
