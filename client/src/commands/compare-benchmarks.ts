/**
 * "Hotpath: Compare Benchmark Results…": picks the benchmark results of a base run, then of a
 * current run (or takes them as two URI arguments, files or folders of runs), and has the server
 * compare them for the optimization console ("which benchmarks got slower?").
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BenchmarkSummary, compareBenchmarksRequest } from '../../../server/src/protocol';
import { showRequestError } from '../request-errors';

const FILTERS: Record<string, string[]> = { 'Benchmark results': ['txt', 'json', 'out', 'log'], 'All files': ['*'] };

async function pick(title: string, defaultUri: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const files = await vscode.window.showOpenDialog({ title, openLabel: 'Choose', canSelectMany: false, filters: FILTERS, defaultUri });
  return files?.[0];
}

/** The two sides: from the arguments when both are URIs, else asked for, the base first. */
async function chooseSides(base: unknown, current: unknown): Promise<[vscode.Uri, vscode.Uri] | undefined> {
  if (base instanceof vscode.Uri && current instanceof vscode.Uri) return [base, current];
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const before = await pick('Benchmark Results of the Base Run (before the change)', folder);
  if (!before) return undefined;
  const after = await pick('Benchmark Results of the Current Run (after the change)', before);
  return after && [before, after];
}

export function registerCompareBenchmarksCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('hotpath.compareBenchmarks', async (base?: unknown, current?: unknown): Promise<BenchmarkSummary | undefined> => {
    const sides = await chooseSides(base, current);
    if (!sides) return undefined;
    const remote = sides.find((uri) => uri.scheme !== 'file');
    if (remote) {
      void vscode.window.showErrorMessage(`Hotpath: ${remote.toString(true)} is not a file on disk; only files on disk can be compared.`);
      return undefined;
    }
    try {
      const summary = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Hotpath: comparing benchmark results…' }, () =>
        client.sendRequest(compareBenchmarksRequest, { base: sides[0].fsPath, current: sides[1].fsPath }),
      );
      if (summary) void vscode.window.showInformationMessage(`Hotpath: ${summary.headline} (${summary.base} → ${summary.current}). Ask the console "which benchmarks got slower?".`);
      return summary ?? undefined;
    } catch (error) {
      showRequestError(error);
      return undefined;
    }
  });
}
