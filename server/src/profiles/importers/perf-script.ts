/**
 * `perf script` text (Linux perf): per sample a header line, then its frames leaf first, each
 * optionally followed by its srcline, and a blank line. Sample types: the sample count, and the
 * period of each event (cpu-clock nanoseconds, cycles…) when the output has the period field.
 * The dso is the function's module. A function is a symbol in a dso; its file is the file most of
 * its srclines name, and a srcline in another file (code inlined from a header) gives no line.
 */
import { ProfileError, type Importer, type ProfileInput } from '../importer';
import type { Profile, ProfileUnit, SampleType } from '../model';
import { TreeBuilder } from '../tree-builder';
import { parseFrame, parseHeader, parseSrcline, type PerfFrame } from './perf-script-lines';
import { forEachLine } from './callgrind/lines';
import { headLines, isBlankLine, quote } from './text-head';
import { grown } from './typed-arrays';

const TAB = 0x09;
/** How many distinct frame lines and srclines are remembered (each cache), to bound memory. */
const CACHED_LINES = 1 << 20;

/** Units of the periods of common events; any other event counts occurrences. */
function eventUnit(event: string): ProfileUnit {
  if (event === 'cpu-clock' || event === 'task-clock') return 'nanoseconds';
  if (event.startsWith('instructions')) return 'instructions';
  return 'count';
}

class PerfScriptReader {
  private readonly builder = new TreeBuilder(0);
  /** Our function per `symbol\0dso`. */
  private readonly functionIds = new Map<string, number>();
  /** Frame lines and srclines seen, with what they gave: the same ones repeat in most samples. */
  private readonly frameLines = new Map<string, number>();
  private readonly srclines = new Map<string, number>();
  private readonly srclineFile: number[] = [];
  private readonly srclineNumber: number[] = [];
  private readonly files: string[] = [];
  private readonly fileIds = new Map<string, number>();
  /** How often each (function, file) pair was named by a srcline: key function * 2^21 + file. */
  private readonly fileVotes = new Map<number, number>();
  /** Per tree node, 1 + the file of the srcline that gave its line (0: none). */
  private nodeFile = new Int32Array(1024);
  /** The current sample's frames, leaf first: function, line, file + 1. */
  private frames = new Int32Array(3 * 64);
  private frameCount = 0;
  private inSample = false;
  private awaitingSrcline = false;
  private event = 0;
  private period = NaN;
  /** Per sample: leaf node, event, period. */
  private sampleNode = new Int32Array(1024);
  private sampleEvent = new Int32Array(1024);
  private samplePeriod = new Float64Array(1024);
  private samples = 0;
  private allHavePeriods = true;
  private readonly events: string[] = [];
  private readonly eventIds = new Map<string, number>();
  private firstStrayLine = '';

  constructor(private readonly input: ProfileInput) {}

  read(): Profile {
    forEachLine(this.input.name, this.input.bytes, (line, lineNumber) => this.line(line, lineNumber));
    this.flush();
    if (this.samples === 0) {
      const stray = this.firstStrayLine ? `; the first line that is neither is ${this.firstStrayLine}` : '';
      throw new ProfileError(this.input.name, `no perf script samples (a header line such as "comm pid time: period event:" followed by frames)${stray}`);
    }
    return this.profile();
  }

  private line(line: string, lineNumber: number): void {
    if (isBlankLine(line)) {
      this.flush();
      return;
    }
    if (line.charCodeAt(0) === 0x23) return; // `#` comments of `perf script --header`
    if (line.charCodeAt(0) !== TAB) {
      const header = parseHeader(line);
      if (header) {
        this.flush();
        this.inSample = true;
        this.event = this.eventId(header.event);
        this.period = header.period;
        const frame = parseFrame(header.rest, false);
        if (frame) this.pushFrame(this.functionOf(frame));
        return;
      }
    }
    if (this.inSample) {
      const func = this.frameLine(line);
      if (func >= 0) return this.pushFrame(func);
      if (this.awaitingSrcline) {
        this.awaitingSrcline = false;
        const srcline = this.srcline(line);
        if (srcline >= 0) return this.setSrcline(srcline);
        if (line.charCodeAt(0) !== TAB) return; // a srcline perf could not resolve (`??:0`, a kernel address)
      }
      const bare = parseFrame(line, false);
      if (bare) return this.pushFrame(this.functionOf(bare));
    }
    if (!this.firstStrayLine) this.firstStrayLine = `line ${lineNumber}: ${quote(line)}`;
  }

  private eventId(event: string): number {
    let id = this.eventIds.get(event);
    if (id === undefined) {
      id = this.events.push(event) - 1;
      this.eventIds.set(event, id);
    }
    return id;
  }

  /** The function of a frame line (`ip symbol+off (dso)`), or -1 when the line is not one; lines repeat, so they are cached. */
  private frameLine(line: string): number {
    let func = this.frameLines.get(line);
    if (func === undefined) {
      const frame = parseFrame(line, true);
      func = frame ? this.functionOf(frame) : -1;
      if (this.frameLines.size < CACHED_LINES) this.frameLines.set(line, func);
    }
    return func;
  }

  private functionOf(frame: PerfFrame): number {
    const key = `${frame.symbol}\u0000${frame.dso}`;
    let func = this.functionIds.get(key);
    if (func === undefined) {
      const module = frame.dso && frame.dso !== 'inlined' ? frame.dso : undefined;
      func = this.builder.functionId(module ? { name: frame.symbol, module } : { name: frame.symbol });
      this.functionIds.set(key, func);
    }
    return func;
  }

  private pushFrame(func: number): void {
    this.frames = grown(this.frames, 3 * (this.frameCount + 1));
    const at = 3 * this.frameCount++;
    this.frames[at] = func;
    this.frames[at + 1] = 0;
    this.frames[at + 2] = 0;
    this.awaitingSrcline = true;
  }

  /** The srcline of a line as an index into `srclineFile`/`srclineNumber`, or -1; cached like frame lines. */
  private srcline(line: string): number {
    let id = this.srclines.get(line);
    if (id === undefined) {
      const srcline = parseSrcline(line);
      id = -1;
      if (srcline) {
        let file = this.fileIds.get(srcline.file);
        if (file === undefined) {
          file = this.files.push(srcline.file) - 1;
          this.fileIds.set(srcline.file, file);
        }
        id = this.srclineFile.push(file) - 1;
        this.srclineNumber.push(srcline.line);
      }
      if (this.srclines.size < CACHED_LINES) this.srclines.set(line, id);
    }
    return id;
  }

  private setSrcline(srcline: number): void {
    const file = this.srclineFile[srcline];
    const at = 3 * (this.frameCount - 1);
    this.frames[at + 1] = this.srclineNumber[srcline];
    this.frames[at + 2] = file + 1;
    if (file < 1 << 21) {
      const vote = this.frames[at] * 2 ** 21 + file;
      this.fileVotes.set(vote, (this.fileVotes.get(vote) ?? 0) + 1);
    }
  }

  /** Adds the current sample, if any, to the tree, root first. */
  private flush(): void {
    if (!this.inSample) return;
    this.inSample = false;
    this.awaitingSrcline = false;
    let node = 0;
    for (let at = 3 * (this.frameCount - 1); at >= 0; at -= 3) {
      node = this.builder.child(node, this.frames[at], this.frames[at + 1]);
      this.nodeFile = grown(this.nodeFile, node + 1);
      if (this.nodeFile[node] === 0) this.nodeFile[node] = this.frames[at + 2];
    }
    this.frameCount = 0;
    const s = this.samples++;
    this.sampleNode = grown(this.sampleNode, s + 1);
    this.sampleEvent = grown(this.sampleEvent, s + 1);
    this.samplePeriod = grown(this.samplePeriod, s + 1);
    this.sampleNode[s] = node;
    this.sampleEvent[s] = this.event;
    this.samplePeriod[s] = this.period;
    if (!(this.period >= 0)) this.allHavePeriods = false;
  }

  /** Gives each function the file most of its srclines name, and drops lines from other files. */
  private assignFiles(tree: { line: Int32Array; func: Int32Array; size: number }): void {
    const best = new Map<number, { file: number; votes: number }>();
    for (const [key, votes] of this.fileVotes) {
      const func = Math.floor(key / 2 ** 21);
      const current = best.get(func);
      if (!current || votes > current.votes) best.set(func, { file: key % 2 ** 21, votes });
    }
    for (const [func, { file }] of best) this.builder.functions[func].file = this.files[file];
    for (let node = 1; node < tree.size; node++) {
      const file = node < this.nodeFile.length ? this.nodeFile[node] - 1 : -1;
      if (file >= 0 && best.get(tree.func[node])?.file !== file) tree.line[node] = 0;
    }
  }

  private profile(): Profile {
    const built = this.builder.build();
    this.assignFiles(built);
    const withPeriods = this.allHavePeriods;
    const sampleTypes: SampleType[] = [{ type: 'samples', unit: 'samples' }];
    if (withPeriods) for (const event of this.events) sampleTypes.push({ type: event, unit: eventUnit(event) });
    // One self entry per sample (see CallTree): a count of one, and its period under its event.
    const selfNodes = this.sampleNode.slice(0, this.samples);
    const selfValues = sampleTypes.map(() => new Float64Array(this.samples));
    selfValues[0].fill(1);
    if (withPeriods) for (let s = 0; s < this.samples; s++) selfValues[1 + this.sampleEvent[s]][s] = this.samplePeriod[s];
    return {
      format: perfScriptImporter.format,
      source: this.input.name,
      sampleTypes,
      // perf report weighs samples by period; with several events, the first one.
      defaultSampleType: withPeriods ? 1 : 0,
      functions: this.builder.functions,
      shape: { kind: 'tree', tree: { ...built, selfNodes, selfValues } },
      sampleCount: this.samples,
    };
  }
}

/** The first line is a sample header, and its sample goes on with a frame on that line or the next. */
function looksLikePerfScript(input: ProfileInput): boolean {
  const lines = headLines(input).filter((line) => !isBlankLine(line) && !line.startsWith('#'));
  if (lines.length === 0 || lines[0].charCodeAt(0) === TAB) return false;
  const header = parseHeader(lines[0]);
  if (!header) return false;
  if (parseFrame(header.rest, false)) return true;
  return lines.length > 1 && lines[1].charCodeAt(0) === TAB && parseFrame(lines[1], true) !== undefined;
}

export const perfScriptImporter: Importer = {
  format: 'perf-script',
  title: 'perf script output (Linux perf)',
  sniff: looksLikePerfScript,
  read: (input) => new PerfScriptReader(input).read(),
};
