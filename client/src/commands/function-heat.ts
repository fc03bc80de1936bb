/**
 * `hotpath.showFunctionHeat` ({ func }), run by the code lens above a hot function and from the
 * Hotspots view: a picker with the function's figures, its callers and its callees. Picking a
 * function of this workspace opens it; the button on a row shows that function's own callers and
 * callees.
 */
import * as vscode from 'vscode';
import { functionHeatRequest, Hotspot } from '../../../server/src/protocol';
import { hotspotLocation, openArguments } from '../profiles/hotspot-location';
import type { LoadedProfiles } from '../profiles/loaded-profiles';
import { escapeIcons, hotspotFigures, originText } from '../profiles/profile-text';
import { showRequestError } from '../request-errors';

interface FunctionChoice extends vscode.QuickPickItem {
  hotspot?: Hotspot;
}

const FOLLOW: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('call-incoming'), tooltip: 'Show its callers and callees' };

/** A row for a function; callers and callees get a button to follow them. */
function functionChoice(hotspot: Hotspot, icon: string, follow: boolean): FunctionChoice {
  const location = hotspotLocation(hotspot);
  return {
    label: `$(${icon}) ${escapeIcons(hotspot.name)}`,
    description: escapeIcons(`${hotspotFigures(hotspot)} · ${hotspot.self} self · ${hotspot.total} total`),
    detail: escapeIcons(location ? location.label : `${originText(hotspot.origin)}; no source to open`),
    hotspot,
    buttons: follow ? [FOLLOW] : [],
  };
}

function related(title: string, hotspots: Hotspot[], icon: string): FunctionChoice[] {
  const rows = hotspots.length > 0 ? hotspots.map((h) => functionChoice(h, icon, true)) : [{ label: `No ${title.toLowerCase()} recorded` }];
  return [{ label: title, kind: vscode.QuickPickItemKind.Separator }, ...rows];
}

/** The argument of the command, checked: it comes from a code lens or a view item. */
function funcOf(argument: unknown): number | undefined {
  const func = typeof argument === 'object' && argument !== null ? (argument as { func?: unknown }).func : undefined;
  return typeof func === 'number' && Number.isInteger(func) && func >= 0 ? func : undefined;
}

async function showFunctionHeat(profiles: LoadedProfiles, func: number): Promise<void> {
  let heat;
  try {
    heat = await profiles.client.sendRequest(functionHeatRequest, { func });
  } catch (error) {
    showRequestError(error);
    return;
  }
  if (!heat) {
    void vscode.window.showInformationMessage('Hotpath: the shown profile has no figures for this function (was another profile chosen?).');
    return;
  }
  const items: FunctionChoice[] = [
    functionChoice(heat.function, 'flame', false),
    ...related('Callers', heat.callers, 'call-incoming'),
    ...related('Callees', heat.callees, 'call-outgoing'),
  ];
  const quickPick = vscode.window.createQuickPick<FunctionChoice>();
  quickPick.title = `${heat.function.name}: ${hotspotFigures(heat.function)} of ${profiles.active?.name ?? 'the profile'}`;
  quickPick.placeholder = 'Pick a function of this workspace to open it';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = items;
  quickPick.onDidTriggerItemButton((event) => {
    const next = event.item.hotspot?.func;
    quickPick.hide();
    if (next !== undefined) void showFunctionHeat(profiles, next);
  });
  quickPick.onDidAccept(() => {
    const hotspot = quickPick.selectedItems[0]?.hotspot;
    const location = hotspot && hotspotLocation(hotspot);
    if (!location) return; // Library and runtime functions have nothing to open; the picker stays.
    quickPick.hide();
    void vscode.commands.executeCommand('vscode.open', ...openArguments(location));
  });
  quickPick.onDidHide(() => quickPick.dispose());
  quickPick.show();
}

export function registerFunctionHeatCommand(profiles: LoadedProfiles): vscode.Disposable {
  return vscode.commands.registerCommand('hotpath.showFunctionHeat', async (argument?: unknown) => {
    const func = funcOf(argument);
    if (func === undefined) {
      void vscode.window.showErrorMessage('Hotpath: Show Callers and Callees needs a function; run it from a code lens or the Hotspots view.');
      return;
    }
    await showFunctionHeat(profiles, func);
  });
}
