/**
 * Line heat: each line of a visible editor tinted by its measured share of the shown profile,
 * with a gutter mark and an overview ruler mark on the hottest lines, and the server's label in
 * the hover. The figures come from `hotpath/lineHeat`; this file only draws them.
 */
import * as vscode from 'vscode';
import { lineHeatRequest, LineHeatEntry } from '../../server/src/protocol';
import { DebouncePerKey } from './debounce';
import { HEAT_LEVELS, heatLevel, isHotLevel } from './heat-scale';
import type { LoadedProfiles } from './profiles/loaded-profiles';
import { errorMessage } from './request-errors';

type LineHeatAnswer = { lines: LineHeatEntry[]; profile: string } | null;

/** How long typing must pause before a changed document's heat is asked for again. */
const EDIT_PAUSE_MS = 500;

export class LineHeat implements vscode.Disposable {
  /** One decoration type per level, created on first use. */
  private readonly levels: vscode.TextEditorDecorationType[] = [];
  /** The server's answer per document URI, for the shown profile. */
  private readonly answers = new Map<string, LineHeatAnswer>();
  /** A counter per document URI: an answer to an older request is dropped. */
  private readonly asked = new Map<string, number>();
  private readonly edits = new DebouncePerKey(EDIT_PAUSE_MS);
  private readonly disposables: vscode.Disposable[];
  private lastError?: string;

  constructor(
    private readonly profiles: LoadedProfiles,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables = [
      vscode.window.onDidChangeVisibleTextEditors(() => this.show()),
      vscode.workspace.onDidSaveTextDocument((document) => this.reload(document.uri)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const { document } = event;
        if (event.contentChanges.length > 0) this.edits.schedule(document.uri.toString(), () => this.reload(document.uri));
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // An answer still on its way for a closed document is dropped as well.
        this.answers.delete(document.uri.toString());
        this.asked.delete(document.uri.toString());
      }),
      profiles.onDidChange(() => {
        this.answers.clear();
        this.show();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('hotpath.lineHeat.enabled') || event.affectsConfiguration('hotpath.hotThreshold')) this.show();
      }),
    ];
    this.show();
  }

  private get enabled(): boolean {
    return vscode.workspace.getConfiguration('hotpath').get<boolean>('lineHeat.enabled', true) !== false;
  }

  /** Draws the heat of every visible editor, asking the server for documents not asked yet. */
  private show(): void {
    if (!this.enabled || !this.profiles.active) {
      this.clear();
      return;
    }
    const documents = new Map<string, vscode.TextDocument>();
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.scheme === 'file') documents.set(editor.document.uri.toString(), editor.document);
    }
    for (const [key, document] of documents) {
      const answer = this.answers.get(key);
      if (answer !== undefined) this.draw(document, answer);
      else void this.ask(document);
    }
  }

  private reload(uri: vscode.Uri): void {
    this.answers.delete(uri.toString());
    this.show();
  }

  private async ask(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const ticket = (this.asked.get(key) ?? 0) + 1;
    this.asked.set(key, ticket);
    let answer: LineHeatAnswer;
    try {
      answer = await this.profiles.client.sendRequest(lineHeatRequest, { uri: key });
    } catch (error) {
      // Logged once per distinct problem: every visible editor would repeat it.
      const message = errorMessage(error);
      if (message !== this.lastError) this.log.warn(`Line heat for ${document.uri.fsPath} is not available: ${message}`);
      this.lastError = message;
      answer = null;
    }
    if (this.asked.get(key) !== ticket) return;
    this.answers.set(key, answer);
    // The profile may have been hidden, or the setting turned off, while the server answered.
    if (this.enabled && this.profiles.active) this.draw(document, answer);
  }

  private draw(document: vscode.TextDocument, answer: LineHeatAnswer): void {
    const threshold = vscode.workspace.getConfiguration('hotpath').get<number>('hotThreshold', 5);
    const byLevel: vscode.DecorationOptions[][] = Array.from({ length: HEAT_LEVELS + 1 }, () => []);
    for (const entry of answer?.lines ?? []) {
      const level = heatLevel(entry.percent, threshold);
      if (level === 0 || entry.line < 0 || entry.line >= document.lineCount) continue;
      // The figures come with the profile's name, so the user can judge them; most labels name it already.
      const profile = answer?.profile ?? '';
      const text = entry.label.includes(profile) ? entry.label : `${entry.label} in ${profile}`;
      const hoverMessage = new vscode.MarkdownString().appendText(`Hotpath: ${text}`);
      byLevel[level].push({ range: document.lineAt(entry.line).range, hoverMessage });
    }
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document === document);
    for (let level = 1; level <= HEAT_LEVELS; level++) {
      // A level with no lines needs no decoration type unless one was drawn before.
      if (byLevel[level].length === 0 && !this.levels[level - 1]) continue;
      const type = this.decorationFor(level);
      for (const editor of editors) editor.setDecorations(type, byLevel[level]);
    }
  }

  private clear(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      for (const type of this.levels) if (type) editor.setDecorations(type, []);
    }
  }

  private decorationFor(level: number): vscode.TextEditorDecorationType {
    let type = this.levels[level - 1];
    if (!type) {
      const hot: vscode.DecorationRenderOptions = isHotLevel(level)
        ? {
            overviewRulerColor: new vscode.ThemeColor('hotpath.lineHeat.overviewRuler'),
            overviewRulerLane: vscode.OverviewRulerLane.Right,
            gutterIconPath: vscode.Uri.joinPath(this.extensionUri, 'media', 'line-heat-hot.svg'),
            gutterIconSize: 'contain',
          }
        : {};
      type = vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: new vscode.ThemeColor(`hotpath.lineHeat.background${level}`),
        ...hot,
      });
      this.levels[level - 1] = type;
    }
    return type;
  }

  dispose(): void {
    this.edits.dispose();
    for (const type of this.levels) type?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
