/**
 * sort-in-loop: the same collection sorted on every round of a loop, either unchanged (the
 * sort could run once) or after each addition (a heap or a sorted insert keeps it in order).
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../syntax/languages';
import { collectionKeptAcross, sitesWithin } from '../syntax/loop-invariance';
import { lastSegment } from '../syntax/paths';
import { exitsAfter } from '../syntax/runs-once';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule, RuleContext } from './rule';

interface Sorts {
  /** Functions that sort (or copy sorted) their first argument. */
  functions: ReadonlySet<string>;
  /** Methods that sort their receiver. */
  methods: ReadonlySet<string>;
  /** What to do when the collection grows inside the loop. */
  growing: string;
}

const JS: Sorts = {
  functions: new Set(),
  methods: new Set(['sort', 'toSorted']),
  growing: 'insert each item at its place (a binary search) or keep a heap',
};

const SORTS: Record<LanguageId, Sorts> = {
  python: { functions: new Set(['sorted']), methods: new Set(['sort']), growing: 'keep it ordered with `bisect.insort` or use a `heapq` heap' },
  javascript: JS,
  typescript: JS,
  go: {
    functions: new Set([
      'sort.Slice', 'sort.SliceStable', 'sort.Strings', 'sort.Ints', 'sort.Float64s',
      'slices.Sort', 'slices.SortFunc', 'slices.SortStableFunc',
    ]),
    methods: new Set(),
    growing: 'insert each item at its place (`slices.BinarySearch`, `slices.Insert`) or keep a `container/heap`',
  },
  java: {
    functions: new Set(['Collections.sort', 'Arrays.sort', 'Arrays.parallelSort']),
    methods: new Set(['sort']),
    growing: 'keep a `PriorityQueue` or a `TreeSet`/`TreeMap` instead',
  },
};

/** Expressions that name a collection: a variable or a member chain (`self.items`, `this.queue`). */
const NAMED = new Set([
  'identifier', 'attribute', 'member_expression', 'selector_expression', 'field_access',
]);

/** What a JavaScript copy before a sort copies: `xs` in `[...xs].sort()` and `xs.slice().sort()`. */
function copied(context: RuleContext, node: Node): Node | undefined {
  if (node.type === 'array' && node.namedChildCount === 1 && node.namedChild(0)?.type === 'spread_element') {
    return node.namedChild(0)?.namedChild(0) ?? undefined;
  }
  if (node.type === 'call_expression' && lastSegment(context.dialect.calleePath(node)) === 'slice' && context.dialect.callArgs(node).length === 0) {
    return context.dialect.receiver(node);
  }
  return undefined;
}

/** The collection a call sorts, if it is a sort. */
function sorted(context: RuleContext, call: Node): Node | undefined {
  const { dialect, language } = context;
  const sorts = SORTS[language];
  const path = dialect.calleePath(call);
  if (sorts.functions.has(path)) {
    const first = dialect.callArgs(call)[0];
    // Python's keyword arguments come in any order: only a positional one is the collection.
    return first && first.parent?.type !== 'keyword_argument' ? first : undefined;
  }
  const receiver = dialect.receiver(call);
  if (!receiver || !sorts.methods.has(lastSegment(path))) return undefined;
  // `Collections.sort` and the like are functions; a method on a class name is not a list's sort.
  if (receiver.type === 'identifier' && /^[A-Z][a-z]/.test(receiver.text) && language === 'java') return undefined;
  // Java's `List.sort` takes a comparator (or null); a `sort()` of no argument is a class's own.
  if (language === 'java' && dialect.callArgs(call).length !== 1) return undefined;
  return copied(context, receiver) ?? receiver;
}

/** Calls that reorder a collection they are given or called on: `random.shuffle(xs)`, `xs.reverse()`. */
const REORDERS = /shuffle|reverse|rotate|swap/i;

/** Methods that change the collection they are called on. */
const MUTATES = /^(?:pop|push|shift|unshift|splice|add|remove|delete|clear|append|extend|insert|set|put|poll|offer)$/;

/**
 * True when an inner loop over the collection changes its items (`for (const { list } of groups)
 * list.pop()`): the items the sort compares are not the same from one round to the next, so it
 * must sort again.
 */
function itemsChanged(context: RuleContext, name: string, loop: Node): boolean {
  const { dialect, facts } = context;
  const calls = sitesWithin(facts.sites.call, loop);
  return facts.loops.some((inner) => {
    if (inner.node.startIndex < loop.startIndex || inner.node.endIndex > loop.endIndex || inner.iterable?.text !== name) return false;
    const names = new Set(inner.node.text.slice(0, inner.iterable.startIndex - inner.node.startIndex).match(/[A-Za-z_$][\w$]*/g) ?? []);
    return calls.some((site) => {
      if (site.node.startIndex < inner.node.startIndex || site.node.endIndex > inner.node.endIndex) return false;
      const first = dialect.calleePath(site.node).split('.');
      return first.length >= 2 && names.has(first[0]) && MUTATES.test(first[first.length - 1]);
    });
  });
}

/**
 * True when something else in the loop reorders or empties the collection, so that sorting it
 * again is not repeated work: it is emptied (`xs.clear()`, `xs.length = 0`) or shuffled.
 */
function changedOtherwise(context: RuleContext, collection: Node, loop: Node): boolean {
  const { dialect, facts } = context;
  const name = collection.text;
  const calls = sitesWithin(facts.sites.call, loop);
  if (calls.some((s) => dialect.calleePath(s.node) === `${name}.clear`)) return true;
  if (itemsChanged(context, name, loop)) return true;
  if (sitesWithin(facts.sites.assign, loop).some((s) => dialect.assignment(s.node)?.target.text === `${name}.length`)) return true;
  return calls.some((s) => {
    if (!REORDERS.test(lastSegment(dialect.calleePath(s.node)))) return false;
    return dialect.receiver(s.node)?.text === name || dialect.callArgs(s.node).some((a) => a.text === name);
  });
}

export const sortInLoop: Rule = {
  meta: {
    id: 'sort-in-loop',
    title: 'The same collection sorted on every iteration of a loop',
    languages: ['python', 'javascript', 'typescript', 'go', 'java'],
    severity: 'warning',
    confidence: 'medium',
    why:
      'A sort costs about n log n comparisons each time it runs. Sorting a collection that the ' +
      'loop does not replace repeats that work once per iteration: when the collection does not ' +
      'change the result is the same every time, and when the loop adds an item and sorts again ' +
      'to keep it in order, the loop costs n² log n where keeping the order as items arrive ' +
      'costs n log n. Only collections that outlive the iteration are flagged: a list built or ' +
      'read fresh in each round is sorted once.',
    fix:
      'If the loop does not change the collection, sort it once before the loop. If the loop ' +
      'adds to it, keep it ordered as it grows (`bisect.insort` or `heapq` in Python, a binary ' +
      'search and insert in JavaScript and Go, a `PriorityQueue` or `TreeSet` in Java), or ' +
      'sort once after the loop if the order is only needed then.',
    examples: {
      python: {
        flagged: 'for order in orders:\n    top = sorted(customers, key=lambda c: c.spend)[-10:]\n    notify(order, top)',
        useInstead: 'top = sorted(customers, key=lambda c: c.spend)[-10:]\nfor order in orders:\n    notify(order, top)',
      },
      javascript: {
        flagged: 'for (const job of incoming) {\n  queue.push(job);\n  queue.sort((a, b) => a.priority - b.priority);\n}',
        useInstead: 'queue.push(...incoming);\nqueue.sort((a, b) => a.priority - b.priority);',
      },
      typescript: {
        flagged: 'function ranks(scores: number[], players: Player[]) {\n  return players.map((p) => [...scores].sort((a, b) => b - a).indexOf(p.score));\n}',
        useInstead: 'function ranks(scores: number[], players: Player[]) {\n  const ordered = [...scores].sort((a, b) => b - a);\n  return players.map((p) => ordered.indexOf(p.score));\n}',
      },
      go: {
        flagged: 'for _, e := range events {\n\ttimes = append(times, e.At)\n\tsort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })\n}',
        useInstead: 'for _, e := range events {\n\ttimes = append(times, e.At)\n}\nsort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })',
      },
      java: {
        flagged: 'for (Task task : tasks) {\n    pending.add(task);\n    Collections.sort(pending, BY_DEADLINE);\n    schedule(pending.get(0));\n}',
        useInstead: 'PriorityQueue<Task> pending = new PriorityQueue<>(BY_DEADLINE);\nfor (Task task : tasks) {\n    pending.add(task);\n    schedule(pending.peek());\n}',
      },
    },
    references: [
      { title: 'Python: bisect — array bisection algorithm', url: 'https://docs.python.org/3/library/bisect.html' },
      { title: 'Python: heapq — heap queue algorithm', url: 'https://docs.python.org/3/library/heapq.html' },
      { title: 'MDN: Array.prototype.sort()', url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Array/sort' },
      { title: 'Go: container/heap', url: 'https://pkg.go.dev/container/heap' },
      { title: 'Java: PriorityQueue', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/PriorityQueue.html' },
    ],
  },

  check(context) {
    const { dialect, facts, language } = context;
    for (const site of facts.sites.call) {
      const loop = site.loops[0];
      const collection = loop && sorted(context, site.node);
      if (!collection || !NAMED.has(collection.type)) continue;
      if (!collectionKeptAcross(language, facts, dialect, collection, loop) || exitsAfter(site.node, loop.node)) continue;
      if (changedOtherwise(context, collection, loop.node)) continue;
      const receiver = dialect.receiver(site.node);
      const path = dialect.calleePath(site.node);
      const shown = SORTS[language].functions.has(path) || !receiver ? `${path}()` : `${receiver.text}.${lastSegment(path)}()`;
      context.report(
        site.node,
        `${quote(shown)} sorts the same ${quote(collection.text)} ${repetition(loop)}: sort it once before the loop, or if the loop adds to it, ${SORTS[language].growing}`,
        loopsRelated(site.loops),
      );
    }
  },
};
