/**
 * Reads the settings the server needs from the client: the `hotpath` section, and `files.exclude`
 * per workspace folder. Clients that do not answer `workspace/configuration` (or answer with
 * nothing) get the settings from `initializationOptions`, else the defaults.
 */
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { enabledGlobs, readSettings, HotpathSettings } from '../settings';

export interface LoadedSettings {
  settings: HotpathSettings;
  filesExclude: Map<string, string[]>;
  problems: string[];
}

export async function loadSettings(
  connection: Connection,
  canPull: boolean,
  folders: readonly string[],
  initial: unknown,
): Promise<LoadedSettings> {
  let hotpath: unknown = initial;
  const filesExclude = new Map<string, string[]>();
  const pullProblems: string[] = [];
  if (canPull) {
    try {
      const answers: unknown = await connection.workspace.getConfiguration([
        { section: 'hotpath' },
        ...folders.map((f) => ({ scopeUri: pathToFileURL(f).href, section: 'files.exclude' })),
      ]);
      const list = Array.isArray(answers) ? answers : [];
      hotpath = list[0] ?? initial;
      folders.forEach((f, i) => filesExclude.set(f, enabledGlobs(list[i + 1])));
    } catch (error) {
      pullProblems.push(`the editor did not answer workspace/configuration (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const { settings, problems } = readSettings(hotpath);
  return { settings, filesExclude, problems: [...pullProblems, ...problems] };
}
