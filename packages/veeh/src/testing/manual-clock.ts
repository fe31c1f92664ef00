import type { Clock } from '../domain/clock.js';

/** A clock for tests: time moves only when told, and sleepers wake in order as it passes them. */
export class ManualClock implements Clock {
  private sleepers: { at: number; wake: () => void }[] = [];

  constructor(private nowMs = 1_700_000_000_000) {}

  now(): number {
    return this.nowMs;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.sleepers.push({ at: this.nowMs + ms, wake: resolve });
    });
  }

  get sleeping(): number {
    return this.sleepers.length;
  }

  /** Moves time forward by `ms`, waking every sleeper due, and lets the woken code run. */
  async advance(ms: number): Promise<void> {
    const until = this.nowMs + ms;
    for (;;) {
      const due = this.sleepers.filter((s) => s.at <= until).sort((a, b) => a.at - b.at);
      const next = due[0];
      if (!next) break;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.nowMs = Math.max(this.nowMs, next.at);
      next.wake();
      await settle();
    }
    this.nowMs = until;
    await settle();
  }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((resolve) => setImmediate(resolve));
}
