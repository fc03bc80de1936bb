/**
 * Imports the files that match `hotpath.profile.watch` when they appear, and again when they
 * change. A profiler writes its file in several steps, so an import waits until the file has been
 * quiet for a moment, and a newer change cancels an import still running for the same file.
 */
import * as vscode from 'vscode';
import { importProfile } from '../commands/import-profile';
import { DebouncePerKey } from '../debounce';
import type { LoadedProfiles } from './loaded-profiles';
import { GlobSettingWatcher } from '../glob-setting-watcher';

/** How long a file must stay unchanged before it is imported. */
const QUIET_MS = 1000;

export class ProfileWatcher implements vscode.Disposable {
  private readonly quiet = new DebouncePerKey(QUIET_MS);
  private readonly running = new Map<string, vscode.CancellationTokenSource>();
  private readonly globs: GlobSettingWatcher;

  constructor(
    private readonly profiles: LoadedProfiles,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.globs = new GlobSettingWatcher(
      'hotpath.profile.watch',
      '*.cpuprofile',
      log,
      (glob) => {
        // Deleted files are left alone: the profile stays loaded until the user removes it.
        const watcher = vscode.workspace.createFileSystemWatcher(glob, false, false, true);
        return [watcher, watcher.onDidCreate((uri) => this.schedule(uri)), watcher.onDidChange((uri) => this.schedule(uri))];
      },
      (patterns) => {
        if (patterns.length > 0) this.log.info(`Watching for profiles: ${patterns.map((p) => (p.base ? `${p.base.replace(/\/$/, '')}/${p.pattern}` : p.pattern)).join(', ')}`);
      },
    );
  }

  private schedule(uri: vscode.Uri): void {
    this.quiet.schedule(uri.toString(), () => void this.import(uri));
  }

  private async import(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    this.running.get(key)?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.running.set(key, source);
    this.log.info(`Importing ${uri.fsPath}: it matches hotpath.profile.watch and was written.`);
    try {
      await importProfile(this.profiles, uri, { quiet: true, token: source.token });
    } finally {
      if (this.running.get(key) === source) this.running.delete(key);
      source.dispose();
    }
  }

  dispose(): void {
    this.globs.dispose();
    this.quiet.dispose();
    for (const source of this.running.values()) source.cancel();
  }
}
