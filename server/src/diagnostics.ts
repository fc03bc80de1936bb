/**
 * Findings as LSP diagnostics.
 */
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, Severity } from './findings';
import { docUri, ruleDocUri } from './rule-docs';
import { ruleById } from './rules';

export const DIAGNOSTIC_SOURCE = 'hotpath';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleById(finding.ruleId) ? ruleDocUri(finding.ruleId) : docUri('profiles.md') },
    message: finding.message,
    relatedInformation: finding.related.map((r) => ({
      location: { uri: r.file ? pathToFileURL(r.file).href : uri, range: r.range },
      message: r.message,
    })),
  };
}
