/**
 * `hotpath scan [paths...]`: the same rules the language server runs, for CI and terminals.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { atLeast, Finding, SEVERITIES, Severity } from '../findings';
import type { AnalysisSettings } from '../rules/config';
import { ScanCollector } from '../summaries/scan-collector';
import { RULES, ruleById } from '../rules';
import { toSarif } from '../sarif/export';
import { DEFAULT_EXCLUDE, DEFAULTS } from '../settings';
import { grammarForPath } from '../syntax/languages';
import { VERSION } from '../version';
import type { SourceFile } from '../workspace/discover';
import { ScanPool } from '../workspace/scan-pool';
import { scanTargets } from '../workspace/scan-folders';
import { applyHeat, heatEvidence } from '../profiles/merge';
import { inTestFiles, TEST_FILES_MODES, TestFilesMode } from '../workspace/test-files';
import { loadCliProfile } from './cli-profile';
import { mergeSarifLogs } from './sarif-in';
import { FileFindings, formatJson, formatText, displayPath } from './report-formats';
import { asUsage, UsageError } from './usage';

type Format = 'text' | 'json' | 'sarif';
type FailOn = Severity | 'never';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

interface ScanOptions {
  paths: string[];
  profile?: string;
  /** Other tools' SARIF logs whose results are merged in. */
  sarifIn: string[];
  format: Format;
  rules?: string[];
  exclude: string[];
  failOn: FailOn;
  testFiles: TestFilesMode;
  verbose: boolean;
}

function parseScanArgs(args: string[]): ScanOptions {
  const parsed = asUsage(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        rule: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        'fail-on': { type: 'string', default: 'error' },
        'test-files': { type: 'string', default: DEFAULTS.testFiles },
        verbose: { type: 'boolean', default: false },
        profile: { type: 'string' },
        'sarif-in': { type: 'string', multiple: true },
      },
    }),
  );
  const { values, positionals } = parsed;
  const format = values.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  }
  const failOn = values['fail-on'] as string;
  if (failOn !== 'never' && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${[...SEVERITIES, 'never'].join(', ')}, not "${failOn}"`);
  }
  const testFiles = values['test-files'] as string;
  if (!(TEST_FILES_MODES as readonly string[]).includes(testFiles)) {
    throw new UsageError(`--test-files must be one of ${TEST_FILES_MODES.join(', ')}, not "${testFiles}"`);
  }
  for (const id of values.rule ?? []) {
    if (!ruleById(id)) throw new UsageError(`no rule is named "${id}"; the rules are: ${RULES.map((r) => r.meta.id).join(', ')}`);
  }
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    rules: values.rule,
    exclude: values.exclude ?? [],
    failOn: failOn as FailOn,
    testFiles: testFiles as TestFilesMode,
    verbose: values.verbose ?? false,
    profile: values.profile,
    sarifIn: values['sarif-in'] ?? [],
  };
}

/** Splits the paths given into folders to walk and files to scan; a path that cannot be read is a usage error. */
function resolvePaths(paths: string[], cwd: string): { folders: string[]; files: SourceFile[] } {
  const folders: string[] = [];
  const files: SourceFile[] = [];
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot read "${given}": ${code === 'ENOENT' ? 'no such file or directory' : code ?? String(error)}`);
    }
    if (stat.isDirectory()) {
      folders.push(full);
    } else {
      const grammar = grammarForPath(full);
      if (!grammar) throw new UsageError(`"${given}" is not a Python, JavaScript, TypeScript, Go or Java source file`);
      files.push({ path: full, grammar: grammar.id });
    }
  }
  return { folders, files };
}

export async function runScan(args: string[], io: CliIo): Promise<number> {
  const options = parseScanArgs(args);
  const { folders, files } = resolvePaths(options.paths, io.cwd);
  const startTime = new Date();
  const results: FileFindings[] = [];
  const skipped: Array<{ file: string; reason: string }> = [];
  const failures: string[] = [];
  const pool = new ScanPool();
  const settings: AnalysisSettings = { rules: {}, ioCalls: [], only: options.rules };
  const collected = new ScanCollector(settings);
  let scanned = 0;
  try {
    await scanTargets(
      pool,
      { folders, files, exclude: [...DEFAULT_EXCLUDE, ...options.exclude], maxFileSizeKb: DEFAULTS.maxFileSizeKb },
      settings,
      {
        onFile(file, findings: Finding[], ruleFailures, summary) {
          scanned++;
          collected.add(file, findings, summary);
          failures.push(...ruleFailures.map((f) => `${displayPath(file, io.cwd)}: ${f}`));
        },
        onSkip(file, reason) {
          skipped.push({ file, reason });
        },
      },
    );
  } finally {
    await pool.dispose();
  }
  results.push(...collected.results());
  results.sort((a, b) => a.file.localeCompare(b.file));
  for (const result of results) result.findings = inTestFiles(result.findings, scannedPath(result.file, io.cwd, folders), options.testFiles);
  const { notes, tools } = await mergeSarifLogs(results, options.sarifIn.map((log) => path.resolve(io.cwd, log)), io.cwd, (file) => displayPath(file, io.cwd));
  if (options.profile) await applyProfile(results, path.resolve(io.cwd, options.profile), io.cwd);
  const explicit = new Set(files.map((f) => f.path));
  const unreadable = skipped.filter((s) => explicit.has(s.file));
  if (unreadable.length > 0) {
    throw new UsageError(unreadable.map((s) => `cannot scan "${displayPath(s.file, io.cwd)}": ${s.reason}`).join('\n'));
  }
  if (options.format === 'text') io.stdout(formatText(results, scanned, io.cwd));
  else if (options.format === 'json') io.stdout(formatJson(results, io.cwd));
  else {
    const log = toSarif({
      results: results.map((r) => ({ ...r, text: readQuietly(r.file) })),
      root: io.cwd,
      toolVersion: VERSION,
      commandLine: ['hotpath', 'scan', ...args].join(' '),
      startTime,
      endTime: new Date(),
      skipped,
      importedLogs: options.sarifIn.map((log) => path.resolve(io.cwd, log)),
      importedTools: tools,
    });
    io.stdout(`${JSON.stringify(log, null, 2)}\n`);
  }
  for (const note of notes) io.stderr(`hotpath: ${note}\n`);
  for (const failure of failures) io.stderr(`hotpath: ${failure}\n`);
  if (skipped.length > 0) {
    if (options.verbose) for (const s of skipped) io.stderr(`hotpath: skipped ${displayPath(s.file, io.cwd)}: ${s.reason}\n`);
    else io.stderr(`hotpath: skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'} (--verbose lists them)\n`);
  }
  const failOn = options.failOn;
  const failed = failOn !== 'never' && results.some((r) => r.findings.some((f) => atLeast(f.severity, failOn)));
  return failed ? 1 : 0;
}

/**
 * A file's path as the user sees it, for telling test files: relative to the current directory,
 * or to the folder scanned when it lies outside (its own folders above it are not the project's).
 */
function scannedPath(file: string, cwd: string, folders: readonly string[]): string {
  const inside = (root: string) => !path.relative(root, file).startsWith('..');
  const root = inside(cwd) ? cwd : folders.find(inside);
  return root === undefined ? path.basename(file) : path.relative(root, file);
}

/** With `--profile`: findings in hot functions become warnings and carry the measured share. */
async function applyProfile(results: FileFindings[], file: string, root: string): Promise<void> {
  const { heat } = await loadCliProfile(file, root);
  for (const result of results) {
    const fileHeat = heat.files.get(result.file);
    const adjusted = applyHeat(result.findings, fileHeat, heat.source, DEFAULTS.hotThreshold);
    result.findings = adjusted.map((finding) => {
      const evidence = heatEvidence(finding, fileHeat, heat.source);
      return evidence ? { ...finding, heat: evidence } : finding;
    });
  }
}

function readQuietly(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
