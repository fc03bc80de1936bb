/**
 * Messages between the scan pool (main thread) and its workers.
 */
import type { Finding } from '../findings';
import type { AnalysisSettings } from '../rules/config';
import type { FileSummary } from '../summaries/file-summary';
import type { SourceFile } from './discover';

/** Pool → worker: analyze these files. */
export interface ScanBatch {
  type: 'scan';
  batch: number;
  files: SourceFile[];
  settings: AnalysisSettings;
  maxBytes: number;
}

/** Worker → pool, once per file of a batch, then `done`. */
export type ScanReply =
  | { type: 'file'; batch: number; path: string; findings: Finding[]; failures: string[]; summary?: FileSummary }
  | { type: 'skipped'; batch: number; path: string; reason: string }
  | { type: 'done'; batch: number };
