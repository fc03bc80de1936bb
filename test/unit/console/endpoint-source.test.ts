/**
 * The console's endpoint provider against a local endpoint: what it says when it is not set up,
 * a preview that holds exactly the words sent, the API key sent only to the origin it was stored
 * for, a plain hint when the endpoint refuses the key, and a request that stops when the console
 * cancels it.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type * as vscode from 'vscode';
import { apiKeyName, EndpointSource, keyProblem } from '../../../client/src/console/model/endpoint-source';
import type { EndpointSettings } from '../../../client/src/console/model/model-settings';
import { ChatServer, chunk, DONE, startStream } from './chat-server';

const REQUEST = { question: 'why is query slow?', context: '# Context from Hotpath\n\n- `query` in javascript/lib/db.js: 38.1% of CPU time in report.cpuprofile' };

/** A cancellation token as VS Code hands one out, cancelled by `cancel()`. */
function tokenSource() {
  const listeners: Array<() => void> = [];
  const token = {
    isCancellationRequested: false,
    onCancellationRequested: (listener: () => void) => {
      listeners.push(listener);
      return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
    },
  } as unknown as vscode.CancellationToken & { isCancellationRequested: boolean };
  return {
    token,
    cancel() {
      token.isCancellationRequested = true;
      for (const listener of [...listeners]) listener();
    },
  };
}

async function collect(source: EndpointSource, token = tokenSource().token): Promise<{ text: string; error?: Error }> {
  let text = '';
  try {
    for await (const piece of source.stream(REQUEST, token)) text += piece;
    return { text };
  } catch (error) {
    return { text, error: error as Error };
  }
}

describe('the endpoint provider', { timeout: 20_000 }, () => {
  const server = new ChatServer();
  const secrets = new Map<string, string>();
  const store = { get: async (name: string) => secrets.get(name) };
  let settings: EndpointSettings;
  const source = new EndpointSource(() => settings, store);
  before(async () => {
    await server.start();
    settings = { endpoint: server.base, model: 'qwen2.5-coder' };
  });
  after(() => server.stop());

  it('says why it cannot be used until the endpoint and the model are set', async () => {
    const cases: Array<[EndpointSettings, string]> = [
      [{ endpoint: '', model: 'm' }, 'No endpoint is set: put the URL of an OpenAI-compatible API in the user setting hotpath.console.endpoint.'],
      [{ endpoint: 'http://10.0.0.5:8080/v1', model: 'm' }, 'The endpoint uses plain http to 10.0.0.5: use https, or http only to this machine (localhost).'],
      [{ endpoint: 'https://models.example.com/v1', model: '' }, 'No model is set for models.example.com: put its name in the user setting hotpath.console.endpointModel.'],
    ];
    for (const [given, reason] of cases) {
      const unset = new EndpointSource(() => given, store);
      assert.deepEqual(await unset.availability(), { available: false, reason });
      assert.equal(unset.preview(REQUEST), `Nothing is sent: ${reason}`);
      await assert.rejects(collect(unset).then((r) => Promise.reject(r.error)), { message: reason });
    }
    assert.deepEqual(await source.availability(), { available: true, label: `qwen2.5-coder at ${server.host}` });
  });

  it('previews word for word what it then sends', async () => {
    server.answer((res) => {
      startStream(res);
      res.write(chunk('Batch the query.', 'stop'));
      res.end(DONE);
    });
    const preview = source.preview(REQUEST);
    assert.deepEqual(await collect(source), { text: 'Batch the query.' });
    const body = server.received.at(-1)!.body as { model: string; messages: Array<{ role: string; content: string }> };
    assert.equal(body.model, 'qwen2.5-coder');
    assert.equal(
      preview,
      [
        `Sent by POST to ${server.base}/chat/completions for the model "qwen2.5-coder", with the API key stored for http://${server.host} if one is set (in the Authorization header, not shown here):`,
        `===== Instructions (system message) =====\n\n${body.messages[0].content}`,
        `===== Context and question (user message) =====\n\n${body.messages[1].content}`,
      ].join('\n\n'),
    );
    assert.deepEqual(body.messages.map((m) => m.role), ['system', 'user']);
    assert.ok(body.messages[1].content.includes(REQUEST.context) && body.messages[1].content.endsWith(`Question: ${REQUEST.question}`));
  });

  it('sends the API key only to the origin it was stored for', async () => {
    server.answer((res) => {
      startStream(res);
      res.end(chunk('ok', 'stop') + DONE);
    });
    secrets.clear();
    secrets.set(apiKeyName(new URL('https://api.openai.com/v1/chat/completions')), 'sk-for-openai');
    await collect(source);
    assert.equal(server.received.at(-1)!.headers.authorization, undefined);
    secrets.set(apiKeyName(new URL(`${server.base}/chat/completions`)), 'sk-local');
    await collect(source);
    assert.equal(server.received.at(-1)!.headers.authorization, 'Bearer sk-local');
  });

  it('says how to set the key when the endpoint refuses it', async () => {
    server.answer((res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"Missing bearer token"}}'));
    secrets.clear();
    const { error } = await collect(source);
    assert.equal(error?.message, `The endpoint answered 401 Unauthorized: "Missing bearer token". No API key is stored for http://${server.host}: set it with "Hotpath: Set Language Model API Key…".`);
  });

  it('stops the request when the console cancels it, ending without an error', async () => {
    server.answer((res) => {
      startStream(res);
      res.write(chunk('first '));
    });
    const closed = server.closedByClient();
    const { token, cancel } = tokenSource();
    let text = '';
    for await (const piece of source.stream(REQUEST, token)) {
      text += piece;
      cancel();
    }
    assert.equal(text, 'first ');
    await closed;
  });
});

describe('the API key entry', () => {
  it('refuses what cannot travel in an HTTP header', () => {
    assert.equal(keyProblem('  sk-proj-Abc_123.xyz  '), undefined);
    assert.equal(keyProblem('sk-abc\r\nX-Injected: 1'), 'A key holds no spaces, line breaks or characters outside ASCII.');
    assert.equal(keyProblem('sk-ключ'), 'A key holds no spaces, line breaks or characters outside ASCII.');
    assert.equal(keyProblem('k'.repeat(4097)), 'A key is at most 4096 characters.');
  });
});
