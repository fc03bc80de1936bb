/**
 * A pprof message decoded by pprof-format, except its samples, which are decoded one at a time
 * into reused typed arrays as the tree takes them. pprof-format builds an object and two arrays
 * per sample, which for a heap profile of half a million samples is some 20 times the file in
 * memory, and most of the decoding time.
 *
 * The samples are read exactly as pprof-format reads them (one-byte tags, varint or packed
 * numbers, the same values as numbers or BigInts), so the tree is the same; a sample it would
 * refuse is refused with the same message, and only once every sample before it has been read
 * (see `check`), so that the first problem in the file is the one reported, as before.
 */
import { Profile as PprofMessage, type ProfileInput as MessageInput } from 'pprof-format';
import { grown } from './typed-arrays';

/** How many sample messages `SampleSkipper` has passed over while the rest is decoded. */
let noting: { count: number } | undefined;

/**
 * pprof-format's Profile, but counts the samples instead of decoding them; they are found again
 * by walking the message's fields (`PprofSamples.readNext`), which costs less than noting where
 * each one lies (8 bytes a sample).
 */
class SampleSkipper extends PprofMessage {
  static override decodeValue(data: MessageInput, field: number, buffer: Uint8Array): void {
    if (field !== 2 || !noting) return PprofMessage.decodeValue(data, field, buffer);
    noting.count++;
  }
}

/** The varint at `at`, as pprof-format decodes it: exact below 2^28, a BigInt from five bytes on. */
function varint(data: Uint8Array, at: number, end: number): number | bigint {
  if (end - at > 4) {
    let value = 0n;
    for (let i = end - 1; i >= at; i--) value = (value << 7n) | BigInt(data[i] & 0x7f);
    return value;
  }
  let value = 0;
  for (let i = end - 1; i >= at; i--) value = value * 128 + (data[i] & 0x7f);
  return value;
}

/** The end of the field value starting at `at` (before `end`), framed as pprof-format frames it. */
function valueEnd(data: Uint8Array, mode: number, at: number, end: number): { start: number; end: number } {
  let stop = at;
  while (stop < end && data[stop] >= 0x80) stop++;
  const lengthEnd = Math.min(stop + 1, end);
  if (mode === 0) return { start: at, end: lengthEnd };
  if (mode !== 2) throw new Error(`Unrecognized value type: ${mode}`);
  // A length of five bytes or more is a BigInt there; past the end it is cut at the end.
  const length = Number(varint(data, at, lengthEnd));
  return { start: lengthEnd, end: Math.min(lengthEnd + length, end) };
}

export class PprofSamples {
  /** Location ids of the sample read last, leaf first: ids from BigInts stand in as negatives (`idOf`). */
  ids = new Float64Array(64);
  idCount = 0;
  values = new Float64Array(8);
  valueCount = 0;
  /** How many samples have been read. */
  private read = 0;
  /** Where the walk over the message's fields stands: just past the sample read last. */
  private at = 0;
  private readonly bigIds = new Map<bigint, number>();
  private readonly bigIdValues: number[] = [];

  constructor(
    private readonly data: Uint8Array,
    readonly count: number,
  ) {}

  /**
   * Reads the next sample into `ids` and `values` (int64 values as numbers), finding it as
   * pprof-format's decode does: the message's fields one after the other, each a one-byte tag
   * and a value framed by its wire type.
   */
  readNext(): void {
    const { data } = this;
    let sample: { start: number; end: number } | undefined;
    let next = this.at;
    while (!sample && next < data.length) {
      const tag = data[next];
      const value = valueEnd(data, tag & 7, next + 1, data.length);
      next = value.end;
      if (tag >> 3 === 2) sample = value;
    }
    if (!sample || this.read >= this.count) throw new Error(`the message holds ${this.count} samples, and sample #${this.read + 1} was asked for`);
    this.idCount = 0;
    this.valueCount = 0;
    const { end } = sample;
    for (let at = sample.start; at < end; ) {
      const field = data[at] >> 3;
      const value = valueEnd(data, data[at] & 7, at + 1, end);
      at = value.end;
      if (field === 1 || field === 2) this.numbers(field, value.start, value.end);
      else if (field === 3) for (let k = value.start; k < value.end; ) k = valueEnd(data, data[k] & 7, k + 1, value.end).end;
    }
    // Only a sample read whole counts as read: check() reads a damaged one again, to throw.
    this.at = next;
    this.read++;
  }

  /** The location id an entry of `ids` stands for, as a number. */
  idOf(id: number): number {
    return id >= 0 ? id : this.bigIdValues[-id - 1];
  }

  /**
   * Reads the samples not read yet, so that a problem pprof-format would have met there (before
   * any the import met later) is the one thrown.
   */
  check(): void {
    while (this.read < this.count) this.readNext();
  }

  /** A packed (or single) list of varints: location ids (field 1) or values (field 2). */
  private numbers(field: number, start: number, end: number): void {
    const { data } = this;
    for (let from = start, at = start; at < end; at++) {
      if (data[at] >= 0x80) continue;
      const value = varint(data, from, at + 1);
      from = at + 1;
      if (field === 1) {
        this.ids = grown(this.ids, this.idCount + 1);
        this.ids[this.idCount++] = typeof value === 'number' ? value : this.bigId(value);
      } else {
        this.values = grown(this.values, this.valueCount + 1);
        this.values[this.valueCount++] = typeof value === 'number' ? value : Number(BigInt.asIntN(64, value));
      }
    }
  }

  /** A stand-in for an id decoded as a BigInt: equal BigInts get the same one, as they compare equal. */
  private bigId(value: bigint): number {
    let id = this.bigIds.get(value);
    if (id === undefined) {
      this.bigIdValues.push(Number(BigInt.asUintN(64, value)));
      id = -this.bigIdValues.length;
      this.bigIds.set(value, id);
    }
    return id;
  }
}

/**
 * Decodes everything but the samples with pprof-format. When it fails, a sample before the place
 * it failed may have been the first problem, and is the one thrown.
 */
export function decodeWithoutSamples(data: Uint8Array): { message: PprofMessage; samples: PprofSamples } {
  noting = { count: 0 };
  const found = noting;
  try {
    const message = SampleSkipper.decode(data);
    return { message, samples: new PprofSamples(data, found.count) };
  } catch (error) {
    new PprofSamples(data, found.count).check();
    throw error;
  } finally {
    noting = undefined;
  }
}
