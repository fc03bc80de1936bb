/**
 * Runs every enabled rule over one parsed file, or over one function of it: one facts walk, then
 * each rule's check.
 */
import type { Tree } from 'web-tree-sitter';
import { compareFindings, EnclosingFunction, Finding, Severity } from '../findings';
import type { Assignment, Dialect } from '../syntax/dialect';
import { dialectFor } from '../syntax/dialects';
import { collectFacts, FactQueries, factQueries } from '../syntax/facts';
import { GrammarId, grammarInfo, LanguageId } from '../syntax/languages';
import type { Node } from 'web-tree-sitter';
import type { AnalysisConfig } from './config';
import { nodeRange } from './describe';
import { FILE_RULES, RULES } from './index';
import type { Rule } from './rule';
import type { FileSummary } from '../summaries/file-summary';
import { summarizeTree } from '../summaries/summarize';

export interface Analysis {
  findings: Finding[];
  /** Rules that threw, with the error: the file's other findings still stand. */
  failures: string[];
  /** What the workspace index needs of the file; absent when no workspace rule is on. */
  summary?: FileSummary;
}

const queries = new Map<GrammarId, FactQueries>();

function queriesFor(grammar: GrammarId, root: Node): FactQueries {
  let compiled = queries.get(grammar);
  if (!compiled) {
    compiled = factQueries(root.tree.language, dialectFor(grammar));
    queries.set(grammar, compiled);
  }
  return compiled;
}

/** The innermost named function around a node (anonymous callbacks are looked through). */
function enclosingFunction(node: Node, dialect: Dialect): EnclosingFunction | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (!dialect.functionTypes.has(n.type)) continue;
    const name = dialect.func(n).name;
    if (name) return { name, line: n.startPosition.row };
  }
  return undefined;
}

/** True when the node is, or lies inside, code the parser could not read. */
function inBrokenCode(node: Node): boolean {
  if (node.hasError || node.isMissing) return true;
  for (let n = node.parent; n; n = n.parent) if (n.type === 'ERROR') return true;
  return false;
}

/**
 * The dialect with its call paths and assignments remembered for the length of one analysis:
 * several rules ask for the path of the same calls and the parts of the same assignments, and
 * reading one takes several calls into the parser's WASM.
 */
function remembering(dialect: Dialect): Dialect {
  const paths = new Map<number, string>();
  const assignments = new Map<number, Assignment | undefined>();
  return {
    ...dialect,
    calleePath(call) {
      let path = paths.get(call.id);
      if (path === undefined) paths.set(call.id, (path = dialect.calleePath(call)));
      return path;
    },
    assignment(node) {
      let parts = assignments.get(node.id);
      if (parts === undefined && !assignments.has(node.id)) assignments.set(node.id, (parts = dialect.assignment(node)));
      return parts;
    },
  };
}

/** The single-file rules that run on files of the language, with the severity their findings get. */
function enabledRules(language: LanguageId, config: AnalysisConfig): Array<{ rule: Rule; severity: Severity }> {
  const enabled: Array<{ rule: Rule; severity: Severity }> = [];
  for (const rule of FILE_RULES) {
    if (!rule.meta.languages.includes(language)) continue;
    const severity = config.severity(rule.meta);
    if (severity) enabled.push({ rule, severity });
  }
  return enabled;
}

/** Every finding of one file, and its summary for the workspace index. */
export function analyzeTree(tree: Tree, grammar: GrammarId, config: AnalysisConfig): Analysis {
  const { analysis, dialect, facts } = runRules(tree.rootNode, grammar, config);
  addSummary(analysis, tree, grammar, config, dialect, facts);
  return analysis;
}

/** Whether a workspace rule is on, so that files need summaries for the workspace index. */
export function summariesWanted(config: AnalysisConfig): boolean {
  return RULES.some((r) => 'workspace' in r && config.severity(r.meta));
}

/**
 * The summary of one file for the workspace index alone (with its own facts walk), for an open
 * document whose findings came from analyzing only the function an edit touched.
 */
export function summarizeFile(tree: Tree, grammar: GrammarId, config: AnalysisConfig): Analysis {
  const dialect = remembering(dialectFor(grammar));
  const facts = collectFacts(tree.rootNode, queriesFor(grammar, tree.rootNode), dialect);
  const analysis: Analysis = { findings: [], failures: [] };
  addSummary(analysis, tree, grammar, config, dialect, facts);
  return analysis;
}

function addSummary(analysis: Analysis, tree: Tree, grammar: GrammarId, config: AnalysisConfig, dialect: Dialect, facts: ReturnType<typeof collectFacts>): void {
  if (!summariesWanted(config)) return;
  try {
    analysis.summary = summarizeTree(tree, grammar, dialect, facts, config.matcher(grammarInfo(grammar).language));
  } catch (error) {
    analysis.failures.push(`the function summary failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

/**
 * What the enabled rules read of a file's whole text beyond the code they check (see
 * Rule.fileWide): findings outside an edited function stand only while this is unchanged.
 */
export function fileWideReads(text: string, grammar: GrammarId, config: AnalysisConfig): string {
  const language = grammarInfo(grammar).language;
  return enabledRules(language, config)
    .map(({ rule }) => rule.fileWide?.(language, text) ?? '')
    .join('\n');
}

/**
 * The findings in the code under `root`: a tree's root node, or a function that no loop,
 * callback or other function encloses (see collectFacts).
 */
export function analyzeCode(root: Node, grammar: GrammarId, config: AnalysisConfig): Analysis {
  return runRules(root, grammar, config).analysis;
}

function runRules(root: Node, grammar: GrammarId, config: AnalysisConfig): { analysis: Analysis; dialect: Dialect; facts: ReturnType<typeof collectFacts> } {
  const language = grammarInfo(grammar).language;
  const dialect = remembering(dialectFor(grammar));
  const facts = collectFacts(root, queriesFor(grammar, root), dialect);
  const findings: Finding[] = [];
  const failures: string[] = [];
  for (const { rule, severity } of enabledRules(language, config)) {
    try {
      rule.check({
        language,
        dialect,
        facts,
        root,
        io: config.matcher(language),
        report(node, message, related = []) {
          if (inBrokenCode(node)) return;
          const finding: Finding = { ruleId: rule.meta.id, severity, message, range: nodeRange(node), related };
          const fn = enclosingFunction(node, dialect);
          if (fn) finding.function = fn;
          findings.push(finding);
        },
      });
    } catch (error) {
      failures.push(`rule ${rule.meta.id} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
  findings.sort(compareFindings);
  return { analysis: { findings, failures }, dialect, facts };
}
