/**
 * Findings as a SARIF 2.1.0 log, for code scanning services and other SARIF readers.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import type { Finding, Range, Severity } from '../findings';
import { RULES } from '../rules';
import type { RuleMeta } from '../rules/rule';

export interface SarifInput {
  /** Findings per absolute file path. */
  results: ReadonlyArray<{ file: string; findings: readonly Finding[]; text?: string }>;
  /** Paths in the log are relative to this folder (the `SRCROOT` base). */
  root: string;
  toolVersion: string;
  commandLine?: string;
  startTime?: Date;
  endTime?: Date;
  /** Files that were not analyzed, with the reason. */
  skipped?: ReadonlyArray<{ file: string; reason: string }>;
}

const LEVELS: Record<Severity, sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function ruleDescriptor(meta: RuleMeta): sarif.ReportingDescriptor {
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.why },
    help: { text: meta.fix, markdown: `${meta.why}\n\n**Instead:** ${meta.fix}` },
    defaultConfiguration: { level: LEVELS[meta.severity] },
    properties: { tags: ['performance'], precision: meta.confidence, languages: [...meta.languages] },
  };
}

function region(range: Range): sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function relativeUri(file: string, root: string): string {
  return path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/');
}

/** The text a range covers, whitespace collapsed, so a fingerprint survives shifted lines. */
function rangeText(text: string | undefined, range: Range): string {
  if (text === undefined) return '';
  const lines = text.split('\n').slice(range.start.line, range.end.line + 1);
  if (lines.length === 0) return '';
  lines[lines.length - 1] = lines[lines.length - 1].slice(0, range.end.character);
  lines[0] = lines[0].slice(range.start.character);
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

export function toSarif(input: SarifInput): sarif.Log {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const results: sarif.Result[] = [];
  for (const { file, findings, text } of input.results) {
    const uri = relativeUri(file, input.root);
    const seen = new Map<string, number>();
    for (const f of findings) {
      const key = `${f.ruleId}\0${uri}\0${rangeText(text, f.range)}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const location = (range: Range, at = file): sarif.Location => ({
        physicalLocation: {
          artifactLocation: { uri: relativeUri(at, input.root), uriBaseId: 'SRCROOT' },
          region: region(range),
        },
      });
      results.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: LEVELS[f.severity],
        message: { text: f.message },
        locations: [location(f.range)],
        relatedLocations: f.related.map((r, id) => ({ ...location(r.range, r.file ?? file), id, message: { text: r.message } })),
        partialFingerprints: {
          'hotpath/v1': createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32),
        },
      });
    }
  }
  const rootUri = pathToFileURL(input.root).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Hotpath',
            semanticVersion: input.toolVersion,
            version: input.toolVersion,
            rules: RULES.map((r) => ruleDescriptor(r.meta)),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            commandLine: input.commandLine,
            startTimeUtc: input.startTime?.toISOString(),
            endTimeUtc: input.endTime?.toISOString(),
            toolExecutionNotifications: (input.skipped ?? []).map((s) => ({
              level: 'note' as const,
              message: { text: `skipped: ${s.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(s.file, input.root), uriBaseId: 'SRCROOT' } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
}
