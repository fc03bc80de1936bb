/**
 * Every custom message in server/src/protocol.ts has its section in docs/protocol.md.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as protocol from '../../server/src/protocol';
import { repoRoot } from '../helpers/paths';

test('docs/protocol.md describes every message of protocol.ts', () => {
  const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'protocol.md'), 'utf8');
  const methods = Object.values(protocol as Record<string, unknown>).flatMap((v) => {
    const method = typeof v === 'object' && v !== null ? (v as { method?: unknown }).method : undefined;
    return typeof method === 'string' ? [method] : [];
  });
  assert.ok(methods.length >= 2);
  for (const method of methods) assert.ok(doc.includes(`## \`${method}\``), `docs/protocol.md has no section for ${method}`);
});
