/**
 * Findings as a SARIF 2.1.0 log, for code scanning services and other SARIF readers. Hotpath's
 * findings form one run, with every rule described from its metadata; findings imported from
 * other tools' logs form one run per tool, marked as converted by Hotpath. Regions are 1-based in
 * UTF-16 code units; `partialFingerprints` hash the rule, the file, the enclosing function and
 * the flagged text (never line numbers), so they stay the same when lines above move; measured
 * heat goes into each result's `properties.heat`.
 *
 * Hotpath has no web site: the only documentation of a version is the one installed with it. So
 * `informationUri` and each rule's `helpUri` are file URIs of the installed docs (the links the
 * editor's diagnostics open), and `help.markdown` carries the whole text for readers elsewhere.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import type { Finding, Range } from '../findings';
import { HeatEvidence, LINE_END } from '../profiles/merge';
import { docUri } from '../rule-docs';
import { RULES } from '../rules';
import { HOTPATH_TOOL } from './equivalent-rules';
import { externalRules, hotpathRule, LEVELS } from './rule-descriptors';
import type { ToolDescription } from './tool-rules';

export type ExportedFinding = Finding & { heat?: HeatEvidence };

export interface SarifInput {
  /** Findings per absolute file path, with the file's text for fingerprints. */
  results: ReadonlyArray<{ file: string; findings: readonly ExportedFinding[]; text?: string }>;
  /** Paths inside this folder are written relative to it (the `SRCROOT` base). */
  root: string;
  toolVersion: string;
  commandLine?: string;
  startTime?: Date;
  endTime?: Date;
  /** Files that were not analyzed, with the reason. */
  skipped?: ReadonlyArray<{ file: string; reason: string }>;
  /** The logs of other tools whose results are among the findings. */
  importedLogs?: readonly string[];
  /** What those logs say of their tools: versions and web pages for the tools' runs. */
  importedTools?: readonly ToolDescription[];
}

const SRCROOT = 'SRCROOT';

function region(range: Range): sarif.Region {
  const startColumn = range.start.character + 1;
  const r: sarif.Region = { startLine: range.start.line + 1, startColumn, endLine: range.end.line + 1 };
  // An end at LSP's largest character means "to the end of the line", which SARIF says by leaving endColumn out.
  if (range.end.character < LINE_END) r.endColumn = Math.max(range.end.character + 1, range.end.line === range.start.line ? startColumn : 1);
  return r;
}

function artifact(file: string, root: string): sarif.ArtifactLocation {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The text a range covers, whitespace collapsed, so a fingerprint survives shifted lines. */
function rangeText(lines: readonly string[] | undefined, range: Range): string {
  if (!lines) return '';
  const covered = lines.slice(range.start.line, range.end.line + 1);
  if (covered.length === 0) return '';
  covered[covered.length - 1] = covered[covered.length - 1].slice(0, range.end.character);
  covered[0] = covered[0].slice(range.start.character);
  return covered.join(' ').replace(/\s+/g, ' ').trim();
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The results of one file's findings; `ruleIndex` maps rule ids to their descriptors. */
function fileResults(entry: SarifInput['results'][number], findings: readonly ExportedFinding[], ruleIndex: Map<string, number>, root: string): sarif.Result[] {
  const lines = entry.text?.split('\n');
  const seen = new Map<string, number>();
  const uri = artifact(entry.file, root).uri ?? '';
  return findings.map((f) => {
    const key = [f.source?.tool ?? HOTPATH_TOOL, f.ruleId, uri, f.function?.name ?? '', rangeText(lines, f.range)].join('\0');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const location = (range: Range, file = entry.file): sarif.Location => ({ physicalLocation: { artifactLocation: artifact(file, root), region: region(range) } });
    const result: sarif.Result = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: LEVELS[f.severity],
      message: { text: f.message },
      locations: [location(f.range)],
      partialFingerprints: { 'hotpath/v1': sha(`${key}\0${occurrence}`) },
    };
    if (f.related.length > 0) result.relatedLocations = f.related.map((r, id) => ({ ...location(r.range, r.file ?? entry.file), id, message: { text: r.message } }));
    if (f.heat) result.properties = { heat: f.heat };
    return result;
  });
}

/** The results of the findings that `pick` keeps, file by file. */
function resultsOf(input: SarifInput, pick: (f: ExportedFinding) => boolean, ruleIndex: Map<string, number>): sarif.Result[] {
  return input.results.flatMap((entry) => fileResults(entry, entry.findings.filter(pick), ruleIndex, input.root));
}

function folderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

export function toSarif(input: SarifInput): sarif.Log {
  const baseIds = { [SRCROOT]: { uri: folderUri(input.root) } };
  const driver: sarif.ToolComponent = {
    name: HOTPATH_TOOL,
    version: input.toolVersion,
    semanticVersion: input.toolVersion,
    informationUri: docUri('rules/README.md'),
    rules: RULES.map((r) => hotpathRule(r.meta)),
  };
  const invocation: sarif.Invocation = {
    executionSuccessful: true,
    ...(input.commandLine ? { commandLine: input.commandLine } : {}),
    ...(input.startTime ? { startTimeUtc: input.startTime.toISOString() } : {}),
    ...(input.endTime ? { endTimeUtc: input.endTime.toISOString() } : {}),
    workingDirectory: { uri: folderUri(input.root) },
    toolExecutionNotifications: (input.skipped ?? []).map((s) => ({
      level: 'note' as const,
      message: { text: `skipped: ${s.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(s.file, input.root) } }],
    })),
  };
  const ours: sarif.Run = {
    tool: { driver },
    originalUriBaseIds: baseIds,
    columnKind: 'utf16CodeUnits',
    invocations: [invocation],
    results: resultsOf(input, (f) => !f.source, new Map(RULES.map((r, i) => [r.meta.id, i]))),
  };
  const tools = [...new Set(input.results.flatMap((r) => r.findings.flatMap((f) => (f.source ? [f.source.tool] : []))))];
  const theirs = tools.map((tool): sarif.Run => {
    const pick = (f: ExportedFinding) => f.source?.tool === tool;
    const { rules, index } = externalRules(input.results.flatMap((r) => r.findings.filter(pick)));
    const described = input.importedTools?.find((t) => t.name === tool);
    return {
      tool: { driver: { ...described, name: tool, rules } },
      conversion: {
        tool: { driver: { name: HOTPATH_TOOL, version: input.toolVersion, semanticVersion: input.toolVersion, informationUri: driver.informationUri } },
        analysisToolLogFiles: (input.importedLogs ?? []).map((log) => artifact(log, input.root)),
      },
      originalUriBaseIds: baseIds,
      columnKind: 'utf16CodeUnits',
      results: resultsOf(input, pick, index),
    };
  });
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [ours, ...theirs] };
}
