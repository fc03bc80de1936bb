/**
 * A reader for Python's marshal format, versions 0 to 4 (Python 3.8 to 3.13 write version 4),
 * enough for the data files Python's standard library writes with it, such as cProfile/pstats
 * dumps: None, booleans, ints and longs, floats and complex numbers (binary and text), strings in all
 * their encodings, bytes, tuples, lists, sets and dicts, with FLAG_REF back-references. Code
 * objects (the pure-Python `profile` module puts one in a key) are read for their name, file and
 * first line, in the layouts of Python 3.8 to 3.10 and of 3.11 to 3.13.
 *
 * The input is outside data: every length is checked against the bytes that remain before
 * anything is allocated, nesting is limited, and a reference must name an object already read
 * to the end (so the result has no cycles).
 */

/** A dict's entries in file order: keys are often tuples, which a JS Map cannot match by value. */
export class MarshalDict {
  constructor(readonly entries: Array<[MarshalValue, MarshalValue]>) {}
}

/** What a code object says about itself. */
export class MarshalCode {
  constructor(
    readonly name: string,
    readonly filename: string,
    readonly firstLine: number,
  ) {}
}

/** Values Hotpath has no use for beyond knowing what they were: complex numbers, Ellipsis, StopIteration. */
export class MarshalOther {
  constructor(readonly kind: string) {}
}

/** Tuples, lists, sets and frozensets all read as arrays. */
export type MarshalValue = null | boolean | number | string | Uint8Array | MarshalValue[] | MarshalDict | MarshalCode | MarshalOther;

/** Malformed marshal data, at a byte offset. */
export class MarshalError extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(`${problem} (at byte ${offset})`);
    this.name = 'MarshalError';
  }
}

export interface MarshalResult {
  value: MarshalValue;
  /** Offset of the first byte after the object. */
  end: number;
  /** How many objects were decoded, references included: a bound for work done on the result. */
  objects: number;
}

const FLAG_REF = 0x80;
/** The type code of bytes, 's'. */
const BYTES = 0x73;
/** Deeper nesting than this is not data the standard library writes. */
export const MAX_DEPTH = 100;
const PENDING = Symbol('pending');
/** The NULL object, which only ends a dict. */
const NULL = Symbol('null');

const TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ['?', 'unknown object'],
  ['R', 'Python 2 string reference'],
  [':', 'slice (Python 3.14)'],
]);

/** How Python writes the floats that are not numbers in text. */
const SPECIAL_FLOATS: ReadonlyMap<string, number> = new Map([
  ['inf', Infinity],
  ['-inf', -Infinity],
  ['nan', NaN],
  ['-nan', NaN],
]);

/** The fields of a code object after its int32 counts and flags, in each layout CPython has used. */
const CODE_LAYOUTS: ReadonlyArray<{ python: string; ints: number; fields: readonly string[] }> = [
  // Python 3.11 to 3.13: argcount, posonlyargcount, kwonlyargcount, stacksize, flags.
  {
    python: '3.11+',
    ints: 5,
    fields: ['code', 'consts', 'names', 'localsplusnames', 'localspluskinds', 'filename', 'name', 'qualname', 'firstlineno', 'linetable', 'exceptiontable'],
  },
  // Python 3.8 to 3.10: argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags.
  { python: '3.8-3.10', ints: 6, fields: ['code', 'consts', 'names', 'varnames', 'freevars', 'cellvars', 'filename', 'name', 'firstlineno', 'linetable'] },
];

class Reader {
  private at = 0;
  private depth = 0;
  objects = 0;
  /** Objects read including those read again for another code object layout: bounded, so nesting cannot make it exponential. */
  private steps = 0;
  /** The code object layout that fitted last, tried first. */
  private codeLayout = 0;
  private readonly refs: Array<MarshalValue | typeof PENDING> = [];
  private readonly view: DataView;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: false });

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.at;
  }

  fail(problem: string, offset = this.at): never {
    throw new MarshalError(offset, problem);
  }

  object(): MarshalValue | typeof NULL {
    const start = this.at;
    const code = this.u8();
    const flag = (code & FLAG_REF) !== 0;
    const type = String.fromCharCode(code & ~FLAG_REF);
    this.objects++;
    if (++this.steps > 4 * this.bytes.length + 1000) this.fail('code objects that fit no layout of a known Python', start);
    switch (type) {
      case '0':
        return NULL;
      case 'N':
        return null;
      case 'T':
        return true;
      case 'F':
        return false;
      case 'i':
        return this.keep(flag, this.i32());
      case 'l':
        return this.keep(flag, this.long());
      case 'g':
        return this.keep(flag, this.f64());
      case 'f':
        return this.keep(flag, this.textFloat());
      case 'y':
        this.f64();
        this.f64();
        return this.keep(flag, new MarshalOther('complex'));
      case 'x':
        this.textFloat();
        this.textFloat();
        return this.keep(flag, new MarshalOther('complex'));
      case 'S':
        return new MarshalOther('StopIteration');
      case '.':
        return new MarshalOther('Ellipsis');
      case 'c':
        return this.code(flag, start);
      case 's':
        return this.keep(flag, this.take(this.length(), 'bytes object').slice());
      case 'u':
      case 't':
        return this.keep(flag, this.utf8.decode(this.take(this.length(), 'string')));
      case 'a':
      case 'A':
        return this.keep(flag, latin1(this.take(this.length(), 'string')));
      case 'z':
      case 'Z':
        return this.keep(flag, latin1(this.take(this.u8(), 'string')));
      case '(':
      case '[':
      case '<':
      case '>':
        return this.sequence(flag, this.length());
      case ')':
        return this.sequence(flag, this.u8());
      case '{':
        return this.dict(flag);
      case 'r':
        return this.reference();
      default:
        this.fail(`unsupported marshal type ${TYPE_NAMES.get(type) ?? `code 0x${code.toString(16).padStart(2, '0')}`}`, start);
    }
  }

  /**
   * A code object, whose layout the data does not say: each known layout is tried in turn, and
   * a layout whose fields do not have the right types is undone (position and references).
   */
  private code(flag: boolean, start: number): MarshalCode {
    const slot = this.reserve(flag);
    const saved = { at: this.at, refs: this.refs.length, objects: this.objects, depth: this.depth };
    this.enter();
    let failure: MarshalError | undefined;
    // The bytecode, a bytes object, follows the int32 fields: only layouts that find one there are tried.
    const order = [this.codeLayout, ...CODE_LAYOUTS.keys()].filter(
      (layout, i, all) => all.indexOf(layout) === i && (this.bytes[this.at + 4 * CODE_LAYOUTS[layout].ints] & ~FLAG_REF) === BYTES,
    );
    if (order.length === 0) this.fail('a code object in none of the layouts of Python 3.8 to 3.13', start);
    for (const index of order) {
      const layout = CODE_LAYOUTS[index];
      try {
        for (let i = 0; i < layout.ints; i++) this.i32();
        const fields = new Map<string, MarshalValue>();
        for (const field of layout.fields) fields.set(field, field === 'firstlineno' ? this.i32() : this.field());
        const [name, filename, firstLine] = [fields.get('name'), fields.get('filename'), fields.get('firstlineno')];
        const bytesFields = ['code', 'linetable', 'exceptiontable', 'localspluskinds'].filter((f) => fields.has(f));
        if (typeof name !== 'string' || typeof filename !== 'string' || typeof firstLine !== 'number' || !bytesFields.every((f) => fields.get(f) instanceof Uint8Array)) {
          this.fail(`not a code object in the layout of Python ${layout.python}`, start);
        }
        this.depth--;
        this.codeLayout = index;
        return this.fill(slot, new MarshalCode(name, filename, firstLine));
      } catch (error) {
        if (!(error instanceof MarshalError)) throw error;
        if (!failure || error.offset > failure.offset) failure = error;
        this.at = saved.at;
        this.refs.length = saved.refs;
        this.objects = saved.objects;
        this.depth = saved.depth + 1;
      }
    }
    throw failure!;
  }

  /** An object that may not be NULL. */
  private field(): MarshalValue {
    const value = this.object();
    if (value === NULL) this.fail('a NULL object inside a code object');
    return value;
  }

  /** Appends a finished object to the reference table when its type byte had FLAG_REF. */
  private keep<T extends MarshalValue>(flag: boolean, value: T): T {
    if (flag) this.refs.push(value);
    return value;
  }

  private reference(): MarshalValue {
    const start = this.at;
    const index = this.i32();
    if (index < 0 || index >= this.refs.length) this.fail(`refers to object #${index}, but only ${this.refs.length} were kept`, start);
    const value = this.refs[index];
    if (value === PENDING) this.fail(`refers to object #${index} while it is still being read`, start);
    return value;
  }

  private sequence(flag: boolean, count: number): MarshalValue[] {
    // Every element takes at least one byte: a count beyond the rest of the data is a lie.
    if (count > this.bytes.length - this.at) this.fail(`a sequence of ${count} items in ${this.bytes.length - this.at} remaining bytes`);
    const slot = this.reserve(flag);
    this.enter();
    const items: MarshalValue[] = [];
    for (let i = 0; i < count; i++) {
      const item = this.object();
      if (item === NULL) this.fail('a NULL object inside a sequence');
      items.push(item);
    }
    this.depth--;
    return this.fill(slot, items);
  }

  private dict(flag: boolean): MarshalDict {
    const slot = this.reserve(flag);
    this.enter();
    const entries: Array<[MarshalValue, MarshalValue]> = [];
    for (;;) {
      const key = this.object();
      if (key === NULL) break;
      const value = this.object();
      if (value === NULL) this.fail('a dict key without a value');
      entries.push([key, value]);
    }
    this.depth--;
    return this.fill(slot, new MarshalDict(entries));
  }

  private reserve(flag: boolean): number {
    if (!flag) return -1;
    this.refs.push(PENDING);
    return this.refs.length - 1;
  }

  private fill<T extends MarshalValue>(slot: number, value: T): T {
    if (slot >= 0) this.refs[slot] = value;
    return value;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`objects nested more than ${MAX_DEPTH} deep`);
  }

  /** A Python int beyond 32 bits: a signed count of 15-bit digits, least significant first. */
  private long(): number {
    const start = this.at;
    const signed = this.i32();
    const size = Math.abs(signed);
    if (size * 2 > this.bytes.length - this.at) this.fail(`a long of ${size} digits in ${this.bytes.length - this.at} remaining bytes`, start);
    let value = 0;
    let scale = 1;
    let digit = 0;
    for (let i = 0; i < size; i++) {
      digit = this.view.getUint16(this.at, true);
      this.at += 2;
      if (digit >= 0x8000) this.fail('a long digit out of range', this.at - 2);
      value += digit * scale;
      scale *= 0x8000;
    }
    if (size > 0 && digit === 0) this.fail('an unnormalized long', start);
    return signed < 0 ? -value : value;
  }

  /** A float written as text, from marshal version 1: a length byte and the repr. */
  private textFloat(): number {
    const text = latin1(this.take(this.u8(), 'float'));
    const special = SPECIAL_FLOATS.get(text);
    if (special !== undefined) return special;
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) this.fail(`a malformed float "${text.slice(0, 30)}"`);
    return Number(text);
  }

  private length(): number {
    const start = this.at;
    const n = this.i32();
    if (n < 0) this.fail(`a negative length ${n}`, start);
    return n;
  }

  private take(count: number, what: string): Uint8Array {
    if (count > this.bytes.length - this.at) this.fail(`a ${what} of ${count} bytes in ${this.bytes.length - this.at} remaining bytes`);
    const slice = this.bytes.subarray(this.at, this.at + count);
    this.at += count;
    return slice;
  }

  private u8(): number {
    this.need(1);
    return this.bytes[this.at++];
  }

  private i32(): number {
    this.need(4);
    const value = this.view.getInt32(this.at, true);
    this.at += 4;
    return value;
  }

  private f64(): number {
    this.need(8);
    const value = this.view.getFloat64(this.at, true);
    this.at += 8;
    return value;
  }

  private need(count: number): void {
    if (this.at + count > this.bytes.length) this.fail(`the data ends after ${this.bytes.length} bytes, inside an object`);
  }
}

/** Bytes as ISO-8859-1 text (marshal's ASCII strings are read that way by CPython too). */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    text += String.fromCharCode(...bytes.subarray(i, Math.min(i + 8192, bytes.length)));
  }
  return text;
}

/** Reads the one marshal object at the start of `bytes`. Throws MarshalError when it is malformed. */
export function readMarshal(bytes: Uint8Array): MarshalResult {
  const reader = new Reader(bytes);
  const value = reader.object();
  if (value === NULL) throw new MarshalError(0, 'the data starts with a NULL object');
  return { value, end: reader.offset, objects: reader.objects };
}
