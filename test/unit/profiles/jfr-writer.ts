/**
 * Writes small JFR recordings from a description, for property-based tests of the importer: a
 * chunk header, sample events mixed with an event type the importer must skip, constant pool
 * checkpoints (threads, symbols, classes, methods, stack traces, strings) and the metadata that
 * describes it all, with integers compressed or not and strings in each of JFR's encodings.
 */

export interface SyntheticFrame {
  className: string;
  method: string;
  line: number;
}

export interface SyntheticEvent {
  kind: 'cpu' | 'alloc' | 'other';
  /** Leaf first, as JFR stores it; null for an event recorded without a stack. */
  frames: SyntheticFrame[] | null;
  truncated: boolean;
  /** Bytes, for allocation events. */
  weight: number;
}

export type StringEncoding = 'utf8' | 'latin1' | 'chars' | 'pool';

export interface SyntheticChunk {
  events: SyntheticEvent[];
  /** The execution sample period set by a jdk.ActiveSetting event, when there is one. */
  periodMs?: number;
  encoding: StringEncoding;
  /** Put the stack traces in a checkpoint of their own. */
  splitCheckpoints: boolean;
}

export interface SyntheticRecording {
  compressed: boolean;
  chunks: SyntheticChunk[];
}

class Writer {
  readonly bytes: number[] = [];

  constructor(readonly compressed: boolean) {}

  u8(value: number): void {
    this.bytes.push(value & 0xff);
  }

  raw(value: number, width: number): void {
    for (let shift = width - 1; shift >= 0; shift--) this.u8(Math.floor(value / 2 ** (8 * shift)));
  }

  varint(value: number): void {
    let rest = value;
    for (let i = 0; i < 8 && rest >= 0x80; i++) {
      this.u8((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.u8(rest);
  }

  int(value: number): void {
    if (this.compressed) this.varint(value >>> 0);
    else this.raw(value >>> 0, 4);
  }

  long(value: number): void {
    if (this.compressed) this.varint(value);
    else this.raw(value, 8);
  }

  /** A short or a char: a varint of any width when compressed, two bytes otherwise. */
  short(value: number): void {
    if (this.compressed) this.varint(value >>> 0);
    else this.raw(value & 0xffff, 2);
  }

  string(value: string | null, encoding: StringEncoding, pool?: Map<string, number>): void {
    if (value === null) return this.u8(0);
    if (value === '') return this.u8(1);
    if (encoding === 'pool' && pool) {
      this.u8(2);
      if (!pool.has(value)) pool.set(value, pool.size + 1);
      return this.long(pool.get(value)!);
    }
    if (encoding === 'chars') {
      this.u8(4);
      this.int(value.length);
      for (let i = 0; i < value.length; i++) {
        this.short(value.charCodeAt(i));
      }
      return;
    }
    const latin1 = encoding === 'latin1' && [...value].every((c) => c.charCodeAt(0) < 256);
    const bytes = Buffer.from(value, latin1 ? 'latin1' : 'utf8');
    this.u8(latin1 ? 5 : 3);
    this.int(bytes.length);
    for (const b of bytes) this.u8(b);
  }

  append(other: Writer): void {
    for (const b of other.bytes) this.bytes.push(b);
  }

  /** An event: its size (as a 4-byte padded varint when compressed, like the JVM's), then the body. */
  event(body: Writer): void {
    const size = body.bytes.length + 4;
    if (this.compressed) {
      for (let i = 0; i < 3; i++) this.u8(((size >>> (7 * i)) & 0x7f) | 0x80);
      this.u8(size >>> 21);
    } else {
      this.raw(size, 4);
    }
    this.append(body);
  }
}

interface FieldSpec {
  name: string;
  type: number;
  pool: boolean;
  array: boolean;
}

interface ClassSpec {
  id: number;
  name: string;
  superType?: string;
  simple?: boolean;
  fields: FieldSpec[];
}

const T = {
  long: 1, int: 2, boolean: 3, string: 4, double: 5, float: 6, short: 7, char: 8, byte: 9,
  symbol: 20, class: 21, method: 22, frameType: 23, frame: 24, stackTrace: 25, thread: 26,
  executionSample: 100, allocationSample: 101, activeSetting: 102, other: 103,
};

/** Fields written `name:type`, with `*` after the type for a constant pool reference, `[]` for an array. */
function fields(...specs: string[]): FieldSpec[] {
  return specs.map((spec) => {
    const [, name, type, pool, array] = /^(\w+):(\w+)(\*?)((?:\[\])?)$/.exec(spec)!;
    return { name, type: T[type as keyof typeof T], pool: pool === '*', array: array === '[]' };
  });
}

const event = (id: number, name: string, ...specs: string[]): ClassSpec => ({ id, name, superType: 'jdk.jfr.Event', fields: fields(...specs) });

const CLASSES: ClassSpec[] = [
  ...(['long', 'int', 'boolean', 'double', 'float', 'short', 'char', 'byte'] as const).map((name) => ({ id: T[name], name, fields: [] })),
  { id: T.string, name: 'java.lang.String', fields: [] },
  { id: T.symbol, name: 'jdk.types.Symbol', simple: true, fields: fields('string:string') },
  { id: T.class, name: 'java.lang.Class', fields: fields('name:symbol*', 'modifiers:int') },
  { id: T.method, name: 'jdk.types.Method', fields: fields('type:class*', 'name:symbol*', 'descriptor:symbol*', 'modifiers:int', 'hidden:boolean') },
  { id: T.frameType, name: 'jdk.types.FrameType', simple: true, fields: fields('description:string') },
  { id: T.frame, name: 'jdk.types.StackFrame', fields: fields('method:method*', 'lineNumber:int', 'bytecodeIndex:int', 'type:frameType*') },
  { id: T.stackTrace, name: 'jdk.types.StackTrace', fields: fields('truncated:boolean', 'frames:frame[]') },
  { id: T.thread, name: 'java.lang.Thread', fields: fields('javaName:string', 'javaThreadId:long') },
  event(T.executionSample, 'jdk.ExecutionSample', 'startTime:long', 'sampledThread:thread*', 'stackTrace:stackTrace*', 'state:string'),
  event(T.allocationSample, 'jdk.ObjectAllocationSample', 'startTime:long', 'eventThread:thread*', 'stackTrace:stackTrace*', 'objectClass:class*', 'weight:long'),
  event(T.activeSetting, 'jdk.ActiveSetting', 'startTime:long', 'duration:long', 'eventThread:thread*', 'id:long', 'name:string', 'value:string'),
  event(T.other, 'test.Unrelated', 'startTime:long', 'ratio:double', 'share:float', 'small:short', 'letter:char', 'tiny:byte', 'flag:boolean', 'note:string', 'values:int[]', 'stackTrace:stackTrace*'),
];

/** The metadata event's body: string table, then root → metadata → class → field elements. */
function metadata(w: Writer): Writer {
  const strings: string[] = [];
  const index = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  interface Element {
    name: string;
    attributes: Array<[string, string]>;
    children: Element[];
  }
  const classes: Element[] = CLASSES.map((c) => ({
    name: 'class',
    attributes: [['id', String(c.id)], ['name', c.name], ...(c.superType ? [['superType', c.superType] as [string, string]] : []), ...(c.simple ? [['simpleType', 'true'] as [string, string]] : [])],
    children: c.fields.map((f) => ({
      name: 'field',
      attributes: [['name', f.name], ['class', String(f.type)], ...(f.pool ? [['constantPool', 'true'] as [string, string]] : []), ...(f.array ? [['dimension', '1'] as [string, string]] : [])],
      children: [],
    })),
  }));
  const root: Element = { name: 'root', attributes: [], children: [{ name: 'metadata', attributes: [], children: classes }, { name: 'region', attributes: [['locale', 'en_US']], children: [] }] };
  const tree = new Writer(w.compressed);
  const emit = (e: Element) => {
    tree.int(index(e.name));
    tree.int(e.attributes.length);
    for (const [k, v] of e.attributes) {
      tree.int(index(k));
      tree.int(index(v));
    }
    tree.int(e.children.length);
    e.children.forEach(emit);
  };
  emit(root);
  const body = new Writer(w.compressed);
  body.long(0); // type: metadata
  body.long(0); // start
  body.long(0); // duration
  body.long(1); // metadata id
  body.int(strings.length);
  for (const s of strings) body.string(s, 'utf8');
  body.append(tree);
  return body;
}

function writeChunk(recording: SyntheticRecording, chunk: SyntheticChunk): number[] {
  const w = new Writer(recording.compressed);
  for (let i = 0; i < 68; i++) w.u8(0);
  const enc = chunk.encoding;
  const stringPool = new Map<string, number>();
  const symbols = new Map<string, number>();
  const symbol = (s: string) => symbols.get(s) ?? (symbols.set(s, symbols.size + 1), symbols.size);
  const classes = new Map<string, number>();
  const classKey = (name: string) => classes.get(name) ?? (classes.set(name, classes.size + 1), symbol(name), classes.size);
  const methods = new Map<string, { key: number; frame: SyntheticFrame }>();
  const methodKey = (f: SyntheticFrame) => {
    const k = `${f.className}\u0000${f.method}`;
    if (!methods.has(k)) {
      methods.set(k, { key: methods.size + 1, frame: f });
      classKey(f.className);
      symbol(f.method);
    }
    return methods.get(k)!.key;
  };
  symbol('()V');
  const stacks: SyntheticEvent[] = [];
  const stackKey = (e: SyntheticEvent) => (e.frames ? stacks.push(e) : 0);

  if (chunk.periodMs !== undefined) {
    const body = new Writer(w.compressed);
    body.long(T.activeSetting);
    body.long(0);
    body.long(0);
    body.long(1);
    body.long(T.executionSample);
    body.string('period', enc, stringPool);
    body.string(`${chunk.periodMs} ms`, enc, stringPool);
    w.event(body);
  }
  chunk.events.forEach((e, i) => {
    const body = new Writer(w.compressed);
    if (e.kind === 'other') {
      body.long(T.other);
      body.long(i);
      body.raw(0x400921fb54442d18, 8); // a double
      body.raw(0x3f800000, 4); // a float
      body.short(-3);
      body.short(0x263a);
      body.u8(0xff);
      body.u8(1);
      body.string(`note ${i} ✓`, enc, stringPool);
      body.int(3);
      [7, -1, 2 ** 31 - 1].forEach((v) => body.int(v));
      body.long(stackKey(e));
    } else {
      body.long(e.kind === 'cpu' ? T.executionSample : T.allocationSample);
      body.long(i); // start time
      body.long(1); // thread
      body.long(stackKey(e));
      if (e.kind === 'cpu') body.string('STATE_RUNNABLE', enc, stringPool);
      else {
        body.long(classKey('java/lang/Object'));
        body.long(e.weight);
      }
    }
    w.event(body);
  });
  stacks.forEach((e) => e.frames!.forEach(methodKey));

  const checkpoint = (pools: Array<[number, Array<[number, (b: Writer) => void]>]>) => {
    const body = new Writer(w.compressed);
    body.long(1); // type: checkpoint
    body.long(0);
    body.long(0);
    body.long(0); // delta
    body.u8(1); // flush
    const nonEmpty = pools.filter(([, entries]) => entries.length > 0);
    body.int(nonEmpty.length);
    for (const [type, entries] of nonEmpty) {
      body.long(type);
      body.int(entries.length);
      for (const [key, value] of entries) {
        body.long(key);
        value(body);
      }
    }
    w.event(body);
  };
  const stackPool: [number, Array<[number, (b: Writer) => void]>] = [
    T.stackTrace,
    stacks.map((e, i) => [
      i + 1,
      (b: Writer) => {
        b.u8(e.truncated ? 1 : 0);
        b.int(e.frames!.length);
        for (const f of e.frames!) {
          b.long(methodKey(f));
          b.int(f.line);
          b.int(f.line * 2);
          b.long(1);
        }
      },
    ]),
  ];
  const otherPools: Array<[number, Array<[number, (b: Writer) => void]>]> = [
    [T.thread, [[1, (b) => (b.string('main', enc, stringPool), b.long(1))]]],
    [T.frameType, [[1, (b) => b.string('JIT compiled', enc, stringPool)]]],
    [T.method, [...methods.values()].map(({ key, frame }) => [key, (b: Writer) => (b.long(classKey(frame.className)), b.long(symbol(frame.method)), b.long(symbol('()V')), b.int(9), b.u8(0))])],
    [T.class, [...classes].map(([name, key]) => [key, (b: Writer) => (b.long(symbol(name)), b.int(1))])],
    [T.symbol, [...symbols].map(([s, key]) => [key, (b: Writer) => b.string(s, enc, stringPool)])],
  ];
  // Symbols, thread names and frame types may be String pool references: the pool is complete
  // before the checkpoints are written, and comes last in them.
  if (enc === 'pool') for (const s of [...symbols.keys(), 'main', 'JIT compiled']) if (s !== '') stringPool.has(s) || stringPool.set(s, stringPool.size + 1);
  const strings = (): [number, Array<[number, (b: Writer) => void]>] => [T.string, [...stringPool].map(([s, key]) => [key, (b: Writer) => b.string(s, 'utf8')])];
  if (chunk.splitCheckpoints) {
    checkpoint([stackPool]);
    const rest = [...otherPools];
    checkpoint(rest.concat([strings()]));
  } else {
    const all = [stackPool, ...otherPools];
    checkpoint(all.concat([strings()]));
  }
  const metadataOffset = w.bytes.length;
  w.event(metadata(w));
  const header = new Writer(false);
  [0x46, 0x4c, 0x52, 0x00].forEach((b) => header.u8(b));
  header.raw(2, 2);
  header.raw(1, 2);
  header.raw(w.bytes.length, 8);
  header.raw(metadataOffset - 1, 8); // the last checkpoint's offset is not used by the reader
  header.raw(metadataOffset, 8);
  header.raw(1_700_000_000_000_000_000 / 1000, 8);
  header.raw(1_000_000_000, 8); // duration: one second
  header.raw(0, 8);
  header.raw(1_000_000_000, 8);
  header.raw(recording.compressed ? 1 : 0, 4);
  header.bytes.forEach((b, i) => (w.bytes[i] = b));
  return w.bytes;
}

export function writeJfr(recording: SyntheticRecording): Uint8Array {
  return Uint8Array.from(recording.chunks.flatMap((chunk) => writeChunk(recording, chunk)));
}
