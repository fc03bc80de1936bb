/**
 * Awaits that are sequential on purpose, told apart by what they call: pauses, awaits that
 * already run a batch concurrently, and writes that must keep their order.
 */
import type { Node } from 'web-tree-sitter';
import type { Dialect } from '../syntax/dialect';
import { lastSegment } from '../syntax/paths';

export type AwaitedCallKind = 'pacing' | 'batch' | 'ordered-write';

/** Waiting for time to pass: `sleep(ms)`, `asyncio.sleep(1)`, `page.waitForTimeout(500)`, `event.wait()`. */
const PACING = new Set(['sleep', 'delay', 'wait', 'setTimeout', 'waitForTimeout', 'timeout']);

/** Awaits of many tasks at once: a loop of these runs bounded batches, which is the fix. */
const BATCH_PATHS = new Set([
  'Promise.all', 'Promise.allSettled', 'Promise.any', 'Promise.race',
  'asyncio.gather', 'asyncio.wait', 'gather',
]);

/** Writes to one stream, socket or file: their order is the content. */
const ORDERED_WRITES = new Set([
  'write', 'writelines', 'drain', 'flush', 'sendall', 'send_all', 'sendfile', 'sock_sendall', 'sock_sendfile',
]);

/** Timer callbacks that, wrapped in `new Promise`, make a pause. */
const TIMERS = /\b(?:setTimeout|setImmediate)\s*\(/;

/** The expression an `await` waits for, parentheses removed. */
export function awaitedExpression(awaitNode: Node): Node | undefined {
  let expression = awaitNode.firstNamedChild;
  while (expression?.type === 'parenthesized_expression') expression = expression.firstNamedChild;
  return expression ?? undefined;
}

/**
 * The call an `await` starts and waits for (`await load(id)`). Undefined for awaits of promises
 * made earlier (`await pending[id]`), which already run concurrently, and of `new Promise(…)`.
 */
export function awaitedCall(dialect: Dialect, awaitNode: Node): Node | undefined {
  const expression = awaitedExpression(awaitNode);
  return expression && dialect.callTypes.has(expression.type) && !expression.type.startsWith('new') ? expression : undefined;
}

export function awaitedCallKind(dialect: Dialect, awaitNode: Node): AwaitedCallKind | undefined {
  const call = awaitedExpression(awaitNode);
  if (!call || !dialect.callTypes.has(call.type)) return undefined;
  const path = dialect.calleePath(call);
  if (path === 'new Promise') {
    return dialect.callArgs(call).some((arg) => TIMERS.test(arg.text)) ? 'pacing' : undefined;
  }
  if (BATCH_PATHS.has(path)) return 'batch';
  const method = lastSegment(path);
  if (PACING.has(method)) return 'pacing';
  if (ORDERED_WRITES.has(method) && dialect.receiver(call)) return 'ordered-write';
  return undefined;
}
