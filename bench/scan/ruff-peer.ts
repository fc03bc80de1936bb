/**
 * Ruff (its WebAssembly build, one thread) with its PERF and ASYNC rules against Hotpath's parse and
 * rules on the same Python texts, file by file in alternating order.
 */
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { AnalysisConfig } from '../../server/src/rules/config';
import { alternate } from './alternate';
import type { LanguageCorpus } from './corpus';
import { now } from './measure';
import { timeAnalysis } from './timed-analysis';

export interface RuffPeer {
  ruffMs: number;
  hotpathMs: number;
  ruffReports: number;
  /** Files ruff reported syntax errors in (it still checks the rest of such a file). */
  ruffSyntaxErrors: number;
  hotpathFindings: number;
  version: string;
}

interface RuffDiagnostic {
  code: string | null;
}

export async function ruffPeer(corpus: LanguageCorpus, texts: readonly string[]): Promise<RuffPeer> {
  const workspace = new Workspace({ lint: { select: ['PERF', 'ASYNC'] } }, PositionEncoding.Utf16);
  const hotpath = new AnalysisConfig();
  const result: RuffPeer = { ruffMs: 0, hotpathMs: 0, ruffReports: 0, ruffSyntaxErrors: 0, hotpathFindings: 0, version: Workspace.version() };
  try {
    const { aMs, bMs } = await alternate(
      texts.length,
      (i, counted) => {
        const start = now();
        const diagnostics = workspace.check(texts[i]) as RuffDiagnostic[];
        const ms = now() - start;
        if (counted) {
          const syntax = diagnostics.filter((d) => d.code === 'invalid-syntax' || d.code === null).length;
          result.ruffReports += diagnostics.length - syntax;
          if (syntax > 0) result.ruffSyntaxErrors++;
        }
        return ms;
      },
      async (i, counted) => {
        const timed = await timeAnalysis(corpus.files[i].grammar, texts[i], hotpath);
        if (counted) result.hotpathFindings += timed.findings.length;
        return timed.parseMs + timed.rulesMs;
      },
    );
    result.ruffMs = aMs;
    result.hotpathMs = bMs;
  } finally {
    workspace.free();
  }
  return result;
}
