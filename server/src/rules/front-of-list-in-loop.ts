/**
 * front-of-list-in-loop: items taken from or put at the front of an array-backed list on every
 * round of a loop (`queue.pop(0)`, `list.remove(0)`, `items.unshift(x)`, Go's
 * `s = append([]T{x}, s...)`). Each one moves every other item, so the loop is quadratic.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../syntax/languages';
import { collectionKeptAcross, sitesWithin, declaredInLoop } from '../syntax/loop-invariance';
import { lastSegment } from '../syntax/paths';
import { runsOncePerLoop } from '../syntax/runs-once';
import { declarationInScope } from '../syntax/scopes';
import { loopsRelated, quote, repetition } from './describe';
import { runsFewRounds } from './per-item-loops';
import type { Rule, RuleContext } from './rule';

/** Methods that edit the front, and how many arguments they take when they do. */
const FRONT_METHODS: Partial<Record<LanguageId, ReadonlyMap<string, number>>> = {
  python: new Map([['pop', 1], ['insert', 2]]),
  // `shift()` is left out: V8 drops the first item of most arrays without moving the rest.
  javascript: new Map([['unshift', 1]]),
  typescript: new Map([['unshift', 1]]),
  java: new Map([['remove', 1], ['add', 2]]),
};

const ADVICE: Record<LanguageId, string> = {
  python: 'use a `collections.deque` and `popleft()`/`appendleft()`',
  javascript: 'push at the end and `reverse()` once after the loop (when the array already holds items, collect the new ones and `unshift(...)` them once)',
  typescript: 'push at the end and `reverse()` once after the loop (when the array already holds items, collect the new ones and `unshift(...)` them once)',
  java: 'use an `ArrayDeque` and `poll()`/`addFirst()`',
  go: 'append at the end and read the slice backwards, or build it in reverse once',
};

/**
 * True when a JavaScript loop also takes items off the array (`stack.pop()`, `queue.shift()`):
 * a work list the loop drains, kept short, where the order of what is added is the algorithm.
 */
function drainedIn(context: RuleContext, list: Node, loop: Node): boolean {
  if (context.language !== 'javascript' && context.language !== 'typescript') return false;
  const taken = new Set([`${list.text}.pop`, `${list.text}.shift`]);
  return sitesWithin(context.facts.sites.call, loop).some((site) => taken.has(context.dialect.calleePath(site.node)));
}

/** True when the first argument is the literal index 0 (Python's and Java's front). */
function atZero(context: RuleContext, call: Node): boolean {
  return context.dialect.callArgs(call)[0]?.text === '0';
}

/** True when the declaration shows an array-backed list: its written type, or its first value. */
function isArrayList(context: RuleContext, name: Node): boolean {
  const declaration = declarationInScope(context.language, name, name.text);
  if (!declaration) return false;
  const type = declaration.type?.text ?? '';
  const value = declaration.value;
  switch (context.language) {
    case 'python':
      if (/^(list|List)\b/.test(type)) return true;
      return !!value && (value.type === 'list' || value.type === 'list_comprehension' || /^(list|sorted)$/.test(value.type === 'call' ? context.dialect.calleePath(value) : ''));
    case 'javascript':
    case 'typescript':
      if (/\[\]$|^Array</.test(type.replace(/^:\s*/, ''))) return true;
      return !!value && (value.type === 'array' || /^(new Array|Array\.from|Array\.of)$/.test(context.dialect.callTypes.has(value.type) ? context.dialect.calleePath(value) : ''));
    case 'java':
      if (/^ArrayList\b/.test(type)) return true;
      return !!value && value.type === 'object_creation_expression' && /^new ArrayList\b/.test(context.dialect.calleePath(value));
    default:
      return false;
  }
}

/** The list a call edits at its front, if it is one of the methods above. */
function frontEdit(context: RuleContext, call: Node): Node | undefined {
  const { dialect, language } = context;
  const receiver = dialect.receiver(call);
  const arity = FRONT_METHODS[language]?.get(lastSegment(dialect.calleePath(call)));
  if (!receiver || receiver.type !== 'identifier' || arity === undefined) return undefined;
  if (dialect.callArgs(call).length !== arity) return undefined;
  if ((language === 'python' || language === 'java') && !atZero(context, call)) return undefined;
  return isArrayList(context, receiver) ? receiver : undefined;
}

/** The arguments as the message shows them: `0`, `0, …`, `…` or nothing. */
function shownArgs(args: readonly Node[]): string {
  return args.map((a, i) => (i === 0 && a.text === '0' ? '0' : '…')).join(', ');
}

/** Go: the slice `s` of `s = append([]T{x}, s...)`, which copies `s` behind a new first item. */
function goPrepend(context: RuleContext, assignment: Node): Node | undefined {
  const parts = context.dialect.assignment(assignment);
  const target = parts?.target.namedChildCount === 1 ? parts.target.namedChild(0) : undefined;
  const value = parts?.value.namedChildCount === 1 ? parts.value.namedChild(0) : undefined;
  if (!target || target.type !== 'identifier' || value?.type !== 'call_expression' || context.dialect.calleePath(value) !== 'append') return undefined;
  const [first, rest] = context.dialect.callArgs(value);
  const spread = rest?.type === 'variadic_argument' ? rest.namedChild(0) : undefined;
  return first?.type === 'composite_literal' && spread?.text === target.text ? target : undefined;
}

export const frontOfListInLoop: Rule = {
  meta: {
    id: 'front-of-list-in-loop',
    title: 'Items removed from or added at the front of a list inside a loop',
    languages: ['python', 'javascript', 'typescript', 'go', 'java'],
    severity: 'info',
    confidence: 'medium',
    why:
      'Python lists, Java `ArrayList`s, Go slices and JavaScript arrays keep their items side ' +
      'by side in one block. Taking the first item out (`pop(0)`, `remove(0)`) or putting one ' +
      'in front (`insert(0, x)`, `add(0, x)`, `unshift(x)`, `append([]T{x}, s...)`) moves ' +
      'every other item by one place, so a loop that drains or builds a long list this way ' +
      'costs time quadratic in its length. JavaScript\'s `shift()` is not flagged: V8 drops ' +
      'the first item of most arrays without moving the rest. Only lists whose declaration ' +
      'shows they are array-backed are flagged, and not in loops of a few rounds written in the ' +
      'source (`for i in range(4)`), where the list cannot grow long.',
    fix:
      'Use a double-ended queue: `collections.deque` with `popleft()` and `appendleft()` in ' +
      'Python, `ArrayDeque` in Java. In JavaScript and Go, add at the end and reverse once ' +
      'after the loop, or read the list from the back.',
    examples: {
      python: {
        flagged: 'queue = [root]\nwhile queue:\n    node = queue.pop(0)\n    queue.extend(node.children)',
        useInstead: 'queue = deque([root])\nwhile queue:\n    node = queue.popleft()\n    queue.extend(node.children)',
      },
      javascript: {
        flagged: 'const path = [];\nfor (let n = node; n; n = n.parent) {\n  path.unshift(n.name);\n}',
        useInstead: 'const path = [];\nfor (let n = node; n; n = n.parent) {\n  path.push(n.name);\n}\npath.reverse();',
      },
      typescript: {
        flagged: 'const lines: string[] = [];\nfor (const entry of log) {\n  lines.unshift(format(entry));\n}',
        useInstead: 'const lines: string[] = [];\nfor (const entry of log) {\n  lines.push(format(entry));\n}\nlines.reverse();',
      },
      go: {
        flagged: 'var path []string\nfor n := node; n != nil; n = n.Parent {\n\tpath = append([]string{n.Name}, path...)\n}',
        useInstead: 'var path []string\nfor n := node; n != nil; n = n.Parent {\n\tpath = append(path, n.Name)\n}\nslices.Reverse(path)',
      },
      java: {
        flagged: 'List<Task> queue = new ArrayList<>(tasks);\nwhile (!queue.isEmpty()) {\n    Task t = queue.remove(0);\n    run(t);\n}',
        useInstead: 'Deque<Task> queue = new ArrayDeque<>(tasks);\nwhile (!queue.isEmpty()) {\n    Task t = queue.poll();\n    run(t);\n}',
      },
    },
    references: [
      { title: 'Python: using lists as queues', url: 'https://docs.python.org/3/tutorial/datastructures.html#using-lists-as-queues' },
      { title: 'Python wiki: time complexity (list pop(0), insert)', url: 'https://wiki.python.org/moin/TimeComplexity' },
      { title: 'Java: ArrayDeque', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/ArrayDeque.html' },
      { title: 'MDN: Array.prototype.unshift()', url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Array/unshift' },
      { title: 'Go: slices.Reverse', url: 'https://pkg.go.dev/slices#Reverse' },
    ],
  },

  check(context) {
    const { dialect, facts, language } = context;
    const report = (node: Node, list: Node, shown: string, loops: typeof facts.loops) => {
      const loop = loops[0];
      const declaration = declarationInScope(language, list, list.text);
      if (declaration && declaredInLoop(declaration, loop)) return;
      // Over a few rounds written in the source (`for i in range(4)`) the list cannot grow long.
      if (loops.every((l) => runsFewRounds(dialect, l) || (declaration && declaredInLoop(declaration, l)))) return;
      // Go's prepend replaces the slice by design; elsewhere a list replaced in the loop is a new one.
      if (language !== 'go' && !collectionKeptAcross(language, facts, dialect, list, loop)) return;
      // Right before a `return` (`tail.insert(0, d); return join(tail)`), it runs once.
      if (drainedIn(context, list, loop.node) || runsOncePerLoop(node, loop.node)) return;
      context.report(node, `${quote(shown)} moves every other item of \`${list.text}\` ${repetition(loop)}: quadratic in its length; ${ADVICE[language]}`, loopsRelated(loops));
    };
    if (language === 'go') {
      for (const site of facts.sites.assign) {
        const list = site.loops[0] && goPrepend(context, site.node);
        if (list) report(site.node, list, `${list.text} = append([]…{…}, ${list.text}...)`, site.loops);
      }
      return;
    }
    for (const site of facts.sites.call) {
      const list = site.loops[0] && frontEdit(context, site.node);
      if (list) report(site.node, list, `${list.text}.${lastSegment(dialect.calleePath(site.node))}(${shownArgs(dialect.callArgs(site.node))})`, site.loops);
    }
  },
};
