/**
 * linear-search-in-loop: a list searched item by item (`x in seen`, `ids.includes(id)`,
 * `slices.Contains(xs, x)`) on every iteration of a loop, where a set or map built once before
 * the loop would answer in constant time.
 */
import type { Loop, Site } from '../syntax/facts';
import type { LanguageId } from '../syntax/languages';
import { collectionKeptAcross, declaredInLoop } from '../syntax/loop-invariance';
import { runsOncePerLoop } from '../syntax/runs-once';
import { runsFewRounds } from './per-item-loops';
import { loopsRelated, quote, repetition } from './describe';
import { go } from './linear-search/go';
import { java } from './linear-search/java';
import { javascript } from './linear-search/javascript';
import { python } from './linear-search/python';
import type { Search, SearchReader } from './linear-search/search';
import type { Rule, RuleContext } from './rule';

const READERS: Record<LanguageId, SearchReader> = { python, javascript, typescript: javascript, go, java };

/** True when the collection is the same on every iteration: not declared or replaced inside the loop. */
function loopInvariant(context: RuleContext, search: Search, loop: Loop): boolean {
  if (search.declaration && declaredInLoop(search.declaration, loop)) return false;
  return collectionKeptAcross(context.language, context.facts, context.dialect, search.collection, loop);
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True when the function copies the collection into a variable the loop reads, as in
 * `nl = nodeListeners.clone(); for (…) { le = nl.get(i); if (nodeListeners.contains(le)) … }`:
 * the loop walks a snapshot and the search asks whether each item is still in the live list,
 * which handlers may change meanwhile. A set built before the loop would answer from the past.
 */
function walksSnapshot(site: Site, search: Search, loop: Loop): boolean {
  const name = escaped(search.collection.text);
  const copy = `(?:${name}\\s*\\.\\s*(?:clone|slice|copy)\\s*\\(\\s*\\)|new\\s+[\\w.]+\\s*(?:<[^>]*>)?\\s*\\(\\s*${name}\\s*\\)|\\[\\s*\\.\\.\\.\\s*${name}\\s*\\]|(?:Array\\.from|List\\.copyOf|list|tuple)\\s*\\(\\s*${name}\\s*\\)|${name}\\s*\\[\\s*:\\s*\\])`;
  const assigned = new RegExp(`([A-Za-z_$][\\w$]*)\\s*=\\s*(?:\\([^()]*\\)\\s*)?${copy}`, 'g');
  const text = site.fn?.node.text ?? '';
  for (const match of text.matchAll(assigned)) {
    if (new RegExp(`(^|[^\\w$.])${escaped(match[1])}(?![\\w$])`).test(loop.node.text)) return true;
  }
  return false;
}

/** Searches whose answer is a position, which a map from item to index stands in for. */
const POSITION_SEARCHES = /(?:^|\.)\s*(?:indexOf|lastIndexOf|findIndex|findLastIndex)\s*\($/;

/**
 * True when the search asks for a position in a list the loop removes items from or inserts
 * items into (`retained.splice(index, 1)`): the positions move, so a map from item to index built
 * before the loop would give wrong ones.
 */
function positionsMove(search: Search, loop: Loop): boolean {
  const head = search.node.text.slice(0, search.node.text.indexOf('(') + 1);
  if (!POSITION_SEARCHES.test(head)) return false;
  const name = escaped(search.collection.text);
  return new RegExp(`(^|[^\\w$.])${name}\\s*\\.\\s*(?:splice|shift|unshift|remove)\\s*\\(`).test(loop.node.text);
}

export const linearSearchInLoop: Rule = {
  meta: {
    id: 'linear-search-in-loop',
    title: 'List searched item by item inside a loop',
    languages: ['python', 'javascript', 'typescript', 'go', 'java'],
    severity: 'warning',
    confidence: 'medium',
    why:
      'Searching a list (`in`, `includes`, `contains`, `indexOf`, `find`) compares the value with ' +
      'each item in turn until it finds a match. Done once per item of another collection, the ' +
      'loop makes N × M comparisons: nothing with a hundred items each, a hundred million with ' +
      'ten thousand. A set or map answers the same question with one hash lookup.',
    fix:
      'Build a set from the list once, before the loop, and look items up in it inside the loop: ' +
      'that answers `includes`, `contains`, `in`, and `indexOf` or `find` whose answer is only ' +
      'tested (`indexOf(x) !== -1`). Build a map (keyed by what the search compares) only when the ' +
      'code uses the position or the item found. Keep the list too if its order matters.',
    examples: {
      python: {
        flagged: 'unique = []\nfor row in rows:\n    if row.email not in unique:\n        unique.append(row.email)',
        useInstead: 'seen = set()\nunique = []\nfor row in rows:\n    if row.email not in seen:\n        seen.add(row.email)\n        unique.append(row.email)',
      },
      javascript: {
        flagged: 'const activeIds = users.filter((u) => u.active).map((u) => u.id);\nconst visible = orders.filter((o) => activeIds.includes(o.userId));',
        useInstead: 'const activeIds = new Set(users.filter((u) => u.active).map((u) => u.id));\nconst visible = orders.filter((o) => activeIds.has(o.userId));',
      },
      typescript: {
        flagged: 'function attach(orders: Order[], customers: Customer[]) {\n  for (const order of orders) {\n    order.customer = customers.find((c) => c.id === order.customerId);\n  }\n}',
        useInstead: 'function attach(orders: Order[], customers: Customer[]) {\n  const byId = new Map(customers.map((c) => [c.id, c]));\n  for (const order of orders) {\n    order.customer = byId.get(order.customerId);\n  }\n}',
      },
      go: {
        flagged: 'for _, o := range orders {\n\tfor _, c := range customers {\n\t\tif c.ID == o.CustomerID {\n\t\t\to.Customer = c\n\t\t\tbreak\n\t\t}\n\t}\n}',
        useInstead: 'byID := make(map[int64]Customer, len(customers))\nfor _, c := range customers {\n\tbyID[c.ID] = c\n}\nfor _, o := range orders {\n\to.Customer = byID[o.CustomerID]\n}',
      },
      java: {
        flagged: 'List<String> blocked = loadBlockedEmails();\nfor (User user : users) {\n    if (blocked.contains(user.getEmail())) {\n        user.block();\n    }\n}',
        useInstead: 'Set<String> blocked = new HashSet<>(loadBlockedEmails());\nfor (User user : users) {\n    if (blocked.contains(user.getEmail())) {\n        user.block();\n    }\n}',
      },
    },
    quickFix:
      'For `x in items`, `items.includes(x)` and `items.contains(x)`: builds a set of the list ' +
      'once, before the loop, and looks items up in it: `set()` in Python, `new Set()` in ' +
      'JavaScript and TypeScript, `new HashSet<>()` in Java (with the imports). Not offered when ' +
      'the loop changes the list, for `indexOf`/`find` searches, nor for Go. In JavaScript and Java ' +
      'it keeps what the code does and is the preferred fix; in Python a set needs hashable ' +
      'items, so that fix is titled "(check the items are hashable)" and is never applied ' +
      'automatically.',
    references: [
      { title: 'Python wiki: time complexity of list and set operations', url: 'https://wiki.python.org/moin/TimeComplexity' },
      { title: 'Python: set types', url: 'https://docs.python.org/3/library/stdtypes.html#set-types-set-frozenset' },
      { title: 'MDN: Set', url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Set' },
      { title: 'eslint-plugin-unicorn: prefer-set-has', url: 'https://github.com/sindresorhus/eslint-plugin-unicorn/blob/main/docs/rules/prefer-set-has.md' },
      { title: 'Java: HashSet', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/HashSet.html' },
      { title: 'Go: slices.Contains', url: 'https://pkg.go.dev/slices#Contains' },
      { title: 'Go blog: Go maps in action', url: 'https://go.dev/blog/maps' },
    ],
    peers: ['eslint-plugin-unicorn prefer-set-has', 'ruff PLR6201 (literal membership)'],
  },

  check(context) {
    const reader = READERS[context.language];
    for (const kind of reader.siteKinds) {
      for (const site of context.facts.sites[kind]) {
        const loop = site.loops[0];
        // A loop over a handful of values written in the source scans the list a handful of times.
        if (!loop || runsFewRounds(context.dialect, loop)) continue;
        const search = reader.search(site, context);
        if (!search || runsOncePerLoop(search.node, loop.node) || !loopInvariant(context, search, loop)) continue;
        if (walksSnapshot(site, search, loop) || positionsMove(search, loop)) continue;
        if (reader.kind(search, context) !== 'list') continue;
        const message = `${quote(search.shown)} scans the ${reader.noun} ${quote(search.collection.text)} ${repetition(loop)}: ${search.advice}`;
        context.report(search.node, message, loopsRelated(site.loops));
      }
    }
  },
};
