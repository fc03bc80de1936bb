/**
 * code-server, the real VS Code workbench served over HTTP, as installed by
 * scripts/setup-test-machine.sh into .test-work/code-server: install an extension into scratch
 * folders, start it on a free port, and stop it with everything it started.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';

export const codeServerBin = path.join(repoRoot, '.test-work', 'code-server', 'node_modules', '.bin', 'code-server');

/** The scratch folders of one code-server: nothing of the machine's own VS Code state is used. */
export interface CodeServerDirs {
  /** VS Code's user data: settings, logs, workspace state. */
  userData: string;
  /** Installed extensions. */
  extensions: string;
  /** XDG_CONFIG_HOME and XDG_DATA_HOME, where code-server writes its own config. */
  home: string;
}

/** Creates the scratch folders under `root`, with settings that keep the welcome page away. */
export function makeCodeServerDirs(root: string): CodeServerDirs {
  const dirs = { userData: path.join(root, 'user-data'), extensions: path.join(root, 'extensions'), home: path.join(root, 'home') };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify({ 'workbench.startupEditor': 'none' }, null, 2)}\n`);
  return dirs;
}

export function assertCodeServerInstalled(): void {
  if (!fs.existsSync(codeServerBin)) {
    throw new Error(`code-server is not installed at ${codeServerBin}: run "bash scripts/setup-test-machine.sh" first`);
  }
}

function environment(dirs: CodeServerDirs): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CONFIG_HOME: dirs.home, XDG_DATA_HOME: dirs.home };
}

function dirArgs(dirs: CodeServerDirs): string[] {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** Runs a process to its end and gives its exit code and everything it printed. */
function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** `code-server --install-extension FILE`, as a user installs a .vsix; throws with its output when it fails. */
export async function installExtension(vsix: string, dirs: CodeServerDirs): Promise<string> {
  const { code, output } = await runToEnd(codeServerBin, [...dirArgs(dirs), '--install-extension', vsix], environment(dirs));
  if (code !== 0) throw new Error(`code-server --install-extension ${vsix} exited with ${code}:\n${output}`);
  return output;
}

/** A port that nothing listens on at the moment of asking. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port was assigned'))));
    });
  });
}

export interface RunningCodeServer {
  /** The workbench's base address, ending in a slash. */
  url: string;
  /** Everything code-server printed so far, for failure messages. */
  output(): string;
  /** Settles when the code-server process has ended, for whatever reason. */
  exited: Promise<void>;
  /** Stops code-server and every process it started; safe to call more than once. */
  stop(): Promise<void>;
}

/** Waits until `child` prints a line matching `pattern`; rejects if it exits or `timeoutMs` passes first. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number, output: () => string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = pattern.exec(output());
      if (match) finish(() => resolve(match));
    };
    const onExit = (code: number | null) => finish(() => reject(new Error(`code-server exited with ${code} before it listened:\n${output()}`)));
    const timer = setTimeout(() => finish(() => reject(new Error(`code-server printed no ${pattern} within ${timeoutMs} ms:\n${output()}`))), timeoutMs);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      settle();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * Starts code-server on a free loopback port with `folder` as its default folder, and resolves once
 * it listens and /healthz answers.
 */
export async function startCodeServer(folder: string, dirs: CodeServerDirs): Promise<RunningCodeServer> {
  const port = await freePort();
  const args = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    ...dirArgs(dirs),
    folder,
  ];
  // A process group of its own, so that stopping it also stops the extension host and the
  // language server it starts.
  const child = spawn(codeServerBin, args, { env: environment(dirs), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const group = child.pid;
  if (group !== undefined) runningGroups.add(group);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (group === undefined) return;
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(group, 'SIGTERM');
        const stillRunning = await Promise.race([exited.then(() => false), delay(10_000).then(() => true)]);
        if (stillRunning) signalGroup(group, 'SIGKILL');
        await exited;
      }
      runningGroups.delete(group);
    })();
    return stopping;
  };
  try {
    await waitForLine(child, /HTTP server listening on (http:\/\/\S+)/, 60_000, () => printed);
    const url = `http://127.0.0.1:${port}/`;
    const health = await fetch(new URL('healthz', url));
    if (!health.ok) throw new Error(`${url}healthz answered ${health.status}`);
    return { url, output: () => printed, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The process groups of the code-servers still running. If the test process ends without stopping
 * them (a crash, or the test runner ending it at its time limit), they are killed on the way out,
 * since their own process groups would otherwise outlive it.
 */
const runningGroups = new Set<number>();
process.once('exit', () => {
  for (const group of runningGroups) signalGroup(group, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => process.exit(128 + os.constants.signals[signal]));
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has ended already.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
