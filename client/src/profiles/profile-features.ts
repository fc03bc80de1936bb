/**
 * Everything the editor shows of imported profiles, wired to the language client: the commands,
 * the status bar item, line heat, the Hotspots view and the profile file watcher. Nothing here
 * reads a profile; the server does, and answers with figures to draw.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCompareBaselineCommand } from '../commands/compare-baseline';
import { registerFunctionHeatCommand } from '../commands/function-heat';
import { registerImportProfileCommand } from '../commands/import-profile';
import { registerLineHeatCommand } from '../commands/line-heat';
import { registerManageProfilesCommand } from '../commands/manage-profiles';
import { LineHeat } from '../heat';
import { BaselineState } from './baseline-state';
import { createHotspotsView } from './hotspots-view';
import { LoadedProfiles } from './loaded-profiles';
import { ProfileStatusItem } from './profile-status-item';
import { ProfileWatcher } from './profile-watcher';

/** Registers them, and gives the profiles the client knows of (the console's flame graph draws the shown one). */
export function registerProfileFeatures(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel): LoadedProfiles {
  const profiles = new LoadedProfiles(client);
  const baseline = new BaselineState(client);
  context.subscriptions.push(
    profiles,
    baseline,
    registerCompareBaselineCommand(profiles, baseline),
    registerImportProfileCommand(profiles),
    registerManageProfilesCommand(profiles),
    registerFunctionHeatCommand(profiles),
    registerLineHeatCommand(),
    new ProfileStatusItem(profiles),
    new LineHeat(profiles, context.extensionUri, log),
    createHotspotsView(profiles, log, baseline),
    new ProfileWatcher(profiles, log),
  );
  return profiles;
}
