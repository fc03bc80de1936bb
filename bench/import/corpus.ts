/**
 * The profiles the import benchmark reads, made on first use and kept in bench/.corpus/import/
 * (ignored by git): a CPU profile of at least 100 MB recorded from workload/ with node --cpu-prof
 * at a small sampling interval, and a real Go heap profile of about 24 MB from
 * make-large-pprof.sh. Delete the folder to record them again.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MB } from '../scan/measure';
import { note } from './progress';

export interface ProfileFile {
  /** What the table calls it: `cpuprofile`, `pprof`. */
  kind: 'cpuprofile' | 'pprof';
  file: string;
  bytes: number;
  /** The workspace folder whose files the profile measured, and a file of it the lens is asked on. */
  folder: string;
  openFile: string;
}

const MIN_CPUPROFILE_BYTES = 100 * MB;
const MIN_PPROF_BYTES = 20 * MB;
/** The microseconds between samples: small, so that the profile holds many samples and nodes. */
const SAMPLE_INTERVAL_US = 10;
/** The first recording's length; later ones are scaled from the size it reached. */
const FIRST_SECONDS = 30;

function size(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

/** Records the workload for `seconds` and returns the path of the profile node wrote. */
function recordWorkload(workload: string, seconds: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-bench-cpuprof-'));
  execFileSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${SAMPLE_INTERVAL_US}`, path.join(workload, 'main.mjs'), String(seconds)],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const written = fs.readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  if (written.length !== 1) throw new Error(`node --cpu-prof wrote ${written.length} profiles into ${dir}`);
  return path.join(dir, written[0]);
}

/**
 * How many bytes a second of recording gives depends on how often the loaded machine lets the
 * sampler run, so the recording is repeated, longer, until it is large enough.
 */
function makeCpuProfile(workload: string, out: string): void {
  let seconds = FIRST_SECONDS;
  for (let attempt = 1; attempt <= 4; attempt++) {
    note(`recording the workload for ${seconds} s with node --cpu-prof (attempt ${attempt})`);
    const recorded = recordWorkload(workload, seconds);
    const bytes = size(recorded);
    if (bytes >= MIN_CPUPROFILE_BYTES) {
      fs.copyFileSync(recorded, out);
      fs.rmSync(path.dirname(recorded), { recursive: true, force: true });
      return;
    }
    fs.rmSync(path.dirname(recorded), { recursive: true, force: true });
    note(`the profile has ${(bytes / MB).toFixed(1)} MB, less than ${MIN_CPUPROFILE_BYTES / MB} MB`);
    seconds = Math.ceil((seconds * 1.2 * MIN_CPUPROFILE_BYTES) / Math.max(bytes, 1));
  }
  throw new Error(`could not record a CPU profile of ${MIN_CPUPROFILE_BYTES / MB} MB`);
}

/** Both profiles, recorded unless the corpus already holds them. */
export function gatherProfiles(root: string, corpusDir: string): ProfileFile[] {
  fs.mkdirSync(corpusDir, { recursive: true });
  const workload = path.join(root, 'bench', 'import', 'workload');
  const cpuprofile = path.join(corpusDir, 'workload.cpuprofile');
  if (size(cpuprofile) < MIN_CPUPROFILE_BYTES) makeCpuProfile(workload, cpuprofile);
  const pprof = path.join(corpusDir, 'heap.pprof');
  if (size(pprof) < MIN_PPROF_BYTES) {
    note('making a large Go heap profile with make-large-pprof.sh');
    execFileSync('bash', [path.join(root, 'scripts', 'record-profiles', 'make-large-pprof.sh'), pprof], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (size(pprof) < MIN_PPROF_BYTES) throw new Error(`make-large-pprof.sh wrote ${size(pprof)} bytes, less than ${MIN_PPROF_BYTES / MB} MB`);
  }
  const goProgram = path.join(root, 'scripts', 'record-profiles', 'programs', 'go');
  return [
    { kind: 'cpuprofile', file: cpuprofile, bytes: size(cpuprofile), folder: workload, openFile: path.join(workload, 'interpreter.mjs') },
    { kind: 'pprof', file: pprof, bytes: size(pprof), folder: goProgram, openFile: path.join(goProgram, 'cmd', 'manystacks', 'main.go') },
  ];
}
