/**
 * "Hotpath: Show Flame Graph": a webview panel with the flame graph of the active profile, drawn
 * by the bundled browser module (client/webview/flame-graph). The panel asks the server for the
 * tree, sends it to the page, and draws again when the active profile or its sample type changes.
 * The page can only ask to open the source of a function the server mapped to a workspace file.
 */
import * as vscode from 'vscode';
import { FlameGraphData, flameGraphRequest } from '../../../server/src/protocol';
import { parseFromFlameGraph, ToFlameGraph } from '../../webview/flame-graph/messages';
import type { LoadedProfiles } from '../profiles/loaded-profiles';
import { showRequestError } from '../request-errors';
import { flameGraphHtml } from './html';

const VIEW_TYPE = 'hotpath.flameGraph';

export class FlameGraphPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private data?: FlameGraphData;
  private ready = false;
  /** The last message for the page, sent again when the page (re)loads and says it is ready. */
  private last?: ToFlameGraph;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly profiles: LoadedProfiles,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(profiles.onDidChange(() => void (this.panel && this.refresh())));
  }

  /**
   * Shows the panel and resolves to the graph it was sent (undefined when there is none): the
   * command's result, which lets tests and other extensions see what the panel draws.
   */
  async show(): Promise<FlameGraphData | undefined> {
    if (this.panel) this.panel.reveal();
    else this.create();
    return this.refresh();
  }

  private create(): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Flame Graph', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [media, dist],
    });
    const { webview } = panel;
    webview.html = flameGraphHtml({
      cspSource: webview.cspSource,
      script: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview', 'flame-graph.js')).toString(),
      style: webview.asWebviewUri(vscode.Uri.joinPath(media, 'flame-graph.css')).toString(),
    });
    this.ready = false;
    const listener = webview.onDidReceiveMessage((raw: unknown) => this.receive(raw));
    panel.onDidDispose(() => {
      listener.dispose();
      this.panel = undefined;
      this.data = undefined;
      this.last = undefined;
    });
    this.panel = panel;
  }

  private async refresh(): Promise<FlameGraphData | undefined> {
    let answer;
    try {
      answer = await this.profiles.client.sendRequest(flameGraphRequest, null);
    } catch (error) {
      showRequestError(error);
      return undefined;
    }
    this.data = answer && !('problem' in answer) ? answer : undefined;
    const reason = answer === null ? 'No profile is shown. Import one with "Hotpath: Import Profile…".' : 'problem' in answer ? answer.problem : '';
    this.send(this.data ? { type: 'show', data: this.data } : { type: 'empty', reason });
    if (this.panel) this.panel.title = this.data ? `Flame Graph: ${this.data.profile}` : 'Flame Graph';
    return this.data;
  }

  /** Messages wait until the page says it is ready, since a page still loading drops them. */
  private send(message: ToFlameGraph): void {
    this.last = message;
    if (this.ready) void this.panel?.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = parseFromFlameGraph(raw);
    if (!message) {
      this.log.warn(`Flame graph: ignored a message from the page that is not one it may send: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      if (this.last) void this.panel?.webview.postMessage(this.last);
      return;
    }
    const fn = this.data?.functions[message.func];
    if (!fn?.uri) {
      this.log.warn(`Flame graph: function #${message.func} has no workspace file to open.`);
      return;
    }
    const line = fn.line ?? 0;
    void vscode.window.showTextDocument(vscode.Uri.parse(fn.uri, true), { selection: new vscode.Range(line, 0, line, 0), viewColumn: vscode.ViewColumn.One });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export function registerFlameGraphCommand(panel: FlameGraphPanel): vscode.Disposable {
  return vscode.commands.registerCommand('hotpath.showFlameGraph', () => panel.show());
}
