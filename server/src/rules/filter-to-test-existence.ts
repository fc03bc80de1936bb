/**
 * filter-to-test-existence: a whole collection filtered into a new one only to ask whether any
 * item matched (`xs.filter(p).length > 0`, `xs.filter(p)[0]`, Java's
 * `stream.filter(p).count() > 0`), where `some`/`find`/`anyMatch` stop at the first match.
 */
import type { Node } from 'web-tree-sitter';
import { callsNamed } from '../syntax/named-calls';
import { lastSegment } from '../syntax/paths';
import { declarationInScope } from '../syntax/scopes';
import { quote } from './describe';
import type { Rule, RuleContext } from './rule';

const FILTERS = /\.\s*(filter)\s*\(/g;

/**
 * Comparisons that ask "is it empty?", written with the count on the left: `> 0`, `!== 0`,
 * `>= 1`, `=== 0`, `< 1`. `=== 1` asks for exactly one match, which `some` cannot answer.
 */
const EMPTINESS = new Set(['> 0', '>= 1', '!= 0', '!== 0', '== 0', '=== 0', '< 1', '<= 0']);

/** The same comparison with its sides swapped: `0 < n` reads `n > 0`. */
const MIRRORED: Readonly<Record<string, string>> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

function unwrap(node: Node | null): Node | null {
  let n = node;
  while (n?.parent?.type === 'parenthesized_expression') n = n.parent;
  return n;
}

/** True when `node` is compared with 0 or 1 in a test of emptiness. */
function testsEmptiness(node: Node): boolean {
  const comparison = unwrap(node)?.parent;
  if (comparison?.type !== 'binary_expression') return false;
  const left = comparison.childForFieldName('left');
  const right = comparison.childForFieldName('right');
  const operator = comparison.childForFieldName('operator')?.text ?? '';
  const other = left && unwrap(node)?.equals(left) ? right : left;
  if (!other || !/^[01]L?$/.test(other.text)) return false;
  const value = other.text.replace(/L$/, '');
  return EMPTINESS.has(left?.equals(other) ? `${MIRRORED[operator] ?? operator} ${value}` : `${operator} ${value}`);
}

/** What the filter call is used for, and what to use instead; undefined when the result is used as a list. */
function existenceTest(context: RuleContext, filter: Node): { shown: string; instead: string } | undefined {
  const { dialect, language } = context;
  const parent = unwrap(filter)?.parent;
  if (!parent) return undefined;
  if (language === 'java') {
    // `….filter(p).count() > 0` counts every match. Streams are lazy, so `….filter(p).findFirst()
    // .isPresent()` stops at the first match as `anyMatch` does: a matter of style, not cost.
    const next = parent.type === 'method_invocation' && dialect.receiver(parent)?.equals(filter) ? parent : undefined;
    if (next && lastSegment(dialect.calleePath(next)) === 'count' && testsEmptiness(next)) return { shown: '.filter(…).count()', instead: '`anyMatch(…)` (or `noneMatch`)' };
    return undefined;
  }
  if (parent.type === 'member_expression' && parent.childForFieldName('property')?.text === 'length' && testsEmptiness(parent)) {
    return { shown: '.filter(…).length', instead: '`some(…)`' };
  }
  if (parent.type === 'subscript_expression' && parent.childForFieldName('index')?.text === '0') {
    return { shown: '.filter(…)[0]', instead: '`find(…)`' };
  }
  return undefined;
}

/** Method names that change something: a predicate named so has effects `anyMatch` would skip. */
const EFFECTS = /^(?:add|put|remove|set|offer|push|poll|insert|delete|update|write|send|process|handle|apply|accept|register|mark|take|consume|record|track|emit|dispatch)/;

/**
 * True when the predicate may change state (`filter(this::add)`): every item must then be
 * tested, and stopping at the first match would change what the code does.
 */
function predicateHasEffects(context: RuleContext, filter: Node): boolean {
  const predicate = context.dialect.callArgs(filter)[0];
  if (!predicate) return false;
  if (predicate.type === 'method_reference') return EFFECTS.test(predicate.lastNamedChild?.text ?? '');
  return predicate
    .descendantsOfType([...context.dialect.callTypes, 'assignment_expression', 'augmented_assignment_expression', 'update_expression'])
    .some((n) => !!n && (!context.dialect.callTypes.has(n.type) || EFFECTS.test(lastSegment(context.dialect.calleePath(n)))));
}

/** Names that say a collection: `orders`, `userList`, `items`. */
const PLURAL = /(?:s|list|array|arr|items)$/i;

/** Uses that only an array (or a string) allows: how a function shows its parameter is one. */
function arrayEvidence(name: string): RegExp {
  const n = name.replace(/\$/g, '\\$');
  return new RegExp(`isArray\\(\\s*${n}\\s*\\)|(^|[^\\w$.])${n}\\s*(?:\\.\\s*(?:length|push|slice|indexOf|includes|concat)\\b|\\[)`);
}

/**
 * True when, in JavaScript, the receiver is a parameter with a singular name (`expression`, not
 * `orders`) that the function never treats as an array: other classes have a `filter` too (an
 * expression tree's `node.filter(test)` walks the tree and has no `some` or `find`), and nothing
 * then says the rewrite applies. TypeScript's annotations and the other receivers (members,
 * variables, results of calls) are taken as they come.
 */
function untypedParameter(context: RuleContext, filter: Node): boolean {
  const receiver = context.dialect.receiver(filter);
  if (context.language !== 'javascript' || receiver?.type !== 'identifier' || PLURAL.test(receiver.text)) return false;
  const declaration = declarationInScope(context.language, receiver, receiver.text);
  let fn: Node | null = null;
  for (let n = declaration?.name.parent ?? null; n; n = n.parent) {
    if (n.type === 'formal_parameters') fn = n.parent;
    if (fn || context.dialect.functionTypes.has(n.type)) break;
  }
  const body = fn?.childForFieldName('body');
  return !!body && !arrayEvidence(receiver.text).test(body.text);
}

export const filterToTestExistence: Rule = {
  meta: {
    id: 'filter-to-test-existence',
    title: 'Collection filtered only to test whether any item matches',
    languages: ['javascript', 'typescript', 'java'],
    severity: 'info',
    confidence: 'high',
    why:
      '`filter` tests every item and copies the matches into a new array or stream result, ' +
      'even when the code only asks whether there is one (`.length > 0`, `.count() > 0`) or ' +
      'wants the first (`[0]`). `some`, `find` and `anyMatch` stop at the first ' +
      'match and allocate nothing, so on a large collection where a match comes early they do ' +
      'a fraction of the work.',
    fix:
      'Use `items.some(p)` for "is there one", `items.find(p)` for "the first one" in ' +
      'JavaScript and TypeScript; `stream.anyMatch(p)` (or `noneMatch`) in Java.',
    examples: {
      javascript: {
        flagged: 'if (orders.filter((o) => o.overdue).length > 0) {\n  notify();\n}',
        useInstead: 'if (orders.some((o) => o.overdue)) {\n  notify();\n}',
      },
      typescript: {
        flagged: 'const admin = users.filter((u) => u.role === "admin")[0];',
        useInstead: 'const admin = users.find((u) => u.role === "admin");',
      },
      java: {
        flagged: 'if (orders.stream().filter(Order::isOverdue).count() > 0) {\n    notify();\n}',
        useInstead: 'if (orders.stream().anyMatch(Order::isOverdue)) {\n    notify();\n}',
      },
    },
    references: [
      { title: 'MDN: Array.prototype.some()', url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Array/some' },
      { title: 'eslint-plugin-unicorn: prefer-array-some', url: 'https://github.com/sindresorhus/eslint-plugin-unicorn/blob/main/docs/rules/prefer-array-some.md' },
      { title: 'eslint-plugin-unicorn: prefer-array-find', url: 'https://github.com/sindresorhus/eslint-plugin-unicorn/blob/main/docs/rules/prefer-array-find.md' },
      { title: 'Java: Stream.anyMatch', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/stream/Stream.html#anyMatch(java.util.function.Predicate)' },
    ],
    peers: ['eslint-plugin-unicorn prefer-array-some and prefer-array-find', 'SonarJava S4034'],
  },

  check(context) {
    const words = context.language === 'java' ? /\b(filter)\s*\(/g : FILTERS;
    for (const filter of callsNamed(context.root, context.dialect, words)) {
      if (lastSegment(context.dialect.calleePath(filter)) !== 'filter' || !context.dialect.receiver(filter)) continue;
      const test = existenceTest(context, filter);
      if (!test || predicateHasEffects(context, filter) || untypedParameter(context, filter)) continue;
      const node = unwrap(filter)?.parent ?? filter;
      context.report(node, `${quote(test.shown)} filters every item to test for one: use ${test.instead}, which stops at the first match`);
    }
  },
};
