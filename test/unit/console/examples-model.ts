/**
 * Console models of the examples workspace, built in-process as `hotpath ask` builds them: the
 * findings of every example file, and the examples' real profiles read and laid onto the folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCliProfile } from '../../../server/src/cli/cli-profile';
import { analyzeSource } from '../../../server/src/analyze';
import type { ConsoleModel, ProfileComparison, SourcedFinding } from '../../../server/src/console/model';
import { HOTPATH_TOOL } from '../../../server/src/console/model';
import { modelFromFiles, ProfileOnDisk } from '../../../server/src/console/model-from-files';
import { AnalysisConfig } from '../../../server/src/rules/config';
import { ScanCollector } from '../../../server/src/summaries/scan-collector';
import { DEFAULT_EXCLUDE, DEFAULTS } from '../../../server/src/settings';
import { listTargets } from '../../../server/src/workspace/scan-folders';
import { makeWorkspace } from '../../helpers/lsp-harness';
import { examplesDir } from '../../helpers/paths';

export const REPORT_PROFILE = path.join(examplesDir, 'profiles', 'report.cpuprofile');
export const SHOP_PROFILE = path.join(examplesDir, 'profiles', 'shop.prof');

/**
 * Hotpath's findings in every source file under `root`, as a scan finds them with await-in-loop
 * turned on (it is off by default; the examples show it too).
 */
export async function findingsUnder(root: string): Promise<SourcedFinding[]> {
  const files = await listTargets({ folders: [root], exclude: DEFAULT_EXCLUDE, maxFileSizeKb: DEFAULTS.maxFileSizeKb }, () => undefined);
  const config = new AnalysisConfig({ rules: { 'await-in-loop': 'info' }, ioCalls: [] });
  const collected = new ScanCollector(config.settings);
  for (const file of files.sort((a, b) => a.path.localeCompare(b.path))) {
    const { findings, summary } = await analyzeSource(fs.readFileSync(file.path, 'utf8'), file.grammar, config);
    collected.add(file.path, findings, summary);
  }
  return collected.results().flatMap(({ file, findings }) => findings.map((finding) => ({ file, finding, tool: HOTPATH_TOOL })));
}

export async function profileOnDisk(file: string, root: string): Promise<ProfileOnDisk> {
  return { path: file, ...(await loadCliProfile(file, root)) };
}

/** A scratch workspace of `files` with one of them, `profileFile`, loaded as the profile, and its console model. */
export async function scratchModel(files: Record<string, string>, profileFile: string): Promise<{ dir: string; model: ConsoleModel }> {
  const dir = makeWorkspace(files);
  const model = await modelFromFiles({ roots: [dir], findings: await findingsUnder(dir), profiles: [await profileOnDisk(path.join(dir, profileFile), dir)] });
  return { dir, model };
}

let findings: Promise<SourcedFinding[]> | undefined;

/** The examples with the given profiles loaded (the last active), optionally compared with a baseline. */
export async function examplesModel(profiles: readonly string[] = [], comparison?: ProfileComparison): Promise<ConsoleModel> {
  findings ??= findingsUnder(examplesDir);
  const loaded = await Promise.all(profiles.map((p) => profileOnDisk(p, examplesDir)));
  return modelFromFiles({ roots: [examplesDir], findings: await findings, profiles: loaded, comparison });
}

/** A file of the examples by its path below examples/. */
export function example(relative: string): string {
  return path.join(examplesDir, ...relative.split('/'));
}
