/**
 * What a rule is: metadata that docs, hovers and the console are generated from, and a check
 * over one file's syntax facts.
 */
import type { Node } from 'web-tree-sitter';
import type { Range, Severity } from '../findings';
import type { Dialect } from '../syntax/dialect';
import type { FileFacts } from '../syntax/facts';
import type { LanguageId } from '../syntax/languages';
import type { CallMatcher } from './call-patterns';

export type Confidence = 'high' | 'medium' | 'low';

export interface RuleExample {
  /** Code the rule flags. */
  flagged: string;
  /** The same code written the fast way. */
  useInstead: string;
}

export interface RuleMeta {
  /** Kebab-case, named after the pattern it flags. */
  id: string;
  title: string;
  languages: readonly LanguageId[];
  /** The severity findings have when the rule runs. */
  severity: Severity;
  /**
   * Set when the rule runs only where the user turns it on (a severity in `hotpath.rules`, or
   * `--rule`): why, in markdown, from its measured precision (bench/precision).
   */
  offByDefault?: string;
  confidence: Confidence;
  /** Why the pattern is slow (markdown, a short paragraph). */
  why: string;
  /** What to write instead (markdown, one or two sentences). */
  fix: string;
  /** A flagged example and its rewrite for each language the rule covers. */
  examples: Partial<Record<LanguageId, RuleExample>>;
  references: ReadonlyArray<{ title: string; url: string }>;
  /**
   * What the rule's quick fix does (markdown), and when it is not offered or may change what
   * the code does; absent when the rule has none. The fix itself is in server/src/fixes/.
   */
  quickFix?: string;
  /** Rules of other tools that flag the same pattern, for the docs' comparison table. */
  peers?: readonly string[];
}

export interface Related {
  range: Range;
  message: string;
}

export interface RuleContext {
  language: LanguageId;
  dialect: Dialect;
  facts: FileFacts;
  /** The root of the file's syntax tree, for rules that look for their own nodes (see syntax/named-calls.ts). */
  root: Node;
  /** Database, HTTP and other I/O calls: the built-in table plus the user's `hotpath.ioCalls`. */
  io: CallMatcher;
  /** Reports a finding at the node, unless it lies in code that did not parse. */
  report(node: Node, message: string, related?: Related[]): void;
}

/** A rule that reads one file's syntax facts. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
  /**
   * What the check reads of the file's whole text, for rules whose findings in one function can
   * change with text elsewhere in the file. After an edit inside one function, the findings
   * elsewhere are kept only when this gives the same string for the new text as for the old.
   */
  fileWide?(language: LanguageId, text: string): string;
}

/**
 * A rule that reads the workspace index of function summaries (../summaries/) instead of one
 * file's tree: its findings in a file change when other files change.
 */
export interface WorkspaceRule {
  meta: RuleMeta;
  workspace: true;
}

export type AnyRule = Rule | WorkspaceRule;
