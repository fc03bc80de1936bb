/**
 * Findings as LSP diagnostics.
 */
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, Severity } from './findings';
import { docUri, ruleDocUri } from './rule-docs';
import { ruleById } from './rules';
import { isHotpath } from './sarif/equivalent-rules';

export const DIAGNOSTIC_SOURCE = 'hotpath';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The page a diagnostic's code links to: another tool's help page, or Hotpath's docs. */
function codeHref(finding: Finding): string | undefined {
  const ours = ruleById(finding.ruleId) !== undefined;
  // A log Hotpath wrote links its rules to the docs of the Hotpath that wrote it; these are here.
  if (finding.source && !(isHotpath(finding.source.tool) && ours)) return finding.source.helpUri;
  return ours ? ruleDocUri(finding.ruleId) : docUri('profiles.md');
}

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const href = codeHref(finding);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    // Another tool's finding names that tool, as its own diagnostics would; a log Hotpath wrote reads as Hotpath's.
    source: finding.source && !isHotpath(finding.source.tool) ? finding.source.tool : DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    message: finding.message,
    relatedInformation: finding.related.map((r) => ({
      location: { uri: r.file ? pathToFileURL(r.file).href : uri, range: r.range },
      message: r.message,
    })),
  };
}
