/**
 * Keystroke latency through LSP: the bundled server has a ~3,000-line corpus file open and a line
 * of code is typed into the middle of it, one character per didChange; each keystroke is timed
 * from sending the change to the publishDiagnostics for that version. The peer replays the same
 * edits on a web-tree-sitter tree in this process (tree.edit, then an incremental parse), one peer
 * edit after each server edit so both see the same state of the machine. The rules are then run
 * on the peer's tree too, timed apart, to tell the analysis from the server's own overhead: all
 * of them on the whole file, and the analysis the server runs (the edited function alone when
 * it can, see edited-analysis.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Edit, Point, Tree } from 'web-tree-sitter';
import { LspSession, startSession } from '../../scripts/lsp-session';
import { afterEdit, including } from '../../server/src/documents/changed-span';
import { analyzeEdited } from '../../server/src/documents/edited-analysis';
import { AnalysisConfig } from '../../server/src/rules/config';
import { analyzeTree } from '../../server/src/rules/engine';
import { GrammarId, grammarInfo } from '../../server/src/syntax/languages';
import { parserFor } from '../../server/src/syntax/parsers';
import type { CorpusFile } from './corpus';
import { now } from './measure';

export interface KeystrokeLatency {
  file: CorpusFile;
  /** Where the typing happens (1-based line) and what is typed. */
  line: number;
  typed: string;
  /** didOpen to the first diagnostics, and a bare full parse of the same text in this process. */
  openMs: number;
  openPeerMs: number;
  /** Per keystroke, in order. */
  lspMs: number[];
  peerMs: number[];
  /** Every rule on the peer's new tree, in this process. */
  rulesMs: number[];
  /** The analysis the server runs on the peer's new tree (the edited function alone when it can), in this process. */
  editedMs: number[];
  /** Edits after which that analysis was of the edited function or type declaration alone. */
  functionOnly: number;
  findingsAtEnd: number;
}

export const KEYSTROKES = 200;

/** A statement typed over and over; it parses in the file's language once it is complete. */
const STATEMENTS: Record<string, string> = {
  python: 'total = total + lookup(key, default=0)',
  typescript: 'total = total + lookup(key, 0);',
  javascript: 'total = total + lookup(key, 0);',
  go: 'total = total + lookup(key, 0)',
  java: 'total = total + lookup(key, 0);',
};

function statementPattern(language: string): RegExp {
  return language === 'python' ? /^( {4,})[A-Za-z_][\w.]*( =|\()[^#]*[\w)\]'"]$/ : /^(\s{2,})[A-Za-z_][\w.]*( =|\()[^/]*;$/;
}

/** A method signature of an interface or a declared class (`min(value: number): this;`), which is no statement. */
const SIGNATURE = /\)\s*:[^;]*;$/;

/** Lines that are plain statements inside a block, each followed by a line of the same block. */
function statementLines(lines: readonly string[], language: string): number[] {
  const statement = statementPattern(language);
  const found: number[] = [];
  lines.forEach((text, line) => {
    const indent = SIGNATURE.test(text) ? undefined : statement.exec(text)?.[1];
    const next = lines[line + 1];
    if (indent !== undefined && next?.startsWith(indent) && !next.startsWith(`${indent} `)) found.push(line);
  });
  return found;
}

/** A file reads as code (not a table of data) when this share of its lines are plain statements. */
const CODE_SHARE = 1 / 25;

/**
 * The file to type in: of the grammar, nearest `lines` lines long among the files that read as
 * code. Typing goes after the statement nearest the middle of the file.
 */
export function keystrokeFile(files: readonly CorpusFile[], grammar: GrammarId, lines: number): { file: CorpusFile; text: string } {
  const language = grammarInfo(grammar).language;
  const byDistance = files.filter((f) => f.grammar === grammar).sort((a, b) => Math.abs(a.lines - lines) - Math.abs(b.lines - lines));
  for (const file of byDistance) {
    const text = fs.readFileSync(file.path, 'utf8');
    if (statementLines(text.split('\n'), language).length >= file.lines * CODE_SHARE) return { file, text };
  }
  throw new Error(`no ${grammar} file of the corpus reads as code`);
}

function typingLine(lines: readonly string[], language: string): number {
  const middle = lines.length / 2;
  const candidates = statementLines(lines, language);
  if (candidates.length === 0) throw new Error('no line to type after');
  return candidates.reduce((best, line) => (Math.abs(line - middle) < Math.abs(best - middle) ? line : best));
}

/** The keystrokes: a new line after `line`, with its indentation, then the statement, repeated. */
function keystrokes(lines: readonly string[], line: number, language: string): string {
  const indent = /^\s*/.exec(lines[line])![0];
  let typed = '';
  while (typed.length < KEYSTROKES) typed += `\n${indent}${STATEMENTS[language]}`;
  return typed.slice(0, KEYSTROKES);
}

/** One inserted character as a tree edit, with indices and columns in UTF-16 code units as the server counts them. */
/** Where the cursor is after typing `char` at `at`. */
function after(at: Point, char: string): Point {
  return char === '\n' ? { row: at.row + 1, column: 0 } : { row: at.row, column: at.column + 1 };
}

function insertion(offset: number, at: Point, char: string): Edit {
  return new Edit({ startIndex: offset, oldEndIndex: offset, newEndIndex: offset + 1, startPosition: at, oldEndPosition: at, newEndPosition: after(at, char) });
}

/** Types into `file` in the server bundle `serverPath`. */
export async function keystrokeLatency(serverPath: string, file: CorpusFile, text: string): Promise<KeystrokeLatency> {
  const info = grammarInfo(file.grammar);
  const lines = text.split('\n');
  const line = typingLine(lines, info.language);
  const typed = keystrokes(lines, line, info.language);
  const parser = await parserFor(file.grammar);
  // The peer's first parse compiles the grammar's WASM; it is not the one timed.
  parser.parse(text)?.delete();
  const openStart = now();
  let tree: Tree | null = parser.parse(text);
  const openPeerMs = now() - openStart;
  let session: LspSession | undefined;
  try {
    session = startSession({ serverPath, settings: {}, timeoutMs: 60_000 });
    await session.initialize([]);
    await session.waitForScan();
    // A first small file makes the server load the grammar and warm it up, as the peer did.
    const warmUp = await session.open(`${file.path}.warm-up${path.extname(file.path)}`, lines.slice(0, 100).join('\n'), info.editorIds[0]);
    await session.waitForDiagnostics(warmUp, (p) => p.version === 1);
    await session.close(warmUp);
    const sent = now();
    const uri = await session.open(file.path, text, info.editorIds[0]);
    await session.waitForDiagnostics(uri, (p) => p.version === 1);
    const openMs = now() - sent;
    const result: KeystrokeLatency = { file, line: line + 1, typed, openMs, openPeerMs, lspMs: [], peerMs: [], rulesMs: [], editedMs: [], functionOnly: 0, findingsAtEnd: 0 };
    const config = new AnalysisConfig();
    let lineCount = lines.length;
    let last = analyzeEdited(tree!, file.grammar, config, lineCount, 'all', undefined).last;
    let current = text;
    let offset = lines.slice(0, line + 1).reduce((sum, l) => sum + l.length + 1, 0) - 1;
    let at: Point = { row: line, column: lines[line].length };
    // The edits through LSP first, one after the other, then the same edits replayed on the peer's
    // tree: the peer's work (a whole-file analysis per keystroke) between two timed edits made
    // this process collect its garbage while a later edit's diagnostics were on their way.
    let lspAt: Point = { row: line, column: lines[line].length };
    for (const char of typed) {
      const start = now();
      const version = await session.change(uri, [{ range: { start: { line: lspAt.row, character: lspAt.column }, end: { line: lspAt.row, character: lspAt.column } }, text: char }]);
      await session.waitForDiagnostics(uri, (p) => p.version === version);
      result.lspMs.push(now() - start);
      lspAt = after(lspAt, char);
    }
    for (const char of typed) {
      const edit = insertion(offset, at, char);
      current = current.slice(0, offset) + char + current.slice(offset);
      const peerStart = now();
      tree!.edit(edit);
      const next: Tree | null = parser.parse(current, tree);
      result.peerMs.push(now() - peerStart);
      // What changed, as the server tracks it: the edit and what the reparse restructured.
      let changed = afterEdit(undefined, offset, offset, offset + 1);
      for (const range of tree!.getChangedRanges(next!)) changed = including(changed, range.startIndex, range.endIndex);
      tree!.delete();
      tree = next;
      const rulesStart = now();
      analyzeTree(tree!, file.grammar, config);
      result.rulesMs.push(now() - rulesStart);
      if (char === '\n') lineCount++;
      const editedStart = now();
      const edited = analyzeEdited(tree!, file.grammar, config, lineCount, changed, last);
      result.editedMs.push(now() - editedStart);
      if (edited.scope) result.functionOnly++;
      last = edited.last;

      offset++;
      at = edit.newEndPosition;
    }
    if (session.text(uri) !== current) throw new Error('the client and the peer disagree on the edited text');
    result.findingsAtEnd = session.diagnostics(uri)?.diagnostics.length ?? 0;
    await session.shutdown();
    return result;
  } finally {
    tree?.delete();
    session?.kill();
  }
}
