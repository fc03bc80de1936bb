/**
 * The answer `hotpath ask` gives to a question: the reference the console's answer in the editor
 * must agree with. Runs like profile-figures.ts does (Electron as Node.js where needed).
 */
import { execFileSync } from 'node:child_process';
import type { Answer } from '../../server/src/console/answer';

/** `hotpath ask QUESTION --root ROOT [--profile P]… --format json`, with `cli` the path of dist/cli.js. */
export function referenceAnswer(cli: string, root: string, question: string, profiles: readonly string[] = []): Answer {
  const args = [cli, 'ask', question, '--root', root, ...profiles.flatMap((p) => ['--profile', p]), '--format', 'json'];
  const output = execFileSync(process.execPath, args, { encoding: 'utf8', cwd: root, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return JSON.parse(output) as Answer;
}
