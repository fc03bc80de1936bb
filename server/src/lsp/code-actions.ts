/**
 * Quick fixes as LSP code actions: for each of Hotpath's findings in the requested range that
 * has a fix (see fixes/index.ts), one `quickfix` action whose edit the editor applies as it is.
 * Fixes that keep what the code does are preferred; the others say what to check in their title.
 * On request (`source.fixAll`, as editors send on save when configured), one action that applies
 * every preferred fix of the file and none of the others.
 */
import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver';
import type { Tree } from 'web-tree-sitter';
import { toDiagnostic } from '../diagnostics';
import type { Finding, Range } from '../findings';
import { quickFix, readsPackage } from '../fixes';
import { applyPreferredFixes } from '../fixes/fix-all';
import { lineEdits } from '../fixes/offset-edits';
import type { AnalysisConfig } from '../rules/config';
import type { GrammarId, LanguageId } from '../syntax/languages';

/** The kind of the action that applies every preferred fix of a file. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.hotpath`;

/** The parts of an open document the fixes read. */
export interface FixableDocument {
  uri: string;
  text: string;
  grammar: GrammarId;
  tree: Tree;
  /** The texts of the other files of its Go package, for fixes that add package-level names. */
  packageTexts?: readonly string[];
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** True when two ranges share a position (touching counts: a cursor at a finding's end is on it). */
function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** True when the client asked for `kind` by name or by a kind it is part of (`source` for `source.fixAll.hotpath`). */
function asksFor(only: readonly string[], kind: string): boolean {
  return only.some((k) => k === '' || k === kind || kind.startsWith(`${k}.`));
}

/**
 * The action that applies every preferred fix of the file, only when the client asks for
 * `source.fixAll` (or a kind containing it) by name; undefined when there is nothing to fix.
 */
export async function fixAllAction(doc: FixableDocument, config: AnalysisConfig, only: readonly string[] | undefined): Promise<CodeAction | undefined> {
  if (!only || !asksFor(only, FIX_ALL_KIND)) return undefined;
  const { text, applied } = await applyPreferredFixes(doc.text, doc.grammar, config, doc.packageTexts);
  if (applied === 0) return undefined;
  const edits = lineEdits(doc.text, [{ start: 0, end: doc.text.length, text }]);
  return { title: `Apply Hotpath's preferred quick fixes (${applied})`, kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } };
}

/**
 * True when the fixes a code action request may compute read the other files of the document's
 * package: a quick fix of a finding in the range, or any preferred fix when all are asked for.
 */
export function readsPackageFiles(language: LanguageId, findings: readonly Finding[], params: CodeActionParams): boolean {
  const only = params.context.only;
  const fixAll = !!only && asksFor(only, FIX_ALL_KIND);
  return findings.some((f) => !f.source && readsPackage(f.ruleId, language) && (fixAll || touches(f.range, params.range)));
}

/**
 * The quick fixes over the requested range. A fix that fails on code it did not expect is left
 * out and reported through `logError`: the other findings still get theirs.
 */
export function codeActions(doc: FixableDocument, findings: readonly Finding[], params: CodeActionParams, logError: (message: string) => void): CodeAction[] {
  const only = params.context.only;
  if (only && !asksFor(only, CodeActionKind.QuickFix)) return [];
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (finding.source || !touches(finding.range, params.range)) continue;
    let fix;
    try {
      fix = quickFix(doc.tree, doc.grammar, doc.text, finding, doc.packageTexts);
    } catch (error) {
      logError(`The quick fix of ${finding.ruleId} at ${finding.range.start.line + 1}:${finding.range.start.character + 1} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
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
