/**
 * docs/ci.md's GitHub Actions workflow, run: every step whose script calls `npx hotpath` runs as
 * written (with bash -e, as GitHub runs `run:` scripts), in a workspace holding the files the
 * workflow's other steps would have made: the examples as the code to scan, and the Go recordings
 * of test/fixtures/compare/go/ where the record step writes its profiles and benchmark results.
 * A change to the doc's commands that breaks them fails here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { distDir, examplesDir, fixturesDir, repoRoot } from '../helpers/paths';
import { runCommand } from '../helpers/run-cli';

interface Step {
  name: string;
  script: string;
}

/** The steps of the YAML code blocks of a markdown file whose `run:` calls `npx hotpath`. */
function hotpathSteps(markdown: string): Step[] {
  const blocks = [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1].split('\n'));
  const steps: Step[] = [];
  for (const lines of blocks) {
    let name = '';
    lines.forEach((line, i) => {
      const named = /^\s*- name: (.*)$/.exec(line);
      if (named) name = named[1];
      const run = /^(\s*)(?:- )?run: (.*)$/.exec(line);
      if (!run) return;
      let script = run[2];
      if (script.trim() === '|') {
        const body: string[] = [];
        const indent = run[1].length;
        for (let j = i + 1; j < lines.length && (lines[j].trim() === '' || lines[j].search(/\S/) > indent); j++) body.push(lines[j]);
        const margin = Math.min(...body.filter((l) => l.trim()).map((l) => l.search(/\S/)));
        script = body.map((l) => l.slice(margin)).join('\n');
      }
      script = script.replace(/\s+# .*$/gm, '');
      if (script.includes('npx hotpath')) steps.push({ name: name || script, script });
    });
  }
  return steps;
}

/** Runs a step's script as GitHub does, with `npx hotpath` being this build's CLI. */
function runStep(step: Step, cwd: string) {
  const shim = `npx() { if [ "$1" = hotpath ]; then shift; "${process.execPath}" "${path.join(distDir, 'cli.js')}" "$@"; else command npx "$@"; fi; }\n`;
  return runCommand('bash', ['-e', '-c', shim + step.script], cwd);
}

describe('docs/ci.md: the GitHub Actions workflow', () => {
  let dir: string;
  let steps: Step[];

  before(() => {
    steps = hotpathSteps(fs.readFileSync(path.join(repoRoot, 'docs', 'ci.md'), 'utf8'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-ci-'));
    fs.cpSync(path.join(examplesDir, 'python'), path.join(dir, 'python'), { recursive: true });
    fs.cpSync(path.join(examplesDir, 'javascript'), path.join(dir, 'javascript'), { recursive: true });
    const recorded = path.join(fixturesDir, 'compare', 'go');
    for (const side of ['base', 'current']) {
      fs.mkdirSync(path.join(dir, 'perf', side), { recursive: true });
      fs.copyFileSync(path.join(recorded, `${side}.pprof`), path.join(dir, 'perf', side, 'cpu.pprof'));
      fs.copyFileSync(path.join(recorded, `${side}.bench.txt`), path.join(dir, 'perf', side, 'bench.txt'));
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has the two steps that call hotpath', () => {
    assert.deepEqual(
      steps.map((s) => s.name),
      ['Predicted problems', 'Compare'],
    );
  });

  it('"Predicted problems" writes a SARIF log of the findings and passes', () => {
    const step = steps.find((s) => s.name === 'Predicted problems')!;
    const run = runStep(step, dir);
    assert.equal(run.code, 0, run.stderr);
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'hotpath.sarif'), 'utf8'));
    assert.equal(log.version, '2.1.0');
    const rules = new Set(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId));
    assert.ok(rules.has('n-plus-one-query'), `the log names ${[...rules].join(', ')}`);
  });

  it('"Compare" writes both comparisons into compare.md and fails the job on the planted regression', () => {
    const step = steps.find((s) => s.name === 'Compare')!;
    const run = runStep(step, dir);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(run.stderr.trim().split('\n'), [
      'hotpath: failing: lookup rose from 14.2% to 47.1% self (+32.9 points), past --fail-on 15',
      'hotpath: failing: BenchmarkEval time/op +206.9% (p=0.001), past --fail-on 10%',
      'hotpath: failing: BenchmarkRules time/op +167.8% (p=0.002), past --fail-on 10%',
    ]);
    const comment = fs.readFileSync(path.join(dir, 'compare.md'), 'utf8');
    assert.ok(comment.startsWith('### 🔺 Hotpath: regressed — 1 regression, 2 removed hotspots\n\n`perf/base/cpu.pprof` → `perf/current/cpu.pprof` · CPU time'));
    assert.ok(comment.includes('\n### 🔺 Hotpath benchmarks: regressed — 2 regressions\n'));
    assert.ok(comment.includes('- `BenchmarkEval`: `regression lookup 14.2% → 47.1% self (+32.9 pts)`'));
  });
});
