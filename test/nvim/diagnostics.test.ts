/**
 * A third-party LSP client: Neovim, with no configuration but the few lines in diagnostics.lua,
 * gets the same N+1 finding from the bundled server as VS Code does.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { rangeOf } from '../../scripts/lsp-session';
import { distDir, examplesDir, repoRoot } from '../helpers/paths';

const SERVER = path.join(distDir, 'server.js');
const SCRIPT = path.join(repoRoot, 'test', 'nvim', 'diagnostics.lua');
const EXAMPLE = path.join(examplesDir, 'python', 'shop', 'orders.py');
/** How long Neovim waits for diagnostics, and how long the test waits for Neovim on top of that. */
const WAIT_MS = 30_000;

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  source: string;
  code: string;
  message: string;
}

interface NvimRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runNvim(env: NodeJS.ProcessEnv): Promise<NvimRun> {
  return new Promise((resolve, reject) => {
    // Python's filetype plugin asks the Python provider whether `python3` is usable, which can take
    // many seconds where several Pythons are installed; the test needs no Python in the editor.
    const args = ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n', '--cmd', 'let g:loaded_python3_provider = 0', '-c', `luafile ${SCRIPT}`, EXAMPLE];
    const child = spawn('nvim', args, {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neovim did not exit within ${WAIT_MS * 2} ms.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, WAIT_MS * 2);
    child.on('error', (error) => {
      clearTimeout(guard);
      reject(error);
    });
    child.on('exit', (status) => {
      clearTimeout(guard);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('Neovim as the LSP client', () => {
  let home: string;

  before(() => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.ok(!version.error, 'Neovim (nvim) is not installed: run "apt-get install -y neovim" (scripts/setup-test-machine.sh installs it).');
    assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run "npm run build" first.`);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-nvim-'));
  });

  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('shows the N+1 of examples/python/shop/orders.py at the query call', async () => {
    const run = await runNvim({
      ...process.env,
      HOTPATH_SERVER: SERVER,
      HOTPATH_ROOT: examplesDir,
      HOTPATH_TIMEOUT_MS: String(WAIT_MS),
      // Neovim's own state (LSP log, shada) goes to a scratch folder, not the user's home.
      XDG_STATE_HOME: home,
      XDG_CACHE_HOME: home,
      XDG_DATA_HOME: home,
    });
    const line = run.stdout.split('\n').find((l) => l.startsWith('{'));
    assert.ok(line, `Neovim printed no diagnostics (exit status ${run.status}).\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
    assert.equal(run.status, 0, `Neovim exited with ${run.status}: ${run.stderr}`);
    const printed = JSON.parse(line) as { file: string; diagnostics: NvimDiagnostic[] };
    assert.equal(printed.file, EXAMPLE);
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const range = rangeOf(text, 'session.query(Customer)');
    const loopLine = rangeOf(text, 'for order in orders').start.line + 1;
    assert.deepEqual(
      printed.diagnostics.filter((d) => d.code === 'n-plus-one-query'),
      [
        {
          lnum: range.start.line,
          col: range.start.character,
          end_lnum: range.end.line,
          end_col: range.end.character,
          severity: 2, // vim.diagnostic.severity.WARN
          source: 'hotpath',
          code: 'n-plus-one-query',
          message: `Database query \`session.query()\` runs once per item of \`orders\` (\`for\` loop at line ${loopLine})`,
        },
      ],
    );
  });
});
