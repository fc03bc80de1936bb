/**
 * The language server's SARIF features: other tools' logs imported and their results published
 * with Hotpath's diagnostics (the same problem reported by both shown once), and the findings
 * shown now written out as a SARIF log. The reading and merging live in sarif/; this file keeps
 * the imported logs and answers the editor.
 */
import * as path from 'node:path';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Finding } from '../findings';
import { HOT_CODE } from '../profiles/merge';
import { exportSarifRequest, importSarifRequest, removeSarifRequest, SarifLogSummary } from '../protocol';
import { ExportedFinding, toSarif } from '../sarif/export';
import { importSarif } from '../sarif/import';
import { importHeadline, importWarnings } from '../sarif/log-summary';
import { mergeExternal } from '../sarif/merge-external';
import { diskText, placeResults } from '../sarif/place';
import { readSarifFile } from '../sarif/read-log';
import { SarifError } from '../sarif/sarif-error';
import type { ToolDescription } from '../sarif/tool-rules';
import { VERSION } from '../version';
import type { ProfileContext } from './profile-features';

export interface SarifContext extends ProfileContext {
  /** The files with Hotpath findings. */
  ourFiles(): Iterable<string>;
  /** A file's findings as published (other tools' merged in, heat applied), with their measured heat. */
  published(key: string): ExportedFinding[];
}

interface ImportedLog {
  summary: SarifLogSummary;
  findings: Map<string, Finding[]>;
  tools: ToolDescription[];
}

export class SarifFeatures {
  private readonly logs = new Map<string, ImportedLog>();

  constructor(private readonly ctx: SarifContext) {}

  register(): void {
    const { connection } = this.ctx;
    connection.onRequest(importSarifRequest, async (params) => {
      const given = typeof params?.path === 'string' ? params.path : '';
      if (!given) throw new ResponseError(ErrorCodes.InvalidParams, 'importSarif needs { "path": "…" }');
      try {
        return await this.import(path.resolve(this.ctx.folders()[0] ?? '.', given));
      } catch (error) {
        const message = error instanceof SarifError ? error.message : `${given}: ${error instanceof Error ? error.message : String(error)}`;
        this.ctx.log(`SARIF import failed: ${message}`);
        throw new ResponseError(LSPErrorCodes.RequestFailed, message);
      }
    });
    connection.onRequest(removeSarifRequest, (params) => {
      const given = typeof params?.path === 'string' ? params.path : '';
      const file = path.resolve(this.ctx.folders()[0] ?? '.', given);
      const removed = this.logs.get(file);
      if (removed) {
        this.logs.delete(file);
        this.ctx.log(`Removed the results of ${removed.summary.name}.`);
        this.ctx.republish(removed.findings.keys());
      }
      return [...this.logs.values()].map((l) => l.summary);
    });
    connection.onRequest(exportSarifRequest, () => this.export());
  }

  /** Other tools' findings of a file, from every imported log. */
  external(key: string): Finding[] {
    return [...this.logs.values()].flatMap((log) => log.findings.get(key) ?? []);
  }

  /** Hotpath's findings of a file with other tools' merged in. */
  combine(key: string, ours: readonly Finding[]): Finding[] {
    return mergeExternal(ours, this.external(key));
  }

  /** The files that imported logs have findings in. */
  files(): string[] {
    return [...new Set([...this.logs.values()].flatMap((log) => [...log.findings.keys()]))];
  }

  private async import(file: string): Promise<SarifLogSummary> {
    const imported = importSarif(file, await readSarifFile(file), { roots: this.ctx.folders() });
    const findings = await placeResults(imported.results, (f) => this.readText(f));
    const summary: SarifLogSummary = {
      path: file,
      name: path.basename(file),
      tools: imported.tools,
      results: imported.results.length,
      files: findings.size,
      headline: importHeadline(imported, findings.size),
      warnings: importWarnings(imported),
    };
    const before = this.logs.get(file)?.findings.keys() ?? [];
    this.logs.set(file, { summary, findings, tools: imported.toolDescriptions });
    this.ctx.log(`Imported ${summary.name}: ${summary.headline}.`);
    for (const warning of summary.warnings) this.ctx.log(`${summary.name}: ${warning}.`);
    this.ctx.republish(new Set([...before, ...findings.keys()]));
    return summary;
  }

  /** A file's text: the open document's, else the file's, unless it is larger than a scan reads. */
  private readText(file: string): Promise<string | undefined> {
    const open = this.ctx.documents.byPath(file);
    if (open) return Promise.resolve(open.document.getText());
    return diskText(this.ctx.settings().maxFileSizeKb * 1024)(file);
  }

  private async export(): Promise<{ log: ReturnType<typeof toSarif>; results: number }> {
    const keys = [...new Set([...this.ctx.ourFiles(), ...this.files()])].sort();
    const results: Array<{ file: string; findings: ExportedFinding[]; text?: string }> = [];
    for (const file of keys) {
      // Hot-code diagnostics describe the profile, not the code: they stay in the editor.
      const findings = this.ctx.published(file).filter((f) => f.source || f.ruleId !== HOT_CODE);
      if (findings.length > 0) results.push({ file, findings, text: await this.readText(file) });
    }
    const root = this.ctx.folders()[0] ?? process.cwd();
    const importedTools = [...this.logs.values()].flatMap((l) => l.tools);
    const log = toSarif({ results, root, toolVersion: VERSION, importedLogs: [...this.logs.keys()], importedTools });
    return { log, results: results.reduce((n, r) => n + r.findings.length, 0) };
  }
}
