/**
 * Imports the SARIF logs that match `hotpath.sarif.files` when they appear and again when they
 * change (a linter rewriting its log in a watch task), once the file has been quiet for a moment;
 * a deleted log's results are removed. The logs already there are imported when the server starts.
 */
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { removeSarifRequest } from '../../../server/src/protocol';
import { DebouncePerKey } from '../debounce';
import { GlobSettingWatcher } from '../glob-setting-watcher';
import { importSarifLog } from './import-sarif';

/** How long a log must stay unchanged before it is imported. */
const QUIET_MS = 500;
const SETTING = 'hotpath.sarif.files';

export class SarifWatcher implements vscode.Disposable {
  private readonly quiet = new DebouncePerKey(QUIET_MS);
  private readonly globs: GlobSettingWatcher;
  private readonly started: vscode.Disposable;

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.globs = new GlobSettingWatcher(SETTING, '*.sarif', log, (glob) => this.watch(glob));
    // A server that restarts has forgotten its logs: the watched ones are imported again.
    this.started = client.onDidChangeState((event) => {
      if (event.newState === State.Running) this.globs.refresh();
    });
  }

  private watch(glob: vscode.RelativePattern): vscode.Disposable[] {
    const watcher = vscode.workspace.createFileSystemWatcher(glob);
    void vscode.workspace.findFiles(glob).then((found) => found.forEach((uri) => this.schedule(uri)));
    return [
      watcher,
      watcher.onDidCreate((uri) => this.schedule(uri)),
      watcher.onDidChange((uri) => this.schedule(uri)),
      watcher.onDidDelete((uri) => void this.client.sendRequest(removeSarifRequest, { path: uri.fsPath }).catch(() => undefined)),
    ];
  }

  private schedule(uri: vscode.Uri): void {
    this.quiet.schedule(uri.toString(), () => {
      this.log.info(`Importing ${uri.fsPath}: it matches ${SETTING}.`);
      void importSarifLog(this.client, uri, this.log, { quiet: true });
    });
  }

  dispose(): void {
    this.globs.dispose();
    this.started.dispose();
    this.quiet.dispose();
  }
}
