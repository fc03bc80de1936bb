/**
 * The findings the server currently shows, per file: from the open document when the file is
 * open in the editor (its unsaved text wins), else from the last workspace scan; with them, the
 * file's cross-file findings, which the workspace index computes again whenever a file they
 * depend on changes.
 */
import { compareFindings, Finding } from './findings';
import type { FileSummary } from './summaries/file-summary';

/** The workspace index as the store sees it (summaries/summary-index.ts). */
export interface Linker {
  /** Replaces a file's summary; returns the files whose cross-file findings may have changed. */
  setScanned(file: string, summary: FileSummary | undefined): string[];
  setOpen(file: string, summary: FileSummary | undefined): string[];
  findings(file: string): Finding[];
}

export class FindingsStore {
  private readonly scanned = new Map<string, { findings: Finding[]; generation: number }>();
  private readonly open = new Map<string, Finding[]>();
  private readonly linked = new Map<string, Finding[]>();

  /** Called with the key of every file whose shown findings may have changed. */
  constructor(
    private readonly changed: (key: string) => void,
    private readonly linker?: Linker,
  ) {}

  shown(key: string): Finding[] {
    const own = this.open.get(key) ?? this.scanned.get(key)?.findings ?? [];
    const linked = this.linked.get(key);
    return linked ? [...own, ...linked].sort(compareFindings) : own;
  }

  setOpen(key: string, findings: Finding[], summary?: FileSummary): void {
    this.open.set(key, findings);
    this.changed(key);
    this.relink(this.linker?.setOpen(key, summary));
  }

  /** An open document's own findings, its summary in the workspace index left as it was. */
  setOpenFindings(key: string, findings: Finding[]): void {
    this.open.set(key, findings);
    this.changed(key);
  }

  /** An open document's summary in the workspace index, its own findings left as they were. */
  setOpenSummary(key: string, summary: FileSummary | undefined): void {
    this.relink(this.linker?.setOpen(key, summary));
  }

  closeOpen(key: string): void {
    if (this.open.delete(key)) this.changed(key);
    this.relink(this.linker?.setOpen(key, undefined));
  }

  setScanned(key: string, findings: Finding[], generation: number, summary?: FileSummary): void {
    const before = this.scanned.get(key);
    this.scanned.set(key, { findings, generation });
    if (!this.open.has(key) && (before?.findings.length ?? 0) + findings.length > 0) this.changed(key);
    this.relink(this.linker?.setScanned(key, summary));
  }

  removeScanned(key: string): void {
    if (this.scanned.delete(key) && !this.open.has(key)) this.changed(key);
    this.relink(this.linker?.setScanned(key, undefined));
  }

  /** Drops scan results older than a finished full scan: files it no longer covers. */
  pruneScanned(generation: number): void {
    for (const [key, entry] of [...this.scanned]) if (entry.generation < generation) this.removeScanned(key);
  }

  clearScanned(): void {
    for (const key of [...this.scanned.keys()]) this.removeScanned(key);
  }

  /** Every file with a scan result or an open document's findings. */
  files(): string[] {
    return [...new Set([...this.scanned.keys(), ...this.open.keys()])];
  }

  /** Files with a scan result, and the total of findings shown. */
  counts(): { files: number; findings: number } {
    const keys = new Set([...this.scanned.keys(), ...this.open.keys()]);
    let findings = 0;
    for (const key of keys) findings += this.shown(key).length;
    return { files: keys.size, findings };
  }

  /** Computes the cross-file findings of these files again (the index changed under them) and announces those that changed. */
  relinkFiles(files: readonly string[]): void {
    this.relink(files);
  }

  private relink(files: readonly string[] | undefined): void {
    for (const file of files ?? []) {
      const findings = this.linker!.findings(file);
      const before = this.linked.get(file) ?? [];
      if (JSON.stringify(before) === JSON.stringify(findings)) continue;
      if (findings.length > 0) this.linked.set(file, findings);
      else this.linked.delete(file);
      this.changed(file);
    }
  }
}
