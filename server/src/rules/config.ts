/**
 * The analysis settings in their checked form: which rules run at which severity, and the
 * user's own I/O calls. Built from raw settings by settings.ts; shared by the server and the CLI.
 */
import type { Severity } from '../findings';
import type { LanguageId } from '../syntax/languages';
import type { CallMatcher } from './call-patterns';
import { ioMatcher, UserCallPattern } from './matchers';
import type { RuleMeta } from './rule';

/** A rule's setting: a severity, 'off', or 'default' for the rule's own severity. */
export type RuleLevel = Severity | 'off' | 'default';

export interface AnalysisSettings {
  rules: Readonly<Record<string, RuleLevel>>;
  /** When set, only these rules run (the CLI's `--rule`). */
  only?: readonly string[];
  ioCalls: readonly UserCallPattern[];
}

export const DEFAULT_SETTINGS: AnalysisSettings = { rules: {}, ioCalls: [] };

export class AnalysisConfig {
  private readonly matchers = new Map<LanguageId, CallMatcher>();

  constructor(readonly settings: AnalysisSettings = DEFAULT_SETTINGS) {}

  /** The severity a rule reports at, or undefined when it is off. */
  severity(meta: RuleMeta): Severity | undefined {
    if (this.settings.only && !this.settings.only.includes(meta.id)) return undefined;
    const level = this.settings.rules[meta.id] ?? 'default';
    if (level === 'off') return undefined;
    if (level !== 'default') return level;
    // A rule off by default still runs when it is the one asked for by name (`--rule`).
    return meta.offByDefault && !this.settings.only?.includes(meta.id) ? undefined : meta.severity;
  }

  matcher(language: LanguageId): CallMatcher {
    let matcher = this.matchers.get(language);
    if (!matcher) {
      matcher = ioMatcher(language, this.settings.ioCalls);
      this.matchers.set(language, matcher);
    }
    return matcher;
  }
}
