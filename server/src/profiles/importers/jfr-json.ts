/**
 * `jfr print --json` output: `{"recording": {"events": [...]}}`, each event with its `type` and
 * `values`; a stack trace lists its frames leaf first, each with `method.type.name` (the class,
 * slashes escaped as `\/`), `method.name` and `lineNumber`. Events are parsed one at a time (see
 * jfr/json-events.ts) and fed to the same builder as binary recordings, so both agree.
 *
 * `jfr print` keeps only 5 frames of each stack unless it is given `--stack-depth`, and still says
 * `truncated: false` of the stacks it cut; when no stack in the file is deeper than 5 frames, the
 * 5-frame ones are taken as cut and marked truncated. The output does not name the event type a
 * jdk.ActiveSetting belongs to, so sampling periods are unknown here: the profile counts samples.
 */
import type { Importer, ProfileInput } from '../importer';
import type { Profile } from '../model';
import { firstJsonKey, JsonShape, mentionsKey, parseJsonText } from './json-input';
import { forEachJsonEvent } from './jfr/json-events';
import { type Frame, isSampleEvent, JfrProfileBuilder, weightField } from './jfr/profile-builder';

function readFrames(shape: JsonShape, builder: JfrProfileBuilder, list: unknown[], where: string): Frame[] {
  return list.map((item, i) => {
    const frame = shape.object(item, `${where}, frame ${i}`);
    const method = shape.object(frame.method, `${where}, frame ${i}'s method`);
    const type = method.type === null || method.type === undefined ? {} : shape.object(method.type, `${where}, frame ${i}'s class`);
    const className = shape.string(type.name, `${where}, frame ${i}'s class name`);
    const methodName = shape.string(method.name, `${where}, frame ${i}'s method name`);
    const line = shape.optionalNumber(frame.lineNumber, `${where}, frame ${i}'s line number`) ?? 0;
    return { func: builder.functionId(className, methodName), line: line > 0 ? Math.floor(line) : 0 };
  });
}

/** An event's type when it is the event's first member, as jfr writes it. */
const LEADING_TYPE = /^\{\s*"type"\s*:\s*"([\w.]*)"/;

/** How many frames `jfr print` keeps of each stack unless it is given `--stack-depth`. */
const PRINT_DEFAULT_DEPTH = 5;

/**
 * The distinct stacks of a file and the events on them. Stacks are turned into tree nodes only
 * at the end, once the deepest stack is known: when no stack is deeper than `jfr print`'s default
 * depth, the stacks that reach it were almost certainly cut by it, and are marked truncated.
 */
class JsonStacks {
  private readonly ids = new Map<string, number>();
  private readonly frames: Frame[][] = [];
  private readonly truncated: boolean[] = [];
  private readonly eventTypes: string[] = [];
  private readonly eventStacks: number[] = [];
  private readonly eventWeights: number[] = [];
  private deepest = 0;

  /** The id of a stack (leaf first); -1 stands for an event without one. */
  stack(frames: Frame[], truncated: boolean): number {
    const key = `${truncated ? 't' : 'f'}${frames.map((frame) => `${frame.func}:${frame.line}`).join(',')}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.frames.length));
      this.frames.push(frames);
      this.truncated.push(truncated);
      this.deepest = Math.max(this.deepest, frames.length);
    }
    return id;
  }

  event(type: string, stack: number, weight: number): void {
    this.eventTypes.push(type);
    this.eventStacks.push(stack);
    this.eventWeights.push(weight);
  }

  addTo(builder: JfrProfileBuilder): void {
    const cutByPrint = this.deepest === PRINT_DEFAULT_DEPTH;
    const truncated = this.frames.map((frames, id) => this.truncated[id] || (cutByPrint && frames.length === PRINT_DEFAULT_DEPTH));
    const nodes = this.frames.map((frames, id) => builder.stackNode(frames, truncated[id]));
    for (let i = 0; i < this.eventTypes.length; i++) {
      const stack = this.eventStacks[i];
      builder.add(this.eventTypes[i], stack < 0 ? 0 : nodes[stack], stack >= 0 && truncated[stack], this.eventWeights[i], undefined);
    }
  }
}

export const jfrJsonImporter: Importer = {
  format: 'jfr-json',
  title: 'JFR events as JSON (jfr print --json)',
  sniff(input: ProfileInput): boolean {
    return firstJsonKey(input.head) === 'recording' && mentionsKey(input.head, 'events');
  },
  read(input: ProfileInput): Profile {
    const shape = new JsonShape(input.name);
    const builder = new JfrProfileBuilder();
    const stacks = new JsonStacks();
    forEachJsonEvent(input.name, input.bytes, (text, index) => {
      // jfr writes each event's type first: other events are passed over without parsing them.
      const leading = LEADING_TYPE.exec(text.slice(0, 200));
      if (leading && !isSampleEvent(leading[1])) return;
      const where = `event ${index}`;
      const event = shape.object(parseJsonText(input.name, text), where);
      const type = shape.string(event.type, `${where}'s type`);
      if (!isSampleEvent(type)) return;
      const values = shape.object(event.values, `${where}'s values`);
      let stack = -1;
      if (values.stackTrace !== null && values.stackTrace !== undefined) {
        const trace = shape.object(values.stackTrace, `${where}'s stack trace`);
        const frames = readFrames(shape, builder, shape.array(trace.frames, `${where}'s frames`), where);
        stack = stacks.stack(frames, trace.truncated === true);
      }
      const field = weightField(type);
      stacks.event(type, stack, field === undefined ? 1 : shape.number(values[field], `${where}'s ${field}`));
    });
    stacks.addTo(builder);
    return builder.build('jfr-json', input.name);
  },
};
