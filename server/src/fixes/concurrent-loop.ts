/**
 * await-in-loop, and N+1 calls with no batch form: run the loop's iterations concurrently —
 * `await Promise.all(items.map(async (item) => { … }))` in JavaScript and TypeScript,
 * `asyncio.gather` over an inner coroutine in Python. Only for loops over a collection whose body
 * does not leave the loop early (`break`, `continue`, `return`, `yield`) and whose rounds share
 * no variable: a round that adds to a total (`total += await f(x)`), counts (`n++`) or sets a
 * variable of the function would, run concurrently, lose updates or leave another value behind.
 * Side effects still happen in another order and the first error no longer stops the other
 * rounds, which is why the quick fix asks the user to check.
 */
import type { Node } from 'web-tree-sitter';
import { declarationInScope } from '../syntax/scopes';
import { pythonImport } from './imports';
import type { FindingSite, LoopAt } from './site';
import { statementOf } from './site';
import { freshName, joinName, singular, lastName, mentions } from './naming';
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

const COUNTING = new Set(['augmented_assignment', 'augmented_assignment_expression', 'update_expression', 'global_statement', 'nonlocal_statement']);
const SETTING = new Set(['assignment', 'assignment_expression']);

/** The nodes of these types in `node`, itself included. */
function ofTypes(node: Node, types: ReadonlySet<string>): Node[] {
  return node.descendantsOfType([...types]).filter((n): n is Node => !!n);
}

/**
 * True when the rounds share a variable: they count or add in place, or set a plain variable
 * (JavaScript) or a name the function uses outside the loop (Python, where the inner
 * coroutine would make it a local of its own).
 */
function sharesVariables(site: FindingSite, loop: Node, body: Node): boolean {
  if (ofTypes(body, COUNTING).length > 0) return true;
  let fn: Node | null = loop.parent;
  while (fn && !site.dialect.functionTypes.has(fn.type)) fn = fn.parent;
  const outside = fn ? fn.text.slice(0, loop.startIndex - fn.startIndex) + fn.text.slice(loop.endIndex - fn.startIndex) : '';
  return ofTypes(body, SETTING).some((a) => {
    const target = a.childForFieldName('left');
    const names = target ? [target, ...ofTypes(target, new Set(['identifier']))].filter((n) => n.type === 'identifier') : [];
    if (site.language === 'python') return names.some((n) => mentions(outside, n.text));
    return target?.type === 'identifier';
  });
}

/** True when the iterable is an array as the code shows it, so that it has `map`. */
function isArray(site: FindingSite, iterable: Node): boolean {
  if (iterable.type === 'array') return true;
  if (site.dialect.callTypes.has(iterable.type)) {
    return /(\.(map|filter|slice|concat|flat|flatMap|split)|^Object\.(keys|values|entries)|^Array\.from)$/.test(site.dialect.calleePath(iterable));
  }
  if (iterable.type !== 'identifier') return false;
  const declaration = declarationInScope(site.language, iterable, iterable.text);
  const type = declaration?.type?.text.replace(/^:\s*/, '') ?? '';
  return declaration?.value?.type === 'array' || /\[\]$|^(Readonly)?Array<|^readonly .*\[\]$/.test(type);
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
  if (sharesVariables(site, loop.node, body) || loop.node.childForFieldName('alternative')) return undefined;
  const statement = statementOf(loop.node);
  if (!statement.equals(loop.node)) return undefined;
  const edit = new SnippetEdit(site.text, statement);
  const step = edit.step;
  const notes = ['Every iteration starts at once, so only do this when they do not depend on each other; side effects may happen in another order.'];
  if (site.language === 'javascript' || site.language === 'typescript') {
    const isOf = loop.node.children.some((c) => c?.type === 'of');
    // `for (x of items)` without a declaration leaves `x` set after the loop; the callback would not.
    if (!isOf || !loop.node.childForFieldName('kind')) return undefined;
    const lines = bodyLines(site, loop.node, body, step);
    if (!lines) return undefined;
    const mapped = isArray(site, right) ? `${right.text}.map(async (${left.text}) => {` : `Array.from(${right.text}, async (${left.text}) => {`;
    edit.replaceWithLines(loop.node, [`await Promise.all(${mapped}`, ...lines, '}));']);
    notes.push('For long lists, limit how many run at once (a pool such as `p-limit`).');
    return edit.result(notes);
  }
  if (site.language === 'python') {
    if (left.type !== 'identifier' && left.type !== 'pattern_list') return undefined;
    const item = left.type === 'identifier' ? left.text : singular(lastName(right.text) ?? 'item');
    const helper = freshName(site.text, joinName('python', 'handle', item));
    const lines = bodyLines(site, loop.node, body, step);
    if (!lines) return undefined;
    edit.replaceWithLines(loop.node, [`async def ${helper}(${left.text}):`, ...lines, `await asyncio.gather(*(${helper}(${left.text}) for ${left.text} in ${right.text}))`]);
    edit.addElsewhere(pythonImport(site.node.tree.rootNode, 'asyncio'));
    notes.push('For long lists, limit how many run at once (an `asyncio.Semaphore`).');
    return edit.result(notes);
  }
  return undefined;
}
