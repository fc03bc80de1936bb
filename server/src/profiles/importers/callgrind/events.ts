/**
 * Callgrind's event types: the `events:` list that cost lines follow, and the inherited events
 * that `event: Name = 2 Ir + Dr` lines define as sums of others (KCachegrind's cycle estimates
 * are written that way). Inherited events are linear, so they are computed once at the end from
 * the summed costs instead of on every line.
 */
import type { SampleType } from '../../model';

/** More events than this on one `events:` line is not a profile (callgrind writes about 20 at most). */
export const MAX_EVENTS = 64;

/** An inherited event: a weighted sum of the events that cost lines carry. */
interface InheritedEvent {
  name: string;
  /** One weight per event of the `events:` line. */
  weights: number[];
}

export class EventTypes {
  /** The events that cost lines carry, in their order. */
  readonly names: string[];
  private readonly inheritedDefinitions: Array<{ name: string; formula: string }> = [];

  constructor(names: string[]) {
    this.names = names;
  }

  /** Notes an `event:` line's definition; only `Name = formula` lines define anything. */
  define(value: string): void {
    const match = /^\s*(\S+?)\s*=\s*([^:]+)/.exec(value);
    if (match && this.inheritedDefinitions.length < MAX_EVENTS) {
      this.inheritedDefinitions.push({ name: match[1], formula: match[2] });
    }
  }

  /**
   * The inherited events whose formulas use only known events, each as weights over the events
   * of cost lines. One may use another defined before it. Others are left out.
   */
  inherited(): InheritedEvent[] {
    const known = new Map<string, number[]>();
    this.names.forEach((name, index) => {
      const weights = new Array<number>(this.names.length).fill(0);
      weights[index] = 1;
      known.set(name, weights);
    });
    const result: InheritedEvent[] = [];
    for (const { name, formula } of this.inheritedDefinitions) {
      if (known.has(name)) continue;
      const weights = this.weigh(formula, known);
      if (!weights) continue;
      known.set(name, weights);
      result.push({ name, weights });
    }
    return result;
  }

  /** Sample types: the events of cost lines, then the inherited ones. */
  sampleTypes(inherited: InheritedEvent[]): SampleType[] {
    return [...this.names, ...inherited.map((e) => e.name)].map((type) => ({
      type,
      unit: type === 'Ir' ? 'instructions' : 'count',
    }));
  }

  /** Reads `2 Ir + 10 * Bm + Dr` into weights; undefined when a term is malformed or unknown. */
  private weigh(formula: string, known: Map<string, number[]>): number[] | undefined {
    const weights = new Array<number>(this.names.length).fill(0);
    for (const term of formula.split('+')) {
      const match = /^\s*(?:(\d+(?:\.\d+)?)\s*\*?\s*)?([A-Za-z_][\w.()]*)\s*$/.exec(term);
      const base = match ? known.get(match[2]) : undefined;
      if (!match || !base) return undefined;
      const factor = match[1] === undefined ? 1 : Number(match[1]);
      base.forEach((w, i) => (weights[i] += factor * w));
    }
    return weights;
  }
}

/** Appends the inherited events' values to a vector of event costs, in place. */
export function appendInherited(values: number[], inherited: InheritedEvent[]): number[] {
  const base = values.length;
  for (const event of inherited) {
    let sum = 0;
    for (let i = 0; i < base; i++) sum += event.weights[i] * values[i];
    values.push(sum);
  }
  return values;
}

export type { InheritedEvent };
