// Statistics over the values of the last windowMs milliseconds (times must not go backwards).
export class SlidingWindow {
  private times: number[] = [];
  private values: number[] = [];
  private start = 0;

  constructor(readonly windowMs: number) {
    if (!(windowMs > 0)) throw new RangeError('windowMs must be positive');
  }

  add(timeMs: number, value: number): void {
    this.times.push(timeMs);
    this.values.push(value);
    const oldest = timeMs - this.windowMs;
    while (this.start < this.times.length && (this.times[this.start] as number) <= oldest) this.start++;
    // Compact now and then so evicted entries do not accumulate.
    if (this.start > 1024 && this.start * 2 > this.times.length) {
      this.times = this.times.slice(this.start);
      this.values = this.values.slice(this.start);
      this.start = 0;
    }
  }

  count(): number {
    return this.times.length - this.start;
  }

  /** NaN when empty, as are min, max and percentile. */
  mean(): number {
    const v = this.live();
    return v.length === 0 ? NaN : v.reduce((a, b) => a + b, 0) / v.length;
  }

  min(): number {
    return this.fold(Math.min);
  }

  max(): number {
    return this.fold(Math.max);
  }

  /** Nearest-rank percentile, p from 0 to 100. */
  percentile(p: number): number {
    if (!(p >= 0 && p <= 100)) throw new RangeError('p must be from 0 to 100');
    const v = this.live().sort((a, b) => a - b);
    if (v.length === 0) return NaN;
    return v[Math.max(0, Math.ceil((p / 100) * v.length) - 1)] as number;
  }

  /** Per second, for a counter: (last − first) / Δt over the window; 0 with fewer than two points. */
  rate(): number {
    const n = this.times.length;
    if (n - this.start < 2) return 0;
    const dt = (this.times[n - 1] as number) - (this.times[this.start] as number);
    if (dt <= 0) return 0;
    return (((this.values[n - 1] as number) - (this.values[this.start] as number)) * 1000) / dt;
  }

  private fold(f: (a: number, b: number) => number): number {
    let acc = NaN;
    for (let i = this.start; i < this.values.length; i++) {
      const v = this.values[i] as number;
      acc = i === this.start ? v : f(acc, v);
    }
    return acc;
  }

  private live(): number[] {
    return this.values.slice(this.start);
  }
}
