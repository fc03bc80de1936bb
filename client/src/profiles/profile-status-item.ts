/**
 * The status bar item of the shown profile: its name, sample type and size, with its coverage of
 * the workspace in the tooltip. Clicking it opens "Hotpath: Manage Profiles…". Hidden while no
 * profile is loaded.
 */
import * as vscode from 'vscode';
import type { LoadedProfiles } from './loaded-profiles';
import { escapeIcons, statusText, statusTooltip } from './profile-text';

export class ProfileStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('hotpath.profile', vscode.StatusBarAlignment.Left, -1);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly profiles: LoadedProfiles) {
    this.item.name = 'Hotpath Profile';
    this.item.command = 'hotpath.manageProfiles';
    this.subscription = profiles.onDidChange(() => this.update());
    this.update();
  }

  private update(): void {
    const { profiles } = this.profiles.current;
    const active = this.profiles.active;
    if (profiles.length === 0) {
      this.item.hide();
      return;
    }
    if (active) {
      this.item.text = `$(pulse) ${escapeIcons(statusText(active))}`;
      this.item.tooltip = statusTooltip(active, profiles.length);
    } else {
      this.item.text = '$(pulse) No profile shown';
      this.item.tooltip = `${profiles.length} profile${profiles.length === 1 ? ' is' : 's are'} loaded but none is shown on the code. Click to choose one.`;
    }
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
