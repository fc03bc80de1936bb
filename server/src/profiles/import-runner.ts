/**
 * Runs a profile import in its own worker thread: the main thread keeps answering the editor,
 * a cancelled import stops the worker, and a file that would exhaust memory only costs the worker.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ProfileError } from './importer';
import type { ImportReply } from './import-worker';
import type { Profile } from './model';

export interface Cancellable {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): unknown;
}

export class ImportCancelled extends Error {
  constructor(file: string) {
    super(`${file}: import cancelled`);
  }
}

/** Memory a single import may use before its worker is stopped. */
const WORKER_HEAP_MB = 4096;

export function importInWorker(file: string, token?: Cancellable, script = path.join(__dirname, 'import-worker.js')): Promise<Profile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
      void worker.terminate();
    };
    token?.onCancellationRequested(() => settle(() => reject(new ImportCancelled(file))));
    worker.once('message', (reply: ImportReply) =>
      settle(() => (reply.ok ? resolve(reply.profile) : reject(new ProfileError(file, reply.message.replace(`${file}: `, ''))))),
    );
    worker.once('error', (error) =>
      settle(() => reject(new ProfileError(file, error.message.includes('memory') ? 'reading it ran out of memory' : `the import failed (${error.message})`))),
    );
    worker.once('exit', (code) => settle(() => reject(new ProfileError(file, `the import stopped unexpectedly (exit code ${code})`))));
    if (token?.isCancellationRequested) settle(() => reject(new ImportCancelled(file)));
    else worker.postMessage({ path: file });
  });
}
