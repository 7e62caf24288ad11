/**
 * Waiting on deadlines that can move. When a session's dates change, its instants are replaced; every pending wait
 * then re-reads its instant, so one update re-plans all the timers at once.
 */
import { condition } from '@temporalio/workflow';

export class DeadlineClock<K extends string> {
  private version = 0;

  constructor(private instants: Record<K, number>) {}

  at(key: K): number {
    return this.instants[key];
  }

  replace(instants: Record<K, number>): void {
    this.instants = instants;
    this.version += 1;
  }

  /**
   * Resolves true as soon as `done()` holds, or false when the instant of `key` (plus `offsetMs`) is reached first.
   * An instant already past resolves at once with `done()`. `notBefore`: never earlier than this instant, wherever
   * the deadline moves (e.g. an interval counted from the last reminder actually sent).
   */
  async waitFor(key: K, done: () => boolean, offsetMs = 0, notBefore = -Infinity): Promise<boolean> {
    for (;;) {
      if (done()) return true;
      const seen = this.version;
      const remaining = Math.max(this.instants[key] + offsetMs, notBefore) - Date.now();
      if (remaining <= 0) return done();
      await condition(() => done() || this.version !== seen, remaining);
      if (done()) return true;
      if (this.version === seen) return false;
      // The plan moved while waiting: wait again for the new instant.
    }
  }
}
