/**
 * The limits held on replies of VS Code's language models: the text passes unchanged, and a model
 * that does not start, goes quiet or talks too long is stopped with a sentence saying which.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelError } from '../../../client/src/console/model/chat-completions';
import { guardReply, ReplyLimits } from '../../../client/src/console/model/reply-guard';

/** A model's reply: the pieces, then, when `hang`, silence until the guard stops it. */
function reply(pieces: readonly unknown[], hang = false) {
  const state = { stopped: false, returned: false };
  const source = (async function* () {
    try {
      for (const piece of pieces) yield piece as string;
      if (hang) await new Promise(() => undefined);
    } finally {
      state.returned = true;
    }
  })();
  return { source, state, stop: () => void (state.stopped = true) };
}

async function run(pieces: readonly unknown[], hang: boolean, limits: Partial<ReplyLimits>) {
  const { source, state, stop } = reply(pieces, hang);
  const got: string[] = [];
  let error: ModelError | undefined;
  try {
    for await (const piece of guardReply(source, 'GPT-4o (copilot)', stop, limits)) got.push(piece);
  } catch (e) {
    assert.ok(e instanceof ModelError, String(e));
    error = e;
  }
  return { got, error, state };
}

describe('the reply guard', { timeout: 10_000 }, () => {
  it('passes the text through unchanged', async () => {
    const pieces = ['<script>alert(1)</script>', '[x](file:///etc/passwd)', ' done'];
    const { got, error, state } = await run(pieces, false, {});
    assert.deepEqual(got, pieces);
    assert.equal(error, undefined);
    assert.equal(state.stopped, false);
  });

  it('stops a model that does not start in time', async () => {
    const { got, error, state } = await run([], true, { connectTimeoutMs: 100 });
    assert.deepEqual(got, []);
    assert.equal(error?.message, 'GPT-4o (copilot) did not answer within 0.1 s.');
    assert.equal(state.stopped, true);
  });

  it('stops a model that goes quiet mid-reply, keeping what came', async () => {
    const { got, error, state } = await run(['Start'], true, { idleTimeoutMs: 100 });
    assert.deepEqual(got, ['Start']);
    assert.equal(error?.message, 'GPT-4o (copilot) sent nothing for 0.1 s in the middle of its reply.');
    assert.equal(state.stopped, true);
  });

  it('stops a reply past the size limit and one that is not text', async () => {
    const long = await run(['abcdef', 'ghijkl', 'mnop'], false, { maxReplyChars: 8 });
    assert.deepEqual(long.got, ['abcdef', 'gh']);
    assert.equal(long.error?.message, 'The reply passed 8 characters and was stopped there.');
    assert.equal(long.state.stopped, true);
    assert.equal(long.state.returned, true);
    const odd = await run(['a', { html: '<b>' }], false, {});
    assert.equal(odd.error?.message, 'GPT-4o (copilot) sent something that is not text.');
  });
});
