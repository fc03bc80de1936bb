/**
 * list-summed-with-start: `sum(lists, [])` in Python, which flattens a list of lists by adding
 * them one at a time, copying the growing result on every addition.
 */
import type { Node } from 'web-tree-sitter';
import { callsNamed } from '../syntax/named-calls';
import { quote } from './describe';
import type { Rule, RuleContext } from './rule';

const SUMS = /\b(sum)\s*\(/g;

/** The start value of `sum(items, start)` or `sum(items, start=…)`, when it is an empty list or tuple. */
function emptySequenceStart(context: RuleContext, call: Node): Node | undefined {
  if (context.dialect.calleePath(call) !== 'sum') return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a && a.type !== 'comment') ?? [];
  if (args.length !== 2) return undefined;
  const second = args[1];
  const start = second.type === 'keyword_argument' && second.childForFieldName('name')?.text === 'start' ? second.childForFieldName('value') : second;
  if (!start || (start.type !== 'list' && start.type !== 'tuple')) return undefined;
  return start.namedChildCount === 0 ? start : undefined;
}

export const listSummedWithStart: Rule = {
  meta: {
    id: 'list-summed-with-start',
    title: 'Lists flattened with `sum(lists, [])`',
    languages: ['python'],
    severity: 'warning',
    confidence: 'high',
    why:
      '`sum(lists, [])` computes `[] + lists[0] + lists[1] + …` one addition at a time, and ' +
      'each `+` builds a new list holding everything so far. Flattening n lists of k items ' +
      'copies about n²k/2 items: with a thousand lists of ten, some five million copies for a ' +
      'result of ten thousand items.',
    fix: 'Flatten in one pass: `list(itertools.chain.from_iterable(lists))` or `[x for xs in lists for x in xs]`.',
    examples: {
      python: {
        flagged: 'rows = sum([page.rows for page in pages], [])',
        useInstead: 'rows = [row for page in pages for row in page.rows]',
      },
    },
    references: [
      { title: 'Python: sum() (recommends itertools.chain for sequences)', url: 'https://docs.python.org/3/library/functions.html#sum' },
      { title: 'Python: itertools.chain.from_iterable', url: 'https://docs.python.org/3/library/itertools.html#itertools.chain.from_iterable' },
      { title: 'Ruff: quadratic-list-summation (RUF017)', url: 'https://docs.astral.sh/ruff/rules/quadratic-list-summation/' },
    ],
    peers: ['ruff RUF017 quadratic-list-summation'],
  },

  check(context) {
    for (const call of callsNamed(context.root, context.dialect, SUMS)) {
      const start = emptySequenceStart(context, call);
      if (!start) continue;
      context.report(
        call,
        `${quote(call.text)} copies the growing result on every addition: quadratic in the number of lists; use \`list(itertools.chain.from_iterable(…))\` or a comprehension`,
      );
    }
  },
};
