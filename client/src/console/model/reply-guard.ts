/**
 * The limits every model reply is held to, for providers that do not enforce them themselves
 * (VS Code's Language Model API streams for as long as the model talks): a first piece within a
 * time, no long silence between pieces, and no more than so many characters. Past a limit the
 * request is stopped and a ModelError says which limit it was.
 */
import { ChatLimits, DEFAULT_LIMITS, ModelError, seconds } from './chat-completions';

export type ReplyLimits = Pick<ChatLimits, 'connectTimeoutMs' | 'idleTimeoutMs' | 'maxReplyChars'>;

/**
 * The pieces of `source` within the limits. `stop` is called when a limit is passed, to cancel
 * the request behind the source; `who` names the model in the messages.
 */
export async function* guardReply(source: AsyncIterable<string>, who: string, stop: () => void, limits: Partial<ReplyLimits> = {}): AsyncGenerator<string, void, undefined> {
  const { connectTimeoutMs, idleTimeoutMs, maxReplyChars } = { ...DEFAULT_LIMITS, ...limits };
  const iterator = source[Symbol.asyncIterator]();
  let length = 0;
  let first = true;
  let finished = false;
  try {
    for (;;) {
      const wait = first ? connectTimeoutMs : idleTimeoutMs;
      let timer: NodeJS.Timeout | undefined;
      const silence = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new ModelError('timeout', first ? `${who} did not answer within ${seconds(wait)}.` : `${who} sent nothing for ${seconds(wait)} in the middle of its reply.`)),
          wait,
        );
      });
      let next: IteratorResult<string>;
      try {
        next = await Promise.race([iterator.next(), silence]);
      } finally {
        clearTimeout(timer);
      }
      if (next.done) {
        finished = true;
        return;
      }
      first = false;
      if (typeof next.value !== 'string') throw new ModelError('protocol', `${who} sent something that is not text.`);
      const room = maxReplyChars - length;
      if (next.value.length > room) {
        if (room > 0) yield next.value.slice(0, room);
        throw new ModelError('tooLong', `The reply passed ${maxReplyChars.toLocaleString('en-US')} characters and was stopped there.`);
      }
      length += next.value.length;
      yield next.value;
    }
  } finally {
    if (!finished) {
      stop();
      // Not awaited: a source that ignores cancellation must not hold the console up.
      void iterator.return?.()?.catch?.(() => undefined);
    }
  }
}
