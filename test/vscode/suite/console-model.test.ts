/**
 * The console's optional language model in the real workbench: off until the user turns it on;
 * the endpoint and its model read from user settings, which VS Code refuses to take from a
 * workspace; a workspace that turns the model off wins; VS Code's own models reported missing
 * when no extension offers one; and a reply streamed from a loopback endpoint reaching the
 * console whole, with the key from secret storage.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createModelSource } from '../../../client/src/console/create-model-source';
import { apiKeyName } from '../../../client/src/console/model/endpoint-source';
import { ChatServer, chunk, DONE, startStream } from '../../unit/console/chat-server';
import { activateHotpath } from './examples-workspace';

const REQUEST = { question: 'why is loadCustomers slow?', context: '# Context from Hotpath\n\n- `loadCustomers`: 55.2% of CPU time in report.cpuprofile' };

describe('the console language model', () => {
  const server = new ChatServer();
  const secrets = new Map<string, string>();
  const context = { secrets: { get: async (name: string) => secrets.get(name) } } as unknown as vscode.ExtensionContext;
  const source = createModelSource(context);
  const settings = () => vscode.workspace.getConfiguration('hotpath.console');

  before(async () => {
    await activateHotpath();
    await server.start();
  });

  after(async () => {
    for (const key of ['model', 'endpoint', 'endpointModel']) await settings().update(key, undefined, vscode.ConfigurationTarget.Global);
    await settings().update('model', undefined, vscode.ConfigurationTarget.Workspace);
    await server.stop();
  });

  it('is off until the user turns it on, and sends nothing then', async () => {
    const reason = 'The language model is off: choose a provider in the user setting hotpath.console.model.';
    assert.deepEqual(await source.availability(), { available: false, reason });
    assert.equal(source.preview(REQUEST), `Nothing is sent: ${reason}`);
  });

  it('reports when VS Code offers no language model', async () => {
    await settings().update('model', 'vscode-lm', vscode.ConfigurationTarget.Global);
    const models = await vscode.lm.selectChatModels();
    const availability = await source.availability();
    if (models.length === 0) {
      assert.deepEqual(availability, {
        available: false,
        reason: 'VS Code offers no language model: install and sign in to an extension that provides one (such as GitHub Copilot Chat), or choose "endpoint" in hotpath.console.model.',
      });
    } else {
      assert.deepEqual(availability, { available: true, label: `${models[0].name} (${models[0].vendor}), through VS Code` });
    }
  });

  it('does not let a workspace set the endpoint', async () => {
    await assert.rejects(
      async () => settings().update('endpoint', 'https://attacker.example/v1', vscode.ConfigurationTarget.Workspace),
      (error: Error) => /user settings/i.test(error.message),
    );
    assert.equal(settings().inspect('endpoint')?.workspaceValue, undefined);
  });

  it('streams the endpoint\'s reply with the key kept for it, until a workspace turns the model off', async () => {
    await settings().update('model', 'endpoint', vscode.ConfigurationTarget.Global);
    await settings().update('endpoint', server.base, vscode.ConfigurationTarget.Global);
    await settings().update('endpointModel', 'local-model', vscode.ConfigurationTarget.Global);
    secrets.set(apiKeyName(new URL(`${server.base}/chat/completions`)), 'sk-from-secret-storage');
    assert.deepEqual(await source.availability(), { available: true, label: `local-model at ${server.host}` });
    server.answer((res) => {
      startStream(res);
      res.write(chunk('Batch the '));
      res.end(chunk('query.', 'stop') + DONE);
    });
    const tokens = new vscode.CancellationTokenSource();
    let text = '';
    for await (const piece of source.stream(REQUEST, tokens.token)) text += piece;
    assert.equal(text, 'Batch the query.');
    assert.equal(server.received.at(-1)?.headers.authorization, 'Bearer sk-from-secret-storage');

    await settings().update('model', 'off', vscode.ConfigurationTarget.Workspace);
    assert.equal((await source.availability()).available, false);
  });
});
