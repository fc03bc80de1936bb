/**
 * A bounded reader over a JFR chunk's bytes: big-endian raw numbers, the chunk's integer encoding
 * (LEB128-style varints when the chunk says its integers are compressed, fixed big-endian
 * otherwise) and JFR's encoded strings. Every read checks the current limit, so damaged content
 * ends in a JfrFormatError instead of reading past the data it belongs to.
 */

/** Damaged or unexpected content; the importer turns it into a ProfileError naming the file. */
export class JfrFormatError extends Error {}

/** A constant pool key: a number when it fits exactly in a double, else "hi:lo" of its 64 bits. */
export type PoolKey = number | string;

const TWO_32 = 0x1_0000_0000;

export class Cursor {
  pos = 0;
  /** Reads stop here: the end of the event being read, or of the chunk. */
  end: number;
  /** The high and low 32 bits of the last integer read by `integer()`. */
  private hi = 0;
  private lo = 0;
  private readonly text: Buffer;

  constructor(
    readonly bytes: Uint8Array,
    /** True when ints, longs, shorts and chars are varints (the chunk header's feature bit 0). */
    public compressed = true,
  ) {
    this.end = bytes.length;
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Fails with a message saying what ran short; `what` names the structure being read. */
  need(count: number, what: string): void {
    if (count < 0 || this.pos + count > this.end) {
      throw new JfrFormatError(`${what} at byte ${this.pos} needs ${count} bytes but only ${Math.max(this.end - this.pos, 0)} remain`);
    }
  }

  u8(): number {
    if (this.pos >= this.end) throw new JfrFormatError(`data ends at byte ${this.pos} in the middle of a value`);
    return this.bytes[this.pos++];
  }

  skip(count: number, what: string): void {
    this.need(count, what);
    this.pos += count;
  }

  rawU16(): number {
    return (this.u8() << 8) | this.u8();
  }

  rawU32(): number {
    return ((this.u8() << 24) | (this.u8() << 16) | (this.u8() << 8) | this.u8()) >>> 0;
  }

  /** A raw big-endian 64-bit integer as a double (exact below 2^53, which covers sizes and offsets). */
  rawI64(): number {
    const hi = this.rawU32() | 0;
    return hi * TWO_32 + this.rawU32();
  }

  rawF32(): number {
    this.need(4, 'a float');
    const value = this.text.readFloatBE(this.pos);
    this.pos += 4;
    return value;
  }

  rawF64(): number {
    this.need(8, 'a double');
    const value = this.text.readDoubleBE(this.pos);
    this.pos += 8;
    return value;
  }

  /** Reads an integer of `bytes` width (2, 4 or 8) in the chunk's encoding into hi and lo. */
  private integer(bytes: 2 | 4 | 8): void {
    if (!this.compressed) {
      this.hi = bytes === 8 ? this.rawU32() : 0;
      this.lo = bytes === 2 ? this.rawU16() : this.rawU32();
      return;
    }
    // Seven bits a byte, low bits first; the ninth byte, when there is one, carries eight.
    let lo = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const b = this.u8();
      lo |= (b & 0x7f) << shift;
      if (!(b & 0x80)) {
        this.lo = lo >>> 0;
        this.hi = 0;
        return;
      }
    }
    const fifth = this.u8();
    this.lo = (lo | ((fifth & 0x0f) << 28)) >>> 0;
    const hi = (fifth & 0x70) >>> 4;
    this.hi = (fifth & 0x80 ? this.highBits(hi) : hi) >>> 0;
  }

  /** The bytes of a varint after its fifth: bits 35 to 63, all in the high word. */
  private highBits(hi: number): number {
    for (let shift = 3; shift < 24; shift += 7) {
      const b = this.u8();
      hi |= (b & 0x7f) << shift;
      if (!(b & 0x80)) return hi;
    }
    return hi | (this.u8() << 24);
  }

  /** Moves past an integer of `bytes` width (2, 4 or 8) without decoding it. */
  skipInteger(bytes: 2 | 4 | 8): void {
    if (!this.compressed) {
      this.skip(bytes, 'an integer');
      return;
    }
    for (let i = 0; i < 8; i++) if (!(this.u8() & 0x80)) return;
    this.u8();
  }

  /** A Java int (also used for counts and sizes), two's complement. */
  int(): number {
    this.integer(4);
    return this.lo | 0;
  }

  short(): number {
    this.integer(2);
    return (this.lo << 16) >> 16;
  }

  char(): number {
    this.integer(2);
    return this.lo & 0xffff;
  }

  /** A Java long as a double: exact up to 2^53, approximate beyond (timestamps, sizes). */
  long(): number {
    this.integer(8);
    return (this.hi | 0) * TWO_32 + this.lo;
  }

  /** A long used as an identifier: exact whatever its size. */
  key(): PoolKey {
    this.integer(8);
    return this.hi < 0x20_0000 ? this.hi * TWO_32 + this.lo : `${this.hi}:${this.lo}`;
  }

  /**
   * A count of items that each take at least one byte, so it cannot exceed what remains. `what`
   * names the list in a message (a constant string: this runs for every list read).
   */
  count(what: string): number {
    const at = this.pos;
    const n = this.int();
    if (n < 0 || n > this.end - this.pos) {
      throw new JfrFormatError(`${what} (at byte ${at}) says ${n} items but only ${Math.max(this.end - this.pos, 0)} bytes remain`);
    }
    return n;
  }

  /**
   * One of JFR's encoded strings: an encoding byte (0 null, 1 empty, 2 a key into the String
   * constant pool, 3 UTF-8, 4 integer-encoded UTF-16 units, 5 Latin-1), then the content. A pool
   * key goes to `poolRef`, whose answer is returned; with `keep` false inline text is skipped.
   */
  encodedString<T>(keep: boolean, poolRef: (key: PoolKey) => T): string | null | T {
    const at = this.pos;
    const encoding = this.u8();
    switch (encoding) {
      case 0:
        return null;
      case 1:
        return '';
      case 2:
        return poolRef(this.key());
      case 3:
      case 5: {
        const length = this.count('a string');
        if (keep) return this.text8(length, encoding === 3 ? 'utf8' : 'latin1');
        this.skip(length, 'a string');
        return null;
      }
      case 4: {
        const length = this.count('a char array string');
        let text = '';
        const units: number[] = [];
        for (let i = 0; i < length; i++) {
          units.push(this.char());
          if (units.length === 4096) text += String.fromCharCode(...units.splice(0));
        }
        return text + String.fromCharCode(...units);
      }
      default:
        throw new JfrFormatError(`unknown string encoding ${encoding} at byte ${at}`);
    }
  }

  /** Text of `length` bytes from here, UTF-8 or ISO-8859-1. */
  text8(length: number, encoding: 'utf8' | 'latin1'): string {
    this.need(length, 'a string');
    const value = this.text.toString(encoding, this.pos, this.pos + length);
    this.pos += length;
    return value;
  }
}
