/**
 * The extension's side of the console's Flame Graph tab: asks the server for the active
 * profile's call tree (`hotpath/flameGraph`), sends it to the page, draws again when the shown
 * profile or its sample type changes, and opens the source of a frame the page names.
 *
 * The tree is asked for only once the page has shown the tab (its graph says it is ready) or a
 * command wants it, since a large profile's tree is not free to build and send. The page names a
 * frame by its function's index in the tree it was sent; only functions the server mapped to a
 * workspace file have a place to open.
 */
import type * as vscode from 'vscode';
import { flameGraphRequest, type FlameGraphData } from '../../../server/src/protocol';
import type { FromFlameGraph, ToFlameGraph } from '../../webview/flame-graph/messages';
import type { LoadedProfiles } from '../profiles/loaded-profiles';

export const NO_PROFILE_SHOWN = 'No profile is shown. Import one with "Hotpath: Import Profile…".';

export interface FlameGraphTabHost {
  /** Sends a message to the page's graph. */
  post(message: ToFlameGraph): void;
  /** Opens a 0-based line of a workspace file next to the console. */
  openLine(uri: string, line: number): Promise<void>;
  log: Pick<vscode.LogOutputChannel, 'warn'>;
}

/** What the tab reads of the loaded profiles: their changes, and the client to ask for the graph. */
export type FlameGraphProfiles = Pick<LoadedProfiles, 'onDidChange'> & { client: Pick<LoadedProfiles['client'], 'sendRequest'> };

export class FlameGraphTab implements vscode.Disposable {
  private data: FlameGraphData | undefined;
  /** The last message for the graph, sent again when a page (re)loads the tab. */
  private last: ToFlameGraph | undefined;
  /** Whether the page in the panel has shown the tab, so that a new profile is sent at once. */
  private wanted = false;
  /** The request on its way, which a page showing the tab meanwhile waits for rather than asking again. */
  private inflight: Promise<FlameGraphData | undefined> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly profiles: FlameGraphProfiles,
    private readonly host: FlameGraphTabHost,
  ) {
    this.subscription = profiles.onDidChange(() => {
      if (this.wanted) void this.refresh();
      else this.last = undefined;
    });
  }

  /** A new page was loaded in the panel: it asks for the graph when it shows the tab. */
  pageLoaded(): void {
    this.wanted = false;
  }

  async receive(message: FromFlameGraph): Promise<void> {
    if (message.type === 'ready') {
      this.wanted = true;
      if (this.last) this.host.post(this.last);
      else await (this.inflight ?? this.refresh());
      return;
    }
    const fn = this.data?.functions[message.func];
    if (!fn?.uri) {
      this.host.log.warn(`Flame graph: function #${message.func} has no workspace file to open.`);
      return;
    }
    await this.host.openLine(fn.uri, fn.line ?? 0);
  }

  /**
   * Asks the server for the graph and sends it to the page (or keeps it until the page shows the
   * tab); resolves to the graph, or undefined when there is none.
   */
  refresh(): Promise<FlameGraphData | undefined> {
    const run = this.request().finally(() => {
      if (this.inflight === run) this.inflight = undefined;
    });
    this.inflight = run;
    return run;
  }

  private async request(): Promise<FlameGraphData | undefined> {
    let message: ToFlameGraph;
    try {
      const answer = await this.profiles.client.sendRequest(flameGraphRequest, null);
      this.data = answer && !('problem' in answer) ? answer : undefined;
      message = this.data ? { type: 'show', data: this.data } : { type: 'empty', reason: answer === null ? NO_PROFILE_SHOWN : 'problem' in answer ? answer.problem : '' };
    } catch (error) {
      // Said on the tab rather than in a notification: the user is looking at it. (No vscode import here, for the unit tests.)
      this.data = undefined;
      message = { type: 'empty', reason: `Hotpath could not draw the flame graph: ${error instanceof Error ? error.message : String(error)}` };
    }
    this.last = message;
    if (this.wanted) this.host.post(message);
    return this.data;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
