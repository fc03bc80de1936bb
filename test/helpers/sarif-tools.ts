/**
 * Real SARIF producers from the npm registry, run by the tests to get logs as users get them:
 * ESLint with Microsoft's SARIF formatter, oxlint, Biome, and the SARIF Multitool (a .NET program
 * shipped as a Linux binary in @microsoft/sarif-multitool-linux) that validates and upgrades logs.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importSarif } from '../../server/src/sarif/import';
import { repoRoot } from './paths';

const modules = path.join(repoRoot, 'node_modules');

function run(command: string, args: readonly string[], cwd: string, okCodes: readonly number[] = [0, 1]): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(result.error === undefined && okCodes.includes(result.status ?? -1), `${path.basename(command)} ${args.join(' ')} failed (${result.status}): ${result.error ?? ''}${result.stderr}`);
  return result.stdout;
}

/** Lints `targets` in `cwd` with ESLint and the given rules; returns the SARIF log's text. */
export function eslintSarif(cwd: string, targets: readonly string[], rules: readonly string[]): string {
  const formatter = path.join(modules, '@microsoft', 'eslint-formatter-sarif', 'sarif.js');
  const args = [path.join(modules, 'eslint', 'bin', 'eslint.js'), '--no-config-lookup', '-f', formatter, ...rules.flatMap((r) => ['--rule', r]), ...targets];
  return run(process.execPath, args, cwd);
}

/** Lints `targets` with oxlint, only the named rules on; returns the SARIF log's text. */
export function oxlintSarif(cwd: string, targets: readonly string[], rules: readonly string[]): string {
  const args = [path.join(modules, 'oxlint', 'bin', 'oxlint'), '-f', 'sarif', '-A', 'all', ...rules.flatMap((r) => ['-D', r]), ...targets];
  return run(process.execPath, args, cwd);
}

/** Lints `targets` with Biome, only `rule` (`group/name`) on; returns the SARIF log's text. */
export function biomeSarif(cwd: string, targets: readonly string[], rule: string): string {
  const [group, name] = rule.split('/');
  fs.writeFileSync(path.join(cwd, 'biome.json'), JSON.stringify({ linter: { rules: { [group]: { [name]: 'error' } } } }));
  const out = path.join(cwd, '.biome-report.sarif');
  run(process.execPath, [path.join(modules, '@biomejs', 'biome', 'bin', 'biome'), 'lint', `--only=${rule}`, '--reporter=sarif', `--reporter-file=${out}`, ...targets], cwd);
  try {
    return fs.readFileSync(out, 'utf8');
  } finally {
    fs.rmSync(out);
    fs.rmSync(path.join(cwd, 'biome.json'));
  }
}

/**
 * The SARIF Multitool's binary. Its package sets the executable bit in a postinstall script,
 * which the project's `ignore-scripts` skips, so the bit is set here instead.
 */
export function multitoolBinary(): string {
  const binary = path.join(modules, '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
  assert.ok(fs.existsSync(binary), `${binary} is missing: the SARIF Multitool installs only on Linux (npm ci installs @microsoft/sarif-multitool-linux there)`);
  if ((fs.statSync(binary).mode & 0o100) === 0) fs.chmodSync(binary, fs.statSync(binary).mode | 0o100);
  return binary;
}

/** Runs the Multitool; returns its standard output. */
export function multitool(args: readonly string[], cwd: string): string {
  return run(multitoolBinary(), args, cwd, [0]);
}

/**
 * Validates a log with the Multitool's own rules; returns its errors and warnings as lines
 * ("SARIF1007 error: …"). Notes (suggestions such as adding code snippets) are left out. The
 * Multitool answers in SARIF, which Hotpath's importer reads (levels from the rules' defaults,
 * messages from their templates).
 */
export function multitoolProblems(file: string): string[] {
  const out = `${file}.validation.sarif`;
  multitool(['validate', file, '--output', out, '--log', 'ForceOverwrite'], path.dirname(file));
  try {
    const imported = importSarif(out, JSON.parse(fs.readFileSync(out, 'utf8')), { roots: [path.dirname(file)] });
    return imported.results.filter((r) => r.finding.severity === 'error' || r.finding.severity === 'warning').map((r) => `${r.finding.ruleId} ${r.finding.severity}: ${r.finding.message}`);
  } finally {
    fs.rmSync(out);
  }
}
