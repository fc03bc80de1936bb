/**
 * Chrome's trace event format (chrome://tracing, Perfetto's legacy JSON, the DevTools Performance
 * panel, `tsc --generateTrace`, `node --trace-events-enabled`): a JSON array of events, or an
 * object whose `traceEvents` holds them. The array form may lack its closing bracket, as the
 * format allows for a writer that stopped early.
 *
 * When the trace holds V8 CPU profiles (a `Profile` event and its `ProfileChunk`s, or a whole
 * `CpuProfile` in one event), those samples are the profile: sample types `samples` and `cpu`,
 * as for a .cpuprofile, with the per-sample `lines` for line-level values; one profile per
 * thread, chosen as DevTools chooses. Otherwise the
 * duration events are: complete events (`X`) and `B`/`E` pairs become, per thread, an evented
 * profile of wall time in nanoseconds, where an event's self time is its duration minus its
 * children's. Either way, a trace with several threads gets a root frame per thread.
 */
import type { Importer, ProfileInput } from '../importer';
import { ProfileError } from '../importer';
import type { Profile, SampleType } from '../model';
import { TreeBuilder } from '../tree-builder';
import { EventedStacks } from './evented-stacks';
import { finite, firstJsonKey, isObject, JsonObject, JsonShape, jsonText, mentionsKey, parseJsonText, startsJsonArrayOfObjects } from './json-input';
import { addV8CpuProfile, V8_CPU_SAMPLE_TYPES, V8CpuTotals } from './v8-cpu';
import { v8NodeListFromObjects } from './v8-node-list';

/** Keys that start the object form of a trace, besides `traceEvents` itself. */
const TRACE_OBJECT_KEYS = new Set(['metadata', 'displayTimeUnit', 'otherData', 'systemTraceEvents', 'stackFrames', 'controllerTraceDataKey']);
const WALL_TIME: SampleType[] = [{ type: 'wall', unit: 'nanoseconds' }];
const NANOS_PER_MICRO = 1000;

/** The events of a trace, in either form; a missing closing bracket of the array form is added. */
function traceEvents(shape: JsonShape, input: ProfileInput): unknown[] {
  const text = jsonText(input);
  let document: unknown;
  try {
    document = parseJsonText(input.name, text);
  } catch (error) {
    const end = text.trimEnd().replace(/,$/, '');
    if (!(error instanceof ProfileError) || !/^\uFEFF?\s*\[/.test(text) || !end.endsWith('}')) throw error;
    document = parseJsonText(input.name, `${end}]`);
  }
  if (Array.isArray(document)) return document;
  return shape.array(shape.object(document, 'the JSON document').traceEvents, '"traceEvents"');
}

/** A V8 CPU profile spread over a Profile event and its chunks, or held whole by one event. */
interface CpuProfileParts {
  pid: unknown;
  tid: unknown;
  /** Who started the profile: `Internal` (the Performance panel), `Inspector`, `SelfProfiling`… */
  source?: unknown;
  startTime?: number;
  endTime?: number;
  nodes: unknown[];
  samples: unknown[];
  timeDeltas: unknown[];
  lines: unknown[];
  hasLines: boolean;
}

/** Appends `from` to `to` without spreading (a spread of a long list overflows the stack). */
function append(to: unknown[], from: unknown): void {
  if (!Array.isArray(from)) return;
  for (let i = 0; i < from.length; i++) to.push(from[i]);
}

/** What one pass over the events finds. */
class TraceContents {
  readonly threadNames = new Map<unknown, Map<unknown, string>>();
  readonly profiles: CpuProfileParts[] = [];
  private readonly profileById = new Map<unknown, Map<unknown, CpuProfileParts>>();
  /** Indexes of the duration events (X, B, E), per process and thread, in file order. */
  readonly durations = new Map<unknown, Map<unknown, number[]>>();
  first = Infinity;
  last = -Infinity;

  constructor(
    private readonly shape: JsonShape,
    readonly events: unknown[],
  ) {
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      if (!isObject(event)) shape.fail(`event #${i + 1} is not an object`);
      const ph = event.ph;
      if (ph === 'M') {
        if (event.name === 'thread_name' && isObject(event.args) && typeof event.args.name === 'string') {
          this.perThread(this.threadNames, event.pid).set(event.tid, event.args.name);
        }
        continue;
      }
      const ts = finite(event.ts);
      if (ts !== undefined) {
        if (ts < this.first) this.first = ts;
        const end = ts + (finite(event.dur) ?? 0);
        if (end > this.last) this.last = end;
      }
      if (event.name === 'Profile' || event.name === 'ProfileChunk') this.addProfilePart(event);
      else if (event.name === 'CpuProfile') this.addWholeProfile(event);
      else if (ph === 'X' || ph === 'B' || ph === 'E') {
        const list = this.perThread(this.durations, event.pid);
        let indexes = list.get(event.tid);
        if (!indexes) list.set(event.tid, (indexes = []));
        indexes.push(i);
      }
    }
  }

  threadName(pid: unknown, tid: unknown): string {
    const name = this.threadNames.get(pid)?.get(tid) ?? `thread ${String(tid)}`;
    return `${name} (pid ${String(pid)})`;
  }

  private perThread<T>(map: Map<unknown, Map<unknown, T>>, pid: unknown): Map<unknown, T> {
    let threads = map.get(pid);
    if (!threads) map.set(pid, (threads = new Map()));
    return threads;
  }

  private addProfilePart(event: JsonObject): void {
    const data = isObject(event.args) && isObject(event.args.data) ? event.args.data : {};
    const byId = this.perThread(this.profileById, event.pid);
    let parts = byId.get(event.id);
    if (!parts) {
      parts = { pid: event.pid, tid: event.tid, nodes: [], samples: [], timeDeltas: [], lines: [], hasLines: false };
      byId.set(event.id, parts);
      this.profiles.push(parts);
    }
    if (event.name === 'Profile') {
      // The Profile event is sent from the sampled thread; chunks come from V8's sampler thread.
      parts.tid = event.tid;
      parts.source = data.source;
      parts.startTime = finite(data.startTime);
      return;
    }
    const cpuProfile = isObject(data.cpuProfile) ? data.cpuProfile : {};
    append(parts.nodes, cpuProfile.nodes);
    const before = parts.samples.length;
    append(parts.samples, cpuProfile.samples);
    append(parts.timeDeltas, data.timeDeltas ?? cpuProfile.timeDeltas);
    if (Array.isArray(data.lines)) parts.hasLines = true;
    // Lines are per sample; a chunk without them leaves its samples' lines unknown.
    const lines = Array.isArray(data.lines) ? data.lines : [];
    for (let i = 0; i < parts.samples.length - before; i++) parts.lines.push(lines[i] ?? 0);
  }

  private addWholeProfile(event: JsonObject): void {
    const data = isObject(event.args) && isObject(event.args.data) ? event.args.data : {};
    const profile = this.shape.object(data.cpuProfile, 'the cpuProfile of a CpuProfile event');
    const parts: CpuProfileParts = { pid: event.pid, tid: event.tid, nodes: [], samples: [], timeDeltas: [], lines: [], hasLines: false };
    append(parts.nodes, profile.nodes);
    append(parts.samples, profile.samples);
    append(parts.timeDeltas, profile.timeDeltas ?? data.timeDeltas);
    parts.startTime = finite(profile.startTime);
    parts.endTime = finite(profile.endTime);
    this.profiles.push(parts);
  }
}

/** The CPU profiles of a trace, merged into one tree. */
function sampledProfile(shape: JsonShape, contents: TraceContents, profiles: CpuProfileParts[]): Omit<Profile, 'format' | 'source'> {
  const builder = new TreeBuilder(V8_CPU_SAMPLE_TYPES.length);
  let sampleCount = 0;
  for (const parts of profiles) {
    const under = profiles.length > 1 ? builder.child(0, builder.functionId({ name: contents.threadName(parts.pid, parts.tid) }), 0) : 0;
    const links = parts.nodes.some((node) => isObject(node) && Array.isArray(node.children)) ? 'children' : 'parent';
    const totals: V8CpuTotals = addV8CpuProfile(
      shape,
      builder,
      {
        nodes: v8NodeListFromObjects(shape, builder, parts.nodes, links),
        samples: parts.samples,
        timeDeltas: parts.timeDeltas.length > 0 ? parts.timeDeltas : undefined,
        lines: parts.hasLines ? parts.lines : undefined,
        startTime: parts.startTime,
        endTime: parts.endTime,
      },
      under,
    );
    sampleCount += totals.sampleCount;
  }
  return {
    sampleTypes: V8_CPU_SAMPLE_TYPES.map((t) => ({ ...t })),
    defaultSampleType: 1,
    functions: builder.functions,
    shape: { kind: 'tree', tree: builder.build() },
    sampleCount,
  };
}

/** Duration events of one thread as intervals: start and end in microseconds, and a function. */
interface Intervals {
  start: number[];
  end: number[];
  func: number[];
}

function eventName(event: JsonObject): string {
  return typeof event.name === 'string' && event.name !== '' ? event.name : '(unnamed)';
}

/** The intervals of a thread's X events and B/E pairs; a B never ended lasts to `traceEnd`. */
function threadIntervals(builder: TreeBuilder, events: unknown[], indexes: number[], traceEnd: number): Intervals {
  const intervals: Intervals = { start: [], end: [], func: [] };
  const add = (event: JsonObject, start: number, end: number): void => {
    intervals.start.push(start);
    // An end before the start, or past what numbers hold, makes an empty interval.
    intervals.end.push(end >= start && Number.isFinite(end) ? end : start);
    intervals.func.push(builder.functionId({ name: eventName(event) }));
  };
  const pairs: number[] = [];
  const pairTimes = new Map<number, number>();
  for (const i of indexes) {
    const event = events[i] as JsonObject;
    const ts = finite(event.ts);
    if (ts === undefined) continue;
    if (event.ph === 'X') {
      add(event, ts, ts + (finite(event.dur) ?? 0));
    } else {
      pairs.push(i);
      pairTimes.set(i, ts);
    }
  }
  // B and E pair up like brackets, in time order; an E with no B open is ignored.
  pairs.sort((a, b) => pairTimes.get(a)! - pairTimes.get(b)! || a - b);
  const open: number[] = [];
  for (const i of pairs) {
    if ((events[i] as JsonObject).ph === 'B') open.push(i);
    else if (open.length > 0) {
      const begin = open.pop()!;
      add(events[begin] as JsonObject, pairTimes.get(begin)!, pairTimes.get(i)!);
    }
  }
  for (const begin of open) add(events[begin] as JsonObject, pairTimes.get(begin)!, traceEnd);
  return intervals;
}

/** Adds a thread's intervals to the tree: outer events first, children clipped to their parent. */
function addIntervals(builder: TreeBuilder, intervals: Intervals, under: number): void {
  const { start, end, func } = intervals;
  const order = Uint32Array.from({ length: start.length }, (_, i) => i).sort((a, b) => start[a] - start[b] || end[b] - end[a] || a - b);
  const stacks = new EventedStacks(builder, 1, 0, NANOS_PER_MICRO, under);
  const ends: number[] = [];
  for (const i of order) {
    while (ends.length > 0 && ends[ends.length - 1] <= start[i]) stacks.close(ends.pop()!);
    const limit = ends.length > 0 ? ends[ends.length - 1] : Infinity;
    stacks.open(func[i], start[i]);
    ends.push(Math.min(end[i], limit));
  }
  while (ends.length > 0) stacks.close(ends.pop()!);
}

/** The duration events of a trace as an evented profile of wall time. */
function eventedProfile(contents: TraceContents): Omit<Profile, 'format' | 'source'> {
  const builder = new TreeBuilder(1);
  const threads: Array<{ pid: unknown; tid: unknown; indexes: number[] }> = [];
  for (const [pid, byThread] of contents.durations) for (const [tid, indexes] of byThread) threads.push({ pid, tid, indexes });
  for (const { pid, tid, indexes } of threads) {
    const under = threads.length > 1 ? builder.child(0, builder.functionId({ name: contents.threadName(pid, tid) }), 0) : 0;
    addIntervals(builder, threadIntervals(builder, contents.events, indexes, contents.last), under);
  }
  return {
    sampleTypes: WALL_TIME.map((t) => ({ ...t })),
    defaultSampleType: 0,
    functions: builder.functions,
    shape: { kind: 'tree', tree: builder.build() },
  };
}

/** Sources of profiles in the order DevTools prefers them when one thread has several. */
const PROFILE_SOURCES = ['Internal', 'Inspector'];

/**
 * One CPU profile per thread: when a thread was profiled more than once at the same time (the
 * Performance panel's own profile and a `console.profile()`, say), the one DevTools shows.
 */
function onePerThread(profiles: CpuProfileParts[]): CpuProfileParts[] {
  const chosen = new Map<unknown, Map<unknown, CpuProfileParts>>();
  const rank = (parts: CpuProfileParts): number => {
    const at = PROFILE_SOURCES.indexOf(parts.source as string);
    return at < 0 ? PROFILE_SOURCES.length : at;
  };
  for (const parts of profiles) {
    let threads = chosen.get(parts.pid);
    if (!threads) chosen.set(parts.pid, (threads = new Map()));
    const current = threads.get(parts.tid);
    if (!current || rank(parts) < rank(current)) threads.set(parts.tid, parts);
  }
  return profiles.filter((parts) => chosen.get(parts.pid)!.get(parts.tid) === parts);
}

export const traceEventsImporter: Importer = {
  format: 'chrome-trace',
  title: 'Chrome trace events (JSON)',

  sniff(input: ProfileInput): boolean {
    const { head } = input;
    if (startsJsonArrayOfObjects(head)) return mentionsKey(head, 'ph');
    const key = firstJsonKey(head);
    if (key === 'traceEvents') return true;
    return key !== undefined && TRACE_OBJECT_KEYS.has(key) && (mentionsKey(head, 'traceEvents') || /"source"\s*:\s*"DevTools"/.test(head));
  },

  read(input: ProfileInput): Profile {
    const shape: JsonShape = new JsonShape(input.name);
    const contents = new TraceContents(shape, traceEvents(shape, input));
    const profiles = onePerThread(contents.profiles.filter((parts) => parts.nodes.length > 0));
    if (profiles.length === 0 && contents.durations.size === 0) {
      shape.fail('the trace has no CPU profile and no duration events (X, B/E) to show');
    }
    const body = profiles.length > 0 ? sampledProfile(shape, contents, profiles) : eventedProfile(contents);
    const profile: Profile = { format: this.format, source: input.name, ...body };
    if (contents.last > contents.first) profile.durationNanos = (contents.last - contents.first) * NANOS_PER_MICRO;
    return profile;
  },
};
