/**
 * await-in-loop, and N+1 calls with no batch form: run the loop's iterations concurrently —
 * `await Promise.all(items.map(async (item) => { … }))` in JavaScript and TypeScript,
 * `asyncio.gather` over an inner coroutine in Python. Only for loops over a collection whose body
 * does not leave the loop early (`break`, `continue`, `return`, `yield`).
 */
import type { Node } from 'web-tree-sitter';
import type { FindingSite, LoopAt } from './site';
import { statementOf } from './site';
import { freshName, joinName, singular, lastName } from './naming';
import { Rewrite, SnippetEdit } from './snippet-edit';

const LEAVES_EARLY = /(?<![\w$.])(break|continue|return|yield)(?![\w$])/;

/** The loop's body as whole lines, one level in from the new first line; undefined for bodies on the header's line. */
function bodyLines(site: FindingSite, loop: Node, body: Node, step: string): string[] | undefined {
  const all = site.text.split('\n');
  let from = body.startPosition.row;
  let to = body.endPosition.row;
  if (from === loop.startPosition.row && site.language === 'python') return undefined;
  if (site.language !== 'python') {
    if (body.type !== 'statement_block' || !all[from].trimEnd().endsWith('{') || all[to].trim() !== '}') return undefined;
    from++;
    to--;
  }
  const lines = all.slice(from, to + 1);
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0]);
  const common = indents.reduce((a, b) => (b.length < a.length ? b : a), indents[0] ?? '');
  return lines.map((l) => (l.trim() ? `${step}${l.slice(common.length)}` : ''));
}

function forOf(loop: LoopAt): { left: Node; right: Node; body: Node } | undefined {
  const left = loop.node.childForFieldName('left');
  const right = loop.node.childForFieldName('right');
  const body = loop.node.childForFieldName('body');
  if (loop.shape.kind !== 'for-each' || !left || !right || !body || loop.shape.asyncIteration) return undefined;
  return { left, right, body };
}

/** True when the loop is directly inside an async function, where `await` may be written. */
function inAsyncFunction(site: FindingSite, loop: Node): boolean {
  for (let n = loop.parent; n; n = n.parent) {
    if (site.dialect.functionTypes.has(n.type)) return site.dialect.func(n).isAsync;
  }
  return false;
}

export function concurrentLoop(site: FindingSite): Rewrite | undefined {
  const loop = site.loops[0];
  const parts = loop && forOf(loop);
  if (!parts || LEAVES_EARLY.test(parts.body.text) || !inAsyncFunction(site, loop.node)) return undefined;
  const { left, right, body } = parts;
  const statement = statementOf(loop.node);
  if (!statement.equals(loop.node)) return undefined;
  const edit = new SnippetEdit(site.text, statement);
  const step = edit.step;
  const notes = ['Every iteration starts at once, so only do this when they do not depend on each other; side effects may happen in another order.'];
  if (site.language === 'javascript' || site.language === 'typescript') {
    const isOf = loop.node.children.some((c) => c?.type === 'of');
    if (!isOf) return undefined;
    const lines = bodyLines(site, loop.node, body, step);
    if (!lines) return undefined;
    edit.replaceWithLines(loop.node, [`await Promise.all(${right.text}.map(async (${left.text}) => {`, ...lines, '}));']);
    notes.push('For long lists, limit how many run at once (a pool such as `p-limit`).');
    return edit.result(notes);
  }
  if (site.language === 'python') {
    const item = left.type === 'identifier' ? left.text : singular(lastName(right.text) ?? 'item');
    const helper = freshName(site.text, joinName('python', 'handle', item));
    const lines = bodyLines(site, loop.node, body, step);
    if (!lines) return undefined;
    edit.replaceWithLines(loop.node, [`async def ${helper}(${left.text}):`, ...lines, `await asyncio.gather(*(${helper}(${left.text}) for ${left.text} in ${right.text}))`]);
    if (!/^\s*import asyncio\b/m.test(site.text)) notes.push('Import `asyncio` if the file does not yet.');
    notes.push('For long lists, limit how many run at once (an `asyncio.Semaphore`).');
    return edit.result(notes);
  }
  return undefined;
}
