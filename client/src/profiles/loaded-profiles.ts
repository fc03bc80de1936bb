/**
 * The client's copy of the server's profile state: which profiles are loaded and which one is
 * shown. Everything that draws profile data (status bar, line heat, Hotspots view) listens to it,
 * and every request that changes profiles goes through it, so its answer is applied at once.
 */
import * as vscode from 'vscode';
import { LanguageClient, RequestParam, RequestType, State } from 'vscode-languageclient/node';
import { profilesChangedNotification, ProfileSummary, ProfilesState } from '../../../server/src/protocol';

const NONE: ProfilesState = { profiles: [] };

export class LoadedProfiles implements vscode.Disposable {
  private state: ProfilesState = NONE;
  private readonly changed = new vscode.EventEmitter<ProfilesState>();
  private readonly disposables: vscode.Disposable[];

  /** Fires when the set of profiles, the shown profile or its sample type changes. */
  readonly onDidChange = this.changed.event;

  constructor(readonly client: LanguageClient) {
    this.disposables = [
      this.changed,
      client.onNotification(profilesChangedNotification, (state) => this.set(state)),
      // A server that stops (or restarts) forgets its profiles.
      client.onDidChangeState((event) => {
        if (event.newState === State.Stopped) this.set(NONE);
      }),
    ];
  }

  get current(): ProfilesState {
    return this.state;
  }

  /** The profile whose figures are shown, if any. */
  get active(): ProfileSummary | undefined {
    return this.state.profiles.find((p) => p.id === this.state.activeId);
  }

  /** Sends a request that answers with the new profile state, and applies that state. */
  async update<P>(type: RequestType<P, ProfilesState, void>, params: RequestParam<P>, token?: vscode.CancellationToken): Promise<ProfilesState> {
    const state = await this.client.sendRequest(type, params, token);
    this.set(state);
    return state;
  }

  private set(state: ProfilesState): void {
    // The answer to a request and the notification that follows it carry the same state.
    if (JSON.stringify(state) === JSON.stringify(this.state)) return;
    this.state = state;
    void vscode.commands.executeCommand('setContext', 'hotpath.profileLoaded', state.profiles.length > 0);
    void vscode.commands.executeCommand('setContext', 'hotpath.profileActive', this.active !== undefined);
    this.changed.fire(state);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
