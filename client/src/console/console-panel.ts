/**
 * The optimization console's panel: a webview whose page (page-html.ts, client/webview/console/)
 * asks questions, and this side, which answers them through the server's `hotpath/ask` request,
 * opens the file ranges an answer links to, runs its actions, and keeps the transcript. Its
 * Flame Graph tab draws the active profile (flame-graph-tab.ts).
 *
 * Every message from the page is checked (messages.ts) before anything is done with it; a
 * refused one is logged and ignored. The page names links and actions by index, so what is
 * opened or run is always something an answer of this transcript offered.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { askRequest, type AskParams } from '../../../server/src/protocol';
import type { AnswerAction } from '../../../server/src/console/answer';
import type { Range } from '../../../server/src/findings';
import type { FlameGraphData } from '../../../server/src/protocol';
import type { LoadedProfiles } from '../profiles/loaded-profiles';
import { errorMessage } from '../request-errors';
import { ConsoleState } from './console-state';
import { FlameGraphTab } from './flame-graph-tab';
import { checkFromWebview, checkQuestion, type ConsoleTabId, type FromWebview, type ToWebview, type TranscriptEntry } from './messages';
import type { ModelAnswerSource, ModelRequest } from './model-source';
import { ModelRuns } from './model-runs';
import { consolePage } from './page-html';
import { CONSOLE_VIEW_TYPE } from './view-type';

/** The question whose follow-ups are suggested on an empty transcript. */
const HELP_QUESTION = 'help';

/** The commands an answer's actions run. */
const ACTION_COMMANDS = {
  importProfile: 'hotpath.importProfile',
  compareBaseline: 'hotpath.compareWithBaseline',
  compareBenchmarks: 'hotpath.compareBenchmarks',
} as const;

/**
 * What "Hotpath: Open Optimization Console" returns: the extension-host tests drive the console
 * through it with the same messages the page posts, and see what the page would be sent.
 */
export interface ConsoleHandle {
  /** Handles `message` as if the page had posted it. */
  receive(message: unknown): Promise<void>;
  /** Fires with every message sent to the page. */
  readonly onDidPost: vscode.Event<ToWebview>;
  /** The questions and answers so far, oldest first. */
  readonly transcript: readonly TranscriptEntry[];
}

type QuickFixAction = Extract<AnswerAction, { kind: 'applyQuickFix' }>;

export class ConsoleController implements vscode.Disposable, ConsoleHandle {
  private panel: vscode.WebviewPanel | undefined;
  private readonly state: ConsoleState;
  private readonly posted = new vscode.EventEmitter<ToWebview>();
  readonly onDidPost = this.posted.event;
  private readonly models: ModelRuns;
  /** Per answer of this session, the context block the engine built for a language model. */
  private readonly modelContexts = new Map<number, string>();
  /** The last text editor, for questions about "this": a focused webview leaves no active editor. */
  private lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly flameGraph: FlameGraphTab;
  /** Whether the page in the panel has loaded and said so: messages to a page still loading are lost. */
  private pageReady = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: Pick<LanguageClient, 'sendRequest'>,
    profiles: LoadedProfiles,
    private readonly output: vscode.LogOutputChannel,
    model?: ModelAnswerSource,
  ) {
    this.state = new ConsoleState(context.workspaceState, (why) => output.warn(`Console: dropped ${why}`));
    this.models = new ModelRuns(model, (message) => this.post(message), () => new vscode.CancellationTokenSource(), (line) => output.info(line));
    this.flameGraph = new FlameGraphTab(profiles, {
      post: (message) => this.post({ type: 'flameGraph', message }),
      openLine: async (uri, line) => void (await this.openRange(uri, { start: { line, character: 0 }, end: { line, character: 0 } })),
      log: output,
    });
    this.disposables.push(
      this.posted,
      this.flameGraph,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.lastEditor = editor;
      }),
    );
  }

  get transcript(): readonly TranscriptEntry[] {
    return this.state.transcript;
  }

  /** Shows the console, opening it beside the editor when it is not open. */
  open(): ConsoleHandle {
    if (this.panel) this.panel.reveal();
    else {
      const panel = vscode.window.createWebviewPanel(CONSOLE_VIEW_TYPE, 'Hotpath Console', vscode.ViewColumn.Beside, {
        ...this.webviewOptions(),
        // The flame graph's page keeps its zoom and search while another editor is in front.
        retainContextWhenHidden: true,
      });
      this.attach(panel);
    }
    return this;
  }

  /** Shows the console on its Ask tab ("Hotpath: Open Optimization Console"). */
  openAsk(): ConsoleHandle {
    this.open();
    this.showTab('ask');
    return this;
  }

  /**
   * Shows the console on its Ask tab and asks `question` (a code lens's "why is X slow?");
   * resolves once the answer is in the transcript. A question that is not one is refused and logged.
   */
  async openOn(question: unknown): Promise<ConsoleHandle> {
    const checked = checkQuestion(question);
    this.openAsk();
    if (!checked.ok || !checked.value.trim()) {
      this.output.warn(`Console: not asking ${checked.ok ? 'an empty question' : checked.reason}`);
      return this;
    }
    await this.ask(checked.value.trim());
    return this;
  }

  /** Shows the console on its Flame Graph tab; resolves to the graph sent (undefined when there is none). */
  async showFlameGraph(): Promise<FlameGraphData | undefined> {
    this.open();
    this.showTab('flame');
    return this.flameGraph.refresh();
  }

  private showTab(tab: ConsoleTabId): void {
    // Kept at once: a page still loading, or one reloaded before it has shown the tab, gets it with the state.
    void this.state.shown(tab);
    if (this.pageReady) this.post({ type: 'showTab', tab });
  }

  /** Takes over a panel VS Code restored after a reload. */
  restore(panel: vscode.WebviewPanel): void {
    if (this.panel) {
      panel.dispose();
      return;
    }
    this.attach(panel);
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    const root = this.context.extensionUri;
    return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(root, 'media'), vscode.Uri.joinPath(root, 'dist')] };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'hotpath.svg');
    const webview = panel.webview;
    const asUri = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...parts)).toString();
    this.pageReady = false;
    this.flameGraph.pageLoaded();
    webview.html = consolePage({
      cspSource: webview.cspSource,
      styleUris: [asUri('media', 'console.css'), asUri('media', 'flame-graph.css')],
      scriptUri: asUri('dist', 'console-webview.js'),
    });
    const subscriptions = [
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => {
        vscode.Disposable.from(...subscriptions).dispose();
        // A panel closed late, after a new one took its place, leaves the new one alone.
        if (this.panel !== panel) return;
        this.models.cancelAll();
        this.panel = undefined;
        this.pageReady = false;
        this.flameGraph.pageLoaded();
      }),
    ];
  }

  async receive(raw: unknown): Promise<void> {
    const checked = checkFromWebview(raw);
    if (!checked.ok) {
      this.output.warn(`Console: refused ${checked.reason}`);
      return;
    }
    try {
      await this.handle(checked.value);
    } catch (error) {
      this.output.error(`Console: ${checked.value.type} failed: ${errorMessage(error)}`);
    }
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.pageReady = true;
        return this.sendState();
      case 'ask':
        return this.ask(message.question);
      case 'openLink': {
        const link = this.answerOf(message.entryId)?.links[message.linkIndex];
        if (!link) return this.output.warn(`Console: entry ${message.entryId} has no link ${message.linkIndex}`);
        await this.openRange(link.uri, link.range);
        return;
      }
      case 'runAction': {
        const action = this.answerOf(message.entryId)?.actions[message.actionIndex];
        if (!action) return this.output.warn(`Console: entry ${message.entryId} has no action ${message.actionIndex}`);
        if (action.kind === 'openFile') return void (await this.openRange(action.uri, action.range));
        if (action.kind === 'applyQuickFix') return this.applyQuickFix(action);
        await vscode.commands.executeCommand(ACTION_COMMANDS[action.kind]);
        return;
      }
      case 'tabShown':
        return this.state.shown(message.tab);
      case 'flameGraph':
        return this.flameGraph.receive(message.message);
      case 'copy':
        return vscode.env.clipboard.writeText(message.text);
      case 'modelPreview':
        return this.models.requested(message.entryId, this.modelRequest(message.entryId));
      case 'modelSend':
        return this.models.confirm(message.entryId, this.modelRequest(message.entryId));
      case 'modelCancel':
        return this.models.cancel(message.entryId);
    }
  }

  private post(message: ToWebview): void {
    this.posted.fire(message);
    void this.panel?.webview.postMessage(message);
  }

  /** What the model is asked about an entry. */
  private modelRequest(entryId: number): ModelRequest | undefined {
    const answer = this.answerOf(entryId);
    // The engine's context block, asked for while a model was available; else its answer alone.
    return answer && { question: answer.question, context: this.modelContexts.get(entryId) ?? answer.markdown };
  }

  private answerOf(entryId: number) {
    const entry = this.state.entry(entryId);
    return entry && 'answer' in entry ? entry.answer : undefined;
  }

  /** The suggested questions: the last answer's follow-ups, or those of the help answer. */
  private async suggestions(): Promise<string[]> {
    const last = [...this.state.transcript].reverse().find((e): e is Extract<TranscriptEntry, { answer: unknown }> => 'answer' in e);
    if (last && last.answer.followUps.length > 0) return last.answer.followUps;
    try {
      return (await this.client.sendRequest(askRequest, { question: HELP_QUESTION })).followUps;
    } catch (error) {
      this.output.warn(`Console: no suggested questions: ${errorMessage(error)}`);
      return [];
    }
  }

  private async sendState(): Promise<void> {
    const [suggestions, model] = await Promise.all([this.suggestions(), this.models.available()]);
    this.post({ type: 'state', entries: [...this.state.transcript], history: [...this.state.questions], suggestions, model, tab: this.state.tab });
  }

  /** The editor's cursor or selection, for questions about "this". */
  private askContext(): AskParams['context'] {
    const editor = this.lastEditor;
    if (!editor || editor.document.isClosed || editor.document.uri.scheme !== 'file') return undefined;
    const { start, end } = editor.selection;
    return { uri: editor.document.uri.toString(), range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } } };
  }

  private async ask(question: string): Promise<void> {
    this.post({ type: 'pending', question });
    await this.state.asked(question);
    let entry: TranscriptEntry;
    try {
      const context = this.askContext();
      // The server builds the context block for a model only when one may be asked.
      const modelContext = (await this.models.available()) !== null;
      const params: AskParams = { question, ...(context ? { context } : {}), ...(modelContext ? { modelContext } : {}) };
      const { modelContext: grounding, ...answer } = await this.client.sendRequest(askRequest, params);
      entry = await this.state.add({ question, answer });
      // Kept for this session only: the transcript saved per workspace holds the answers alone.
      if (grounding !== undefined) this.modelContexts.set(entry.id, grounding);
    } catch (error) {
      entry = await this.state.add({ question, error: `Hotpath could not answer: ${errorMessage(error)}` });
    }
    this.post({ type: 'entry', entry, suggestions: await this.suggestions() });
  }

  /** Opens a file range an answer gave, if the file is in the workspace; gives the editor. */
  private async openRange(uriText: string, range: Range): Promise<vscode.TextEditor | undefined> {
    const uri = vscode.Uri.parse(uriText, true);
    if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) {
      this.output.warn(`Console: not opening ${uri.toString()}, which is not a file of the workspace`);
      return undefined;
    }
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    // The file opens next to the console, not in its place.
    const viewColumn = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    return vscode.window.showTextDocument(uri, { selection, viewColumn, preserveFocus: false });
  }

  /**
   * Applies an answer's quick fix the way the light bulb does: opens the file at the finding,
   * asks the language server for the quick fixes there, and applies the workspace edit of the one
   * with the answer's title. The server computes it from the file's text now, so a file changed
   * since the answer gets the fix for its new text, or none (and is told so).
   */
  private async applyQuickFix(action: QuickFixAction): Promise<void> {
    const editor = await this.openRange(action.uri, action.range);
    if (!editor) return;
    const { start, end } = action.range;
    const offered = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      new vscode.Range(start.line, start.character, end.line, end.character),
      vscode.CodeActionKind.QuickFix.value,
    );
    // Titles are Hotpath's own phrases (server/src/fixes), which no other extension's actions share.
    const fix = (offered ?? []).find((a): a is vscode.CodeAction => typeof a.command !== 'string' && a.title === action.title && (a as vscode.CodeAction).edit !== undefined);
    if (!fix?.edit) {
      void vscode.window.showWarningMessage(`Hotpath: the quick fix "${action.title}" is no longer offered there: the code changed since the answer. Ask again.`);
      return;
    }
    if (!(await vscode.workspace.applyEdit(fix.edit))) void vscode.window.showWarningMessage(`Hotpath: VS Code did not apply the quick fix "${action.title}".`);
  }

  dispose(): void {
    this.panel?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
