/**
 * What package.json declares for the console's language model, which VS Code enforces: off by
 * default, the endpoint and its model in user settings only (application scope), the three
 * settings restricted in untrusted workspaces, and the API key command.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../helpers/paths';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties;

test('the language model is off by default and its endpoint cannot come from a workspace', () => {
  assert.deepEqual(properties['hotpath.console.model'].enum, ['off', 'vscode-lm', 'endpoint']);
  assert.equal(properties['hotpath.console.model'].default, 'off');
  for (const key of ['hotpath.console.endpoint', 'hotpath.console.endpointModel']) {
    assert.equal(properties[key].scope, 'application', key);
    assert.equal(properties[key].default, '', key);
  }
  assert.ok(!Object.keys(properties).some((key) => /key|secret|token/i.test(key)), 'an API key setting is declared');
});

test('untrusted workspaces are supported in a limited way, without the model settings', () => {
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['hotpath.console.model', 'hotpath.console.endpoint', 'hotpath.console.endpointModel']);
});

test('the API key is set through a command', () => {
  const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'hotpath.console.setApiKey');
  assert.deepEqual(command, { command: 'hotpath.console.setApiKey', title: 'Set Language Model API Key…', category: 'Hotpath' });
});
