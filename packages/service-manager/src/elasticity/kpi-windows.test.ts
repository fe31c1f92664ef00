import { describe, expect, it } from 'vitest';
import { KpiWindows } from './kpi-windows.js';
import { T0 } from './test-support.js';

describe('KpiWindows', () => {
  it('answers mean, min, max, sum, last and count over the last N seconds', () => {
    const w = new KpiWindows();
    [10, 40, 20, 30].forEach((v, i) => w.record('jobqueue', v, T0 + i * 10_000));
    expect(w.stats('jobqueue', 60, T0 + 30_000)).toEqual({
      count: 4,
      mean: 25,
      min: 10,
      max: 40,
      sum: 100,
      last: 30,
    });
    // (T0 + 5 s, T0 + 35 s] holds the last three samples.
    expect(w.stats('jobqueue', 30, T0 + 35_000)).toEqual({
      count: 3,
      mean: 30,
      min: 20,
      max: 40,
      sum: 90,
      last: 30,
    });
  });

  it('excludes the sample exactly at the window start and includes one exactly at now', () => {
    const w = new KpiWindows();
    w.record('q', 1, T0);
    w.record('q', 3, T0 + 60_000);
    expect(w.stats('q', 60, T0 + 60_000)).toMatchObject({ count: 1, mean: 3 });
    expect(w.stats('q', 60.001, T0 + 60_000)).toMatchObject({ count: 2, mean: 2 });
  });

  it('does not see samples later than the time asked about', () => {
    const w = new KpiWindows();
    w.record('q', 5, T0);
    w.record('q', 500, T0 + 10_000);
    expect(w.stats('q', 60, T0 + 5_000)).toMatchObject({ count: 1, last: 5 });
  });

  it('pools samples of several instances and keeps them in time order when they arrive late', () => {
    const w = new KpiWindows();
    w.record('cpu', 90, T0 + 2_000); // instance a
    w.record('cpu', 70, T0 + 1_000); // instance b, delivered late
    w.record('cpu', 80, T0 + 3_000);
    expect(w.stats('cpu', 10, T0 + 3_000)).toEqual({
      count: 3,
      mean: 80,
      min: 70,
      max: 90,
      sum: 240,
      last: 80,
    });
    expect(w.stats('cpu', 1.5, T0 + 2_500)).toMatchObject({ count: 1, last: 90 });
  });

  it('reports an empty window as null, value() as NaN, and count as 0', () => {
    const w = new KpiWindows();
    w.record('q', 5, T0);
    expect(w.stats('q', 10, T0 + 20_000)).toBeNull();
    expect(w.stats('other', 10, T0)).toBeNull();
    expect(w.value('q', 'avg', 10, T0 + 20_000)).toBeNaN();
    expect(w.value('q', 'count', 10, T0 + 20_000)).toBe(0);
    expect(w.value('q', 'sum', 10, T0)).toBe(5);
  });

  it('ignores non-finite values and samples already past retention', () => {
    const w = new KpiWindows({ retentionSeconds: 60 });
    expect(w.record('q', NaN, T0)).toBe(false);
    expect(w.record('q', Infinity, T0)).toBe(false);
    expect(w.record('q', 1, T0 + 120_000)).toBe(true);
    expect(w.record('q', 2, T0)).toBe(false);
    expect(w.sampleCount('q')).toBe(1);
  });

  it('evicts samples older than the retention as new ones arrive', () => {
    const w = new KpiWindows({ retentionSeconds: 60 });
    for (let s = 0; s <= 600; s++) w.record('q', s, T0 + s * 1000);
    // Kept: T0 + 540 s … T0 + 600 s.
    expect(w.sampleCount('q')).toBe(61);
    expect(w.stats('q', 3600, T0 + 600_000)).toMatchObject({ min: 540, max: 600 });
  });

  it('evicts by wall time on prune, dropping KPIs that stopped reporting', () => {
    const w = new KpiWindows({ retentionSeconds: 60 });
    w.record('gone', 1, T0);
    w.record('live', 1, T0 + 100_000);
    w.prune(T0 + 120_000);
    expect(w.sampleCount('gone')).toBe(0);
    expect(w.sampleCount('live')).toBe(1);
    expect(w.sampleCount()).toBe(1);
  });

  it('shrinking the retention evicts at once', () => {
    const w = new KpiWindows({ retentionSeconds: 600 });
    for (let s = 0; s < 300; s += 10) w.record('q', s, T0 + s * 1000);
    w.setRetentionSeconds(60);
    expect(w.retentionSeconds).toBe(60);
    expect(w.sampleCount('q')).toBe(7); // 230 … 290 s
  });

  it('caps the samples held per KPI, keeping the newest', () => {
    const w = new KpiWindows({ maxSamplesPerKpi: 100 });
    for (let i = 0; i < 5000; i++) w.record('flood', i, T0 + i);
    expect(w.sampleCount('flood')).toBe(100);
    expect(w.stats('flood', 3600, T0 + 5000)).toMatchObject({ count: 100, min: 4900, last: 4999 });
  });

  it('rejects a retention that is not a positive number', () => {
    expect(() => new KpiWindows({ retentionSeconds: 0 })).toThrow(/retentionSeconds/);
    expect(() => new KpiWindows().setRetentionSeconds(-1)).toThrow(/retentionSeconds/);
  });
});
