/**
 * accumulating-spread: an accumulator rebuilt as a copy of itself plus one item on every round
 * (`acc = [...acc, x]`, `(acc, x) => ({ ...acc, [x.id]: x })`, `acc = acc + [x]`), which copies
 * everything gathered so far each time.
 */
import type { Node } from 'web-tree-sitter';
import type { Func } from '../syntax/facts';
import { declaredInLoop } from '../syntax/loop-invariance';
import { declarationInScope } from '../syntax/scopes';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule, RuleContext } from './rule';

/** Spreads of a whole collection into a new literal, per grammar: `...acc`, `*acc`, `**acc`. */
const SPREADS = new Set(['spread_element', 'list_splat', 'dictionary_splat']);
const LITERALS = new Set(['object', 'array', 'list', 'dictionary']);

function unwrap(node: Node): Node {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.firstNamedChild) n = n.firstNamedChild;
  return n;
}

/** Sequences written out item by item: JavaScript arrays, Python lists and tuples. */
const SEQUENCES = new Set(['array', 'list', 'tuple']);
/** Wrappers around such a literal: `[…] as const`, `[…] satisfies T`, `(…)`. */
const LITERAL_WRAPPERS = new Set(['as_expression', 'satisfies_expression', 'parenthesized_expression', 'non_null_expression']);
/** Up to this many written-out items, copying on each of them is bounded, not quadratic. */
const FEW_ITEMS = 16;

/**
 * True when the loop goes over a literal of a few items written out, with no spread
 * (`for (const key of ["anyOf", "oneOf"] as const)`): the copies are a fixed few.
 */
function overFewWrittenOut(iterable: Node | undefined): boolean {
  let n = iterable;
  while (n && LITERAL_WRAPPERS.has(n.type) && n.firstNamedChild) n = n.firstNamedChild;
  if (!n || !SEQUENCES.has(n.type)) return false;
  const items = n.namedChildren.filter((c) => !!c && c.type !== 'comment');
  return items.length <= FEW_ITEMS && !items.some((c) => !!c && SPREADS.has(c.type));
}

/**
 * True when `value` builds a new collection from all of `name` and more: a literal that spreads
 * it, `Object.assign({}, name, …)`, or in Python `name + [...]` and `name | {...}`.
 */
function copiesWhole(context: RuleContext, value: Node, name: string): boolean {
  const node = unwrap(value);
  if (LITERALS.has(node.type)) {
    return node.namedChildCount > 1 && node.namedChildren.some((c) => !!c && SPREADS.has(c.type) && c.namedChild(0)?.text === name);
  }
  if (node.type === 'call_expression' && context.dialect.calleePath(node) === 'Object.assign') {
    const [target, source] = context.dialect.callArgs(node);
    return target?.type === 'object' && target.namedChildCount === 0 && source?.text === name;
  }
  if (node.type === 'binary_operator') {
    const operator = node.childForFieldName('operator')?.text;
    const right = node.childForFieldName('right');
    const literal = operator === '+' ? 'list' : operator === '|' ? 'dictionary' : undefined;
    return !!literal && node.childForFieldName('left')?.text === name && right?.type === literal;
  }
  return false;
}

/** The accumulator parameter of a `.reduce()` callback: its first parameter, when it is a plain name. */
function accumulator(fn: Func): string | undefined {
  if (!fn.callback?.label.includes('.reduce')) return undefined;
  const node = fn.node;
  const single = node.childForFieldName('parameter');
  if (single) return single.type === 'identifier' ? single.text : undefined;
  const first = node.childForFieldName('parameters')?.namedChild(0);
  const name = first?.type === 'identifier' ? first : first?.childForFieldName('pattern');
  return name?.type === 'identifier' ? name.text : undefined;
}

/** The values a function returns: an arrow's expression body, or its own `return` statements. */
function returnedValues(fn: Node, functionTypes: ReadonlySet<string>): Node[] {
  const body = fn.childForFieldName('body');
  if (!body) return [];
  if (body.type !== 'statement_block') return [body];
  return body.descendantsOfType('return_statement').flatMap((r) => {
    if (!r || !r.firstNamedChild) return [];
    // A return of a function nested in the callback belongs to that function.
    for (let n = r.parent; n && !n.equals(fn); n = n.parent) if (functionTypes.has(n.type)) return [];
    return [r.firstNamedChild];
  });
}

const ADVICE: Record<string, string> = {
  python: 'add to it in place (`append`, `extend`, `d[k] = v`, `update`)',
  javascript: 'add to it in place (`push`, `acc[key] = value`) or build it with `Object.fromEntries` or a `Map`',
};

function advice(language: string): string {
  return ADVICE[language] ?? ADVICE.javascript;
}

export const accumulatingSpread: Rule = {
  meta: {
    id: 'accumulating-spread',
    title: 'Accumulator copied into a new object or array on every iteration',
    languages: ['javascript', 'typescript', 'python'],
    severity: 'warning',
    confidence: 'high',
    why:
      'Spreading an accumulator into a new literal (`{ ...acc, [k]: v }`, `[...acc, x]`), or in ' +
      'Python concatenating it with one more item (`acc = acc + [x]`, `{**acc, k: v}`), copies ' +
      'every entry gathered so far. Done once per item, building n entries copies about n²/2 of ' +
      'them: 10,000 items mean some 50 million copies and as many short-lived objects for the ' +
      'garbage collector. It is the usual way a `.reduce()` that builds an object turns slow.',
    fix:
      'Add to one accumulator in place: `acc[key] = value; return acc;` or `acc.push(x)` in a ' +
      'reducer or loop, `Object.fromEntries(items.map(…))` or a `Map`; in Python `append`, ' +
      '`extend`, `d[k] = v` or `update`, or a comprehension.',
    examples: {
      javascript: {
        flagged: 'const byId = users.reduce((acc, user) => ({ ...acc, [user.id]: user }), {});',
        useInstead: 'const byId = Object.fromEntries(users.map((user) => [user.id, user]));',
      },
      typescript: {
        flagged: 'let tags: string[] = [];\nfor (const post of posts) {\n  tags = [...tags, ...post.tags];\n}',
        useInstead: 'const tags: string[] = [];\nfor (const post of posts) {\n  tags.push(...post.tags);\n}',
      },
      python: {
        flagged: 'totals = {}\nfor sale in sales:\n    totals = {**totals, sale.region: totals.get(sale.region, 0) + sale.amount}',
        useInstead: 'totals = {}\nfor sale in sales:\n    totals[sale.region] = totals.get(sale.region, 0) + sale.amount',
      },
    },
    references: [
      { title: 'Biome: noAccumulatingSpread', url: 'https://biomejs.dev/linter/rules/no-accumulating-spread/' },
      { title: 'MDN: Object.fromEntries()', url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Object/fromEntries' },
      { title: 'Python wiki: time complexity (list and dict copies)', url: 'https://wiki.python.org/moin/TimeComplexity' },
    ],
    peers: ['Biome noAccumulatingSpread (reduce only)', 'oxlint no-accumulating-spread'],
  },

  check(context) {
    const { dialect, facts, language } = context;
    // Reducers that return a copy of their accumulator.
    for (const fn of facts.functions) {
      const name = accumulator(fn);
      if (!name || !fn.callback || overFewWrittenOut(fn.callback.iterable)) continue;
      for (const value of returnedValues(fn.node, dialect.functionTypes)) {
        if (!copiesWhole(context, value, name)) continue;
        context.report(
          unwrap(value),
          `${quote(unwrap(value).text)} copies the accumulator \`${name}\` for each item of ${quote(fn.callback.iterable?.text ?? 'the array')}: quadratic in the number of items; ${advice(language)}`,
        );
      }
    }
    // Loops that replace a variable declared outside them with a copy of itself.
    for (const site of facts.sites.assign) {
      const loop = site.loops[0];
      const parts = loop && dialect.assignment(site.node);
      if (!parts || parts.operator !== '=' || parts.target.type !== 'identifier' || overFewWrittenOut(loop.iterable)) continue;
      const name = parts.target.text;
      if (!copiesWhole(context, parts.value, name)) continue;
      const declaration = declarationInScope(language, parts.target, name);
      if (!declaration || declaredInLoop(declaration, loop)) continue;
      context.report(
        site.node,
        `${quote(`${name} = ${unwrap(parts.value).text}`)} copies all of \`${name}\` ${repetition(loop)}: quadratic in the number of ${loop.iterable ? 'items' : 'iterations'}; ${advice(language)}`,
        loopsRelated(site.loops),
      );
    }
  },
};
