/**
 * Reads a callgrind (or cachegrind) file line by line into a CallgrindGraph. The format:
 * https://valgrind.org/docs/manual/cl-format.html. Header lines (`key: value`) set the events
 * and positions; position specifications (`fn=`, `fl=`, `fi=`, `calls=`…) change what the
 * following cost lines belong to; cost lines give positions (absolute, `+n`, `-n` or `*`,
 * relative to the previous cost line) and then one cost per event.
 */
import { ProfileError } from '../../importer';
import { LineCursor } from './cursor';
import { EventTypes, MAX_EVENTS } from './events';
import { CallgrindGraph, MAX_FUNCTIONS } from './graph';
import { NAME_KIND, NameTables } from './names';

const MAX_LINE_NUMBER = 2 ** 31 - 1;

function isCostLineStart(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2a;
}

export class CallgrindReader {
  events: EventTypes | undefined;
  graph: CallgrindGraph | undefined;
  private lineNumber = 0;
  private readonly names = new NameTables();
  private readonly cursor = new LineCursor();
  private positionCount = 1;
  /** Index of the line number among the positions, or -1 when cost lines carry none. */
  private lineIndex = 0;
  private position = new Float64Array(1);
  private costs = new Float64Array(0);
  private sawCostLine = false;
  private creator = '';
  private readonly eventDefinitions: string[] = [];
  /** Sum of the `totals:` lines (callgrind writes one per part). */
  private totals: Float64Array | undefined;
  /**
   * Sum of the `summary:` lines that follow cost lines: cachegrind's total of all of them. (In a
   * callgrind file of several parts, they are the next parts' summaries, and totals: rule.)
   */
  private trailingSummary: Float64Array | undefined;

  // What cost lines belong to: object, current file, function and the file it was named in.
  private object = '';
  private file = '';
  private functionName: string | undefined;
  private functionFile = '';
  private context = -1;
  private contextStale = false;

  // The called function of the next `calls=` line.
  private callObject: string | undefined;
  private callFile: string | undefined;
  private callName: string | undefined;
  private callee = -1;
  private calleeStale = true;
  /** Set by a `calls=` line: its line number (0 when no call is pending), and the start line of the called function. */
  private callLineNumber = 0;
  private callTargetLine = 0;

  constructor(private readonly name: string) {}

  /** Reads the line `text.slice(start, end)`. */
  line(text: string, start: number, end: number, lineNumber: number): void {
    this.lineNumber = lineNumber;
    if (start === end) return;
    const first = text.charCodeAt(start);
    if (first === 0x23 /* # */) return;
    if (isCostLineStart(first)) return this.costLine(text, start, end);
    this.namedLine(text.slice(start, end));
  }

  /** A `key=value` position specification or a `key: value` header line. */
  private namedLine(text: string): void {
    if (this.callLineNumber > 0) this.fail(`the calls= line ${this.callLineNumber} is not followed by its cost line`);
    const equals = text.indexOf('=');
    const colon = text.indexOf(':');
    if (equals > 0 && (colon < 0 || equals < colon)) return this.specification(text.slice(0, equals), text.slice(equals + 1).trimStart());
    if (colon > 0) return this.header(text.slice(0, colon), text.slice(colon + 1).trim());
    this.fail(`"${text.slice(0, 40)}" is not a callgrind line`);
  }

  /** Checks what only the end of the file can show. */
  finish(): void {
    if (this.callLineNumber > 0) this.fail(`the file ends after the calls= line ${this.callLineNumber}, without its cost line`);
    if (!this.events || !this.graph) throw new ProfileError(this.name, 'no "events:" line: this is not a callgrind or cachegrind profile');
    for (const definition of this.eventDefinitions) this.events.define(definition);
    if (this.creator.startsWith('callgrind') && !this.totals) {
      throw new ProfileError(this.name, 'the file ends before its "totals:" line: it was cut short');
    }
    const totals = this.totals ?? this.trailingSummary;
    if (!totals) return;
    const sums = this.graph.selfSum();
    this.events.names.forEach((event, i) => {
      const said = totals[i];
      if (Math.abs(said - sums[i]) > 1e-9 * Math.max(Math.abs(said), Math.abs(sums[i]))) {
        throw new ProfileError(this.name, `its totals say ${said} ${event} but its cost lines add up to ${sums[i]}: the file is damaged`);
      }
    });
  }

  private fail(problem: string): never {
    throw new ProfileError(this.name, `line ${this.lineNumber}: ${problem}`);
  }

  private header(key: string, value: string): void {
    switch (key) {
      case 'events':
        return this.setEvents(value);
      case 'positions':
        return this.setPositions(value);
      case 'event':
        // Read at the end: "event:" lines may come before the "events:" line.
        this.eventDefinitions.push(value);
        return;
      case 'version': {
        const major = Number(/^\d+/.exec(value)?.[0] ?? NaN);
        if (!(major <= 1)) this.fail(`callgrind format version "${value.slice(0, 20)}"; Hotpath reads version 1`);
        return;
      }
      case 'creator':
        this.creator = value;
        return;
      case 'totals':
        this.totals = this.addCosts(this.totals, value);
        return;
      case 'summary':
        if (this.sawCostLine) this.trailingSummary = this.addCosts(this.trailingSummary, value);
        return;
      default:
      // pid, cmd, part, desc, thread and unknown keys describe the run and change nothing here.
    }
  }

  private setEvents(value: string): void {
    const names = value.split(/\s+/).filter((n) => n.length > 0);
    if (names.length === 0) this.fail('the "events:" line names no event');
    if (names.length > MAX_EVENTS) this.fail(`the "events:" line names ${names.length} events; Hotpath reads at most ${MAX_EVENTS}`);
    if (this.events) {
      if (names.join(' ') !== this.events.names.join(' ')) this.fail('a later part of the file counts other events than the first');
      return;
    }
    this.events = new EventTypes(names);
    this.graph = new CallgrindGraph(names.length);
    this.costs = new Float64Array(names.length);
  }

  private setPositions(value: string): void {
    const kinds = value.split(/\s+/).filter((k) => k.length > 0);
    if (kinds.length === 0 || kinds.length > 3) this.fail(`"positions: ${value.slice(0, 40)}" is not a list of subpositions`);
    if (this.sawCostLine) {
      if (kinds.length !== this.positionCount || kinds.indexOf('line') !== this.lineIndex) this.fail('the positions change after cost lines');
      return;
    }
    this.positionCount = kinds.length;
    this.lineIndex = kinds.indexOf('line');
    this.position = new Float64Array(kinds.length);
  }

  /** Adds the costs of a totals or summary line to `sum` (made on first use). */
  private addCosts(sum: Float64Array | undefined, value: string): Float64Array {
    if (!this.events) this.fail('totals come before the "events:" line');
    const costs = sum ?? new Float64Array(this.events.names.length);
    this.cursor.reset(value);
    for (let i = 0; this.cursor.more(); i++) {
      const cost = this.cursor.cost();
      if (i >= costs.length || Number.isNaN(cost)) this.fail(`malformed totals "${value.slice(0, 40)}"`);
      costs[i] += cost;
    }
    return costs;
  }

  private specification(key: string, value: string): void {
    const kind = NAME_KIND.get(key);
    if (kind) {
      const resolved = this.names.resolve(kind, value, (problem) => this.fail(problem));
      switch (key) {
        case 'ob':
          this.object = resolved;
          break;
        case 'fl':
        case 'fi':
        case 'fe':
          if (key !== 'fl' && this.functionName === undefined) this.fail(`"${key}=" comes before any "fn=" line`);
          this.file = resolved;
          break;
        case 'fn':
          this.functionName = resolved;
          this.functionFile = this.file;
          break;
        case 'cob':
          this.callObject = resolved;
          break;
        case 'cfi':
        case 'cfl':
          this.callFile = resolved;
          break;
        case 'cfn':
          this.callName = resolved;
          break;
        default:
          // jfi= and jfn= only define names for jumps, which Hotpath does not show.
          return;
      }
      // cob=, cfi=, cfl= and cfn= change the function the next calls= line calls; the others
      // change what the following cost lines belong to.
      if (key.charCodeAt(0) === 0x63 /* c */) this.calleeStale = true;
      else this.contextStale = true;
      return;
    }
    if (key === 'calls') this.calls(value);
    // jump=, jcnd= and unknown specifications carry nothing Hotpath shows.
  }

  private calls(value: string): void {
    if (this.callLineNumber > 0) this.fail(`the calls= line ${this.callLineNumber} is not followed by its cost line`);
    this.cursor.reset(value);
    if (!this.cursor.more() || Number.isNaN(this.cursor.unsigned())) this.fail(`malformed "calls=${value.slice(0, 40)}"`);
    const caller = this.currentContext();
    if (this.calleeStale) {
      if (this.callName === undefined) this.fail('"calls=" comes before any "cfn=" line naming the called function');
      this.callee = this.node(this.callObject ?? this.object, this.callFile ?? this.file, this.callName);
      this.callObject = undefined;
      this.callFile = undefined;
      this.calleeStale = false;
    }
    if (caller < 0) this.fail('"calls=" comes before any "fn=" line');
    // The target position is where the called function starts: a hint, read when well formed.
    let targetLine = 0;
    for (let p = 0; p < this.positionCount && this.cursor.more(); p++) {
      const at = this.cursor.subposition(this.position[p]);
      if (p === this.lineIndex && at > 0 && at <= MAX_LINE_NUMBER) targetLine = at;
    }
    this.callLineNumber = this.lineNumber;
    this.callTargetLine = targetLine;
  }

  private costLine(text: string, start: number, end: number): void {
    if (!this.graph) this.fail('a cost line comes before the "events:" line');
    this.sawCostLine = true;
    const cursor = this.cursor;
    cursor.reset(text, start, end);
    const position = this.position;
    for (let p = 0; p < this.positionCount; p++) {
      const at = cursor.more() ? cursor.subposition(position[p]) : NaN;
      if (!(at >= 0)) this.fail(`malformed position in cost line "${text.slice(start, Math.min(end, start + 40))}"`);
      position[p] = at;
    }
    const line = this.lineIndex < 0 ? 0 : position[this.lineIndex];
    if (line > MAX_LINE_NUMBER) this.fail(`line number ${line} is out of range`);
    const costs = this.costs;
    let count = 0;
    while (cursor.more()) {
      if (count === costs.length) this.fail(`the cost line has more costs than the ${costs.length} events`);
      const cost = cursor.cost();
      if (Number.isNaN(cost)) this.fail(`malformed cost in cost line "${text.slice(start, Math.min(end, start + 40))}"`);
      costs[count++] = cost;
    }
    const context = this.currentContext();
    if (context < 0) this.fail('a cost line comes before any "fn=" line');
    if (this.callLineNumber > 0) {
      this.graph.addCall(context, this.callee, line, costs, count);
      this.graph.noteStart(this.callee, this.callTargetLine);
      this.callLineNumber = 0;
    } else {
      this.graph.addSelf(context, line, costs, count);
    }
  }

  /** The node cost lines belong to now, or -1 before the first `fn=`. */
  private currentContext(): number {
    if (!this.contextStale) return this.context;
    this.contextStale = false;
    if (this.functionName === undefined) return (this.context = -1);
    const home = this.node(this.object, this.functionFile, this.functionName);
    this.context = this.file === this.functionFile ? home : this.node(this.object, this.file, this.functionName, home);
    return this.context;
  }

  private node(object: string, file: string, name: string, home?: number): number {
    const id = this.graph!.node(object, file, name, home);
    return id ?? this.fail(`more than ${MAX_FUNCTIONS} functions`);
  }
}
