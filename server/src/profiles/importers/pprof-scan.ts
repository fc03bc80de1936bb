/**
 * A walk over the top-level fields of a pprof message (profile.proto) that decodes nothing: it
 * checks each field's number and wire type, skips its content, and notes what sniffing and
 * validation need. The decoder we use (pprof-format) clamps a length that runs past the end of
 * the data instead of failing, so this walk is also how a truncated file is recognised.
 */

/** The two wire types profile.proto uses. */
const VARINT = 0;
const LEN = 2;

/** Bit masks of the wire types each field of the Profile message may use (13, comment, may be packed). */
const V = 1 << VARINT;
const L = 1 << LEN;
const PROFILE_FIELDS: readonly number[] = [
  0, // 0 is not a field number
  L, // sample_type
  L, // sample
  L, // mapping
  L, // location
  L, // function
  L, // string_table
  V, // drop_frames
  V, // keep_frames
  V, // time_nanos
  V, // duration_nanos
  L, // period_type
  V, // period
  V | L, // comment
  V, // default_sample_type
  V, // doc_url
];

export interface PprofScan {
  /** `complete`: the fields end exactly at the end of the data; `truncated`: the last one runs past it. */
  end: 'complete' | 'truncated' | 'invalid';
  /** Offset of the field that runs past the end or has an impossible number or wire type. */
  badOffset: number;
  sampleTypes: number;
  strings: number;
  /** Whether the first string of the string table is empty, as profile.proto requires; undefined before one is seen. */
  firstStringEmpty?: boolean;
}

/** Where the varint read last ended, or -1 when it was cut off or longer than 10 bytes. */
let varintEnd = 0;

/** Reads a varint at `pos` (exact up to 2^53) and sets `varintEnd`; no allocation, as it runs once per field. */
function readVarint(bytes: Uint8Array, pos: number): number {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10 && pos < bytes.length; i++) {
    const byte = bytes[pos++];
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      varintEnd = pos;
      return value;
    }
    scale *= 128;
  }
  varintEnd = -1;
  return 0;
}

/**
 * Walks the top-level fields. With `stopWhenSniffed`, stops as soon as both a sample type and the
 * first string have been seen (enough to recognise the format).
 */
export function scanPprof(bytes: Uint8Array, stopWhenSniffed = false): PprofScan {
  const scan: PprofScan = { end: 'complete', badOffset: -1, sampleTypes: 0, strings: 0 };
  let pos = 0;
  while (pos < bytes.length) {
    const start = pos;
    const tag = readVarint(bytes, pos);
    if (varintEnd < 0) return { ...scan, end: 'truncated', badOffset: start };
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    // profile.proto has no field past 15, and the decoder reads one-byte tags only.
    if (field >= PROFILE_FIELDS.length || (PROFILE_FIELDS[field] & (1 << wire)) === 0) {
      return { ...scan, end: 'invalid', badOffset: start };
    }
    pos = varintEnd;
    if (wire === VARINT) {
      readVarint(bytes, pos);
      pos = varintEnd;
    } else {
      const length = readVarint(bytes, pos);
      pos = varintEnd < 0 ? -1 : varintEnd + length;
      if (field === 1) scan.sampleTypes++;
      if (field === 6 && scan.strings++ === 0) scan.firstStringEmpty = length === 0;
    }
    if (pos < 0 || pos > bytes.length) return { ...scan, end: 'truncated', badOffset: start };
    if (stopWhenSniffed && scan.sampleTypes > 0 && scan.firstStringEmpty !== undefined) return scan;
  }
  return scan;
}

/**
 * Whether the bytes look like a pprof profile: a valid first field, then fields that walk cleanly
 * to a sample type and a string table starting with "" (or to a truncation before the table,
 * so that a cut file is reported as a cut pprof rather than as an unknown format).
 */
export function looksLikePprof(bytes: Uint8Array): boolean {
  if (bytes.length < 2) return false;
  // The cheap check first: the first byte must be the one-byte tag of a known field.
  if (bytes[0] >= 0x80 || (PROFILE_FIELDS[bytes[0] >> 3] & (1 << (bytes[0] & 7))) === 0) return false;
  const scan = scanPprof(bytes, true);
  if (scan.end === 'invalid' || scan.sampleTypes === 0) return false;
  if (scan.firstStringEmpty !== undefined) return scan.firstStringEmpty;
  return scan.end === 'truncated';
}
