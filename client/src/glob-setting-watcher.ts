/**
 * Watches the files a glob setting names (`hotpath.profile.watch`, `hotpath.sarif.files`): one
 * file system watcher per pattern, per workspace folder for relative patterns, set up again when
 * the setting or the folders change. Patterns that are not usable are named in the log.
 */
import * as vscode from 'vscode';
import { watchPatterns, WatchPattern } from './profiles/watch-globs';

export class GlobSettingWatcher implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[];

  /**
   * `setting` is the full name (`hotpath.sarif.files`), `example` a file pattern problems suggest,
   * and `watch` sets up what follows one glob, returning what to dispose when it changes.
   */
  constructor(
    private readonly setting: string,
    private readonly example: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly watch: (glob: vscode.RelativePattern) => vscode.Disposable[],
    private readonly watching?: (patterns: WatchPattern[]) => void,
  ) {
    this.disposables = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(setting)) this.refresh();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
    ];
    this.refresh();
  }

  /** Reads the setting again and sets up the watchers anew. */
  refresh(): void {
    this.disposeWatchers();
    const section = this.setting.replace(/^hotpath\./, '');
    const { patterns, problems } = watchPatterns(vscode.workspace.getConfiguration('hotpath').get<unknown>(section), this.setting, this.example);
    for (const problem of problems) this.log.warn(`${problem}; ignored.`);
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const { base, pattern } of patterns) {
      const bases = base !== undefined ? [vscode.Uri.file(base)] : folders.map((f) => f.uri);
      for (const baseUri of bases) this.watchers.push(...this.watch(new vscode.RelativePattern(baseUri, pattern)));
    }
    this.watching?.(patterns);
  }

  private disposeWatchers(): void {
    for (const d of this.watchers) d.dispose();
    this.watchers = [];
  }

  dispose(): void {
    this.disposeWatchers();
    for (const d of this.disposables) d.dispose();
  }
}
