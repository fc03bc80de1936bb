/**
 * Keeps the scan results of the workspace current: a full scan at start and after settings
 * change (cancelling the one running), and single files again when they change on disk.
 */
import type { HotpathSettings } from '../settings';
import type { FindingsStore } from '../findings-store';
import { grammarForPath } from '../syntax/languages';
import { excluder } from './discover';
import type { CancelToken, ScanHandlers, ScanPool } from './scan-pool';
import { scanTargets } from './scan-folders';
import * as path from 'node:path';

export interface ScanEnvironment {
  folders(): readonly string[];
  /** Per folder, the globs `files.exclude` turns on. */
  filesExclude(folder: string): readonly string[];
  settings(): HotpathSettings;
  /** True for files open in the editor: their findings come from the editor's text. */
  isOpen(file: string): boolean;
  log(message: string): void;
  /** Starts a progress report; the returned token is cancelled when the user cancels it. */
  progress(title: string): Progress;
  statusChanged(): void;
}

export interface Progress {
  token: CancelToken;
  report(done: number, total: number): void;
  done(): void;
}

class Cancellation implements CancelToken {
  private cancelled = false;
  constructor(private readonly outer?: CancelToken) {}
  get isCancellationRequested(): boolean {
    return this.cancelled || (this.outer?.isCancellationRequested ?? false);
  }
  cancel(): void {
    this.cancelled = true;
  }
}

export class WorkspaceScanner {
  private generation = 0;
  private running?: Cancellation;
  private skipped = new Set<string>();
  scanning = false;

  constructor(
    private readonly pool: ScanPool,
    private readonly store: FindingsStore,
    private readonly env: ScanEnvironment,
  ) {}

  get skippedCount(): number {
    return this.skipped.size;
  }

  /** Scans every folder again; a scan already running is cancelled first. */
  async scanAll(): Promise<void> {
    this.running?.cancel();
    const settings = this.env.settings();
    if (settings.scope === 'openFiles') {
      this.store.clearScanned();
      this.env.statusChanged();
      return;
    }
    const generation = ++this.generation;
    const progress = this.env.progress('Hotpath: scanning the workspace');
    const cancel = new Cancellation(progress.token);
    this.running = cancel;
    this.scanning = true;
    this.skipped = new Set();
    this.env.statusChanged();
    const started = Date.now();
    let files = 0;
    try {
      for (const folder of this.env.folders()) {
        if (cancel.isCancellationRequested) break;
        const outcome = await scanTargets(
          this.pool,
          { folders: [folder], exclude: [...settings.exclude, ...this.env.filesExclude(folder)], maxFileSizeKb: settings.maxFileSizeKb },
          settings.analysis,
          this.handlers(generation, (done, total) => progress.report(done, total)),
          cancel,
        );
        files += outcome.files;
      }
    } finally {
      progress.done();
      if (this.running === cancel) {
        this.running = undefined;
        this.scanning = false;
      }
    }
    if (cancel.isCancellationRequested) {
      this.env.log(`Workspace scan cancelled after ${files} files.`);
    } else {
      this.store.pruneScanned(generation);
      this.env.log(`Scanned ${files} files in ${Date.now() - started} ms (${this.skipped.size} skipped).`);
    }
    this.env.statusChanged();
  }

  /** Scans files again after they changed on disk (ignored when open or excluded). */
  async rescanFiles(files: readonly string[]): Promise<void> {
    const settings = this.env.settings();
    if (settings.scope === 'openFiles') return;
    const targets = files.flatMap((file) => {
      const grammar = grammarForPath(file);
      const folder = this.env.folders().find((f) => !path.relative(f, file).startsWith('..'));
      if (!grammar || !folder || this.env.isOpen(file)) return [];
      const exclude = excluder([...settings.exclude, ...this.env.filesExclude(folder)]);
      const rel = path.relative(folder, file).split(path.sep).join('/');
      return exclude(rel, false) ? [] : [{ path: file, grammar: grammar.id }];
    });
    if (targets.length === 0) return;
    await scanTargets(this.pool, { folders: [], files: targets, exclude: [], maxFileSizeKb: settings.maxFileSizeKb }, settings.analysis, this.handlers(this.generation));
    this.env.statusChanged();
  }

  removeFile(file: string): void {
    this.store.removeScanned(file);
    this.skipped.delete(file);
    this.env.statusChanged();
  }

  cancel(): void {
    this.running?.cancel();
  }

  private handlers(generation: number, progress?: (done: number, total: number) => void): ScanHandlers {
    return {
      onFile: (file, findings, failures, summary) => {
        this.skipped.delete(file);
        this.store.setScanned(file, findings, generation, summary);
        for (const failure of failures) this.env.log(`${file}: ${failure}`);
      },
      onSkip: (file, reason) => {
        this.skipped.add(file);
        this.store.removeScanned(file);
        this.env.log(`Skipped ${file}: ${reason}`);
      },
      onProgress: progress,
    };
  }
}
