/**
 * The workspace index's summary of each open document. It walks the whole file and costs several
 * times what the rules do, so after an edit it is taken once typing pauses, off the keystroke's
 * way to its diagnostics. The first analysis of a document (or the first under new settings)
 * takes it at once, so that a file just opened counts in the index straight away.
 */
import type { Tree } from 'web-tree-sitter';
import type { FindingsStore } from '../findings-store';
import type { AnalysisConfig } from '../rules/config';
import { summarizeFile } from '../rules/engine';
import type { FileSummary } from '../summaries/file-summary';
import type { GrammarId } from '../syntax/languages';
import type { OpenDocument, OpenDocuments } from './open-documents';

const SUMMARY_DELAY_MS = 300;

export interface OpenSummariesContext {
  documents: OpenDocuments;
  store: FindingsStore;
  config: () => AnalysisConfig;
  keyOf: (doc: OpenDocument) => string;
  /** True for a document the user excluded or that is too large: it gets no summary. */
  skipped: (key: string) => boolean;
  error: (message: string) => void;
}

export class OpenSummaries {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  // The settings each open document's summary in the index was last taken under.
  private readonly takenWith = new Map<string, AnalysisConfig>();

  constructor(private readonly context: OpenSummariesContext) {}

  /** True when the document's summary in the index was taken under other settings, or never. */
  due(uri: string): boolean {
    return this.takenWith.get(uri) !== this.context.config();
  }

  /** The summary of an open document's current tree, with its failures logged. */
  take(key: string, tree: Tree, grammar: GrammarId): FileSummary | undefined {
    const { summary, failures } = summarizeFile(tree, grammar, this.context.config());
    for (const failure of failures) this.context.error(`${key}: ${failure}`);
    return summary;
  }

  /** Records that the document's summary was just taken under the current settings. */
  taken(uri: string): void {
    this.takenWith.set(uri, this.context.config());
  }

  /** Takes the summary once typing has paused for SUMMARY_DELAY_MS. */
  schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.summarize(uri);
      }, SUMMARY_DELAY_MS),
    );
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.takenWith.delete(uri);
  }

  private async summarize(uri: string): Promise<void> {
    const { documents, store, keyOf, skipped, error } = this.context;
    const doc = documents.get(uri);
    if (!doc?.grammar) return;
    const key = keyOf(doc);
    if (skipped(key)) return;
    try {
      const tree = await documents.tree(doc);
      if (!tree || documents.get(uri) !== doc) return;
      store.setOpenSummary(key, this.take(key, tree, doc.grammar.id));
      this.taken(uri);
    } catch (e) {
      error(`Could not summarize ${key}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
