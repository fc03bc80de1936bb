/**
 * The reference reader for V8 profiles and Chrome traces: Chrome DevTools' own profile and trace
 * model, published on npm as @paulirish/trace_engine (a devDependency). It reads the file as
 * DevTools does; these functions only add up its per-node numbers per function, the way DevTools'
 * bottom-up view does (self summed, total counted once per stack).
 *
 * - CPUProfileDataModel: DevTools' reader of .cpuprofile files and of the CPU profiles in
 *   traces. Its node tree holds hit counts (`samples`), its forEachFrame the time of each call
 *   as the timeline draws it (`cpu` self time).
 * - ProfileTreeModel: the tree DevTools' heap profile view is built on (self = selfSize).
 * - TraceTree.BottomUpRootNode over a thread's events: the Performance panel's bottom-up table.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { functionKey, Shares, sharesOf } from './function-shares';

/* The few members of DevTools' model these functions use. */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface DevToolsNode {
  callFrame: CallFrame;
  self: number;
  total: number;
  children: DevToolsNode[];
}
interface CpuModel {
  profileHead: DevToolsNode;
  forEachFrame(open: () => void, close: (depth: number, node: DevToolsNode, sample: number, ts: number, dur: number, self: number) => void): void;
}
interface TraceEvent {
  name: string;
  args?: unknown;
}
interface TraceEngine {
  TraceModel: { Model: { createWithAllHandlers(): TraceModel } };
  Extras: {
    TraceTree: { BottomUpRootNode: new (events: unknown[], options: Record<string, unknown>) => BottomUpRoot };
    TraceFilter: { ExclusiveNameFilter: new (names: string[]) => unknown };
  };
  Helpers: { Timing: { microToMilli(micros: number): number } };
}
interface TraceModel {
  parse(events: unknown[], options?: Record<string, unknown>): Promise<void>;
  parsedTrace(index: number): { data: TraceData };
}
interface TraceData {
  Meta: { traceBounds: { min: number; max: number } };
  Samples: { profilesInProcess: Map<unknown, Map<unknown, { parsedProfile: CpuModel }>> };
  Renderer: { processes: Map<unknown, { threads: Map<unknown, { name: string | null; entries: unknown[] }> }> };
}
interface BottomUpRoot {
  children(): Map<string, { selfTime: number; totalTime: number; event: { name: string } }>;
}
interface CpuProfileModule {
  CPUProfileDataModel: { CPUProfileDataModel: new (profile: unknown) => CpuModel };
  ProfileTreeModel: {
    ProfileNode: new (callFrame: CallFrame) => DevToolsNode;
    ProfileTreeModel: new () => { initialize(root: DevToolsNode): void };
  };
}

const PACKAGE = '@paulirish/trace_engine';

/** Loads a module of the trace engine, or fails saying how to install it. */
async function load<T>(subpath: string): Promise<T> {
  let file: string;
  try {
    file = require.resolve(`${PACKAGE}/package.json`);
  } catch {
    throw new Error(`the reference reader, Chrome DevTools' trace engine (${PACKAGE}), is not installed: run "npm ci" in the repository`);
  }
  // A computed specifier keeps TypeScript from compiling the import into a require().
  const specifier = pathToFileURL(path.join(path.dirname(file), subpath)).href;
  return (await import(specifier)) as T;
}

const engine = (): Promise<TraceEngine> => load<TraceEngine>('models/trace/trace.js');
const cpuProfileModule = (): Promise<CpuProfileModule> => load<CpuProfileModule>('models/cpu_profile/cpu_profile.js');

/** Our key for a DevTools call frame: anonymous functions named as we name them, 1-based lines. */
export function callFrameKey(frame: CallFrame): string {
  return functionKey({
    name: frame.functionName || '(anonymous)',
    file: frame.url || undefined,
    line: frame.lineNumber >= 0 ? frame.lineNumber + 1 : undefined,
  });
}

/** Self and total per function of a DevTools node tree, recursion counted once per stack. */
function bottomUp(root: DevToolsNode): Map<string, { self: number; total: number }> {
  const values = new Map<string, { self: number; total: number }>();
  const onPath = new Map<string, number>();
  const stack: Array<{ node: DevToolsNode; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    const key = callFrameKey(node.callFrame);
    if (leaving) {
      onPath.set(key, onPath.get(key)! - 1);
      continue;
    }
    const value = values.get(key) ?? { self: 0, total: 0 };
    value.self += node.self;
    if (!onPath.get(key)) value.total += node.total;
    values.set(key, value);
    onPath.set(key, (onPath.get(key) ?? 0) + 1);
    stack.push({ node, leaving: true });
    for (const child of node.children) stack.push({ node: child, leaving: false });
  }
  return values;
}

/** The self time per function of a CPU profile as DevTools' timeline draws it. */
function timedSelf(model: CpuModel): Shares {
  const values = new Map<string, { self: number; total: number }>();
  model.forEachFrame(
    () => undefined,
    (_depth, node, _sample, _ts, _dur, self) => {
      const key = callFrameKey(node.callFrame);
      const value = values.get(key) ?? { self: 0, total: Number.NaN };
      value.self += self;
      values.set(key, value);
    },
  );
  return sharesOf(values);
}

export interface CpuReference {
  /** From hit counts: compares with our `samples` sample type. */
  samples: Shares;
  /** Self time from the timeline's sample times: compares with the self of our `cpu` type. */
  cpuSelf: Shares;
}

function cpuReference(model: CpuModel): CpuReference {
  return { samples: sharesOf(bottomUp(model.profileHead)), cpuSelf: timedSelf(model) };
}

/** DevTools' reading of a .cpuprofile (given as its text: the model changes what it reads). */
export async function devtoolsCpuProfile(text: string): Promise<CpuReference> {
  const { CPUProfileDataModel } = await cpuProfileModule();
  return cpuReference(new CPUProfileDataModel.CPUProfileDataModel(JSON.parse(text)));
}

/** Parses trace events with DevTools' trace engine. */
async function parseTrace(events: TraceEvent[]): Promise<{ trace: TraceEngine; data: TraceData }> {
  const trace = await engine();
  const model = trace.TraceModel.Model.createWithAllHandlers();
  await model.parse(events, {});
  return { trace, data: model.parsedTrace(0).data };
}

/** DevTools' reading of the CPU profile of each sampled thread of a trace. */
export async function devtoolsTraceCpuProfiles(events: TraceEvent[]): Promise<CpuReference[]> {
  const { data } = await parseTrace(events);
  const references: CpuReference[] = [];
  for (const threads of data.Samples.profilesInProcess.values()) {
    for (const thread of threads.values()) references.push(cpuReference(thread.parsedProfile));
  }
  return references;
}

/**
 * The Performance panel's bottom-up table of each thread with events, in milliseconds: self and
 * total time per event name.
 */
export async function devtoolsBottomUp(events: TraceEvent[]): Promise<Map<string, Map<string, { self: number; total: number }>>> {
  const { trace, data } = await parseTrace(events);
  const { min, max } = data.Meta.traceBounds;
  const threads = new Map<string, Map<string, { self: number; total: number }>>();
  for (const process of data.Renderer.processes.values()) {
    for (const thread of process.threads.values()) {
      if (thread.entries.length === 0) continue;
      const root = new trace.Extras.TraceTree.BottomUpRootNode(thread.entries, {
        textFilter: new trace.Extras.TraceFilter.ExclusiveNameFilter([]),
        filters: [],
        startTime: trace.Helpers.Timing.microToMilli(min),
        endTime: trace.Helpers.Timing.microToMilli(max),
      });
      const byName = new Map<string, { self: number; total: number }>();
      for (const node of root.children().values()) byName.set(node.event.name, { self: node.selfTime, total: node.totalTime });
      threads.set(thread.name ?? '', byName);
    }
  }
  return threads;
}

/** DevTools' heap profile tree (self = selfSize, totals by ProfileTreeModel) of a .heapprofile. */
export async function devtoolsHeapProfile(text: string): Promise<Shares> {
  const { ProfileTreeModel } = await cpuProfileModule();
  interface HeapNode {
    callFrame: CallFrame;
    selfSize: number;
    children: HeapNode[];
  }
  const convert = (heapNode: HeapNode): DevToolsNode => {
    const node = new ProfileTreeModel.ProfileNode(heapNode.callFrame);
    node.self = heapNode.selfSize;
    node.children = heapNode.children.map(convert);
    return node;
  };
  const root = convert((JSON.parse(text) as { head: HeapNode }).head);
  new ProfileTreeModel.ProfileTreeModel().initialize(root);
  return sharesOf(bottomUp(root));
}
