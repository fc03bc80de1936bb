/**
 * The one profile model every importer produces: plain data, no VS Code, no formats.
 *
 * Two shapes exist, because profilers record two kinds of evidence:
 * - `tree`: sampled or instrumented call stacks, merged into a call tree (V8, pprof, speedscope,
 *   folded stacks, perf script, JFR, trace events). Self and total values are derived from it.
 * - `graph`: per-function costs with caller→callee edges but no full stacks (callgrind, Python's
 *   cProfile). Totals are the ones the profiler measured, since they cannot be derived.
 */

/** What a sample type's values count. */
export type ProfileUnit = 'samples' | 'nanoseconds' | 'bytes' | 'objects' | 'instructions' | 'count';

export interface SampleType {
  /** As the profiler names it: `cpu`, `samples`, `alloc_space`, `inuse_objects`, `Ir`, `wall`… */
  type: string;
  unit: ProfileUnit;
}

/** A function as the profile names it. `file` is as recorded: a path, a URL, or a class name. */
export interface ProfileFunction {
  name: string;
  file?: string;
  /** 1-based line where the function starts, when the profile says. */
  line?: number;
  /** 1-based column of the function's start, when the profile says. */
  column?: number;
  /** Library, binary or package the function belongs to (perf's dso, a JFR package…). */
  module?: string;
}

/**
 * A call tree in flat arrays. Node 0 is the root (no function). A node is one function called at
 * one place; `line` is the 1-based line within the function where the child was called or the
 * sample was taken (0 when unknown). Parents always come before their children.
 */
export interface CallTree {
  parent: Int32Array;
  func: Int32Array;
  line: Int32Array;
  /**
   * Self values, kept sparse: a heap profile's tree has millions of nodes, but only the nodes its
   * samples end at have a self value. `selfNodes` lists the nodes given one, in the order they were
   * given, and `selfValues[t][k]` is the value of sample type t given to `selfNodes[k]`. A node
   * listed more than once has the sum of its entries, added in their order; a node not listed has
   * none. `selfColumn` (self-values.ts) lays one sample type out per node.
   */
  selfNodes: Int32Array;
  /** One array per sample type, 32-bit integers while every value of that type is one. */
  selfValues: Array<Int32Array | Float64Array>;
  size: number;
}

/** A caller→callee edge of a graph profile, with the inclusive cost of those calls. */
export interface GraphEdge {
  caller: number;
  callee: number;
  /** 1-based line of the call in the caller (0 when unknown). */
  line: number;
  /** Inclusive value of the calls, one per sample type. */
  values: number[];
}

export interface CallGraph {
  /** Per sample type, per function: self value. */
  self: Float64Array[];
  /** Per sample type, per function: total (inclusive) value as measured. */
  total: Float64Array[];
  /** Per function: self value per 1-based line, one array per sample type. */
  lines: Array<Map<number, number[]>>;
  edges: GraphEdge[];
}

export interface Profile {
  /** The importer that read it: `v8-cpuprofile`, `pprof`, `callgrind`… */
  format: string;
  /** The file it came from, as the user named it. */
  source: string;
  sampleTypes: SampleType[];
  /** The sample type shown unless the user picks another. */
  defaultSampleType: number;
  functions: ProfileFunction[];
  shape: { kind: 'tree'; tree: CallTree } | { kind: 'graph'; graph: CallGraph };
  /** Wall-clock span of the recording, in nanoseconds, when known. */
  durationNanos?: number;
  /** Number of samples taken (stack profiles), when known. */
  sampleCount?: number;
  /**
   * Samples whose stack the profiler cut short, so their outermost callers are missing (JFR keeps
   * 64 frames by default), when the format says. The JFR importers root such stacks under a
   * `[truncated stack]` function so they do not pose as complete ones.
   */
  truncatedSamples?: number;
  /**
   * What one sample stands for, when the profiler sampled at a fixed period (pprof's period:
   * 10,000,000 nanoseconds of cpu, 524,288 bytes of allocation), in the type's unit.
   */
  period?: SampleType & { value: number };
}
