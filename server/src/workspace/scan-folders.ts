/**
 * Scans folders and files: discovery, then the worker pool. Shared by the language server and the
 * `hotpath scan` command.
 */
import type { AnalysisSettings } from '../rules/config';
import { discoverFiles, SourceFile } from './discover';
import type { CancelToken, ScanHandlers, ScanOutcome, ScanPool } from './scan-pool';

export interface ScanTargets {
  /** Folders to walk. */
  folders: readonly string[];
  /** Files named explicitly: scanned even when a folder rule would leave them out. */
  files?: readonly SourceFile[];
  exclude: readonly string[];
  maxFileSizeKb: number;
}

/** Lists the files a scan of the targets covers. */
export async function listTargets(targets: ScanTargets, onSkip: (file: string, reason: string) => void, token?: CancelToken): Promise<SourceFile[]> {
  const seen = new Set<string>();
  const files: SourceFile[] = [];
  const add = (f: SourceFile) => {
    if (!seen.has(f.path)) {
      seen.add(f.path);
      files.push(f);
    }
  };
  targets.files?.forEach(add);
  for (const folder of targets.folders) {
    const found = await discoverFiles(folder, {
      exclude: targets.exclude,
      maxFileSizeKb: targets.maxFileSizeKb,
      onSkip,
      isCancelled: () => token?.isCancellationRequested ?? false,
    });
    found.forEach(add);
  }
  return files;
}

export async function scanTargets(
  pool: ScanPool,
  targets: ScanTargets,
  settings: AnalysisSettings,
  handlers: ScanHandlers,
  token?: CancelToken,
): Promise<ScanOutcome> {
  const files = await listTargets(targets, handlers.onSkip, token);
  if (token?.isCancellationRequested) return { completed: false, files: 0 };
  return pool.scan(files, settings, targets.maxFileSizeKb * 1024, handlers, token);
}
