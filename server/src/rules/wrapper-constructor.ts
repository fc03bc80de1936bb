/**
 * wrapper-constructor: `new Integer(…)`, `new Long(…)`, `new Boolean(…)` and the other wrapper
 * constructors, which always allocate where `valueOf` reuses cached instances.
 */
import type { Node } from 'web-tree-sitter';
import { callsNamed } from '../syntax/named-calls';
import { quote } from './describe';
import type { Rule } from './rule';

const WRAPPERS = /\bnew\s+(Integer|Long|Short|Byte|Character|Boolean|Double|Float)\s*\(/g;

/** True inside the wrapper class itself, whose `valueOf` cache has to construct its instances. */
function insideOwnClass(node: Node, type: string): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'class_declaration' && n.childForFieldName('name')?.text === type) return true;
  }
  return false;
}

export const wrapperConstructor: Rule = {
  meta: {
    id: 'wrapper-constructor',
    title: 'Boxed number or boolean created with `new`',
    languages: ['java'],
    severity: 'info',
    confidence: 'high',
    why:
      '`new Integer(n)` and the other wrapper constructors allocate a new object on every ' +
      'call. `Integer.valueOf(n)` returns a shared instance for small values (-128 to 127 at ' +
      'least, and `Boolean.valueOf` only ever returns `TRUE` or `FALSE`), and autoboxing uses ' +
      '`valueOf` too. The constructors are deprecated for removal since Java 9 for this reason.',
    fix: 'Call `valueOf` (`Integer.valueOf(n)`, `Boolean.valueOf(s)`), parse with `Integer.parseInt(s)` when a primitive will do, or let autoboxing convert.',
    examples: {
      java: {
        flagged: 'Integer count = new Integer(0);\nBoolean enabled = new Boolean(flag);',
        useInstead: 'Integer count = Integer.valueOf(0);\nBoolean enabled = Boolean.valueOf(flag);',
      },
    },
    references: [
      { title: 'Java: Integer(int) constructor (deprecated for removal)', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/Integer.html#%3Cinit%3E(int)' },
      { title: 'PMD: PrimitiveWrapperInstantiation', url: 'https://docs.pmd-code.org/latest/pmd_rules_java_bestpractices.html#primitivewrapperinstantiation' },
      { title: 'SpotBugs: DM_NUMBER_CTOR', url: 'https://spotbugs.readthedocs.io/en/stable/bugDescriptions.html#bx-method-invokes-inefficient-number-constructor-use-static-valueof-instead-dm-number-ctor' },
    ],
    peers: ['SpotBugs DM_NUMBER_CTOR and DM_BOOLEAN_CTOR', 'PMD PrimitiveWrapperInstantiation'],
  },

  check(context) {
    for (const creation of callsNamed(context.root, context.dialect, WRAPPERS)) {
      const type = creation.childForFieldName('type')?.text;
      if (creation.type !== 'object_creation_expression' || !type || creation.childForFieldName('body') || insideOwnClass(creation, type)) continue;
      context.report(creation, `${quote(`new ${type}(…)`)} allocates a new object on every call: use \`${type}.valueOf(…)\`, which reuses cached instances`);
    }
  },
};
