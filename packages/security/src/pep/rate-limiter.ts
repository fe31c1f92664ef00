// A token bucket per principal: bursts up to `burst` calls, then `perSecond` on average. Buckets
// of idle principals are dropped so memory follows the active callers, not every caller ever seen.

export interface RateLimitOptions {
  /** Average calls per second allowed to one principal. */
  perSecond: number;
  /** Calls a principal may make at once after being idle. */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;
  #lastSweep = 0;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly clock: () => number = Date.now,
  ) {
    if (!(options.perSecond > 0) || !(options.burst >= 1))
      throw new RangeError('rate limit: perSecond must be above 0 and burst at least 1');
    this.#perMs = options.perSecond / 1000;
  }

  /** 0 when the call may go ahead (and is counted); otherwise the ms until one token is back. */
  take(principal: string): number {
    const now = this.clock();
    this.#sweep(now);
    const b = this.#buckets.get(principal) ?? { tokens: this.options.burst, at: now };
    b.tokens = Math.min(this.options.burst, b.tokens + (now - b.at) * this.#perMs);
    b.at = now;
    this.#buckets.set(principal, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / this.#perMs);
  }

  #sweep(now: number): void {
    // A bucket refills fully in burst/perSecond seconds; one idle for longer is the same as none.
    const full = this.options.burst / this.#perMs;
    if (now - this.#lastSweep < full) return;
    this.#lastSweep = now;
    for (const [k, b] of this.#buckets) if (now - b.at >= full) this.#buckets.delete(k);
  }
}
