/**
 * Hotpath's diagnostics as VS Code holds them, and waiting for them: each wait listens to
 * `vscode.languages.onDidChangeDiagnostics` and ends as soon as the diagnostics of a file are as
 * expected, or fails after a deadline saying what they were.
 */
import * as vscode from 'vscode';

export const SOURCE = 'hotpath';
const WAIT_MS = 90_000;

/** The rule id a diagnostic carries: a plain code, or the value of a code with a link. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return String(typeof code === 'object' ? code.value : code);
}

/** The diagnostics Hotpath published for a file, optionally of one rule only. */
export function hotpathDiagnostics(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (ruleId === undefined || codeOf(d) === ruleId));
}

function describe(diagnostics: vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d)}: ${d.message}`).join('\n');
}

/**
 * Waits until Hotpath's diagnostics of `uri` satisfy `accept`, and gives them. `expected` says in
 * words what was awaited, for the failure message.
 */
export function waitForDiagnostics(uri: vscode.Uri, expected: string, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = hotpathDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`Hotpath's diagnostics of ${vscode.workspace.asRelativePath(uri)} did not show ${expected} within ${WAIT_MS / 1000} s. They were:\n${describe(hotpathDiagnostics(uri))}`));
    }, WAIT_MS);
    const finish = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}
