/**
 * object-keys-membership: `Object.keys(obj).includes(key)` (or `.indexOf(key)`), which lists
 * every key of the object into a new array and scans it, to answer what one property lookup
 * answers.
 */
import type { Node } from 'web-tree-sitter';
import { callsNamed } from '../syntax/named-calls';
import { lastSegment } from '../syntax/paths';
import { quote } from './describe';
import type { Rule, RuleContext } from './rule';

const SEARCHES = /\.\s*(includes|indexOf)\s*\(/g;

/** The object of `Object.keys(obj)`, when the search's receiver is that call. */
function keysOf(context: RuleContext, search: Node): Node | undefined {
  const receiver = context.dialect.receiver(search);
  if (!receiver || receiver.type !== 'call_expression' || context.dialect.calleePath(receiver) !== 'Object.keys') return undefined;
  const args = context.dialect.callArgs(receiver);
  return args.length === 1 && context.dialect.callArgs(search).length === 1 ? args[0] : undefined;
}

export const objectKeysMembership: Rule = {
  meta: {
    id: 'object-keys-membership',
    title: '`Object.keys(obj).includes(key)` to test for a property',
    languages: ['javascript', 'typescript'],
    severity: 'info',
    confidence: 'high',
    why:
      '`Object.keys(obj)` builds a new array of every own key of the object, and `includes` or ' +
      '`indexOf` then compares the key with each of them. Both grow with the size of the ' +
      'object, and the array is garbage at once, while a property lookup answers the same ' +
      'question with one hash lookup. On an object used as a dictionary of thousands of ' +
      'entries, each test costs thousands of comparisons.',
    fix:
      'Test the property directly: `Object.hasOwn(obj, key)` (or ' +
      '`Object.prototype.hasOwnProperty.call(obj, key)` on older runtimes), or keep the data in ' +
      'a `Map` or `Set` and call `has(key)`.',
    examples: {
      javascript: {
        flagged: 'if (Object.keys(cache).includes(id)) {\n  return cache[id];\n}',
        useInstead: 'if (Object.hasOwn(cache, id)) {\n  return cache[id];\n}',
      },
      typescript: {
        flagged: 'const known = users.filter((u) => Object.keys(rolesById).indexOf(u.id) >= 0);',
        useInstead: 'const known = users.filter((u) => Object.hasOwn(rolesById, u.id));',
      },
    },
    references: [
      { title: 'MDN: Object.hasOwn()', url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Object/hasOwn' },
      { title: 'MDN: Object.keys()', url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Object/keys' },
    ],
  },

  check(context) {
    for (const search of callsNamed(context.root, context.dialect, SEARCHES)) {
      const object = keysOf(context, search);
      if (!object) continue;
      const method = lastSegment(context.dialect.calleePath(search));
      context.report(
        search,
        `${quote(`Object.keys(${object.text}).${method}(…)`)} lists and scans every key of ${quote(object.text)} to test for one: use \`Object.hasOwn(${object.text.length > 30 ? 'obj' : object.text}, key)\` or a \`Map\``,
      );
    }
  },
};
