/**
 * Decides whether a file's content is source worth parsing, and decodes it. Workspaces hold
 * generated bundles, binaries named `.js` and files in other encodings: each is skipped with a
 * reason a user can act on, never parsed into nonsense.
 */
import * as fs from 'node:fs/promises';

export type SourceText = { text: string } | { skipped: string };

/** Average characters per line above which a file reads as minified or generated. */
const MINIFIED_LINE_LENGTH = 500;
const MINIFIED_MIN_SIZE = 10_000;
const BINARY_PROBE = 8000;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The reason given for a file over the size limit. */
export function tooLarge(size: number, maxBytes: number): string {
  return `${formatSize(size)} is larger than the ${formatSize(maxBytes)} limit (hotpath.maxFileSizeKb)`;
}

/** Why a text should not be analyzed, or undefined when it should. */
export function reasonToSkipText(text: string, maxBytes: number): string | undefined {
  if (text.length > maxBytes) return tooLarge(text.length, maxBytes);
  if (text.length >= MINIFIED_MIN_SIZE) {
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    const average = text.length / lines;
    if (average > MINIFIED_LINE_LENGTH) {
      return `looks minified or generated (${Math.round(average)} characters per line on average)`;
    }
  }
  return undefined;
}

/** Decodes bytes as UTF-8 source, or says why they are not. */
export function decodeSource(bytes: Uint8Array, maxBytes: number): SourceText {
  if (bytes.length > maxBytes) return { skipped: tooLarge(bytes.length, maxBytes) };
  if (bytes.subarray(0, BINARY_PROBE).includes(0)) return { skipped: 'binary content (NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { skipped: 'not valid UTF-8' };
  }
  const reason = reasonToSkipText(text, maxBytes);
  return reason ? { skipped: reason } : { text };
}

export async function readSource(file: string, maxBytes: number): Promise<SourceText> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { skipped: code === 'ENOENT' ? 'deleted before it could be read' : `unreadable (${code ?? String(error)})` };
  }
  return decodeSource(bytes, maxBytes);
}
