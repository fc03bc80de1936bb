/**
 * The SARIF importer on hand-written logs in test/fixtures/sarif/, each about one part of the
 * format: how locations resolve, how regions become ranges, which results are hidden, what the
 * messages say, and which logs are refused with which explanation.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { importSarif } from '../../../server/src/sarif/import';
import { importHeadline, importWarnings } from '../../../server/src/sarif/log-summary';
import { placeResults } from '../../../server/src/sarif/place';
import { readSarifFile } from '../../../server/src/sarif/read-log';
import { SarifError } from '../../../server/src/sarif/sarif-error';
import { fixtureLog, importFixture, sarifFixturesDir, sarifWorkspace, seen } from '../../helpers/sarif-fixtures';

/** "to the end of the line": a region without an end column. */
const EOL = 2 ** 31;

describe('SARIF import: locations', () => {
  it('resolves relative URIs against the workspace, with or without a base id, and decodes percent escapes', async () => {
    const { findings } = await importFixture('relative-uris.sarif');
    assert.deepEqual(seen(findings), [
      { file: 'src/app.js', at: '1:1-1:6', severity: 'warning', rule: 'RelTool R1', message: 'percent-encoded path' },
      { file: 'src/app.js', at: `2:3-2:${EOL}`, severity: 'warning', rule: 'RelTool R1', message: 'base id the log leaves undefined' },
      { file: 'src/app.js', at: '4:16-4:31', severity: 'error', rule: 'RelTool R1', message: 'no base id' },
      { file: 'src/jobs.py', at: `6:1-6:${EOL}`, severity: 'info', rule: 'RelTool R1', message: 'base id defined relative to another, undefined one' },
    ]);
  });

  it('follows chained uriBaseIds to an absolute folder, and names a chain that loops', async () => {
    const { imported, findings } = await importFixture('chained-base-ids.sarif');
    assert.deepEqual(seen(findings), [{ file: 'src/jobs.py', at: '6:9-6:22', severity: 'warning', rule: 'ChainTool C1', message: 'three base ids deep' }]);
    assert.equal(imported.dropped.noFile, 1);
    assert.deepEqual(importWarnings(imported), ['left out 1 result that names no file', 'skipped malformed parts: uriBaseId "LOOP_A" refers back to itself']);
  });

  it('drops every location outside the workspace, counts them, and never asks for those files', async () => {
    const asked: string[] = [];
    const imported = importSarif('outside-workspace.sarif', fixtureLog('outside-workspace.sarif'), {
      roots: [sarifWorkspace],
      exists: (file) => (asked.push(file), fs.existsSync(file)),
    });
    const read: string[] = [];
    const findings = await placeResults(imported.results, async (file) => (read.push(file), fs.readFileSync(file, 'utf8')));
    assert.deepEqual(seen(findings), [
      { file: 'src/app.js', at: `3:1-3:${EOL}`, severity: 'warning', rule: 'EscapeTool E1', message: 'inside, with a related location outside' },
    ]);
    assert.deepEqual(findings.get(path.join(sarifWorkspace, 'src', 'app.js'))?.[0].related, [], 'the related location outside is left out');
    assert.deepEqual(imported.dropped, { outside: 8, missing: 0, noFile: 0, relatedOutside: 1 });
    assert.deepEqual(importWarnings(imported), [
      'left out 8 results in files outside the workspace (file:///etc/passwd, ../../x, src/../../escape.js); they were not opened',
      'left out 1 related location outside the workspace',
    ]);
    for (const file of [...asked, ...read]) assert.ok(file.startsWith(sarifWorkspace + path.sep), `${file} is outside the workspace but was looked at`);
  });

  it('reads artifacts[index], takes the level from the rule, and keeps the runs of several tools apart', async () => {
    const { imported, findings } = await importFixture('multiple-runs.sarif');
    assert.deepEqual(imported.tools, ['FirstTool', 'SecondTool', 'ToolThatDidNotRun']);
    assert.deepEqual(seen(findings), [
      { file: 'src/app.js', at: '10:3-10:24', severity: 'error', rule: 'FirstTool F1', message: "level from the rule's default configuration, file from artifacts[1]" },
      { file: 'src/jobs.py', at: '6:9-6:22', severity: 'warning', rule: 'SecondTool S1', message: 'no level, no rule: a warning' },
    ]);
    assert.equal(importHeadline(imported, findings.size), '2 results from FirstTool, SecondTool, ToolThatDidNotRun in 2 files');
  });
});

describe('SARIF import: regions', () => {
  it('turns missing or partial regions into the whole line or the start of the file', async () => {
    const { imported, findings } = await importFixture('missing-regions.sarif');
    assert.deepEqual(
      seen(findings).map((f) => `${f.at} ${f.message}`),
      [
        '1:1-1:1 no region',
        '1:1-1:1 character offsets only',
        '1:1-1:1 nonsense numbers',
        `5:1-5:${EOL} only a start line`,
        `6:9-6:${EOL} start column, no end`,
        '7:9-7:9 end before start',
      ],
    );
    assert.equal(imported.dropped.noFile, 2, 'a result without a location and one with a logical location only name no file');
  });

  it('counts columns in code points unless the run says UTF-16 code units', async () => {
    const { findings } = await importFixture('code-points.sarif');
    const [points, units] = seen(findings);
    // Line 10 is `  const face = '🙂🙂';`: each emoji is one code point and two UTF-16 code units.
    assert.equal(points.at, '10:17-10:21');
    assert.equal(units.at, '10:17-10:21');
  });
});

describe('SARIF import: what is shown', () => {
  it('hides suppressed results, results absent from the latest run, passes and not-applicables', async () => {
    const { imported, findings } = await importFixture('hidden-results.sarif');
    assert.deepEqual(
      seen(findings).map((f) => `${f.severity} ${f.message}`),
      [
        'warning suppression under review',
        'warning suppression rejected',
        'warning empty suppressions',
        'warning unchanged since the baseline',
        'hint informational',
        'info needs review',
        'info open question',
        'hint a failure of level none',
      ],
    );
    assert.deepEqual(imported.hidden, { suppressed: 2, absent: 1, notProblems: 2 });
    assert.equal(importHeadline(imported, 1), '8 results from HideTool in 1 file; hidden: 2 suppressed in the log, 1 absent from the latest run, 2 passes or not applicable');
  });

  it('fills message templates from the rule and the tool, and carries the rule’s name, help and help page', async () => {
    const { findings } = await importFixture('messages.sarif');
    assert.deepEqual(
      seen(findings).map((f) => `${f.at.split('-')[0]} ${f.message}`),
      [
        '1:1 Data flows from this input to {0}: a literal {0} without arguments.',
        '2:1 Messages from templates.',
        '3:1 Shared text about loops.',
        "4:22 'fetch' is called 12 times {per item}.",
        '5:1 A rule whose help link is not a web page.',
      ],
    );
    const [, , , fetch, noLink] = [...findings.values()][0];
    assert.deepEqual(fetch.source, {
      tool: 'MessageTool',
      ruleName: 'PlaceholderRule',
      description: 'Messages from templates.',
      help: '**Markdown** help.',
      helpUri: 'https://example.com/M1',
    });
    assert.equal(noLink.source?.helpUri, undefined, 'a link to a local file is not kept');
  });

  it('shows further locations, related locations and code flow steps as related information', async () => {
    const { findings } = await importFixture('code-flows.sarif');
    const [finding] = findings.get(path.join(sarifWorkspace, 'src', 'app.js')) ?? [];
    assert.equal(finding.ruleId, 'X1/slow/variant');
    assert.equal(finding.source?.description, 'A rule of an extension.', 'the rule is found in the extension the reference names');
    assert.deepEqual(finding.function, { name: 'loadAll', line: 0 });
    const jobs = path.join(sarifWorkspace, 'src', 'jobs.py');
    assert.deepEqual(
      finding.related.map((r) => `${r.file === jobs ? 'jobs.py' : 'here'}:${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`),
      ['jobs.py:6:1 the same call, seen again', 'here:3:3 the loop', 'jobs.py:5:1 related location', 'here:1:24 step 1: urls enter here', 'here:3:1 step 2', 'here:4:1 step 3: and are fetched one by one'],
    );
  });

  it('finds the named function each result sits in, in every language Hotpath parses', async () => {
    const { findings } = await importFixture('relative-uris.sarif');
    const functions = [...findings.values()].flat().map((f) => f.function?.name);
    assert.deepEqual(functions, ['loadAll', 'loadAll', 'loadAll', 'poll']);
  });
});

describe('SARIF import: logs it refuses', () => {
  const refusal = async (name: string) => {
    const file = path.join(sarifFixturesDir, name);
    try {
      importSarif(name, await readSarifFile(file, name), { roots: [sarifWorkspace] });
    } catch (error) {
      assert.ok(error instanceof SarifError, `expected a SarifError, got ${String(error)}`);
      return error.message;
    }
    assert.fail(`${name} was imported`);
  };

  it('names SARIF 1.0 and 2.0 drafts, and the command that upgrades them', async () => {
    assert.equal(
      await refusal('version-1.0.sarif'),
      'version-1.0.sarif: the log is SARIF 1.0.0; Hotpath reads SARIF 2.1.0 — upgrade it with `npx @microsoft/sarif-multitool rewrite LOG --sarif-output-version Current --output NEW.sarif`',
    );
    assert.match(await refusal('draft-2.0.sarif'), /^draft-2\.0\.sarif: the log is a SARIF 2 draft \(version "2\.0\.0-csd\.2\.beta\.2019-01-24"\); Hotpath reads SARIF 2\.1\.0/);
  });

  it('says a cut-off log looks truncated, and that text is not JSON', async () => {
    assert.match(await refusal('truncated.sarif'), /^truncated\.sarif: the JSON ends early, so the log looks truncated/);
    assert.match(await refusal('not-json.sarif'), /^not-json\.sarif: not a SARIF log: the content is not JSON/);
  });
});

describe('SARIF import: files the workspace does not have', () => {
  it('leaves out results in files that are not there, naming a few', () => {
    const log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'StaleTool' } },
          results: ['src/app.js', 'src/deleted.js', 'src/deleted.js', 'gone/old.py'].map((uri) => ({ message: { text: uri }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] })),
        },
      ],
    };
    const imported = importSarif('stale.sarif', log, { roots: [sarifWorkspace] });
    assert.deepEqual(
      imported.results.map((r) => r.finding.message),
      ['src/app.js'],
    );
    assert.deepEqual(importWarnings(imported), ['left out 3 results in files the workspace does not have (src/deleted.js, gone/old.py)']);
  });
});

describe('SARIF import: a workspace opened through a symbolic link', () => {
  it('reads a tool’s real paths as the workspace’s own spelling', async () => {
    const link = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-sarif-link-')), 'workspace');
    fs.symlinkSync(sarifWorkspace, link);
    try {
      const log = {
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'RealPathTool' } }, results: [{ message: { text: 'real path' }, locations: [{ physicalLocation: { artifactLocation: { uri: pathToFileURL(path.join(sarifWorkspace, 'src', 'jobs.py')).href } } }] }] }],
      };
      const imported = importSarif('real.sarif', log, { roots: [link] });
      assert.deepEqual(
        imported.results.map((r) => r.file),
        [path.join(link, 'src', 'jobs.py')],
      );
    } finally {
      fs.rmSync(path.dirname(link), { recursive: true, force: true });
    }
  });
});
