/**
 * Reading a SARIF log file: bounded in size (JSON.parse holds the whole log, several times its
 * size, in memory), decoded from UTF-8 or UTF-16, parsed, with errors that name the file and say
 * what is wrong.
 */
import * as fs from 'node:fs/promises';
import { SarifError } from './sarif-error';

/**
 * The largest log read: 64 MB. Parsing one this size takes about a second and a few hundred MB
 * of memory; larger logs are refused with advice rather than risking the language server.
 */
export const MAX_SARIF_BYTES = 64 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function tooLarge(file: string, size: number, limit: number): SarifError {
  return new SarifError(
    file,
    `the log is ${megabytes(size)}, larger than the ${megabytes(limit)} Hotpath reads; ` +
      'keep fewer results in it (for example with `npx @microsoft/sarif-multitool query`)',
  );
}

/** Text from the bytes: UTF-8 (with or without a byte order mark), or UTF-16 marked by one. */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}

/** Parses a log's bytes into plain JSON values; throws SarifError when they are not JSON. */
export function parseSarifBytes(file: string, bytes: Uint8Array, limit = MAX_SARIF_BYTES): unknown {
  if (bytes.length > limit) throw tooLarge(file, bytes.length, limit);
  const content = decode(bytes);
  if (content.trim() === '') throw new SarifError(file, 'the file is empty');
  try {
    return JSON.parse(content);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/end of (JSON|data)|Unterminated/i.test(reason)) throw new SarifError(file, `the JSON ends early, so the log looks truncated (${reason})`);
    throw new SarifError(file, `not a SARIF log: the content is not JSON (${reason})`);
  }
}

/**
 * Reads and parses a log file, refusing files over `limit` bytes before reading them. Errors
 * name the file as `name` (the path as the user gave it).
 */
export async function readSarifFile(file: string, name = file, limit = MAX_SARIF_BYTES): Promise<unknown> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SarifError(name, code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(error)})`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new SarifError(name, 'not a file');
    if (stat.size > limit) throw tooLarge(name, stat.size, limit);
    // Only the size seen above is read, so a file that grows meanwhile cannot exceed the limit.
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return parseSarifBytes(name, bytes.subarray(0, filled), limit);
  } catch (error) {
    if (error instanceof SarifError) throw error;
    throw new SarifError(name, `cannot read it (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    await handle.close();
  }
}
