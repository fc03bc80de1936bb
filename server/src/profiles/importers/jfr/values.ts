/**
 * Reading values of any type the metadata describes, and the chunk's constant pools. Pool entries
 * are indexed by their position while the checkpoint events are skimmed, and decoded only when an
 * event refers to them, so the memory used follows what the profile needs, not what the chunk holds.
 */
import { Cursor, JfrFormatError, PoolKey } from './cursor';
import type { FieldDesc, Metadata, Primitive, TypeDesc } from './metadata';

/** A reference to an entry of a constant pool: the entry's type and key. */
export class PoolRef {
  constructor(
    readonly type: TypeDesc,
    readonly key: PoolKey,
  ) {}
}

/** A value of a struct type, its field values in the metadata's field order. */
export class Struct {
  constructor(
    readonly type: TypeDesc,
    readonly values: Value[],
  ) {}

  get(name: string): Value | undefined {
    const index = this.type.fieldIndex.get(name);
    return index === undefined ? undefined : this.values[index];
  }
}

export type Value = number | boolean | string | null | PoolRef | Struct | Value[];

/** Deeper nesting than this is a type that contains itself, not data. */
const MAX_VALUE_DEPTH = 32;
/** How many references `text` follows before it calls a chain circular. */
const MAX_REFERENCE_HOPS = 8;

export const CHECKPOINT_EVENT_TYPE = 1;

export class ChunkValues {
  /** Per type id: entry key → offset of the entry's value in the chunk. */
  private readonly pools = new Map<number, Map<PoolKey, number>>();
  private readonly decoded = new Map<number, Map<PoolKey, Value | undefined>>();
  /** A string stored in the String constant pool, as a reference to it. */
  private readonly stringRef: (key: PoolKey) => PoolRef | null;

  constructor(
    private readonly cursor: Cursor,
    readonly metadata: Metadata,
  ) {
    const stringType = metadata.byName.get('java.lang.String');
    this.stringRef = (key) => (stringType ? new PoolRef(stringType, key) : null);
  }

  /** Reads a value of a type; with `keep` false it only moves past it and returns null. */
  read(type: TypeDesc, keep: boolean, depth = 0): Value {
    const cursor = this.cursor;
    if (!keep && type.primitive !== undefined && type.primitive !== 'string') {
      this.skipPrimitive(type.primitive);
      return null;
    }
    switch (type.primitive) {
      case 'int':
        return cursor.int();
      case 'long':
        return cursor.long();
      case 'boolean':
        return cursor.u8() !== 0;
      case 'byte':
        return (cursor.u8() << 24) >> 24;
      case 'short':
        return cursor.short();
      case 'char':
        return cursor.char();
      case 'float':
        return cursor.rawF32();
      case 'double':
        return cursor.rawF64();
      case 'string': {
        const text = cursor.encodedString(keep, this.stringRef);
        return keep ? text : null;
      }
    }
    if (type.fields.length === 0) throw new JfrFormatError(`type ${type.name} has no fields and is not a type JFR writes as a plain value`);
    if (depth > MAX_VALUE_DEPTH) throw new JfrFormatError(`type ${type.name} nests values deeper than ${MAX_VALUE_DEPTH} levels`);
    const values: Value[] | undefined = keep ? new Array(type.fields.length) : undefined;
    for (let i = 0; i < type.fields.length; i++) {
      const value = this.readField(type.fields[i], keep, depth + 1);
      if (values) values[i] = value;
    }
    return values ? new Struct(type, values) : null;
  }

  /** Moves past a number or boolean without making a value of it (which would be garbage). */
  private skipPrimitive(primitive: Exclude<Primitive, 'string'>): void {
    const cursor = this.cursor;
    switch (primitive) {
      case 'boolean':
      case 'byte':
        return cursor.skip(1, 'a byte');
      case 'short':
      case 'char':
        return cursor.skipInteger(2);
      case 'int':
        return cursor.skipInteger(4);
      case 'long':
        return cursor.skipInteger(8);
      case 'float':
        return cursor.skip(4, 'a float');
      case 'double':
        return cursor.skip(8, 'a double');
    }
  }

  /** Reads one field of a struct: an array, a constant pool reference or a value in place. */
  readField(field: FieldDesc, keep: boolean, depth = 0): Value {
    const type = field.type;
    if (!type) throw new JfrFormatError(`field ${field.label} has type id ${field.typeId}, which the metadata does not define`);
    if (!field.array) return this.readOne(type, field.constantPool, keep, depth);
    const length = this.cursor.count(field.label);
    if (!keep) {
      for (let i = 0; i < length; i++) this.readOne(type, field.constantPool, false, depth);
      return null;
    }
    const items: Value[] = new Array(length);
    for (let i = 0; i < length; i++) items[i] = this.readOne(type, field.constantPool, true, depth);
    return items;
  }

  private readOne(type: TypeDesc, constantPool: boolean, keep: boolean, depth: number): Value {
    if (!constantPool) return this.read(type, keep, depth);
    if (!keep) {
      this.cursor.skipInteger(8);
      return null;
    }
    return new PoolRef(type, this.cursor.key());
  }

  /**
   * Indexes the pools of the checkpoint event whose header (size and type) the cursor just read:
   * start time, duration, delta to the previous checkpoint, a flags byte, then per pool the type
   * id, the entry count and the entries (key, value).
   */
  indexCheckpoint(eventStart: number, eventEnd: number): void {
    const cursor = this.cursor;
    cursor.long(); // start time
    cursor.long(); // duration
    cursor.long(); // delta to the previous checkpoint; this reader visits every event instead
    cursor.u8(); // checkpoint kind flags
    const poolCount = cursor.count(`the pool count of the checkpoint at byte ${eventStart}`);
    for (let p = 0; p < poolCount; p++) {
      const id = cursor.key();
      const type = typeof id === 'number' ? this.metadata.types.get(id) : undefined;
      if (!type) throw new JfrFormatError(`the checkpoint at byte ${eventStart} holds a pool of type id ${id}, which the metadata does not define`);
      let pool = this.pools.get(type.id);
      if (!pool) this.pools.set(type.id, (pool = new Map()));
      const entries = cursor.count(`the entry count of the ${type.name} pool in the checkpoint at byte ${eventStart}`);
      for (let e = 0; e < entries; e++) {
        const key = cursor.key();
        pool.set(key, cursor.pos);
        this.read(type, false);
      }
    }
    if (cursor.pos !== eventEnd) {
      throw new JfrFormatError(`the checkpoint at byte ${eventStart} says it is ${eventEnd - eventStart} bytes long but its content takes ${cursor.pos - eventStart}`);
    }
  }

  /** The pool entry a reference names, decoded on first use; undefined when the pool lacks it. */
  resolve(ref: PoolRef): Value | undefined {
    let cache = this.decoded.get(ref.type.id);
    if (!cache) this.decoded.set(ref.type.id, (cache = new Map()));
    if (cache.has(ref.key)) return cache.get(ref.key);
    const offset = this.pools.get(ref.type.id)?.get(ref.key);
    let value: Value | undefined;
    if (offset !== undefined) {
      const cursor = this.cursor;
      const [pos, end] = [cursor.pos, cursor.end];
      cursor.pos = offset;
      cursor.end = cursor.bytes.length;
      value = this.read(ref.type, true);
      [cursor.pos, cursor.end] = [pos, end];
      // A simple type (a Symbol) stands for its one field.
      if (ref.type.simpleType && value instanceof Struct) value = value.values[0];
    }
    cache.set(ref.key, value);
    return value;
  }

  /** Follows references (and simple types) from a value to the string they end in, if any. */
  text(value: Value | undefined): string | undefined {
    for (let hop = 0; hop < MAX_REFERENCE_HOPS; hop++) {
      if (typeof value === 'string') return value;
      if (value instanceof PoolRef) value = this.resolve(value);
      else if (value instanceof Struct && value.values.length === 1) value = value.values[0];
      else return undefined;
    }
    return undefined;
  }

  /** A struct a value stands for, following a reference when it is one. */
  struct(value: Value | undefined): Struct | undefined {
    if (value instanceof PoolRef) value = this.resolve(value);
    return value instanceof Struct ? value : undefined;
  }
}
