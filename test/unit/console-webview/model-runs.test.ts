/**
 * The console's optional model part (client/src/console/model-runs.ts), driven with model sources
 * written for the test: nothing is sent before the user has confirmed the preview, the text is
 * posted as it streams, Stop ends a run as cancelled, a failure ends it with the source's
 * message, and with no model (or one that is unavailable) nothing model-related is posted.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as vscode from 'vscode';
import type { ToWebview } from '../../../client/src/console/messages';
import { ModelRuns, type Cancellation } from '../../../client/src/console/model-runs';
import type { ModelAnswerSource, ModelAvailability, ModelRequest } from '../../../client/src/console/model-source';

/** A cancellation like vscode.CancellationTokenSource, for a test outside the editor. */
function cancellation(): Cancellation {
  const listeners: Array<() => void> = [];
  const token = {
    isCancellationRequested: false,
    onCancellationRequested: ((listener: () => void) => {
      listeners.push(listener);
      return { dispose: () => undefined };
    }) as unknown as vscode.Event<unknown>,
  };
  return {
    token,
    cancel() {
      token.isCancellationRequested = true;
      for (const listener of listeners) listener();
    },
    dispose: () => undefined,
  };
}

/** A model source whose stream is `stream`; it records what it was sent. */
function source(stream: (request: ModelRequest, token: vscode.CancellationToken) => AsyncIterable<string>, availability: ModelAvailability = { available: true, label: 'Test Model' }) {
  const sent: ModelRequest[] = [];
  const model: ModelAnswerSource = {
    availability: () => Promise.resolve(availability),
    preview: (request) => `Question: ${request.question}\n\n${request.context}`,
    stream: (request, token) => {
      sent.push(request);
      return stream(request, token);
    },
  };
  return { model, sent };
}

async function* words(...chunks: string[]): AsyncIterable<string> {
  for (const chunk of chunks) yield chunk;
}

const REQUEST: ModelRequest = { question: 'what should I fix first?', context: '### What to fix first\n\n1. `n-plus-one-query` in `loadCustomers`' };

function runs(model: ModelAnswerSource | undefined) {
  const posted: ToWebview[] = [];
  const logged: string[] = [];
  return { runs: new ModelRuns(model, (m) => posted.push(m), cancellation, (line) => logged.push(line)), posted, logged };
}

describe('the console\'s model part', () => {
  it('shows what will be sent, sends nothing until confirmed, then streams; later requests need no second confirmation', async () => {
    const { model, sent } = source(() => words('Batch the ', 'query.'));
    const { runs: r, posted } = runs(model);
    assert.deepEqual(await r.available(), { label: 'Test Model' });
    await r.requested(0, REQUEST);
    assert.deepEqual(posted, [{ type: 'modelPreview', entryId: 0, label: 'Test Model', text: `Question: ${REQUEST.question}\n\n${REQUEST.context}` }]);
    assert.deepEqual(sent, [], 'the model was asked before the user confirmed');
    await r.confirm(0, REQUEST);
    assert.deepEqual(sent, [REQUEST]);
    assert.deepEqual(posted.slice(1), [
      { type: 'modelChunk', entryId: 0, text: 'Batch the ' },
      { type: 'modelChunk', entryId: 0, text: 'query.' },
      { type: 'modelEnd', entryId: 0, status: 'done', message: null },
    ]);
    posted.length = 0;
    await r.requested(1, REQUEST);
    assert.deepEqual(posted.map((m) => m.type), ['modelChunk', 'modelChunk', 'modelEnd']);
  });

  it('ends a failed run with the source\'s plain message', async () => {
    const { model } = source(async function* () {
      yield 'Partial';
      throw new Error('The model did not answer within 30 s.');
    });
    const { runs: r, posted } = runs(model);
    await r.confirm(3, REQUEST);
    assert.deepEqual(posted, [
      { type: 'modelChunk', entryId: 3, text: 'Partial' },
      { type: 'modelEnd', entryId: 3, status: 'failed', message: 'The model did not answer within 30 s.' },
    ]);
  });

  it('stops a run when the user presses Stop, and posts nothing after', async () => {
    const { model } = source(async function* (_request, token) {
      yield 'First words';
      // The model goes quiet until the user stops it.
      await new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()));
      yield 'more words the user no longer wants';
    });
    const { runs: r, posted } = runs(model);
    const running = r.confirm(1, REQUEST);
    while (posted.length === 0) await new Promise((resolve) => setImmediate(resolve));
    r.cancel(1);
    await running;
    assert.deepEqual(posted, [
      { type: 'modelChunk', entryId: 1, text: 'First words' },
      { type: 'modelEnd', entryId: 1, status: 'cancelled', message: null },
    ]);
  });

  it('offers nothing when no model is registered or it is unavailable', async () => {
    for (const model of [undefined, source(() => words('x'), { available: false, reason: 'no language model is installed' }).model]) {
      const { runs: r, posted, logged } = runs(model);
      assert.equal(await r.available(), null);
      await r.requested(0, REQUEST);
      await r.confirm(0, REQUEST);
      assert.deepEqual(posted, []);
      if (model) assert.ok(logged.includes('Console: no language model: no language model is installed'), logged.join('\n'));
    }
  });
});
