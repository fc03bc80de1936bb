/**
 * The findings the server currently shows, per file: from the open document when the file is
 * open in the editor (its unsaved text wins), else from the last workspace scan.
 */
import type { Finding } from './findings';

export class FindingsStore {
  private readonly scanned = new Map<string, { findings: Finding[]; generation: number }>();
  private readonly open = new Map<string, Finding[]>();

  /** Called with the key of every file whose shown findings may have changed. */
  constructor(private readonly changed: (key: string) => void) {}

  shown(key: string): Finding[] {
    return this.open.get(key) ?? this.scanned.get(key)?.findings ?? [];
  }

  setOpen(key: string, findings: Finding[]): void {
    this.open.set(key, findings);
    this.changed(key);
  }

  closeOpen(key: string): void {
    if (this.open.delete(key)) this.changed(key);
  }

  setScanned(key: string, findings: Finding[], generation: number): void {
    const before = this.scanned.get(key);
    this.scanned.set(key, { findings, generation });
    if (!this.open.has(key) && (before?.findings.length ?? 0) + findings.length > 0) this.changed(key);
  }

  removeScanned(key: string): void {
    if (this.scanned.delete(key) && !this.open.has(key)) this.changed(key);
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
}
