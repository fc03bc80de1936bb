/**
 * Imported results laid onto today's files: columns counted in code points become UTF-16 units,
 * and each finding learns the named function it sits in (parsed with tree-sitter when the file
 * is in one of Hotpath's languages), so measured heat applies to it as to Hotpath's own.
 */
import * as fs from 'node:fs/promises';
import { compareFindings, Finding, Range, RelatedLocation } from '../findings';
import { functionAtLine } from '../profiles/locate';
import { listFunctions, SourceFunction } from '../syntax/functions';
import { GrammarId, grammarForPath } from '../syntax/languages';
import { parserFor } from '../syntax/parsers';
import type { ImportedResult } from './import';
import { columnsToUtf16 } from './regions';

/** The text of a workspace file, or undefined when it cannot be read (gone, too large, binary). */
export type ReadText = (file: string) => Promise<string | undefined>;

/** Reads files from disk, leaving out those larger than `maxBytes` (a scan skips them too). */
export function diskText(maxBytes: number): ReadText {
  return async (file) => {
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > maxBytes) return undefined;
      return await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  };
}

async function functionsIn(text: string, grammar: GrammarId): Promise<SourceFunction[]> {
  const tree = (await parserFor(grammar)).parse(text);
  if (!tree) return [];
  try {
    return listFunctions(tree, grammar);
  } finally {
    tree.delete();
  }
}

/** The innermost named function around a 0-based line, as findings record it. */
export function enclosingFunction(functions: readonly SourceFunction[], line: number): Finding['function'] {
  const fn = functionAtLine(
    functions.filter((f) => f.name),
    line + 1,
  );
  return fn?.name ? { name: fn.name, line: fn.startLine } : undefined;
}

function placeOne(result: ImportedResult, lines: readonly string[] | undefined, functions: readonly SourceFunction[]): Finding {
  const convert = (range: Range) => (result.codePoints && lines ? columnsToUtf16(range, lines) : range);
  const finding = result.finding;
  const related = finding.related.map((r): RelatedLocation => (r.file === undefined ? { ...r, range: convert(r.range) } : r));
  const placed: Finding = { ...finding, range: convert(finding.range), related };
  const fn = enclosingFunction(functions, placed.range.start.line);
  if (fn) placed.function = fn;
  return placed;
}

/** The findings of each file, placed on its current text. */
export async function placeResults(results: readonly ImportedResult[], readText: ReadText): Promise<Map<string, Finding[]>> {
  const byFile = new Map<string, ImportedResult[]>();
  for (const result of results) {
    const list = byFile.get(result.file);
    if (list) list.push(result);
    else byFile.set(result.file, [result]);
  }
  const placed = new Map<string, Finding[]>();
  for (const [file, fileResults] of byFile) {
    const text = await readText(file);
    const grammar = grammarForPath(file);
    let functions: SourceFunction[] = [];
    if (text !== undefined && grammar) {
      try {
        functions = await functionsIn(text, grammar.id);
      } catch {
        // A grammar that cannot load costs only the functions: the findings still show.
        functions = [];
      }
    }
    const lines = text?.split('\n');
    placed.set(file, fileResults.map((r) => placeOne(r, lines, functions)).sort(compareFindings));
  }
  return placed;
}
