/**
 * Findings: the plain data every analysis produces and every face (LSP, CLI, SARIF) consumes.
 * Positions are 0-based lines and UTF-16 columns, as in LSP.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Severities from the most to the least severe. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A place that explains a finding: the loop that repeats a call, a call in a chain. */
export interface RelatedLocation {
  /** Absolute path of the file; absent when it is the finding's own file. */
  file?: string;
  range: Range;
  message: string;
}

/** The named function a finding sits in, so measured heat can be joined to it. */
export interface EnclosingFunction {
  name: string;
  /** 0-based line where the function starts. */
  line: number;
}

/** Where a finding of another tool came from: the tool that wrote a SARIF log, and its rule. */
export interface FindingSource {
  /** The tool's name as its log gives it (`ESLint`, `Biome`). */
  tool: string;
  /** The rule's readable name, when the log gives one besides its id. */
  ruleName?: string;
  /** What the rule flags, in a sentence. */
  description?: string;
  /** The rule's help: markdown when the log has it, else plain text. */
  help?: string;
  /** A page about the rule. */
  helpUri?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  related: RelatedLocation[];
  function?: EnclosingFunction;
  /** Set on findings imported from another tool's SARIF log; absent on Hotpath's own. */
  source?: FindingSource;
}

/** True when severity `a` is at least as severe as `b`. */
export function atLeast(a: Severity, b: Severity): boolean {
  return SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
