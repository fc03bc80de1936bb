/**
 * The documents open in the editor, each with its syntax tree. Edits are applied to the tree as
 * they arrive (`tree.edit`), and the next analysis reparses incrementally from the edited tree.
 * A tree that is replaced or closed is deleted: the WASM heap never shrinks on its own.
 */
import { Edit, Tree } from 'web-tree-sitter';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { grammarForDocument, GrammarInfo } from '../syntax/languages';
import { parserFor } from '../syntax/parsers';
import { afterEdit, ChangedSpan, including } from './changed-span';
import type { LastAnalysis } from './edited-analysis';

export interface OpenDocument {
  uri: string;
  /** The file's path, for documents saved on disk. */
  path?: string;
  document: TextDocument;
  grammar?: GrammarInfo;
  tree?: Tree;
  /** The document version the tree was parsed from; behind `document.version` after edits. */
  treeVersion?: number;
  /** What changed since the last analysis took it (see takeChanges); undefined when nothing did. */
  changed?: ChangedSpan;
  /** The findings of the last analysis, which the next one may partly keep (see edited-analysis.ts). */
  lastAnalysis?: LastAnalysis;
}

function point(document: TextDocument, offset: number) {
  const p = document.positionAt(offset);
  return { row: p.line, column: p.character };
}

/** The tree edit for one change, computed against the text before the change. */
function editFor(document: TextDocument, change: { range: Range; text: string }): Edit {
  const startIndex = document.offsetAt(change.range.start);
  const oldEndIndex = document.offsetAt(change.range.end);
  const startPosition = point(document, startIndex);
  const lines = change.text.split('\n');
  const last = lines[lines.length - 1];
  return new Edit({
    startIndex,
    oldEndIndex,
    newEndIndex: startIndex + change.text.length,
    startPosition,
    oldEndPosition: point(document, oldEndIndex),
    newEndPosition:
      lines.length === 1
        ? { row: startPosition.row, column: startPosition.column + last.length }
        : { row: startPosition.row + lines.length - 1, column: last.length },
  });
}

export class OpenDocuments {
  private readonly docs = new Map<string, OpenDocument>();

  constructor(private readonly toPath: (uri: string) => string | undefined) {}

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  byPath(file: string): OpenDocument | undefined {
    return this.all().find((d) => d.path === file);
  }

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    this.close(uri);
    const file = this.toPath(uri);
    const doc: OpenDocument = {
      uri,
      path: file,
      document: TextDocument.create(uri, languageId, version, text),
      grammar: grammarForDocument(languageId, file ?? uri),
      changed: 'all',
    };
    this.docs.set(uri, doc);
    return doc;
  }

  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    for (const change of changes) {
      if ('range' in change) {
        const edit = editFor(doc.document, change);
        doc.tree?.edit(edit);
        doc.changed = afterEdit(doc.changed, edit.startIndex, edit.oldEndIndex, edit.newEndIndex);
      } else {
        this.dropTree(doc);
        doc.changed = 'all';
      }
      doc.document = TextDocument.update(doc.document, [change], version);
    }
    return doc;
  }

  close(uri: string): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    this.dropTree(doc);
    this.docs.delete(uri);
  }

  /** The document's tree for its current text, parsed or reparsed as needed. */
  async tree(doc: OpenDocument): Promise<Tree | undefined> {
    if (!doc.grammar) return undefined;
    if (doc.tree && doc.treeVersion === doc.document.version) return doc.tree;
    const parser = await parserFor(doc.grammar.id);
    if (this.docs.get(doc.uri) !== doc) return undefined;
    if (doc.tree && doc.treeVersion === doc.document.version) return doc.tree;
    const old = doc.tree;
    const tree = parser.parse(doc.document.getText(), old) ?? undefined;
    if (old && tree) {
      // Where the reparse gave the edited text another structure, beyond the edits themselves.
      for (const range of old.getChangedRanges(tree)) doc.changed = including(doc.changed, range.startIndex, range.endIndex);
    }
    old?.delete();
    doc.tree = tree;
    doc.treeVersion = doc.document.version;
    return tree;
  }

  /** What changed since the last call, for an analysis of the document's current tree. */
  takeChanges(doc: OpenDocument): ChangedSpan | undefined {
    const changed = doc.changed;
    doc.changed = undefined;
    return changed;
  }

  dispose(): void {
    for (const uri of [...this.docs.keys()]) this.close(uri);
  }

  private dropTree(doc: OpenDocument): void {
    doc.tree?.delete();
    doc.tree = undefined;
    doc.treeVersion = undefined;
  }
}
