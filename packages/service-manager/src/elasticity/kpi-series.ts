// One KPI's samples in time order. Several instances may push the same KPI; their samples are
// pooled. Arrays with a moving head keep appends and front eviction O(1) amortised.

export class KpiSeries {
  private times: number[] = [];
  private values: number[] = [];
  private head = 0;

  get size(): number {
    return this.times.length - this.head;
  }

  /** The newest sample time, or -Infinity when empty. */
  get newestMs(): number {
    return this.size === 0 ? -Infinity : (this.times[this.times.length - 1] as number);
  }

  /** Inserts in time order; samples normally arrive in order, so the search starts from the end. */
  add(timeMs: number, value: number): void {
    let at = this.times.length;
    while (at > this.head && (this.times[at - 1] as number) > timeMs) at--;
    if (at === this.times.length) {
      this.times.push(timeMs);
      this.values.push(value);
    } else {
      this.times.splice(at, 0, timeMs);
      this.values.splice(at, 0, value);
    }
  }

  /** Drops samples older than cutoffMs (exclusive). */
  evictBefore(cutoffMs: number): void {
    while (this.head < this.times.length && (this.times[this.head] as number) < cutoffMs) this.head++;
    this.compact();
  }

  /** Keeps only the newest `count` samples. */
  keepNewest(count: number): void {
    if (this.size > count) this.head = this.times.length - count;
    this.compact();
  }

  /** Index of the first sample with time > t (binary search over the live part). */
  private firstAfter(t: number): number {
    let lo = this.head;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.times[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Calls visit for each sample with fromMs < time <= toMs, oldest first. */
  forEachIn(fromMs: number, toMs: number, visit: (value: number, timeMs: number) => void): void {
    const end = this.firstAfter(toMs);
    for (let i = this.firstAfter(fromMs); i < end; i++)
      visit(this.values[i] as number, this.times[i] as number);
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.values = this.values.slice(this.head);
      this.head = 0;
    }
  }
}
