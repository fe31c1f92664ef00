import { ReservoirError } from '@reservoir/runtime';
import { KpiSeries } from './kpi-series.js';

/** The functions an expression may apply to a KPI; a bare KPI name means avg. */
export type KpiFunction = 'avg' | 'min' | 'max' | 'sum' | 'last' | 'count';

/** Statistics of the samples in (t − window, t]. */
export interface WindowStats {
  count: number;
  mean: number;
  min: number;
  max: number;
  sum: number;
  /** The newest sample's value. */
  last: number;
}

export interface KpiWindowsOptions {
  /** Samples older than this (relative to the newest time seen) are dropped. Default 3600 s. */
  retentionSeconds?: number;
  /** A hard cap per KPI, so a runaway source cannot exhaust memory. Default 100,000. */
  maxSamplesPerKpi?: number;
}

/**
 * Recent KPI samples of one service, answering window statistics at an injected time. Memory is
 * bounded by the retention (the elasticity engine sets it to its longest rule window) and a cap.
 */
export class KpiWindows {
  private readonly series = new Map<string, KpiSeries>();
  private retentionMs: number;
  private readonly maxSamples: number;

  constructor(options: KpiWindowsOptions = {}) {
    this.retentionMs = positive(options.retentionSeconds ?? 3600, 'retentionSeconds') * 1000;
    this.maxSamples = positive(options.maxSamplesPerKpi ?? 100_000, 'maxSamplesPerKpi');
  }

  get retentionSeconds(): number {
    return this.retentionMs / 1000;
  }

  /** Changes how long samples are kept; shrinking evicts at once. */
  setRetentionSeconds(seconds: number): void {
    this.retentionMs = positive(seconds, 'retentionSeconds') * 1000;
    for (const s of this.series.values()) s.evictBefore(s.newestMs - this.retentionMs);
  }

  /** Stores one sample; a non-finite value or one already past retention is ignored (false). */
  record(kpi: string, value: number, timeMs: number): boolean {
    if (!Number.isFinite(value) || !Number.isFinite(timeMs)) return false;
    let s = this.series.get(kpi);
    if (s === undefined) {
      s = new KpiSeries();
      this.series.set(kpi, s);
    }
    if (timeMs < s.newestMs - this.retentionMs) return false;
    s.add(timeMs, value);
    s.evictBefore(s.newestMs - this.retentionMs);
    s.keepNewest(this.maxSamples);
    return true;
  }

  /** Evicts by wall time too, so a KPI that stopped reporting does not hold its samples forever. */
  prune(nowMs: number): void {
    for (const [kpi, s] of this.series) {
      s.evictBefore(nowMs - this.retentionMs);
      if (s.size === 0) this.series.delete(kpi);
    }
  }

  /** Statistics over (nowMs − windowSeconds, nowMs]; null when the window holds no sample. */
  stats(kpi: string, windowSeconds: number, nowMs: number): WindowStats | null {
    const s = this.series.get(kpi);
    if (s === undefined) return null;
    let count = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let last = NaN;
    s.forEachIn(nowMs - windowSeconds * 1000, nowMs, (v) => {
      count++;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
      last = v;
    });
    return count === 0 ? null : { count, mean: sum / count, min, max, sum, last };
  }

  /** One statistic; NaN when the window is empty, except count (0). */
  value(kpi: string, fn: KpiFunction, windowSeconds: number, nowMs: number): number {
    const st = this.stats(kpi, windowSeconds, nowMs);
    if (st === null) return fn === 'count' ? 0 : NaN;
    return pick(st, fn);
  }

  /** Samples held for a KPI (all KPIs when omitted). */
  sampleCount(kpi?: string): number {
    if (kpi !== undefined) return this.series.get(kpi)?.size ?? 0;
    let n = 0;
    for (const s of this.series.values()) n += s.size;
    return n;
  }
}

function pick(stats: WindowStats, fn: KpiFunction): number {
  switch (fn) {
    case 'avg':
      return stats.mean;
    case 'min':
      return stats.min;
    case 'max':
      return stats.max;
    case 'sum':
      return stats.sum;
    case 'last':
      return stats.last;
    case 'count':
      return stats.count;
  }
}

function positive(n: number, field: string): number {
  if (!(n > 0) || !Number.isFinite(n))
    throw new ReservoirError('INVALID_ARGUMENT', `${field} must be a positive number, got ${n}`, { field });
  return n;
}
