/**
 * The client's copy of the comparison with a baseline profile: which baseline, and how the active
 * profile compares. The Hotspots view listens to it; the command "Hotpath: Compare with
 * Baseline…" changes it through the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { baselineChangedNotification, BaselineSummary, compareWithBaselineRequest } from '../../../server/src/protocol';

export class BaselineState implements vscode.Disposable {
  private summary: BaselineSummary | null = null;
  private readonly changed = new vscode.EventEmitter<BaselineSummary | null>();
  private readonly disposables: vscode.Disposable[];

  /** Fires when a baseline is set or cleared, or the comparison changes. */
  readonly onDidChange = this.changed.event;

  constructor(readonly client: LanguageClient) {
    this.disposables = [
      this.changed,
      client.onNotification(baselineChangedNotification, (summary) => this.set(summary)),
      client.onDidChangeState((event) => {
        if (event.newState === State.Stopped) this.set(null);
      }),
    ];
  }

  get current(): BaselineSummary | null {
    return this.summary;
  }

  /** Sets the baseline to a profile file (`null`: stop comparing) and applies the answer. */
  async compareWith(path: string | null, token?: vscode.CancellationToken): Promise<BaselineSummary | null> {
    const summary = await this.client.sendRequest(compareWithBaselineRequest, path === null ? null : { path }, token);
    this.set(summary);
    return summary;
  }

  private set(summary: BaselineSummary | null): void {
    if (JSON.stringify(summary) === JSON.stringify(this.summary)) return;
    this.summary = summary;
    void vscode.commands.executeCommand('setContext', 'hotpath.baselineSet', summary !== null);
    this.changed.fire(summary);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
