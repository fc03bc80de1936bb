/**
 * Measured beats predicted: a static finding inside a function the active profile shows hot is
 * raised to a warning and says how hot; in code the profile covers but shows cold it drops to a
 * hint; with no profile, or in files the profile never reached, the rule's severity stands.
 */
import { atLeast, Finding, Range, Severity } from '../findings';
import type { SourceFunction } from '../syntax/functions';
import { formatPercent, shareOf } from './format';
import type { FileHeat, FunctionHeat, HeatSource } from './heat';
import { locateFunction, shortName } from './locate';
import { placedLines } from './placed-lines';

/** The function heat a finding's enclosing function stands for, if the profile measured it. */
export function heatOfFinding(finding: Finding, file: FileHeat): FunctionHeat | undefined {
  const fn = finding.function;
  if (!fn) return undefined;
  const named = file.functions.filter((h) => shortName(h.name) === fn.name);
  if (named.length <= 1) return named[0];
  const line = fn.line + 1;
  return named.reduce((a, b) => (Math.abs(b.line - line) < Math.abs(a.line - line) ? b : a));
}

/** The measured heat of a finding's function as reports carry it, with what a reader needs to judge it. */
export interface HeatEvidence {
  selfPercent: number;
  totalPercent: number;
  /** The profile file's name. */
  profile: string;
  unit: string;
  sampleType: string;
  sampleCount?: number;
}

/** The heat of the function a finding sits in, when the profile measured it; shares rounded to 0.01%. */
export function heatEvidence(finding: Finding, file: FileHeat | undefined, source: HeatSource): HeatEvidence | undefined {
  const measured = file && heatOfFinding(finding, file);
  if (!measured) return undefined;
  const share = (n: number) => Number(n.toFixed(2));
  return {
    selfPercent: share(measured.selfPercent),
    totalPercent: share(measured.totalPercent),
    profile: source.name,
    unit: source.unit,
    sampleType: source.sampleType,
    ...(source.sampleCount !== undefined ? { sampleCount: source.sampleCount } : {}),
  };
}

export function applyHeat(findings: readonly Finding[], file: FileHeat | undefined, source: HeatSource, hotThreshold: number): Finding[] {
  if (!file) return [...findings];
  return findings.map((finding) => {
    const heat = heatOfFinding(finding, file);
    if (heat && heat.totalPercent >= hotThreshold) {
      const severity: Severity = atLeast(finding.severity, 'warning') ? finding.severity : 'warning';
      return { ...finding, severity, message: `${finding.message} — this function took ${shareOf(heat.totalPercent, source)}` };
    }
    if (finding.function && finding.severity !== 'error') return { ...finding, severity: 'hint' as const };
    return finding;
  });
}

/** The id hot-code diagnostics carry as their code. */
export const HOT_CODE = 'hot-code';

/** The largest character LSP allows; editors read it as the end of the line. */
export const LINE_END = 2 ** 31 - 1;

function lineRange(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: LINE_END } };
}

/**
 * Information diagnostics for what the profile measured above the threshold: each hot function
 * (on its first line) and each hot line, "hot: 23.4% of CPU samples in cpu.pprof".
 */
export function hotCodeFindings(file: FileHeat, source: HeatSource, hotThreshold: number, functions: readonly SourceFunction[]): Finding[] {
  const found: Finding[] = [];
  for (const heat of file.functions) {
    // A nameless function (a module's top-level code) is left to its lines.
    if (heat.totalPercent < hotThreshold || !shortName(heat.name)) continue;
    const at = locateFunction(heat, functions, file.lines);
    const line = at ? at.startLine : heat.line - 1;
    if (line < 0) continue;
    found.push({
      ruleId: HOT_CODE,
      severity: 'info',
      message: `hot: \`${shortName(heat.name)}\` took ${shareOf(heat.totalPercent, source)} (${formatPercent(heat.selfPercent)} in its own code)`,
      range: lineRange(line),
      related: [],
    });
  }
  for (const line of placedLines(file, functions)) {
    if (line.selfPercent < hotThreshold) continue;
    found.push({ ruleId: HOT_CODE, severity: 'info', message: `hot: ${shareOf(line.selfPercent, source)} on this line`, range: lineRange(line.line - 1), related: [] });
  }
  return found;
}
