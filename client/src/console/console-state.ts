/**
 * The console's transcript, the input's history and the tab shown, kept per workspace
 * (workspaceState) so that they survive a reload. The tab is kept here rather than in the page's
 * webview state, which VS Code writes to disk only now and then: a window reloaded soon after the
 * user changed tabs came back on the tab before. What is read back is checked like a message: an older version, or a
 * damaged state file, may have written something else, and such entries are dropped.
 */
import type * as vscode from 'vscode';
import type { Answer } from '../../../server/src/console/answer';
import { checkEntry, checkQuestion, checkTab, MAX_HISTORY, MAX_TRANSCRIPT, type ConsoleTabId, type TranscriptEntry } from './messages';

const ENTRIES_KEY = 'hotpath.console.entries';
const HISTORY_KEY = 'hotpath.console.history';
const TAB_KEY = 'hotpath.console.tab';

function checkedList<T>(saved: unknown, check: (value: unknown) => { ok: true; value: T } | { ok: false; reason: string }, log: (why: string) => void): T[] {
  if (!Array.isArray(saved)) return [];
  return saved.flatMap((value) => {
    const result = check(value);
    if (result.ok) return [result.value];
    log(result.reason);
    return [];
  });
}

export class ConsoleState {
  private entries: TranscriptEntry[];
  private history: string[];
  private nextId: number;
  private shownTab: ConsoleTabId | null;

  constructor(
    private readonly memento: vscode.Memento,
    log: (why: string) => void,
  ) {
    this.entries = checkedList(memento.get<unknown>(ENTRIES_KEY), checkEntry, log).slice(-MAX_TRANSCRIPT);
    this.history = checkedList(memento.get<unknown>(HISTORY_KEY), checkQuestion, log).slice(-MAX_HISTORY);
    this.nextId = this.entries.reduce((max, e) => Math.max(max, e.id + 1), 0);
    const savedTab = memento.get<unknown>(TAB_KEY);
    const tab = savedTab === undefined ? undefined : checkTab(savedTab);
    if (tab && !tab.ok) log(tab.reason);
    this.shownTab = tab?.ok ? tab.value : null;
  }

  /** The tab the page showed last; null before it has shown one. */
  get tab(): ConsoleTabId | null {
    return this.shownTab;
  }

  async shown(tab: ConsoleTabId): Promise<void> {
    if (tab === this.shownTab) return;
    this.shownTab = tab;
    await this.memento.update(TAB_KEY, tab);
  }

  get transcript(): readonly TranscriptEntry[] {
    return this.entries;
  }

  get questions(): readonly string[] {
    return this.history;
  }

  entry(id: number): TranscriptEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /** Remembers a question in the input's history; asking the same again moves it to the end. */
  async asked(question: string): Promise<void> {
    this.history = [...this.history.filter((q) => q !== question), question].slice(-MAX_HISTORY);
    await this.memento.update(HISTORY_KEY, this.history);
  }

  /** Adds an exchange to the transcript, giving it its id. */
  async add(exchange: { question: string; answer: Answer } | { question: string; error: string }): Promise<TranscriptEntry> {
    const entry: TranscriptEntry = { id: this.nextId++, ...exchange };
    this.entries = [...this.entries, entry].slice(-MAX_TRANSCRIPT);
    await this.memento.update(ENTRIES_KEY, this.entries);
    return entry;
  }
}
