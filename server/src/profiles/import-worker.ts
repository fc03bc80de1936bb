/**
 * The worker that reads one profile file, so a 100 MB import never blocks the language server's
 * main thread. The profile's typed arrays are transferred back, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { ProfileError } from './importer';
import { loadProfile } from './load';
import type { Profile } from './model';

export type ImportReply = { ok: true; profile: Profile } | { ok: false; message: string };

function transferables(profile: Profile): ArrayBuffer[] {
  if (profile.shape.kind !== 'tree') return [];
  const { parent, func, line, selfNodes, selfValues } = profile.shape.tree;
  return [parent, func, line, selfNodes, ...selfValues].map((a) => a.buffer as ArrayBuffer);
}

const port = parentPort;
port?.once('message', async ({ path }: { path: string }) => {
  try {
    const profile = await loadProfile(path);
    port.postMessage({ ok: true, profile } satisfies ImportReply, transferables(profile));
  } catch (error) {
    const message = error instanceof ProfileError ? error.message : `${path}: could not be read (${error instanceof Error ? error.message : String(error)})`;
    port.postMessage({ ok: false, message } satisfies ImportReply);
  }
});
