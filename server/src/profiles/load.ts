/**
 * Reading a profile file: size limits, transparent gzip (bounded, so a zip bomb cannot exhaust
 * memory), then the importer whose sniff accepts the content.
 */
import * as fs from 'node:fs/promises';
import * as zlib from 'node:zlib';
import { ProfileError, ProfileInput } from './importer';
import { IMPORTERS } from './importers';
import type { Profile } from './model';

/** Largest profile file read, and largest size it may inflate to. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024 * 1024 - 1;
const HEAD_BYTES = 4096;

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflates gzip content, refusing to produce more than `limit` bytes. */
export function gunzipBounded(name: string, bytes: Uint8Array, limit = MAX_INFLATED_BYTES): Uint8Array {
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: limit });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new ProfileError(name, `gzip content inflates past ${Math.round(limit / 1024 / 1024)} MB; refusing to read it`);
    }
    throw new ProfileError(name, `gzip content is damaged (${(error as Error).message})`);
  }
}

export function toInput(name: string, raw: Uint8Array): ProfileInput {
  if (raw.length === 0) throw new ProfileError(name, 'the file is empty');
  const bytes = isGzip(raw) ? gunzipBounded(name, raw) : raw;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, HEAD_BYTES));
  return { name, bytes, head };
}

/** Reads a profile from bytes already in memory. */
export function readProfile(name: string, raw: Uint8Array): Profile {
  const input = toInput(name, raw);
  const importer = IMPORTERS.find((i) => i.sniff(input));
  if (!importer) {
    throw new ProfileError(name, `not a profile format Hotpath reads (it reads ${IMPORTERS.map((i) => i.title).join(', ')})`);
  }
  return importer.read(input);
}

export async function loadProfile(file: string): Promise<Profile> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    throw new ProfileError(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (!stat.isFile()) throw new ProfileError(file, 'not a file');
  if (stat.size > MAX_FILE_BYTES) throw new ProfileError(file, `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  return readProfile(file, await fs.readFile(file));
}
