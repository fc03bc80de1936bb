/**
 * How `hotpath scan` prints findings: one line each (text) or one JSON document.
 */
import * as path from 'node:path';
import { Finding, SEVERITIES, Severity } from '../findings';
import type { HeatEvidence } from '../profiles/merge';

/** A finding as reported, with the measured heat of its function when a profile was given. */
export type ReportedFinding = Finding & { heat?: HeatEvidence };

/** The rule as a report names it: Hotpath's rule id, or another tool's name and its rule id. */
export function reportedRule(finding: Finding): string {
  return finding.source ? `${finding.source.tool}/${finding.ruleId}` : finding.ruleId;
}

export interface FileFindings {
  file: string;
  findings: ReportedFinding[];
}

/** A path as the user typed around it: relative to the current directory, with `/`. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file) || path.basename(file);
  return rel.split(path.sep).join('/');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatText(results: readonly FileFindings[], scanned: number, cwd: string): string {
  const lines: string[] = [];
  const counts = new Map<Severity, number>();
  for (const { file, findings } of results) {
    for (const f of findings) {
      lines.push(`${displayPath(file, cwd)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${reportedRule(f)}: ${f.message}`);
      counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
    }
  }
  const total = lines.length;
  const files = plural(scanned, 'file');
  if (total === 0) {
    lines.push(`No findings in ${files}.`);
  } else {
    const bySeverity = SEVERITIES.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`).join(', ');
    lines.push(`${plural(total, 'finding')} (${bySeverity}) in ${files}.`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatJson(results: readonly FileFindings[], cwd: string): string {
  const findings = results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: displayPath(file, cwd),
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      message: f.message,
      ...(f.source ? { tool: f.source.tool } : {}),
      ...(f.heat ? { heat: f.heat } : {}),
    })),
  );
  return `${JSON.stringify({ findings }, null, 2)}\n`;
}
