/**
 * Reading SARIF log files: the size limit is applied before a byte is read (a 200 MB log is
 * refused at once, without the memory growing), encodings are recognized, and every file that
 * cannot be read is named with the reason.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importSarif } from '../../../server/src/sarif/import';
import { MAX_SARIF_BYTES, readSarifFile } from '../../../server/src/sarif/read-log';
import { SarifError } from '../../../server/src/sarif/sarif-error';

const MB = 1024 * 1024;

/** A SARIF log of about `megabytes` MB: one run with as many copies of one result as fit. */
function writeLargeLog(file: string, megabytes: number): void {
  const result = JSON.stringify({
    ruleId: 'B1',
    level: 'warning',
    message: { text: 'a result written many times to make a large log' },
    locations: [{ physicalLocation: { artifactLocation: { uri: 'src/app.js' }, region: { startLine: 3, startColumn: 1, endColumn: 9 } } }],
  });
  const chunk = Buffer.from(`,${result}`.repeat(Math.ceil(MB / (result.length + 1))));
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Big"}},"results":[${result}`);
    for (let written = 0; written < megabytes * MB; written += chunk.length) fs.writeSync(fd, chunk);
    fs.writeSync(fd, ']}]}');
  } finally {
    fs.closeSync(fd);
  }
}

async function refusal(file: string, name = path.basename(file)): Promise<string> {
  try {
    await readSarifFile(file, name);
  } catch (error) {
    assert.ok(error instanceof SarifError, `expected a SarifError, got ${String(error)}`);
    return error.message;
  }
  assert.fail(`${name} was read`);
}

describe('reading SARIF log files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-sarif-read-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a 200 MB log before reading it, naming its size and the limit', async () => {
    const file = path.join(dir, 'huge.sarif');
    writeLargeLog(file, 200);
    assert.ok(fs.statSync(file).size > 200 * MB);
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const before = used();
    const message = await refusal(file);
    assert.match(message, /^huge\.sarif: the log is 200 MB, larger than the 64 MB Hotpath reads; keep fewer results in it/);
    assert.ok(used() - before < 16 * MB, `reading the refused log took ${((used() - before) / MB).toFixed(0)} MB`);
    assert.equal(MAX_SARIF_BYTES, 64 * MB, 'the documented limit');
  });

  it('imports a 10 MB log in full', async () => {
    const file = path.join(dir, 'large.sarif');
    writeLargeLog(file, 10);
    const workspace = fs.mkdtempSync(path.join(dir, 'ws-'));
    fs.mkdirSync(path.join(workspace, 'src'));
    fs.writeFileSync(path.join(workspace, 'src', 'app.js'), '// The file the log names.\n');
    const imported = importSarif('large.sarif', await readSarifFile(file), { roots: [workspace] });
    assert.ok(imported.results.length > 40_000, `only ${imported.results.length} results`);
    assert.ok(imported.results.every((r) => r.file === path.join(workspace, 'src', 'app.js')));
  });

  it('reads UTF-8 with a byte order mark, and UTF-16 in either byte order', async () => {
    const log = '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Ünïcode"}},"results":[]}]}';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(log, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const cases = { 'bom.sarif': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(log)]), 'le.sarif': le, 'be.sarif': be };
    for (const [name, bytes] of Object.entries(cases)) {
      fs.writeFileSync(path.join(dir, name), bytes);
      const imported = importSarif(name, await readSarifFile(path.join(dir, name)), { roots: [dir] });
      assert.deepEqual(imported.tools, ['Ünïcode'], name);
    }
  });

  it('names the file and the problem when there is nothing to read', async () => {
    fs.writeFileSync(path.join(dir, 'empty.sarif'), '  \n');
    assert.equal(await refusal(path.join(dir, 'empty.sarif')), 'empty.sarif: the file is empty');
    assert.equal(await refusal(path.join(dir, 'missing.sarif')), 'missing.sarif: no such file');
    fs.mkdirSync(path.join(dir, 'folder.sarif'));
    assert.equal(await refusal(path.join(dir, 'folder.sarif')), 'folder.sarif: not a file');
  });

  it('says what it found when the JSON is not a SARIF log', async () => {
    const cases: Record<string, string> = {
      '[1, 2]': 'list.sarif: not a SARIF log: the JSON is a list, not an object with "version" and "runs"',
      '{"nodes": []}': 'list.sarif: not a SARIF log: it has no "version" and no "runs"',
      '{"runs": []}': 'list.sarif: the log has no "version"; Hotpath reads SARIF 2.1.0 logs',
      '{"version": 2, "runs": []}': 'list.sarif: "version" is a number, not a version string; Hotpath reads SARIF 2.1.0 logs',
      '{"version": "3.0.0", "runs": []}': 'list.sarif: SARIF version "3.0.0" is not one Hotpath reads; it reads 2.1.0',
      '{"version": "2.1.0", "runs": {}}': 'list.sarif: "runs" is not a list',
    };
    for (const [content, expected] of Object.entries(cases)) {
      fs.writeFileSync(path.join(dir, 'list.sarif'), content);
      let message = '';
      try {
        importSarif('list.sarif', await readSarifFile(path.join(dir, 'list.sarif')), { roots: [dir] });
      } catch (error) {
        message = (error as Error).message;
      }
      assert.equal(message, expected, content);
    }
  });
});
