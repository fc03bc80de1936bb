/**
 * Reads a .cpuprofile straight from its bytes, never holding the document as JavaScript objects:
 * the nodes go into columns (v8-node-list.ts) one at a time, `samples` and `timeDeltas` into
 * typed arrays. A recorded profile's nodes repeat a few hundred call frames a million times, so
 * each call frame is parsed once and later ones are found by their bytes. Keys may come in any
 * order; unknown ones are skipped (their grammar checked).
 */
import type { ProfileInput } from '../importer';
import type { TreeBuilder } from '../tree-builder';
import { isSafeInteger, type JsonShape } from './json-input';
import { JsonScanner } from './json-scanner';
import { NumberList } from './typed-arrays';
import { type V8NodeList, V8NodeListBuilder, v8FrameFunction } from './v8-node-list';

export interface ScannedCpuProfile {
  nodes: V8NodeList;
  samples?: Int32Array | Float64Array;
  timeDeltas?: Int32Array | Float64Array;
  startTime?: number;
  endTime?: number;
}

/** Distinct call frames remembered by their bytes; past this, frames are parsed each time. */
const MAX_REMEMBERED_FRAMES = 65_536;

/** What one node object said, before its id is known (keys come in any order). */
interface NodeFields {
  id: number | undefined;
  callFrameStart: number;
  callFrameEnd: number;
  hitCount: number;
  /** The first problem met, as a message about the node with this id. */
  problem?: (id: number) => string;
}

class CpuProfileScanner {
  private readonly json: JsonScanner;
  private readonly list: V8NodeListBuilder;
  /** Function and first line of each call frame seen, by the frame's bytes. */
  private readonly frames = new Map<string, number>();
  private readonly frameFunc: number[] = [];
  private readonly frameLine: number[] = [];

  constructor(
    private readonly shape: JsonShape,
    private readonly builder: TreeBuilder,
    input: ProfileInput,
  ) {
    this.json = new JsonScanner(input.name, input.bytes);
    // A recorded node takes some 200 bytes of the file; the list grows past this when needed.
    this.list = new V8NodeListBuilder(Math.min(input.bytes.length / 200, 1 << 24));
  }

  read(): ScannedCpuProfile {
    const { json, shape } = this;
    if (json.kind() !== 'object') {
      json.skipValue();
      json.end();
      shape.fail('the JSON document is not an object');
    }
    const result: Partial<ScannedCpuProfile> = {};
    let sawNodes = false;
    json.object((key) => {
      if (key === 'nodes') {
        if (sawNodes) shape.fail('the profile has two "nodes" lists');
        sawNodes = true;
        this.nodes();
      } else if (key === 'samples' || key === 'timeDeltas') {
        result[key] = this.numberList(key);
      } else if (key === 'startTime' || key === 'endTime') {
        result[key] = this.optionalNumber(key);
      } else {
        json.skipValue();
      }
    });
    json.end();
    if (!sawNodes) shape.fail('"nodes" is not a list');
    if (this.list.count === 0) shape.fail('the profile has no nodes');
    return { ...result, nodes: this.list.build('children') };
  }

  private optionalNumber(key: string): number | undefined {
    const { json } = this;
    if (json.kind() === 'number') {
      const value = json.number();
      if (!Number.isFinite(value)) this.shape.fail(`"${key}" is not a number`);
      return value;
    }
    if (json.raw() !== 'null') this.shape.fail(`"${key}" is not a number`);
    return undefined;
  }

  /** `samples` or `timeDeltas`: a list of numbers. */
  private numberList(key: 'samples' | 'timeDeltas'): Int32Array | Float64Array {
    const { json, shape } = this;
    if (json.kind() !== 'array') shape.fail(`"${key}" is not a list`);
    const list = new NumberList();
    json.array((index) => {
      const value = json.kind() === 'number' ? json.number() : undefined;
      if (value !== undefined && Number.isFinite(value)) {
        list.push(value);
      } else if (key === 'timeDeltas') {
        shape.fail(`timeDeltas entry #${index + 1} is not a number`);
      } else {
        // Not a number, or one too large for a double: either names no node.
        shape.fail(`sample #${index + 1} names node ${value ?? json.raw()} which is not a node of the profile`);
      }
    });
    return list.view();
  }

  private nodes(): void {
    const { json, shape } = this;
    if (json.kind() !== 'array') shape.fail('"nodes" is not a list');
    json.array((index) => {
      if (json.kind() !== 'object') shape.fail(`node #${index + 1} of the node list is not an object`);
      const fields: NodeFields = { id: undefined, callFrameStart: -1, callFrameEnd: -1, hitCount: 0 };
      json.object((key) => this.nodeMember(key, fields));
      const id = isSafeInteger(fields.id) ? fields.id : shape.fail(`node #${index + 1} of the node list has no integer id`);
      if (fields.problem) shape.fail(fields.problem(id));
      const { func, firstLine } = this.callFrame(fields, id);
      this.list.endNode(id, func, firstLine, fields.hitCount);
    });
  }

  private nodeMember(key: string, fields: NodeFields): void {
    const { json } = this;
    if (key === 'id') {
      fields.id = json.kind() === 'number' ? json.number() : (json.skipValue(), undefined);
    } else if (key === 'callFrame') {
      json.peek();
      fields.callFrameStart = json.pos;
      json.skipValue();
      fields.callFrameEnd = json.pos;
    } else if (key === 'hitCount') {
      const value = json.kind() === 'number' ? json.number() : (json.skipValue(), 0);
      fields.hitCount = Number.isFinite(value) ? value : 0;
    } else if (key === 'children') {
      this.list.dropLinks();
      this.children(fields);
    } else if (key === 'positionTicks') {
      this.list.dropTicks();
      this.positionTicks(fields);
    } else {
      json.skipValue();
    }
  }

  private children(fields: NodeFields): void {
    const { json } = this;
    const kind = json.kind();
    if (kind !== 'array') {
      if (json.raw() !== 'null') fields.problem ??= (id) => `node ${id} has children that are not a list`;
      return;
    }
    json.array(() => {
      const child = json.kind() === 'number' ? json.number() : json.raw();
      if (typeof child === 'number' && isSafeInteger(child)) this.list.addLink(child);
      else fields.problem ??= (id) => `node ${id} names child ${child} which is not a node of the profile`;
    });
  }

  private positionTicks(fields: NodeFields): void {
    const { json } = this;
    if (json.kind() !== 'array') {
      if (json.raw() !== 'null') fields.problem ??= (id) => `node ${id} has positionTicks that are not a list`;
      return;
    }
    json.array(() => {
      let line = 0;
      let count: number | undefined;
      if (json.kind() === 'object') {
        json.object((key) => {
          const value = json.kind() === 'number' ? json.number() : (json.skipValue(), undefined);
          const known = value !== undefined && Number.isFinite(value) ? value : undefined;
          if (key === 'line') line = known ?? 0;
          else if (key === 'ticks') count = known;
        });
      } else {
        json.skipValue();
      }
      if (count === undefined || count < 0) fields.problem ??= (id) => `a positionTicks entry of node ${id} has no tick count`;
      else this.list.addTick(line, count);
    });
  }

  /** The node's call frame as a function, parsed once per distinct frame. */
  private callFrame(fields: NodeFields, id: number): { func: number; firstLine: number } {
    const { json } = this;
    if (fields.callFrameStart < 0) return v8FrameFunction(this.shape, this.builder, undefined, id);
    const key = json.latin1(fields.callFrameStart, fields.callFrameEnd);
    const known = this.frames.get(key);
    if (known !== undefined) return { func: this.frameFunc[known], firstLine: this.frameLine[known] };
    const frame = v8FrameFunction(this.shape, this.builder, json.parse(fields.callFrameStart, fields.callFrameEnd), id);
    if (this.frames.size < MAX_REMEMBERED_FRAMES) {
      this.frames.set(key, this.frameFunc.length);
      this.frameFunc.push(frame.func);
      this.frameLine.push(frame.firstLine);
    }
    return frame;
  }
}

/** Reads a .cpuprofile's bytes; call frames become functions of `builder`. */
export function scanCpuProfile(shape: JsonShape, builder: TreeBuilder, input: ProfileInput): ScannedCpuProfile {
  return new CpuProfileScanner(shape, builder, input).read();
}
