/**
 * A folder of source files analyzed as one workspace, the way `hotpath scan` does: each file's
 * own findings and summary, then the cross-file findings from the index of all the summaries.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSource } from '../../server/src/analyze';
import { compareFindings, Finding } from '../../server/src/findings';
import { AnalysisConfig } from '../../server/src/rules/config';
import { nPlusOneThroughCall } from '../../server/src/rules/n-plus-one-through-call';
import { SummaryIndex } from '../../server/src/summaries/summary-index';
import { grammarForPath } from '../../server/src/syntax/languages';

/** Every source file under `dir`, sorted. */
export function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => path.join(dir, rel))
    .filter((file) => fs.statSync(file).isFile() && grammarForPath(file))
    .sort();
}

export async function analyzeWorkspace(dir: string, config: AnalysisConfig): Promise<{ findings: Map<string, Finding[]>; failures: string[] }> {
  const index = new SummaryIndex(() => config.severity(nPlusOneThroughCall.meta));
  const own = new Map<string, Finding[]>();
  const failures: string[] = [];
  for (const file of sourceFiles(dir)) {
    const analysis = await analyzeSource(fs.readFileSync(file, 'utf8'), grammarForPath(file)!.id, config);
    own.set(file, analysis.findings);
    failures.push(...analysis.failures.map((f) => `${file}: ${f}`));
    index.setScanned(file, analysis.summary);
  }
  const findings = new Map<string, Finding[]>();
  for (const [file, list] of own) findings.set(file, [...list, ...index.findings(file)].sort(compareFindings));
  return { findings, failures };
}
