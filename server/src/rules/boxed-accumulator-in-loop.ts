/**
 * boxed-accumulator-in-loop: a Java counter or sum declared with a wrapper type (`Integer`,
 * `Long`, `Double`…) and updated on every round of a loop, which unboxes it and boxes a new
 * object each time.
 */
import type { Node } from 'web-tree-sitter';
import type { Loop } from '../syntax/facts';
import { declaredInLoop } from '../syntax/loop-invariance';
import { declarationInScope } from '../syntax/scopes';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule, RuleContext } from './rule';

const PRIMITIVES: Readonly<Record<string, string>> = {
  Integer: 'int', Long: 'long', Double: 'double', Float: 'float', Short: 'short', Byte: 'byte', Character: 'char',
};

/** A declaration with a wrapper type, as the text shows it: the scan is skipped in files with none. */
const BOXED_DECLARATION = /\b(?:Integer|Long|Double|Float|Short|Byte|Character)\s+\w+\s*[=;]/;

const ARITHMETIC = new Set(['+=', '-=', '*=', '/=', '%=', '++', '--']);

/** The variable an update changes, with its operator: `n += x`, `n++`, `n = n + x`. */
function updated(node: Node): { target: Node; operator: string } | undefined {
  if (node.type === 'update_expression') {
    const target = node.namedChild(0);
    const operator = node.children.find((c) => c?.type === '++' || c?.type === '--')?.type;
    return target?.type === 'identifier' && operator ? { target, operator } : undefined;
  }
  const target = node.childForFieldName('left');
  const operator = node.childForFieldName('operator')?.text ?? '';
  if (target?.type !== 'identifier') return undefined;
  if (ARITHMETIC.has(operator)) return { target, operator };
  const value = node.childForFieldName('right');
  const left = value?.type === 'binary_expression' ? value.childForFieldName('left') : undefined;
  return operator === '=' && left?.text === target.text ? { target, operator: `= ${target.text} ${value?.childForFieldName('operator')?.text ?? ''}` } : undefined;
}

/** The outermost loops: their subtrees hold every update inside any loop once. */
function outermost(loops: readonly Loop[]): Loop[] {
  const roots: Loop[] = [];
  let end = -1;
  for (const loop of loops) {
    if (loop.node.startIndex < end) continue;
    roots.push(loop);
    end = loop.node.endIndex;
  }
  return roots;
}

function check(context: RuleContext): void {
  const { facts, language } = context;
  const roots = outermost(facts.loops);
  if (roots.length === 0 || !BOXED_DECLARATION.test(roots[0].node.tree.rootNode.text)) return;
  const updates = [
    ...facts.sites.assign.map((s) => ({ node: s.node, loops: s.loops })),
    ...roots.flatMap((root) => root.node.descendantsOfType('update_expression').flatMap((n) => (n ? [{ node: n, loops: loopsAround(n, facts.loops) }] : []))),
  ];
  for (const { node, loops } of updates) {
    const loop = loops[0];
    const update = loop && updated(node);
    if (!update) continue;
    const declaration = declarationInScope(language, update.target, update.target.text);
    const wrapper = declaration?.type?.text;
    if (!declaration || !wrapper || !(wrapper in PRIMITIVES) || declaredInLoop(declaration, loop)) continue;
    context.report(
      node,
      `${quote(node.text)} unboxes the \`${wrapper}\` \`${update.target.text}\` and boxes a new one ${repetition(loop)}: declare it as \`${PRIMITIVES[wrapper]}\``,
      loopsRelated(loops),
    );
  }
}

/**
 * The loops that repeat a node, innermost first, up to the first function that is not a
 * per-item lambda (as the facts walk records them for its own sites).
 */
function loopsAround(node: Node, loops: readonly Loop[]): Loop[] {
  const byId = new Map(loops.map((l) => [l.node.id, l]));
  const found: Loop[] = [];
  for (let n = node.parent; n; n = n.parent) {
    const loop = byId.get(n.id);
    if (loop && !loop.once.some(([s, e]) => node.startIndex >= s && node.endIndex <= e)) found.push(loop);
    if ((n.type === 'method_declaration' || n.type === 'constructor_declaration' || n.type === 'lambda_expression') && !loop) break;
  }
  return found;
}

export const boxedAccumulatorInLoop: Rule = {
  meta: {
    id: 'boxed-accumulator-in-loop',
    title: 'Boxed `Integer`/`Long`/`Double` counter updated inside a loop',
    languages: ['java'],
    severity: 'info',
    confidence: 'high',
    why:
      'A variable declared as `Integer`, `Long` or `Double` holds a reference to an immutable ' +
      'object. `total += x` reads the number out of it, adds, and boxes the result into a new ' +
      'object (only small integers come from a cache), so a loop that counts or sums this way ' +
      'allocates once per iteration and keeps the garbage collector busy; a primitive `long` ' +
      'is added in a register.',
    fix: 'Declare the accumulator with the primitive type (`int`, `long`, `double`), and box it once at the end if a wrapper is needed.',
    examples: {
      java: {
        flagged: 'Long total = 0L;\nfor (Order order : orders) {\n    total += order.getAmount();\n}',
        useInstead: 'long total = 0L;\nfor (Order order : orders) {\n    total += order.getAmount();\n}',
      },
    },
    references: [
      { title: 'Java tutorial: autoboxing and unboxing', url: 'https://docs.oracle.com/javase/tutorial/java/data/autoboxing.html' },
      { title: 'Java: Long.valueOf (the cache of small values)', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/Long.html#valueOf(long)' },
    ],
  },
  check,
};
