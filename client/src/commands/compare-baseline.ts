/**
 * "Hotpath: Compare with Baseline…": picks the baseline of the shown profile, a loaded profile or
 * a file, or stops comparing. The server compares; code lenses, `regression` diagnostics and the
 * Hotspots view's "Changes vs baseline" show the result.
 */
import * as vscode from 'vscode';
import type { BaselineState } from '../profiles/baseline-state';
import { baselineText } from '../profiles/baseline-text';
import type { LoadedProfiles } from '../profiles/loaded-profiles';
import { escapeIcons } from '../profiles/profile-text';
import { showRequestError } from '../request-errors';

interface Choice extends vscode.QuickPickItem {
  path?: string | null;
  browse?: boolean;
}

async function chooseBaseline(profiles: LoadedProfiles, baseline: BaselineState): Promise<string | null | undefined> {
  const active = profiles.active;
  const items: Choice[] = profiles.current.profiles
    .filter((p) => p.id !== active?.id)
    .map((p) => ({ label: `$(history) ${escapeIcons(p.name)}`, description: escapeIcons([p.formatTitle, p.total].join(' · ')), detail: escapeIcons(p.path), path: p.path }));
  items.push({ label: '$(folder-opened) Choose a Profile File…', browse: true });
  if (baseline.current) items.push({ label: '$(circle-slash) Stop Comparing', description: escapeIcons(`with ${baseline.current.name}`), path: null });
  const choice = await vscode.window.showQuickPick(items, {
    placeHolder: active ? `The baseline to compare ${active.name} with (the same program before a change)` : 'The baseline for the profile shown',
    matchOnDetail: true,
  });
  if (!choice) return undefined;
  if (!choice.browse) return choice.path;
  const files = await vscode.window.showOpenDialog({ title: 'Baseline Profile', openLabel: 'Compare', canSelectMany: false, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri });
  return files?.[0]?.fsPath;
}

export function registerCompareBaselineCommand(profiles: LoadedProfiles, baseline: BaselineState): vscode.Disposable {
  return vscode.commands.registerCommand('hotpath.compareWithBaseline', async (file?: unknown) => {
    if (!profiles.active) {
      void vscode.window.showInformationMessage('Hotpath: show a profile first (Hotpath: Import Profile…); it is compared with the baseline you pick.');
      return undefined;
    }
    const path = file instanceof vscode.Uri ? file.fsPath : await chooseBaseline(profiles, baseline);
    if (path === undefined) return undefined;
    try {
      const summary = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Hotpath: comparing with the baseline…', cancellable: true },
        (_progress, token) => baseline.compareWith(path, token),
      );
      if (summary) void vscode.window.showInformationMessage(`Hotpath: ${baselineText(summary)}`);
      return summary;
    } catch (error) {
      showRequestError(error);
      return undefined;
    }
  });
}
