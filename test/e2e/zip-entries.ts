/**
 * The names and sizes of the files in a zip archive (a .vsix is one), read from its central
 * directory without unpacking anything.
 */
import * as fs from 'node:fs';

export interface ZipEntry {
  name: string;
  /** The size of the file once unpacked, in bytes. */
  size: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535 bytes. */
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export function zipEntries(file: string): ZipEntry[] {
  const bytes = fs.readFileSync(file);
  let end = -1;
  for (let at = bytes.length - END_RECORD_SIZE; at >= Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT); at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error(`${file} is not a zip archive: it has no end of central directory record`);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_HEADER) throw new Error(`${file}: central directory entry ${i} is damaged`);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({ name: bytes.toString('utf8', at + 46, at + 46 + nameLength), size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
