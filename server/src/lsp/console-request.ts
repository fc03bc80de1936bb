/**
 * `hotpath/ask`: the optimization console's questions, answered from the server's state — the
 * findings shown (Hotpath's and imported SARIF results), the active profile and its comparison
 * with a baseline, the benchmark results compared — by the engine in console/; and, when asked,
 * the context a language model would be given with the question (console/model-context.ts).
 */
import * as fs from 'node:fs';
import { Connection, ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { ask } from '../console/ask';
import { benchmarkEvidence } from '../console/benchmark-evidence';
import { comparisonFromDiff } from '../console/comparison';
import { buildModelContext } from '../console/model-context';
import { ConsoleModel, externalRulesOf, ProfileComparison, sourcedFindings } from '../console/model';
import { contextFile } from '../console/scope';
import { createSourceAccess, FunctionCache, loadParsers } from '../console/source-access';
import type { OpenDocuments } from '../documents/open-documents';
import type { Finding, Range } from '../findings';
import { askRequest, AskParams } from '../protocol';
import { RULES } from '../rules';
import type { HotpathSettings } from '../settings';
import type { BenchmarkResults } from './benchmark-results';
import type { ProfileFeatures } from './profile-features';

export interface ConsoleContext {
  connection: Connection;
  documents: OpenDocuments;
  folders(): readonly string[];
  settings(): HotpathSettings;
  /** Files with findings, Hotpath's or imported. */
  findingFiles(): Iterable<string>;
  /** A file's findings as shown, before the profile's heat is applied. */
  findings(key: string): readonly Finding[];
  profiles: Pick<ProfileFeatures, 'consoleState'>;
  benchmarks: Pick<BenchmarkResults, 'comparison'>;
}

/** Longer questions are refused: no one types them, and they would only cost time. */
const MAX_QUESTION = 2000;

function isPosition(value: unknown): value is Range['start'] {
  const p = value as Range['start'] | undefined;
  return typeof p?.line === 'number' && typeof p.character === 'number' && p.line >= 0 && p.character >= 0;
}

/** The parameters, checked: they come from a webview. */
function checked(params: unknown): AskParams {
  const { question, context, modelContext } = (params ?? {}) as Partial<AskParams>;
  if (typeof question !== 'string' || question.length > MAX_QUESTION) {
    throw new ResponseError(ErrorCodes.InvalidParams, `ask needs { "question": "…" } of at most ${MAX_QUESTION} characters`);
  }
  if (modelContext !== undefined && modelContext !== null && typeof modelContext !== 'boolean') {
    throw new ResponseError(ErrorCodes.InvalidParams, 'ask\'s modelContext must be true or false');
  }
  const withModel = modelContext === true ? { modelContext } : {};
  if (context === undefined || context === null) return { question, ...withModel };
  if (typeof context.uri !== 'string' || !isPosition(context.range?.start) || !isPosition(context.range?.end)) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'ask\'s context must be { "uri": "…", "range": { "start": {…}, "end": {…} } }');
  }
  return { question, context: { uri: context.uri, range: { start: context.range.start, end: context.range.end } }, ...withModel };
}

export class ConsoleRequests {
  private readonly functions: FunctionCache = new Map();

  constructor(private readonly ctx: ConsoleContext) {}

  register(): void {
    this.ctx.connection.onRequest(askRequest, async (params) => {
      const { question, context, modelContext } = checked(params);
      const model = await this.model(contextFile(context));
      const answer = ask(question, model, context);
      return modelContext ? { ...answer, modelContext: buildModelContext(answer, model, context) } : answer;
    });
  }

  private comparison(): ProfileComparison | undefined {
    const { baseline, comparison } = this.ctx.profiles.consoleState();
    if (comparison) return comparisonFromDiff(comparison);
    if (!baseline) return undefined;
    return { baseline: baseline.name, current: baseline.current ?? '', measure: '', threshold: 0, changes: [], problem: baseline.problem ?? 'the baseline cannot be compared now' };
  }

  /** The files' text: the editor's for open documents, else from disk within the size limit. */
  private read(file: string): string | undefined {
    const open = this.ctx.documents.byPath(file);
    if (open) return open.document.getText();
    try {
      if (fs.statSync(file).size > this.ctx.settings().maxFileSizeKb * 1024) return undefined;
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  private async model(extraFile: string | undefined): Promise<ConsoleModel> {
    const state = this.ctx.profiles.consoleState();
    const findings = [...new Set(this.ctx.findingFiles())].sort().flatMap((key) => sourcedFindings(key, this.ctx.findings(key)));
    const active = state.active;
    const bench = this.ctx.benchmarks.comparison();
    const files = new Set([...findings.map((f) => f.file), ...(active?.heat.files.keys() ?? []), ...(extraFile ? [extraFile] : [])]);
    const parsers = await loadParsers(files);
    return {
      roots: this.ctx.folders(),
      findings,
      profile: active && { name: active.name, path: active.path, profile: active.profile, stats: active.stats, heat: active.heat, map: state.map },
      loadedProfiles: state.loaded,
      comparison: this.comparison(),
      benchmarks: bench && benchmarkEvidence(bench, state.runs),
      rules: RULES.map((r) => r.meta),
      externalRules: externalRulesOf(findings),
      sources: createSourceAccess((file) => this.read(file), parsers, this.functions),
      hotThreshold: this.ctx.settings().hotThreshold,
    };
  }
}
