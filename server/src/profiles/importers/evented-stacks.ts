/**
 * Open/close events as call tree values, for evented profiles (speedscope's `evented` profiles,
 * the duration events of Chrome traces): the time between two consecutive events belongs to the
 * frame on top of the stack, so a frame's self value is its duration minus its children's.
 */
import type { TreeBuilder } from '../tree-builder';

export class EventedStacks {
  private readonly nodes: number[] = [];
  private readonly funcs: number[] = [];
  private last = Number.NaN;
  private readonly values: number[];

  /**
   * Values go to sample type `sampleType` of a builder with `sampleTypes` types, times `scale`
   * (the factor from the events' time unit to the sample type's unit); stacks start below the
   * call tree node `root`.
   */
  constructor(
    private readonly builder: TreeBuilder,
    sampleTypes: number,
    private readonly sampleType: number,
    private readonly scale: number,
    private readonly root = 0,
  ) {
    this.values = new Array<number>(sampleTypes).fill(0);
  }

  get depth(): number {
    return this.nodes.length;
  }

  /** The function on top of the stack, -1 when the stack is empty. */
  get top(): number {
    return this.funcs.length > 0 ? this.funcs[this.funcs.length - 1] : -1;
  }

  /** The time of the latest event, NaN before the first. */
  get time(): number {
    return this.last;
  }

  /** Opens a frame of `func` at time `at`; false (and nothing done) when `at` is before the last event. */
  open(func: number, at: number): boolean {
    if (!this.advance(at)) return false;
    const parent = this.nodes.length > 0 ? this.nodes[this.nodes.length - 1] : this.root;
    this.nodes.push(this.builder.child(parent, func, 0));
    this.funcs.push(func);
    return true;
  }

  /** Closes the top frame at time `at`; false (and nothing done) when none is open or `at` is too early. */
  close(at: number): boolean {
    if (this.nodes.length === 0 || !this.advance(at)) return false;
    this.nodes.pop();
    this.funcs.pop();
    return true;
  }

  /** Closes every frame still open, at time `at` or at the last event when that is later. */
  closeAll(at: number): void {
    const end = at >= this.last ? at : this.last;
    while (this.nodes.length > 0) this.close(end);
  }

  private advance(at: number): boolean {
    if (!Number.isFinite(at) || at < this.last) return false;
    if (this.nodes.length > 0 && at > this.last) {
      this.values[this.sampleType] = (at - this.last) * this.scale;
      this.builder.addSelf(this.nodes[this.nodes.length - 1], this.values);
    }
    this.last = at;
    return true;
  }
}
