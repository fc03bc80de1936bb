/**
 * A one-off scan's findings (the command line's), with the cross-file ones added once every
 * file's summary has arrived: a file's chain may run through a file scanned after it.
 */
import { compareFindings, Finding } from '../findings';
import { AnalysisConfig, AnalysisSettings } from '../rules/config';
import { nPlusOneThroughCall } from '../rules/n-plus-one-through-call';
import type { FileSummary } from './file-summary';
import { SummaryIndex } from './summary-index';

export class ScanCollector {
  private readonly own = new Map<string, Finding[]>();
  private readonly index: SummaryIndex;

  constructor(settings: AnalysisSettings) {
    const config = new AnalysisConfig(settings);
    this.index = new SummaryIndex(() => config.severity(nPlusOneThroughCall.meta));
  }

  add(file: string, findings: Finding[], summary: FileSummary | undefined): void {
    this.own.set(file, findings);
    if (summary) this.index.setScanned(file, summary);
  }

  /** The files with findings, each with its own and its cross-file findings in order. */
  results(): Array<{ file: string; findings: Finding[] }> {
    const results: Array<{ file: string; findings: Finding[] }> = [];
    for (const [file, own] of this.own) {
      const linked = this.index.findings(file);
      const findings = linked.length > 0 ? [...own, ...linked].sort(compareFindings) : own;
      if (findings.length > 0) results.push({ file, findings });
    }
    return results;
  }
}
