/**
 * Waits for a pause per key: each call for a key restarts its wait, and the action runs once the
 * key has been quiet for the delay. Used for files that are written or typed into in bursts.
 */
export class DebouncePerKey {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly delayMs: number) {}

  /** Runs `action` after the delay, unless another call for `key` comes first. */
  schedule(key: string, action: () => void): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        action();
      }, this.delayMs),
    );
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
