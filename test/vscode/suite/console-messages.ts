/**
 * Talking to the optimization console as its page does, through the handle that "Hotpath: Open
 * Optimization Console" returns (client/src/console/console-panel.ts, ConsoleHandle): post a
 * message, and wait for the message to the page that answers it.
 */
import type { ConsoleHandle } from '../../../client/src/console/console-panel';
import type { ToWebview } from '../../../client/src/console/messages';

const WAIT_MS = 60_000;

export const isEntry = (m: ToWebview): m is Extract<ToWebview, { type: 'entry' }> => m.type === 'entry';
export const isState = (m: ToWebview): m is Extract<ToWebview, { type: 'state' }> => m.type === 'state';

/** Posts `message` as the page would and gives the first message to the page that `accept` takes. */
export async function exchange<T extends ToWebview>(target: ConsoleHandle, message: unknown, accept: (m: ToWebview) => m is T): Promise<T> {
  const seen: string[] = [];
  const reply = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no answer to ${JSON.stringify(message)} within ${WAIT_MS} ms; the page was sent: ${seen.join(', ') || 'nothing'}`));
    }, WAIT_MS);
    const subscription = target.onDidPost((m) => {
      seen.push(m.type);
      if (!accept(m)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(m);
    });
  });
  await target.receive(message);
  return reply;
}
