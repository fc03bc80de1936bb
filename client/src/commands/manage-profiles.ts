/**
 * "Hotpath: Manage Profiles…" (also the profile status bar item's click): switch between loaded
 * profiles, change the sample type shown, import another, remove one, or show none.
 */
import * as vscode from 'vscode';
import { removeProfileRequest, setActiveProfileRequest, ProfileSummary } from '../../../server/src/protocol';
import type { LoadedProfiles } from '../profiles/loaded-profiles';
import { escapeIcons, sampleTypeOf } from '../profiles/profile-text';
import { showRequestError } from '../request-errors';

interface Choice extends vscode.QuickPickItem {
  run?: () => Thenable<unknown>;
}

const separator = (label: string): Choice => ({ label, kind: vscode.QuickPickItemKind.Separator });

/** A loaded profile as a pick: name, format, sample type and size, with its file below. */
function profileChoice(profile: ProfileSummary, marked: boolean, run: () => Thenable<unknown>): Choice {
  const type = sampleTypeOf(profile);
  return {
    label: `${marked ? '$(check)' : '$(blank)'} ${escapeIcons(profile.name)}`,
    description: escapeIcons([profile.formatTitle, type?.type, profile.total].filter(Boolean).join(' · ')),
    detail: escapeIcons(profile.path),
    run,
  };
}

async function pick(items: Choice[], placeHolder: string): Promise<void> {
  const choice = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  if (!choice?.run) return;
  try {
    await choice.run();
  } catch (error) {
    showRequestError(error);
  }
}

function chooseSampleType(profiles: LoadedProfiles, profile: ProfileSummary): Promise<void> {
  const items = profile.sampleTypes.map(
    (type, index): Choice => ({
      label: `${index === profile.sampleType ? '$(check)' : '$(blank)'} ${escapeIcons(type.type)}`,
      description: escapeIcons(type.unit),
      run: () => profiles.update(setActiveProfileRequest, { id: profile.id, sampleType: index }),
    }),
  );
  return pick(items, `Which of the values recorded in ${profile.name} to show`);
}

function chooseProfileToRemove(profiles: LoadedProfiles): Promise<void> {
  const { current, active } = profiles;
  const items = current.profiles.map((p) => profileChoice(p, p === active, () => profiles.update(removeProfileRequest, { id: p.id })));
  return pick(items, 'The profile to remove');
}

function manageProfiles(profiles: LoadedProfiles): Promise<void> {
  const { current, active } = profiles;
  const items: Choice[] = [];
  if (current.profiles.length > 0) {
    items.push(separator('Show on the code'));
    for (const p of current.profiles) items.push(profileChoice(p, p === active, () => profiles.update(setActiveProfileRequest, { id: p.id })));
    items.push(separator(''));
  }
  if (active && active.sampleTypes.length > 1) {
    items.push({
      label: '$(symbol-enum) Change Sample Type…',
      description: escapeIcons(`showing ${sampleTypeOf(active)?.type ?? 'the default'}; ${active.sampleTypes.length} recorded`),
      run: () => chooseSampleType(profiles, active),
    });
  }
  items.push({ label: '$(add) Import Profile…', run: () => vscode.commands.executeCommand('hotpath.importProfile') });
  if (current.profiles.length > 0) items.push({ label: '$(trash) Remove a Profile…', run: () => chooseProfileToRemove(profiles) });
  if (active) {
    items.push({
      label: '$(circle-slash) Show No Profile',
      description: 'diagnostics go back to the rules’ own severities',
      run: () => profiles.update(setActiveProfileRequest, { id: null }),
    });
  }
  return pick(items, current.profiles.length > 0 ? 'Choose the profile shown on the code, or another action' : 'No profile is loaded');
}

export function registerManageProfilesCommand(profiles: LoadedProfiles): vscode.Disposable {
  return vscode.commands.registerCommand('hotpath.manageProfiles', () => manageProfiles(profiles));
}
