/**
 * Hotpath's settings as the server and the CLI use them, read from the raw values an editor or a
 * command line sends. Raw values come from outside: every field is checked, a wrong one is
 * replaced by its default and named in `problems`, so the user learns what was ignored.
 */
import { SEVERITIES } from './findings';
import { AnalysisSettings, RuleLevel } from './rules/config';
import { IO_KINDS, IoKind, patternProblem } from './rules/call-patterns';
import type { UserCallPattern } from './rules/matchers';
import { ruleById } from './rules';
import { LANGUAGES, LanguageId } from './syntax/languages';
import { TEST_FILES_MODES, TestFilesMode } from './workspace/test-files';

export type Scope = 'workspace' | 'openFiles';

export interface HotpathSettings {
  analysis: AnalysisSettings;
  /** Scan the whole workspace, or only the files open in the editor. */
  scope: Scope;
  /** Globs (relative to a workspace folder) of files never scanned. */
  exclude: string[];
  /** Files larger than this are skipped, with a logged reason. */
  maxFileSizeKb: number;
  /** Percent of the active profile at which a function or line counts as hot. */
  hotThreshold: number;
  /** Prefixes of paths recorded elsewhere and the folders they correspond to here. */
  pathMappings: Array<{ from: string; to: string }>;
  /** Code lenses with measured shares above functions. */
  codeLens: boolean;
  /** Whether findings in test files are hints (the default) or reported like the others. */
  testFiles: TestFilesMode;
}

export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/.venv/**', '**/venv/**', '**/__pycache__/**'];

export const DEFAULTS: HotpathSettings = {
  analysis: { rules: {}, ioCalls: [] },
  scope: 'workspace',
  exclude: DEFAULT_EXCLUDE,
  maxFileSizeKb: 1024,
  hotThreshold: 5,
  pathMappings: [],
  codeLens: true,
  testFiles: 'hint',
};

const LEVELS: readonly string[] = [...SEVERITIES, 'off', 'default'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readRules(raw: unknown, problems: string[]): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  if (raw === undefined || raw === null) return rules;
  if (!isRecord(raw)) {
    problems.push('hotpath.rules must be an object of rule id to level; ignored');
    return rules;
  }
  for (const [id, level] of Object.entries(raw)) {
    if (!ruleById(id)) problems.push(`hotpath.rules: no rule is named "${id}"`);
    else if (typeof level !== 'string' || !LEVELS.includes(level)) {
      problems.push(`hotpath.rules.${id}: "${String(level)}" is not one of ${LEVELS.join(', ')}`);
    } else rules[id] = level as RuleLevel;
  }
  return rules;
}

function readIoCalls(raw: unknown, problems: string[]): UserCallPattern[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push('hotpath.ioCalls must be a list of call patterns; ignored');
    return [];
  }
  const patterns: UserCallPattern[] = [];
  raw.forEach((entry: unknown, i) => {
    const item = typeof entry === 'string' ? { pattern: entry } : entry;
    if (!isRecord(item) || typeof item.pattern !== 'string' || item.pattern.trim() === '') {
      problems.push(`hotpath.ioCalls[${i}]: expected a pattern string or { "pattern": "…", "kind": "…" }`);
      return;
    }
    const kind = item.kind ?? 'io';
    if (typeof kind !== 'string' || !(IO_KINDS as readonly string[]).includes(kind)) {
      problems.push(`hotpath.ioCalls[${i}]: kind "${String(kind)}" is not one of ${IO_KINDS.join(', ')}`);
      return;
    }
    const problem = patternProblem(item.pattern);
    if (problem) {
      problems.push(`hotpath.ioCalls[${i}]: ${problem}`);
      return;
    }
    const languages = Array.isArray(item.languages)
      ? item.languages.filter((l): l is LanguageId => (LANGUAGES as readonly unknown[]).includes(l))
      : undefined;
    patterns.push({ pattern: item.pattern.trim(), kind: kind as IoKind, languages });
  });
  return patterns;
}

function readPathMappings(raw: unknown, problems: string[]): Array<{ from: string; to: string }> {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push('hotpath.profile.pathMappings must be a list of { "from": "…", "to": "…" }; ignored');
    return [];
  }
  return raw.flatMap((entry: unknown, i) => {
    if (isRecord(entry) && typeof entry.from === 'string' && typeof entry.to === 'string' && entry.from && entry.to) {
      return [{ from: entry.from, to: entry.to }];
    }
    problems.push(`hotpath.profile.pathMappings[${i}]: expected { "from": "/recorded/prefix", "to": "\${workspaceFolder}/…" }`);
    return [];
  });
}

function readStrings(raw: unknown, name: string, fallback: string[], problems: string[]): string[] {
  if (raw === undefined || raw === null) return fallback;
  if (!Array.isArray(raw) || !raw.every((s) => typeof s === 'string')) {
    problems.push(`${name} must be a list of strings; using the default`);
    return fallback;
  }
  return raw as string[];
}

/** Reads the `hotpath` settings section. */
export function readSettings(raw: unknown): { settings: HotpathSettings; problems: string[] } {
  const problems: string[] = [];
  const section = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) problems.push('the hotpath settings must be an object');
  let scope = DEFAULTS.scope;
  if (section.scope !== undefined) {
    if (section.scope === 'workspace' || section.scope === 'openFiles') scope = section.scope;
    else problems.push(`hotpath.scope: "${String(section.scope)}" is not workspace or openFiles`);
  }
  let maxFileSizeKb = DEFAULTS.maxFileSizeKb;
  if (section.maxFileSizeKb !== undefined) {
    const n = section.maxFileSizeKb;
    if (typeof n === 'number' && Number.isFinite(n) && n > 0) maxFileSizeKb = n;
    else problems.push(`hotpath.maxFileSizeKb: "${String(n)}" is not a positive number`);
  }
  let hotThreshold = DEFAULTS.hotThreshold;
  if (section.hotThreshold !== undefined) {
    const n = section.hotThreshold;
    if (typeof n === 'number' && n > 0 && n <= 100) hotThreshold = n;
    else problems.push(`hotpath.hotThreshold: "${String(n)}" is not a percentage between 0 and 100`);
  }
  let testFiles = DEFAULTS.testFiles;
  if (section.testFiles !== undefined) {
    if ((TEST_FILES_MODES as readonly unknown[]).includes(section.testFiles)) testFiles = section.testFiles as TestFilesMode;
    else problems.push(`hotpath.testFiles: "${String(section.testFiles)}" is not one of ${TEST_FILES_MODES.join(', ')}`);
  }
  const profile = isRecord(section.profile) ? section.profile : {};
  const codeLens = isRecord(section.codeLens) && typeof section.codeLens.enabled === 'boolean' ? section.codeLens.enabled : DEFAULTS.codeLens;
  return {
    settings: {
      analysis: { rules: readRules(section.rules, problems), ioCalls: readIoCalls(section.ioCalls, problems) },
      scope,
      exclude: readStrings(section.exclude, 'hotpath.exclude', DEFAULTS.exclude, problems),
      maxFileSizeKb,
      hotThreshold,
      pathMappings: readPathMappings(profile.pathMappings, problems),
      codeLens,
      testFiles,
    },
    problems,
  };
}

/** The globs that VS Code's `files.exclude` setting turns on (those mapped to `true`). */
export function enabledGlobs(raw: unknown): string[] {
  if (!isRecord(raw)) return [];
  return Object.entries(raw).filter(([, on]) => on === true).map(([glob]) => glob);
}
