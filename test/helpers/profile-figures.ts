/**
 * The figures `hotpath profile` prints for a profile: the reference that the figures the editor
 * shows (code lenses, hovers, messages) must match. The command line runs with the current
 * runtime; in VS Code's desktop extension host that is Electron, which runs as Node.js when
 * ELECTRON_RUN_AS_NODE is set (code-server's extension host is Node.js already).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

export interface MeasuredFunction {
  name: string;
  totalPercent: number;
  selfPercent: number;
}

/** One function of `profile` as `hotpath profile --format json` reports it, with `cli` the path of dist/cli.js. */
export function measuredFunction(cli: string, profile: string, root: string, name: string): MeasuredFunction {
  const output = execFileSync(process.execPath, [cli, 'profile', profile, '--format', 'json', '--top', '500', '--root', root], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  const found = (JSON.parse(output) as { functions: MeasuredFunction[] }).functions.find((f) => f.name === name);
  assert.ok(found, `hotpath profile lists no function ${name} in ${profile}`);
  return found;
}

/** A share as the editor shows it: `55.2%`. */
export function percent(share: number): string {
  return `${share.toFixed(1)}%`;
}
