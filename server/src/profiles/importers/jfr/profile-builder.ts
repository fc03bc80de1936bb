/**
 * What both JFR importers (the binary recording and `jfr print --json`) share: which events become
 * which sample types, how a Java frame becomes a profile function, and the call tree they fill.
 * Keeping it in one place is what makes the two importers agree on the same recording.
 */
import { ProfileError } from '../../importer';
import type { Profile, ProfileFunction, SampleType } from '../../model';
import { TreeBuilder } from '../../tree-builder';

/** Every sample type a recording can yield; `build` keeps those the recording has data for. */
const COLUMNS: readonly SampleType[] = [
  { type: 'cpu', unit: 'samples' },
  { type: 'cpu-time', unit: 'nanoseconds' },
  { type: 'native', unit: 'samples' },
  { type: 'native-time', unit: 'nanoseconds' },
  { type: 'alloc-sampled', unit: 'bytes' },
  { type: 'alloc-tlab', unit: 'bytes' },
];

interface EventUse {
  /** The column that counts the events, and the one that adds up their sampling periods. */
  count?: number;
  time?: number;
  /** The column that adds up a field of the event, and the field. */
  weight?: { column: number; field: string };
}

/**
 * The events read, and what they feed. Execution samples are Java code on the CPU, native
 * samples are threads inside native code; each stands for one sampling period. Allocation
 * samples carry a `weight`, the bytes the sample stands for. A new TLAB stands for its size and
 * an allocation outside any TLAB for the object's size: together, the thread's allocation.
 */
const EVENTS: ReadonlyMap<string, EventUse> = new Map<string, EventUse>([
  ['jdk.ExecutionSample', { count: 0, time: 1 }],
  ['jdk.NativeMethodSample', { count: 2, time: 3 }],
  ['jdk.ObjectAllocationSample', { weight: { column: 4, field: 'weight' } }],
  ['jdk.ObjectAllocationInNewTLAB', { weight: { column: 5, field: 'tlabSize' } }],
  ['jdk.ObjectAllocationOutsideTLAB', { weight: { column: 5, field: 'allocationSize' } }],
]);

export function isSampleEvent(eventType: string): boolean {
  return EVENTS.has(eventType);
}

/** The field that holds an event's weight in bytes, for the allocation events. */
export function weightField(eventType: string): string | undefined {
  return EVENTS.get(eventType)?.weight?.field;
}

/** JFR's setting text for a sampling period (`10 ms`, `1 s`, `20000 us`) in nanoseconds. */
export function periodNanos(setting: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m|h|d)\s*$/.exec(setting);
  if (!match) return undefined;
  const scale: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9, d: 86400e9 };
  const nanos = Number(match[1]) * scale[match[2]];
  return nanos > 0 && Number.isFinite(nanos) ? nanos : undefined;
}

/**
 * A Java frame's function. `file` is the class's JVM name with slashes
 * (`com/example/orders/CustomerRepo`, nested classes keep their `$Inner` part); hidden classes
 * (lambdas, method handles) lose the address the JVM appends, which changes from run to run
 * (`java.lang.invoke.LambdaForm$MH+0x00007f74…/1545242146` in JDK 17, `…$MH/0x00000000470…` in
 * JDK 25), and their dots become slashes. `name` is the simple class name and the method: `CustomerRepo.findById`.
 * Overloads of a method share one function.
 */
export function javaFunction(className: string, method: string): ProfileFunction {
  const file = className.replace(/[+/]0x[0-9a-fA-F]+(?:\/\d+)?$/, '').replace(/\./g, '/');
  const slash = file.lastIndexOf('/');
  const fn: ProfileFunction = { name: `${file.slice(slash + 1)}.${method}`, file };
  if (slash > 0) fn.module = file.slice(0, slash).replace(/\//g, '.');
  return fn;
}

export const TRUNCATED_FUNCTION = '[truncated stack]';

/** A frame as both readers give it: a function id and the 1-based line (0 when unknown). */
export interface Frame {
  func: number;
  line: number;
}

export class JfrProfileBuilder {
  private readonly tree = new TreeBuilder(COLUMNS.length);
  private readonly events = new Array<number>(COLUMNS.length).fill(0);
  /** Columns of sampling time that some sample could not fill because its period was unknown. */
  private readonly timeUnknown = new Array<boolean>(COLUMNS.length).fill(false);
  /** Per sample-count column, the sampling periods its samples had (0: unknown). */
  private readonly periods = COLUMNS.map(() => new Set<number>());
  private readonly values = new Array<number>(COLUMNS.length).fill(0);
  private readonly functionIds = new Map<string, number>();
  private truncated = 0;

  /** The function id of a Java method, by class and method name (either may be unknown). */
  functionId(className: string | undefined, method: string | undefined): number {
    const key = `${className}\u0000${method}`;
    let id = this.functionIds.get(key);
    if (id === undefined) {
      id = this.tree.functionId(javaFunction(className || '<unknown class>', method || '<unknown method>'));
      this.functionIds.set(key, id);
    }
    return id;
  }

  /** The tree node of a stack, given leaf first as JFR lists it. */
  stackNode(leafFirst: readonly Frame[], truncated: boolean): number {
    let node = truncated ? this.tree.child(0, this.tree.functionId({ name: TRUNCATED_FUNCTION }), 0) : 0;
    for (let i = leafFirst.length - 1; i >= 0; i--) node = this.tree.child(node, leafFirst[i].func, leafFirst[i].line);
    return node;
  }

  /**
   * Adds one event of a sample event type at a stack's node: a sample (with the sampling period
   * in effect, when known) or an allocation of `weight` bytes.
   */
  add(eventType: string, node: number, truncated: boolean, weight: number, period: number | undefined): void {
    const use = EVENTS.get(eventType);
    if (!use) return;
    const values = this.values;
    values.fill(0);
    if (use.count !== undefined) {
      values[use.count] = 1;
      this.events[use.count]++;
    }
    if (use.time !== undefined) {
      if (period === undefined) this.timeUnknown[use.time] = true;
      else values[use.time] = period;
      if (use.count !== undefined) this.periods[use.count].add(period ?? 0);
      this.events[use.time]++;
    }
    if (use.weight) {
      values[use.weight.column] = Number.isFinite(weight) && weight > 0 ? weight : 0;
      this.events[use.weight.column]++;
    }
    if (truncated) this.truncated++;
    this.tree.addSelf(node, values);
  }

  /** The profile, with the sample types the recording had events for; fails when it had none. */
  build(format: string, source: string, durationNanos?: number): Profile {
    const kept = COLUMNS.map((_, column) => column).filter((column) => this.events[column] > 0 && !this.timeUnknown[column]);
    if (kept.length === 0) {
      throw new ProfileError(source, `the recording holds none of the events Hotpath reads (${[...EVENTS.keys()].join(', ')})`);
    }
    const tree = this.tree.build();
    tree.selfValues = kept.map((column) => tree.selfValues[column]);
    const profile: Profile = {
      format,
      source,
      sampleTypes: kept.map((column) => ({ ...COLUMNS[column] })),
      defaultSampleType: 0,
      functions: this.tree.functions,
      shape: { kind: 'tree', tree },
      sampleCount: this.events[kept[0]],
      truncatedSamples: this.truncated,
    };
    if (durationNanos !== undefined) profile.durationNanos = durationNanos;
    // One sample of the default type stands for one sampling period, when all had the same.
    const [period] = this.periods[kept[0]];
    if (this.periods[kept[0]].size === 1 && period > 0) profile.period = { type: COLUMNS[kept[0]].type, unit: 'nanoseconds', value: period };
    return profile;
  }
}
