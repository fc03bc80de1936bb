/**
 * What the console reads: the findings of the workspace (Hotpath's rules and, once SARIF import
 * lands, other tools'), the active profile with its figures, the profile comparison (once it
 * exists), the rules' metadata and the source files. The language server builds it from its
 * state (lsp/console-request.ts), the command line from files (cli/ask-command.ts); the engine
 * only reads it.
 */
import type { BenchmarkComparison } from '../benchmarks/compare';
import type { Finding, Range } from '../findings';
import type { Heat } from '../profiles/heat';
import type { Profile, ProfileFunction } from '../profiles/model';
import type { MappedFrame } from '../profiles/paths';
import type { ProfileStats } from '../profiles/stats';
import type { RuleMeta } from '../rules/rule';
import type { SourceAccess } from './source-access';

/** The tool name of findings from Hotpath's own rules. */
export const HOTPATH_TOOL = 'Hotpath';

/** A finding with the file it is in and the tool that reported it. */
export interface SourcedFinding {
  /** Absolute path. */
  file: string;
  finding: Finding;
  /** `Hotpath` for the built-in rules, else the name of the tool whose SARIF log reported it. */
  tool: string;
}

/** Findings of a file as the console holds them: each with the tool that reported it. */
export function sourcedFindings(file: string, findings: readonly Finding[]): SourcedFinding[] {
  return findings.map((finding) => ({ file, finding, tool: finding.source?.tool ?? HOTPATH_TOOL }));
}

/** The rules of other tools, as their findings' SARIF logs describe them. */
export function externalRulesOf(findings: readonly SourcedFinding[]): ExternalRule[] {
  const rules = new Map<string, ExternalRule>();
  for (const { finding } of findings) {
    const source = finding.source;
    if (!source || rules.has(`${source.tool}\u0000${finding.ruleId}`)) continue;
    rules.set(`${source.tool}\u0000${finding.ruleId}`, {
      id: finding.ruleId,
      tool: source.tool,
      title: source.ruleName,
      description: source.description,
      helpUri: source.helpUri,
    });
  }
  return [...rules.values()];
}

/** A loaded profile with the figures computed at import. */
export interface MeasuredProfile {
  /** The file name users see (`report.cpuprofile`). */
  name: string;
  path: string;
  profile: Profile;
  stats: ProfileStats;
  heat: Heat;
  /** Whose code a profile function is, and its workspace file when it is ours. */
  map(fn: ProfileFunction): MappedFrame;
}

/** Metadata of a rule of another tool, as its SARIF log describes it. */
export interface ExternalRule {
  id: string;
  tool: string;
  title?: string;
  description?: string;
  helpUri?: string;
}

export type ChangeKind = 'regression' | 'improvement' | 'new' | 'removed';

/** One function whose share changed between the baseline and the current profile. */
export interface FunctionChange {
  kind: ChangeKind;
  name: string;
  /** The workspace file (absolute), when the function is ours. */
  file?: string;
  /** 1-based line of the function, when known. */
  line?: number;
  /** Shares of each profile's total, in percent (0 when absent from that profile). */
  basePercent: number;
  currentPercent: number;
}

/**
 * What profile comparison (insights/diff.ts) tells the console, through comparison.ts; the
 * builders fill it in once a baseline is chosen.
 */
export interface ProfileComparison {
  baseline: string;
  current: string;
  /** What the shares are of: "CPU time". */
  measure: string;
  /** Points of self share past which a function counts as changed. */
  threshold: number;
  changes: FunctionChange[];
  /** Why the two profiles cannot be compared (they measure different things); no changes then. */
  problem?: string;
}

/**
 * Benchmark results of a base and a current run compared (benchmarks/compare.ts), and, where the
 * profiles of both runs are loaded, the profile changes of the functions each regressed or
 * improved benchmark exercises (benchmarks/profile-link.ts).
 */
export interface BenchmarkEvidence {
  comparison: BenchmarkComparison;
  profiles?: {
    base: string;
    current: string;
    /** What the shares are of: "CPU time". */
    measure: string;
    /** Per benchmark name, the changes under it; absent for benchmarks without a verdict. */
    changes: ReadonlyMap<string, readonly FunctionChange[]>;
  };
}

/** The editor's cursor or selection, for questions about "this". */
export interface AskContext {
  uri: string;
  range: Range;
}

export interface ConsoleModel {
  /** Workspace folders, for showing paths relative to them. */
  roots: readonly string[];
  findings: readonly SourcedFinding[];
  /** The active profile, when one is loaded and shown. */
  profile?: MeasuredProfile;
  /** Names of every loaded profile, the active one included. */
  loadedProfiles: readonly string[];
  comparison?: ProfileComparison;
  /** Benchmark results compared, once loaded ("Compare Benchmark Results…", `--bench-base`). */
  benchmarks?: BenchmarkEvidence;
  rules: readonly RuleMeta[];
  externalRules: readonly ExternalRule[];
  sources: SourceAccess;
  /** Percent of the profile at which code counts as hot (`hotpath.hotThreshold`). */
  hotThreshold: number;
}
