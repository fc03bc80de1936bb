/**
 * `hotpath scan --sarif-in FILE`: other tools' results merged into the scan's, the same way the
 * language server shows them. Locations outside the folder the command runs in are left out.
 */
import { Finding } from '../findings';
import { importSarif } from '../sarif/import';
import { importHeadline, importWarnings } from '../sarif/log-summary';
import { mergeExternal } from '../sarif/merge-external';
import { diskText, placeResults } from '../sarif/place';
import { readSarifFile } from '../sarif/read-log';
import { SarifError } from '../sarif/sarif-error';
import type { ToolDescription } from '../sarif/tool-rules';
import { DEFAULTS } from '../settings';
import type { FileFindings } from './report-formats';
import { UsageError } from './usage';

/**
 * Reads each log and merges its findings into `results` (sorted by file again). Returns what to
 * tell the user on stderr and what the logs say of their tools; a log that cannot be read is a
 * usage error naming it.
 */
export async function mergeSarifLogs(
  results: FileFindings[],
  logs: readonly string[],
  root: string,
  display: (file: string) => string,
): Promise<{ notes: string[]; tools: ToolDescription[] }> {
  const external = new Map<string, Finding[]>();
  const notes: string[] = [];
  const tools: ToolDescription[] = [];
  for (const log of logs) {
    let imported;
    try {
      imported = importSarif(display(log), await readSarifFile(log, display(log)), { roots: [root] });
    } catch (error) {
      if (error instanceof SarifError) throw new UsageError(error.message);
      throw error;
    }
    tools.push(...imported.toolDescriptions);
    const placed = await placeResults(imported.results, diskText(DEFAULTS.maxFileSizeKb * 1024));
    for (const [file, findings] of placed) external.set(file, [...(external.get(file) ?? []), ...findings]);
    notes.push(`${display(log)}: ${importHeadline(imported, placed.size)}`, ...importWarnings(imported).map((w) => `${display(log)}: ${w}`));
  }
  for (const result of results) {
    const theirs = external.get(result.file);
    if (!theirs) continue;
    result.findings = mergeExternal(result.findings, theirs);
    external.delete(result.file);
  }
  for (const [file, findings] of external) results.push({ file, findings: mergeExternal([], findings) });
  results.sort((a, b) => a.file.localeCompare(b.file));
  return { notes, tools };
}
