/**
 * `await-in-loop`: awaits that make a loop wait for one item before starting the next.
 *
 * The loops follow ESLint's `no-await-in-loop`: the bodies of `for`, `for…in`, `for…of`, `while`
 * and `do…while` and their per-iteration parts (condition, update), plus Python comprehensions;
 * not a `for…of` iterable or a `for` initializer. A function stops the search (an `await` in an
 * async callback belongs to the callback), and so does `for await` / `async for`, whose body
 * awaits on purpose; such a loop nested in another loop is itself reported, at its `await` or
 * `async` keyword. Beyond ESLint, loops whose rounds depend on each other are left alone (see
 * loop-dependence.ts), as are awaits of promises made earlier, pauses, batches and ordered writes
 * (see awaited-calls.ts).
 */
import type { Loop, Site } from '../syntax/facts';
import { LoopBodyReader } from '../syntax/loop-body';
import { awaitedCall, awaitedCallKind } from './awaited-calls';
import { loopsRelated, quote, repetition } from './describe';
import { LoopDependence } from './loop-dependence';
import { runsOnce } from './per-item-loops';
import type { Rule, RuleContext } from './rule';

const CONSEQUENCE = 'each iteration waits for the previous one';

/**
 * The loops whose rounds an await inside them makes sequential, innermost first: those between
 * it and the function around it, up to the first `for await` / `async for` (awaiting in the body
 * of one is its purpose).
 */
function sequencedBy(site: Site): Loop[] {
  const cut = site.loopsInFunction.findIndex((loop) => loop.asyncIteration);
  return cut < 0 ? site.loopsInFunction : site.loopsInFunction.slice(0, cut);
}

/**
 * How a nested async loop is named: "`for await…of` loop over `stream`", "List comprehension
 * with `async for` over `rows()`".
 */
function asyncLoopName(loop: Loop): string {
  const name = loop.kind === 'comprehension' ? `${loop.label} with \`async for\`` : loop.label;
  const named = loop.iterable ? `${name} over ${quote(loop.iterable.text)}` : name;
  return named.charAt(0).toUpperCase() + named.slice(1);
}

/** The readers of loop bodies for one file, made once the file has awaits. */
function analysis(context: RuleContext) {
  const reader = new LoopBodyReader(context.language, context.facts.functions.map((f) => f.node));
  const dependence = new LoopDependence(reader, (a) => awaitedCallKind(context.dialect, a) === 'pacing');
  return { reader, dependence };
}

export const awaitInLoop: Rule = {
  meta: {
    id: 'await-in-loop',
    title: 'Independent `await` inside a loop runs one item at a time',
    languages: ['javascript', 'typescript', 'python'],
    severity: 'info',
    offByDefault:
      'Measured on real code (bench/precision, JavaScript and TypeScript samples of the scan ' +
      'corpus), only about one finding in five was right: 2 of 9 in JavaScript, 3 of 15 in ' +
      'TypeScript. Most loops that await per item do so on purpose, in ways a syntax rule cannot ' +
      'see: each round feeds the next (a chain of preprocessors, content appended in order, a ' +
      'work list, a search that stops at the first hit), the loop is already one worker of a ' +
      'bounded pool inside `Promise.all`, the awaited work is CPU-only so nothing would overlap, ' +
      'or the operations must not run together (transactions with consecutive nonces, browser ' +
      'prompts). Turn it on where loops over independent requests are common; the profile tells ' +
      'which of its findings matter.',
    confidence: 'medium',
    why:
      'An `await` suspends the function until the awaited operation finishes, so a loop that ' +
      'awaits on every iteration starts the next request only when the previous one is done. ' +
      'N independent requests then take the sum of their latencies instead of roughly the ' +
      'longest one: 100 calls of 50 ms each take 5 s in a loop and little more than 50 ms ' +
      'when they run together.',
    fix:
      'Start all the operations, then await them together: `await Promise.all(items.map(load))` ' +
      'in JavaScript and TypeScript, `await asyncio.gather(*(load(i) for i in items))` in ' +
      'Python. For long lists, bound the concurrency (a pool such as `p-limit`, an ' +
      '`asyncio.Semaphore`, or batches awaited one after another) so the other side is not ' +
      'flooded. Loops whose rounds need the previous result (paging, retries, polling) are ' +
      'left alone where the rule can tell, and so are loops over one value written out ' +
      '(`for i in [1]`), which run once.',
    examples: {
      javascript: {
        flagged:
          'async function loadUsers(ids) {\n  const users = [];\n  for (const id of ids) {\n' +
          '    users.push(await fetchUser(id));\n  }\n  return users;\n}',
        useInstead: 'async function loadUsers(ids) {\n  return Promise.all(ids.map((id) => fetchUser(id)));\n}',
      },
      typescript: {
        flagged:
          'async function archive(orders: Order[]): Promise<void> {\n  for (const order of orders) {\n' +
          '    await api.archiveOrder(order.id);\n  }\n}',
        useInstead:
          'async function archive(orders: Order[]): Promise<void> {\n' +
          '  await Promise.all(orders.map((order) => api.archiveOrder(order.id)));\n}',
      },
      python: {
        flagged:
          'async def load_users(client, ids):\n    users = []\n    for user_id in ids:\n' +
          '        users.append(await client.get_user(user_id))\n    return users',
        useInstead:
          'async def load_users(client, ids):\n' +
          '    return await asyncio.gather(*(client.get_user(user_id) for user_id in ids))',
      },
    },
    quickFix:
      'Runs the iterations together: `await Promise.all(items.map(async (item) => { … }))` in ' +
      'JavaScript and TypeScript (`Array.from(items, …)` when `items` may be any iterable), an ' +
      'inner coroutine and `asyncio.gather` in Python (with `import asyncio` when missing). Only ' +
      'for loops over a collection whose body does not leave early and does not count, add up or ' +
      'set variables of the function. The side effects still happen in another order and an ' +
      'error no longer stops the other iterations, so the fix is titled "(check the order of ' +
      'side effects)" and is never applied automatically.',
    references: [
      { title: 'ESLint: no-await-in-loop', url: 'https://eslint.org/docs/latest/rules/no-await-in-loop' },
      { title: 'MDN: Promise.all()', url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Promise/all' },
      { title: 'Python: asyncio.gather()', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.gather' },
    ],
    peers: ['ESLint no-await-in-loop', 'Biome noAwaitInLoops'],
  },

  check(context) {
    const { facts } = context;
    // A generator expression with `async for` is lazy: making one awaits nothing, its consumer does.
    const asyncLoops = new Map(facts.loops.filter((l) => l.asyncIteration && l.node.type !== 'generator_expression').map((l) => [l.node.id, l]));
    if (facts.sites.await.length === 0 && asyncLoops.size === 0) return;
    const { reader, dependence } = analysis(context);

    for (const site of facts.sites.await) {
      const loops = sequencedBy(site);
      const call = loops.length > 0 ? awaitedCall(context.dialect, site.node) : undefined;
      if (!call || awaitedCallKind(context.dialect, site.node) || runsOnce(loops[0])) continue;
      if (!dependence.independent(loops[0], call)) continue;
      context.report(site.node, `${quote(site.node.text)} runs ${repetition(loops[0])}: ${CONSEQUENCE}`, loopsRelated(loops));
    }

    // A `for await` loop inside another loop awaits its whole stream once per outer iteration.
    // The finding points at the keyword that makes it await (`await` or `async`).
    for (const site of facts.sites.loop) {
      const inner = asyncLoops.get(site.node.id);
      const loops = inner ? sequencedBy(site) : [];
      if (!inner || loops.length === 0 || runsOnce(loops[0])) continue;
      if (!dependence.independent(loops[0], inner.iterable ?? site.node)) continue;
      const keyword = reader.asyncKeyword(inner) ?? site.node;
      context.report(keyword, `${asyncLoopName(inner)} runs ${repetition(loops[0])}: ${CONSEQUENCE}`, loopsRelated(loops));
    }
  },
};
