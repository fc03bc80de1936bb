/**
 * Quick fixes as LSP code actions: for each of Hotpath's findings in the requested range that
 * has a fix (see fixes/index.ts), one `quickfix` action whose edit the editor applies as it is.
 * Fixes that keep what the code does are preferred; the others say what to check in their title.
 */
import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver';
import type { Tree } from 'web-tree-sitter';
import { toDiagnostic } from '../diagnostics';
import type { Finding, Range } from '../findings';
import { quickFix } from '../fixes';
import { lineEdits } from '../fixes/offset-edits';
import type { GrammarId } from '../syntax/languages';

/** The parts of an open document the fixes read. */
export interface FixableDocument {
  uri: string;
  text: string;
  grammar: GrammarId;
  tree: Tree;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** True when two ranges share a position (touching counts: a cursor at a finding's end is on it). */
function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** True when the client asked for no kinds, or for quick fixes. */
function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  return !only || only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === '');
}

export function codeActions(doc: FixableDocument, findings: readonly Finding[], params: CodeActionParams): CodeAction[] {
  if (!wantsQuickFixes(params.context.only)) return [];
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (finding.source || !touches(finding.range, params.range)) continue;
    const fix = quickFix(doc.tree, doc.grammar, doc.text, finding);
    if (!fix) continue;
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      isPreferred: fix.preferred,
      diagnostics: [toDiagnostic(finding, doc.uri)],
      edit: { changes: { [doc.uri]: lineEdits(doc.text, fix.edits) } },
    });
  }
  return actions;
}
