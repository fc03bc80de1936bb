/**
 * Runs every enabled rule over one parsed file: one facts walk, then each rule's check.
 */
import type { Tree } from 'web-tree-sitter';
import { compareFindings, EnclosingFunction, Finding } from '../findings';
import type { Assignment, Dialect } from '../syntax/dialect';
import { dialectFor } from '../syntax/dialects';
import { collectFacts, FactQueries, factQueries } from '../syntax/facts';
import { GrammarId, grammarInfo } from '../syntax/languages';
import type { Node } from 'web-tree-sitter';
import type { AnalysisConfig } from './config';
import { nodeRange } from './describe';
import { FILE_RULES, RULES } from './index';
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

function queriesFor(grammar: GrammarId, tree: Tree): FactQueries {
  let compiled = queries.get(grammar);
  if (!compiled) {
    compiled = factQueries(tree.language, dialectFor(grammar));
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

export function analyzeTree(tree: Tree, grammar: GrammarId, config: AnalysisConfig): Analysis {
  const language = grammarInfo(grammar).language;
  const dialect = remembering(dialectFor(grammar));
  const facts = collectFacts(tree, queriesFor(grammar, tree), dialect);
  const findings: Finding[] = [];
  const failures: string[] = [];
  for (const rule of FILE_RULES) {
    if (!rule.meta.languages.includes(language)) continue;
    const severity = config.severity(rule.meta);
    if (!severity) continue;
    try {
      rule.check({
        language,
        dialect,
        facts,
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
  const analysis: Analysis = { findings, failures };
  if (RULES.some((r) => 'workspace' in r && config.severity(r.meta))) {
    try {
      analysis.summary = summarizeTree(tree, grammar, dialect, facts, config.matcher(language));
    } catch (error) {
      failures.push(`the function summary failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
  return analysis;
}
