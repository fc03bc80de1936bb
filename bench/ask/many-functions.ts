/**
 * A second input for bench/ask, where the recorded CPU profile is thin: a folded-stacks profile
 * of more than 100 MB over 100,000 functions in 1,000 files of a generated workspace, so that
 * name lookups, typo matching and per-profile indexes work at scale. Deterministic (a fixed
 * xorshift seed); made on first use in bench/.corpus/ask/ (ignored by git).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MB } from '../scan/measure';

const FILES = 1000;
const FUNCTIONS_PER_FILE = 100;
const MIN_BYTES = 100 * MB;

export interface ManyFunctions {
  folder: string;
  file: string;
  bytes: number;
}

/** xorshift32: the same stream on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

function writeWorkspace(folder: string): void {
  for (let f = 0; f < FILES; f++) {
    const functions = Array.from({ length: FUNCTIONS_PER_FILE }, (_, n) => `function step${f}x${n}(value) {\n  return value + ${n};\n}\n`);
    fs.writeFileSync(path.join(folder, 'src', `module${f}.js`), functions.join('\n'));
  }
}

/** Stacks of 4 to 12 frames: a few shared entry points, then functions drawn at random. */
function writeProfile(file: string): void {
  const next = random(0x5eed);
  const frame = (f: number, n: number) => `step${f}x${n} (src/module${f}.js:${n * 4 + 1})`;
  const out = fs.openSync(file, 'w');
  let written = 0;
  let chunk: string[] = [];
  while (written < MIN_BYTES) {
    const depth = 4 + Math.floor(next() * 9);
    const frames = [frame(0, 0), frame(0, 1 + Math.floor(next() * 3))];
    while (frames.length < depth) frames.push(frame(Math.floor(next() * FILES), Math.floor(next() * FUNCTIONS_PER_FILE)));
    chunk.push(`${frames.join(';')} ${1 + Math.floor(next() * 9)}`);
    if (chunk.length === 10_000) {
      const text = `${chunk.join('\n')}\n`;
      fs.writeSync(out, text);
      written += Buffer.byteLength(text);
      chunk = [];
    }
  }
  fs.closeSync(out);
}

export function manyFunctions(corpusDir: string): ManyFunctions {
  const folder = path.join(corpusDir, 'many-functions');
  const file = path.join(folder, 'many.folded');
  if (!fs.existsSync(file) || fs.statSync(file).size < MIN_BYTES) {
    fs.mkdirSync(path.join(folder, 'src'), { recursive: true });
    writeWorkspace(folder);
    writeProfile(file);
  }
  return { folder, file, bytes: fs.statSync(file).size };
}
