/**
 * The findings of an open document after an edit, without analyzing all of it again when the
 * edit stays inside one function.
 *
 * When everything that changed since the last analysis lies in the body of a function that no
 * loop, per-item callback or other function encloses, only that function is analyzed again and
 * the findings elsewhere are kept: facts are gathered within loops and functions, no rule reads
 * the body of a function it does not check, and no line outside the function moved. What rules
 * read of the whole text is compared too (Rule.fileWide). The same holds of a TypeScript
 * `interface` or `type` declaration at the top of the file, which no rule reads: an edit inside
 * one analyzes it alone. Anything else — a first analysis, an
 * edit that adds or removes lines, a change outside such a body, new settings, a rule that
 * failed — gets a full analysis. A unit test checks that both give the same findings after random
 * edits of real files in every language.
 *
 * The file's summary for the workspace index is taken only when asked for: it walks the whole
 * file and costs several times what the rules do, so after an edit the server takes it apart,
 * once typing pauses.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { compareFindings, Finding, Range } from '../findings';
import type { AnalysisConfig } from '../rules/config';
import { Analysis, analyzeCode, analyzeTree, fileWideReads } from '../rules/engine';
import type { Dialect } from '../syntax/dialect';
import { dialectFor } from '../syntax/dialects';
import type { GrammarId } from '../syntax/languages';
import type { ChangedSpan } from './changed-span';

/** What the next analysis of the same document starts from. */
export interface LastAnalysis {
  grammar: GrammarId;
  config: AnalysisConfig;
  findings: Finding[];
  lineCount: number;
  fileWide: string;
}

export interface EditedAnalysis {
  analysis: Analysis;
  /** Undefined when a rule failed: the next analysis is then a full one. */
  last?: LastAnalysis;
  /** The function (or type declaration) analyzed alone, if the analysis was not a full one (for tests and benchmarks). */
  scope?: { startLine: number; endLine: number };
}

/**
 * TypeScript declarations of types alone (`interface`, `type`): no rule reads them, so an edit
 * inside one at the top of a file changes no finding outside it.
 */
const TYPE_DECLARATIONS: Partial<Record<GrammarId, ReadonlySet<string>>> = {
  typescript: new Set(['interface_declaration', 'type_alias_declaration']),
  tsx: new Set(['interface_declaration', 'type_alias_declaration']),
};

/** What a top-level type declaration may stand in (`export interface …`). */
const TOP_LEVEL = new Set(['program', 'export_statement']);

/** The top-level type declaration that holds all of `span`, if there is one. */
function editedTypeDeclaration(tree: Tree, grammar: GrammarId, span: { start: number; end: number }): Node | undefined {
  const types = TYPE_DECLARATIONS[grammar];
  if (!types) return undefined;
  let declaration: Node | undefined;
  for (let n: Node | null = tree.rootNode.descendantForIndex(span.start, span.end); n; n = n.parent) {
    if (types.has(n.type)) declaration = n;
    else if (declaration && !TOP_LEVEL.has(n.type)) return undefined;
  }
  return declaration;
}

/**
 * The function whose body holds all of `span`, when no loop or other function encloses it and
 * it is not a per-item callback (whose loop is named by the call around it).
 */
function editedFunction(tree: Tree, dialect: Dialect, span: { start: number; end: number }): Node | undefined {
  let fn: Node | undefined;
  let loopAround = false;
  for (let n: Node | null = tree.rootNode.descendantForIndex(span.start, span.end); n; n = n.parent) {
    if (dialect.functionTypes.has(n.type)) {
      fn = n;
      loopAround = false;
    } else if (dialect.loopTypes.has(n.type)) {
      loopAround = true;
    }
  }
  if (!fn || loopAround || dialect.func(fn).callback) return undefined;
  const body = fn.childForFieldName('body');
  return body && body.startIndex <= span.start && span.end <= body.endIndex ? fn : undefined;
}

function ranges(finding: Finding): Range[] {
  return [finding.range, ...finding.related.filter((r) => !r.file).map((r) => r.range)];
}

/**
 * The findings of `last` outside the lines `first`..`last` of a function analyzed again, or
 * undefined when one of them is neither clearly outside nor clearly inside those lines.
 */
function findingsOutside(findings: readonly Finding[], first: number, lastLine: number): Finding[] | undefined {
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (ranges(finding).every((r) => r.end.line < first || r.start.line > lastLine)) kept.push(finding);
    else if (finding.range.start.line <= first || finding.range.end.line >= lastLine) return undefined;
  }
  return kept;
}

/**
 * Only the edited function (or top-level type declaration) again, when that gives the findings
 * of a full analysis.
 */
function analyzeFunction(tree: Tree, grammar: GrammarId, config: AnalysisConfig, span: ChangedSpan, last: LastAnalysis): EditedAnalysis | undefined {
  if (span === 'all') return undefined;
  const fn = editedFunction(tree, dialectFor(grammar), span) ?? editedTypeDeclaration(tree, grammar, span);
  if (!fn) return undefined;
  const first = fn.startPosition.row;
  const lastLine = fn.endPosition.row;
  const kept = findingsOutside(last.findings, first, lastLine);
  if (!kept) return undefined;
  const inner = analyzeCode(fn, grammar, config);
  // Findings on the function's first or last line may share it with code outside the function.
  if (inner.failures.length > 0 || inner.findings.some((f) => f.range.start.line <= first || f.range.end.line >= lastLine)) return undefined;
  const findings = [...kept, ...inner.findings].sort(compareFindings);
  return { analysis: { findings, failures: [] }, last: { ...last, findings }, scope: { startLine: first, endLine: lastLine } };
}

/**
 * The analysis of `tree`, the document's current tree with `lineCount` lines, given what
 * changed since `last` (see OpenDocuments.takeChanges). With `summarize`, a full analysis takes
 * the file's summary for the workspace index too, sharing the rules' walk of the file.
 */
export function analyzeEdited(
  tree: Tree,
  grammar: GrammarId,
  config: AnalysisConfig,
  lineCount: number,
  changed: ChangedSpan | undefined,
  last: LastAnalysis | undefined,
  summarize = false,
): EditedAnalysis {
  const fileWide = fileWideReads(tree.rootNode.text, grammar, config);
  if (last && last.grammar === grammar && last.config === config && last.lineCount === lineCount && last.fileWide === fileWide) {
    if (!changed) return { analysis: { findings: last.findings, failures: [] }, last };
    const partial = analyzeFunction(tree, grammar, config, changed, last);
    if (partial) return partial;
  }
  const analysis = summarize ? analyzeTree(tree, grammar, config) : analyzeCode(tree.rootNode, grammar, config);
  return { analysis, last: analysis.failures.length > 0 ? undefined : { grammar, config, findings: analysis.findings, lineCount, fileWide } };
}
