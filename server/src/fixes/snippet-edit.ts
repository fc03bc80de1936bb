/**
 * A rewrite of one statement of a file, shown as before and after: replacements inside it and
 * lines added above or below it, in the statement's indentation, both sides dedented for reading.
 * The same rewrite is also a list of edits to the file (what a quick fix applies), written with
 * the file's own line endings, with any lines it needs elsewhere (an import, a field).
 */
import type { Node } from 'web-tree-sitter';
import { OffsetEdit, withLineEndings } from './offset-edits';

export interface Rewrite {
  /** 0-based lines of the original that "before" shows. */
  startLine: number;
  endLine: number;
  before: string;
  after: string;
  /** What to check before using it: plain sentences. */
  notes: string[];
  /**
   * What the user must check in this case before applying the edit, when only some cases of the
   * fix may change what the code does (the rewriter sees which): ends the quick fix's title.
   */
  check?: string;
  /** The rewrite as edits to the whole file, imports and declarations elsewhere included. */
  edits: OffsetEdit[];
}

interface Span {
  startIndex: number;
  endIndex: number;
}

export class SnippetEdit {
  private readonly edits: Array<{ start: number; end: number; text: string }> = [];
  private readonly above: string[] = [];
  private readonly below: string[] = [];
  private readonly elsewhere: OffsetEdit[] = [];
  private readonly regionStart: number;
  private readonly regionEnd: number;
  /** The statement's indentation. */
  readonly indent: string;

  /** The rewrite of `statement`, or of the statements from it through `last`, a later one in the same block. */
  constructor(
    private readonly source: string,
    private readonly statement: Node,
    private readonly last: Node = statement,
  ) {
    this.regionStart = source.lastIndexOf('\n', statement.startIndex - 1) + 1;
    const end = source.indexOf('\n', last.endIndex);
    this.regionEnd = end < 0 ? source.length : end;
    this.indent = /^[ \t]*/.exec(source.slice(this.regionStart))![0];
  }

  /** The indentation one level deeper than the statement's, in the file's style. */
  get step(): string {
    const inner = this.source.slice(this.regionStart, this.regionEnd).split('\n')[1];
    const deeper = inner ? /^[ \t]*/.exec(inner)![0] : '';
    return deeper.length > this.indent.length && deeper.startsWith(this.indent) ? deeper.slice(this.indent.length) : this.indent.includes('\t') ? '\t' : '    ';
  }

  replace(span: Span, text: string): this {
    if (span.startIndex < this.regionStart || span.endIndex > this.regionEnd) throw new Error('a replacement outside the rewritten statement');
    this.edits.push({ start: span.startIndex, end: span.endIndex, text });
    return this;
  }

  /** Replaces a node with lines: the first where the node starts, the others at the statement's indentation. */
  replaceWithLines(span: Span, lines: readonly string[]): this {
    return this.replace(span, lines.map((l, i) => (i === 0 || l === '' ? l : `${this.indent}${l}`)).join('\n'));
  }

  /** Adds an edit outside the statement: an import, a package-level declaration, a field. */
  addElsewhere(edit: OffsetEdit | undefined): this {
    if (edit) this.elsewhere.push(edit);
    return this;
  }

  /** Adds lines above the statement (each may hold newlines), at its indentation. */
  addAbove(...lines: string[]): this {
    this.above.push(...lines.flatMap((l) => l.split('\n')));
    return this;
  }

  addBelow(...lines: string[]): this {
    this.below.push(...lines.flatMap((l) => l.split('\n')));
    return this;
  }

  result(notes: string[] = []): Rewrite {
    // The region ends before the line break, and before its carriage return in a CRLF file.
    const end = this.source[this.regionEnd - 1] === '\r' ? this.regionEnd - 1 : this.regionEnd;
    const original = this.source.slice(this.regionStart, end);
    let changed = original;
    for (const edit of [...this.edits].sort((a, b) => b.start - a.start)) {
      changed = changed.slice(0, edit.start - this.regionStart) + edit.text + changed.slice(edit.end - this.regionStart);
    }
    const framed = [...this.above.map((l) => (l ? `${this.indent}${l}` : l)), changed, ...this.below.map((l) => (l ? `${this.indent}${l}` : l))].join('\n');
    const region = { start: this.regionStart, end, text: framed };
    return {
      startLine: this.statement.startPosition.row,
      endLine: this.last.endPosition.row,
      before: dedent(original.replace(/\r\n/g, '\n'), this.indent),
      after: dedent(framed.replace(/\r\n/g, '\n'), this.indent),
      notes,
      edits: withLineEndings(this.source, [...this.elsewhere, region]),
    };
  }
}

function dedent(text: string, indent: string): string {
  if (!indent) return text;
  return text
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
    .join('\n');
}
