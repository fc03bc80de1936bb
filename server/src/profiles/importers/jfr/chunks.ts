/**
 * The JFR recording file: one or more chunks back to back, each a 68-byte header (magic `FLR\0`,
 * version, chunk size, offsets of the last constant pool checkpoint and of the metadata, start
 * time and duration, tick rate, feature flags) followed by size-prefixed events. Event type 0 is
 * the metadata, 1 a constant pool checkpoint; every other event is read only when it is a sample
 * event (or a setting that gives a sampling period), and skipped by its size otherwise.
 */
import { Cursor, JfrFormatError, type PoolKey } from './cursor';
import { METADATA_EVENT_TYPE, readMetadata, type Metadata, type TypeDesc } from './metadata';
import { type Frame, isSampleEvent, JfrProfileBuilder, periodNanos, weightField } from './profile-builder';
import { CHECKPOINT_EVENT_TYPE, ChunkValues, PoolRef, Struct, type Value } from './values';

export const CHUNK_MAGIC = [0x46, 0x4c, 0x52, 0x00];
const HEADER_SIZE = 68;
const COMPRESSED_INTEGERS = 1;

interface ChunkHeader {
  size: number;
  metadataOffset: number;
  durationNanos: number;
  compressed: boolean;
}

function readHeader(bytes: Uint8Array, start: number): ChunkHeader {
  const cursor = new Cursor(bytes.subarray(start, start + HEADER_SIZE));
  cursor.need(HEADER_SIZE, 'the chunk header');
  if (CHUNK_MAGIC.some((byte) => cursor.u8() !== byte)) throw new JfrFormatError(`no chunk starts at byte ${start} (the magic FLR\\0 is missing)`);
  const major = cursor.rawU16();
  const minor = cursor.rawU16();
  if (major !== 1 && major !== 2) {
    throw new JfrFormatError(`the chunk at byte ${start} has format version ${major}.${minor}; Hotpath reads versions 1.x and 2.x (JDK 9 and later)`);
  }
  const size = cursor.rawI64();
  cursor.rawI64(); // offset of the last checkpoint; this reader visits every event instead
  const metadataOffset = cursor.rawI64();
  cursor.rawI64(); // start, nanoseconds since the epoch
  const durationNanos = cursor.rawI64();
  cursor.rawI64(); // start, in ticks
  cursor.rawI64(); // ticks per second
  const features = cursor.rawU32();
  if (size === 0 || metadataOffset === 0) {
    throw new JfrFormatError(`the chunk at byte ${start} was never finished (the recording was still being written when the file was copied)`);
  }
  if (size < HEADER_SIZE || size > bytes.length - start) {
    throw new JfrFormatError(`the chunk at byte ${start} says it is ${size} bytes long but the file has ${bytes.length - start} bytes from there (truncated?)`);
  }
  if (metadataOffset < HEADER_SIZE || metadataOffset >= size) {
    throw new JfrFormatError(`the chunk at byte ${start} puts its metadata at offset ${metadataOffset}, outside its ${size} bytes`);
  }
  return { size, metadataOffset, durationNanos, compressed: (features & COMPRESSED_INTEGERS) !== 0 };
}

/** A sample event type of the chunk, with the positions of its stack trace and weight fields. */
interface SampleEventType {
  name: string;
  type: TypeDesc;
  stackField: number;
  weightField: number;
}

class ChunkReader {
  private readonly cursor: Cursor;
  private readonly values: ChunkValues;
  readonly metadata: Metadata;
  private readonly sampleTypes = new Map<number, SampleEventType>();
  private readonly settingType: TypeDesc | undefined;
  /** The event the cursor is in: its first byte and the byte after it. */
  private eventStart = 0;
  private eventEnd = 0;
  /** Stack trace key → leaf node in the tree, and whether the stack was truncated. */
  private readonly stacks = new Map<PoolKey, { node: number; truncated: boolean }>();
  private readonly methods = new Map<PoolKey, number>();

  constructor(
    bytes: Uint8Array,
    private readonly header: ChunkHeader,
    private readonly builder: JfrProfileBuilder,
    /** Sampling periods by event type name, carried from chunk to chunk. */
    private readonly periods: Map<string, number>,
    previous: Metadata | undefined,
  ) {
    this.cursor = new Cursor(bytes, header.compressed);
    if (this.enterEvent(header.metadataOffset) !== METADATA_EVENT_TYPE) {
      throw new JfrFormatError(`the chunk's metadata offset points at an event that is not the metadata`);
    }
    this.metadata = readMetadata(this.cursor, this.eventEnd, previous);
    this.values = new ChunkValues(this.cursor, this.metadata);
    for (const type of this.metadata.types.values()) {
      if (!isSampleEvent(type.name)) continue;
      const weight = weightField(type.name);
      this.sampleTypes.set(type.id, {
        name: type.name,
        type,
        stackField: type.fieldIndex.get('stackTrace') ?? -1,
        weightField: weight === undefined ? -1 : type.fieldIndex.get(weight) ?? -1,
      });
    }
    this.settingType = this.metadata.byName.get('jdk.ActiveSetting');
  }

  /** Reads the size and type of the event at `start`, and limits the cursor to the event. */
  private enterEvent(start: number): number {
    const cursor = this.cursor;
    const chunkSize = this.header.size;
    cursor.pos = start;
    cursor.end = chunkSize;
    const size = cursor.int();
    const type = cursor.key();
    const end = start + size;
    if (size <= 0 || end > chunkSize || cursor.pos > end) {
      throw new JfrFormatError(`the event at byte ${start} has a size of ${size} bytes, which does not fit the chunk's ${chunkSize}`);
    }
    cursor.end = end;
    this.eventStart = start;
    this.eventEnd = end;
    return typeof type === 'number' ? type : -1;
  }

  read(): void {
    // First pass: index the constant pools, and find the settings (which may refer to them) and
    // the sample events.
    const settings: number[] = [];
    const samples: number[] = [];
    for (let next = HEADER_SIZE; next < this.header.size; next = this.eventEnd) {
      const type = this.enterEvent(next);
      if (type === CHECKPOINT_EVENT_TYPE) this.values.indexCheckpoint(this.eventStart, this.eventEnd);
      else if (type === this.settingType?.id) settings.push(next);
      else if (this.sampleTypes.has(type)) samples.push(next);
    }
    const chunkPeriods = new Map<string, number>();
    for (const start of settings) {
      this.enterEvent(start);
      this.notePeriod(chunkPeriods);
    }
    for (const [name, period] of chunkPeriods) this.periods.set(name, period);
    // Then the sample events, now that every pool they refer to is known.
    for (const start of samples) this.readSample(this.sampleTypes.get(this.enterEvent(start))!);
  }

  /**
   * A jdk.ActiveSetting event: `id` is the event type the setting belongs to, `name` the setting.
   * When several recordings run at once the JVM samples at the shortest of their periods, so the
   * shortest one seen in a chunk is the one in effect.
   */
  private notePeriod(chunkPeriods: Map<string, number>): void {
    const setting = this.values.read(this.settingType!, true) as Struct;
    const id = setting.get('id');
    if (typeof id !== 'number' || this.values.text(setting.get('name')) !== 'period') return;
    const eventType = this.sampleTypes.get(id);
    const period = periodNanos(this.values.text(setting.get('value')) ?? '');
    if (eventType && period !== undefined) chunkPeriods.set(eventType.name, Math.min(period, chunkPeriods.get(eventType.name) ?? Infinity));
  }

  /** A sample event: only its stack trace and weight fields are kept, the others read past. */
  private readSample(sample: SampleEventType): void {
    let stack: Value = null;
    let weight: Value = 1;
    const fields = sample.type.fields;
    for (let index = 0; index < fields.length; index++) {
      const value = this.values.readField(fields[index], index === sample.stackField || index === sample.weightField);
      if (index === sample.stackField) stack = value;
      else if (index === sample.weightField) weight = value;
    }
    const { node, truncated } = this.stack(stack);
    this.builder.add(sample.name, node, truncated, typeof weight === 'number' ? weight : 0, this.periods.get(sample.name));
  }

  /** The tree node of an event's stack trace (a pool reference, decoded once per key, or inline). */
  private stack(value: Value): { node: number; truncated: boolean } {
    const key = value instanceof PoolRef ? value.key : undefined;
    const known = key === undefined ? undefined : this.stacks.get(key);
    if (known) return known;
    const trace = this.values.struct(value);
    const frames: Frame[] = [];
    const list = trace?.get('frames');
    if (Array.isArray(list)) {
      for (const item of list) {
        const frame = this.values.struct(item);
        if (!frame) continue;
        const line = frame.get('lineNumber');
        frames.push({ func: this.method(frame.get('method')), line: typeof line === 'number' && line > 0 ? line : 0 });
      }
    }
    const truncated = trace?.get('truncated') === true;
    const stack = { node: trace ? this.builder.stackNode(frames, truncated) : 0, truncated };
    if (key !== undefined) this.stacks.set(key, stack);
    return stack;
  }

  /** The function id of a frame's method (jdk.types.Method: type → Class, name → Symbol). */
  private method(value: Value | undefined): number {
    const key = value instanceof PoolRef ? value.key : undefined;
    const known = key === undefined ? undefined : this.methods.get(key);
    if (known !== undefined) return known;
    const method = this.values.struct(value);
    const type = this.values.struct(method?.get('type'));
    const id = this.builder.functionId(this.values.text(type?.get('name')), this.values.text(method?.get('name')));
    if (key !== undefined) this.methods.set(key, id);
    return id;
  }
}

/** Reads every chunk of a recording into the builder; returns the recording's duration. */
export function readChunks(bytes: Uint8Array, builder: JfrProfileBuilder): number {
  const periods = new Map<string, number>();
  let metadata: Metadata | undefined;
  let durationNanos = 0;
  for (let start = 0; start < bytes.length; ) {
    const header = readHeader(bytes, start);
    try {
      const chunk = new ChunkReader(bytes.subarray(start, start + header.size), header, builder, periods, metadata);
      chunk.read();
      metadata = chunk.metadata;
    } catch (error) {
      if (error instanceof JfrFormatError && start > 0) error.message = `chunk at byte ${start}: ${error.message}`;
      throw error;
    }
    durationNanos += Math.max(header.durationNanos, 0);
    start += header.size;
  }
  return durationNanos;
}
