/**
 * What the optimization console answers: plain data that the webview, the command line and the
 * tests render the same way. The markdown is safe to render as it is: every text that comes from
 * a profile, a SARIF log or a source file is escaped or sits in a code span or code block, so a
 * function named `<img src=x onerror=alert(1)>` reads as text.
 */
import type { Range } from '../findings';

/** What a question asks for. */
export type IntentKind =
  | 'hotspots'
  | 'fixFirst'
  | 'whySlow'
  | 'fixFinding'
  | 'explainRule'
  | 'listFindings'
  | 'profileSummary'
  | 'regressions'
  | 'benchmarks'
  | 'help'
  | 'unknown';

/** A place in a workspace file the answer points at. */
export interface AnswerLink {
  /** `file:` URI of the file. */
  uri: string;
  /** 0-based, as in LSP. */
  range: Range;
  /** What the link reads: `javascript/report.js:7`. */
  label: string;
  /** The link's target in the markdown (`file:///…/report.js#L7`), so a renderer can find it. */
  href: string;
}

/** Something the user can do next, drawn as a button in the webview and as a hint in the terminal. */
export type AnswerAction =
  | { kind: 'importProfile'; label: string }
  | { kind: 'compareBaseline'; label: string }
  | { kind: 'compareBenchmarks'; label: string }
  | { kind: 'openFile'; label: string; uri: string; range: Range }
  /**
   * Apply the quick fix titled `title` of the finding at `range`: the editor asks the server for
   * the code actions there (as the light bulb does) and applies the one with this title.
   */
  | { kind: 'applyQuickFix'; label: string; uri: string; range: Range; title: string };

/** Where the figures and facts of an answer come from. */
export interface AnswerSource {
  kind: 'profile' | 'rule' | 'tool' | 'benchmarks';
  /** The profile's file name, the rule's id, the SARIF tool's name, or a benchmark results file or folder. */
  name: string;
}

export interface Answer {
  /** The question as asked. */
  question: string;
  intent: IntentKind;
  /** False when the loaded data cannot answer the question (the markdown says so). */
  answered: boolean;
  markdown: string;
  links: AnswerLink[];
  /** Questions worth asking next, phrased with the workspace's real names. */
  followUps: string[];
  actions: AnswerAction[];
  sources: AnswerSource[];
}
