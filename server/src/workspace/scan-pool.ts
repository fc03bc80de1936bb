/**
 * A pool of scan workers. Files go out in small batches to whichever worker is free, so the
 * main thread (which answers the editor) only ever receives finished findings.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../findings';
import type { AnalysisSettings } from '../rules/config';
import type { FileSummary } from '../summaries/file-summary';
import type { SourceFile } from './discover';
import type { ScanBatch, ScanReply } from './scan-messages';

export interface ScanHandlers {
  /** A file's findings, and its summary for the workspace index when a workspace rule is on. */
  onFile(file: string, findings: Finding[], failures: string[], summary?: FileSummary): void;
  onSkip(file: string, reason: string): void;
  /** Called after each finished file with the count of files done so far. */
  onProgress?(done: number, total: number): void;
}

export interface CancelToken {
  readonly isCancellationRequested: boolean;
}

export interface ScanOutcome {
  completed: boolean;
  files: number;
}

const BATCH_SIZE = 4;

interface Job {
  handlers: ScanHandlers;
  token?: CancelToken;
  total: number;
  done: number;
  outstanding: number;
  finish(completed: boolean): void;
}

interface Pending {
  job: Job;
  message: ScanBatch;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
  /** Files of the busy batch not answered yet, should the worker die. */
  unanswered: Set<string>;
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(os.availableParallelism(), 8));
}

export class ScanPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextBatch = 1;
  private disposed = false;
  /** Settles once the workers last retired have ended: a job is finished only then. */
  private retiring: Promise<void> = Promise.resolve();

  constructor(
    private readonly size = defaultPoolSize(),
    private readonly script = path.join(__dirname, 'scan-worker.js'),
  ) {}

  scan(files: readonly SourceFile[], settings: AnalysisSettings, maxBytes: number, handlers: ScanHandlers, token?: CancelToken): Promise<ScanOutcome> {
    if (this.disposed) return Promise.reject(new Error('the scan pool is closed'));
    return new Promise((resolve) => {
      const job: Job = {
        handlers,
        token,
        total: files.length,
        done: 0,
        outstanding: 0,
        finish: (completed) => resolve({ completed, files: job.done }),
      };
      if (files.length === 0) return job.finish(true);
      for (let i = 0; i < files.length; i += BATCH_SIZE) {
        const message: ScanBatch = { type: 'scan', batch: this.nextBatch++, files: files.slice(i, i + BATCH_SIZE), settings, maxBytes };
        this.queue.push({ job, message });
        job.outstanding++;
      }
      this.dispatch();
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    this.dropCancelled();
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => !s.busy) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.busy = pending;
      slot.unanswered = new Set(pending.message.files.map((f) => f.path));
      slot.worker.ref();
      slot.worker.postMessage(pending.message);
    }
    if (this.slots.every((s) => !s.busy)) this.retireIdle();
  }

  /**
   * With no work left, the workers end: each holds a parser's WASM heap, which grows to fit the
   * largest file it parsed and never shrinks, and a JavaScript heap of its own, together about
   * 100 MB a worker after a large scan. The next scan starts new ones (some tens of ms each).
   */
  private retireIdle(): void {
    const ending = this.slots.splice(0).map((slot) => slot.worker.terminate());
    if (ending.length > 0) this.retiring = Promise.all(ending).then(() => undefined);
  }

  private dropCancelled(): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const { job } = this.queue[i];
      if (!job.token?.isCancellationRequested) continue;
      this.queue.splice(i, 1);
      if (--job.outstanding === 0) job.finish(false);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script);
    const slot: Slot = { worker, unanswered: new Set() };
    worker.on('message', (reply: ScanReply) => this.receive(slot, reply));
    worker.on('error', (error) => this.lose(slot, error.message));
    worker.on('exit', (code) => this.lose(slot, `exited with code ${code}`));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private receive(slot: Slot, reply: ScanReply): void {
    const pending = slot.busy;
    if (!pending || pending.message.batch !== reply.batch) return;
    const { job } = pending;
    const cancelled = job.token?.isCancellationRequested ?? false;
    if (reply.type === 'done') {
      this.release(slot, cancelled);
      return;
    }
    slot.unanswered.delete(reply.path);
    if (cancelled) return;
    if (reply.type === 'file') job.handlers.onFile(reply.path, reply.findings, reply.failures, reply.summary);
    else job.handlers.onSkip(reply.path, reply.reason);
    job.done++;
    job.handlers.onProgress?.(job.done, job.total);
  }

  /** A batch is finished: free the worker and finish the job if this was its last batch. */
  private release(slot: Slot, cancelled: boolean): void {
    const job = slot.busy?.job;
    slot.busy = undefined;
    slot.worker.unref();
    const finished = job !== undefined && --job.outstanding === 0;
    this.dispatch();
    // The memory of the workers that ended with the job is given back before the job counts as done.
    if (finished) void this.retiring.then(() => job.finish(!cancelled));
  }

  /** A worker died: its unanswered files are reported as skipped and a new worker takes over. */
  private lose(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const pending = slot.busy;
    if (pending && !this.disposed) {
      for (const file of slot.unanswered) {
        pending.job.handlers.onSkip(file, `the scan worker stopped (${reason})`);
        pending.job.done++;
      }
      this.release(slot, false);
    }
  }
}
