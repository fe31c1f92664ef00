import { describe, expect, it } from 'vitest';
import { KpiWindows } from './kpi-windows.js';
import { T0, threshold } from './test-support.js';
import { judgeThreshold } from './threshold-rule.js';

/** jobqueue samples every 10 s up to T0 + 60 s. */
function windowsWith(values: number[]): KpiWindows {
  const w = new KpiWindows();
  values.forEach((v, i) => w.record('jobqueue', v, T0 + (i + 1) * 10_000));
  return w;
}
const NOW = T0 + 60_000;

describe('judgeThreshold (Claudia: mean / replicas against Quota ± Tolerance %)', () => {
  // quota 50, tolerance 20 %: the dead band per instance is [40, 60].
  const rule = threshold();

  it('asks for one more instance above the band, citing the numbers', () => {
    const w = windowsWith([100, 120, 130, 140, 150, 140]); // mean 130
    expect(judgeThreshold(rule, { windows: w, instances: 2, nowMs: NOW })).toEqual({
      kind: 'fire',
      target: 3,
      reason: 'jobqueue mean 130.0 over 60 s / 2 instances = 65.0 > 50 × 1.2',
    });
  });

  it('asks for one fewer instance below the band', () => {
    const w = windowsWith([70, 80, 90, 70, 80, 90]); // mean 80 / 3 = 26.7
    expect(judgeThreshold(rule, { windows: w, instances: 3, nowMs: NOW })).toEqual({
      kind: 'fire',
      target: 2,
      reason: 'jobqueue mean 80.0 over 60 s / 3 instances = 26.7 < 50 × 0.8',
    });
  });

  it('is quiet inside the dead band, up to its edges', () => {
    for (const mean of [80, 100, 120]) {
      const verdict = judgeThreshold(rule, { windows: windowsWith([mean]), instances: 2, nowMs: NOW });
      expect(verdict.kind).toBe('quiet');
    }
    expect(judgeThreshold(rule, { windows: windowsWith([100]), instances: 2, nowMs: NOW })).toEqual({
      kind: 'quiet',
      reason: 'jobqueue mean 100.0 over 60 s / 2 instances = 50.0 within 50 ± 20%',
    });
    expect(judgeThreshold(rule, { windows: windowsWith([120.5]), instances: 2, nowMs: NOW }).kind).toBe(
      'fire',
    );
    expect(judgeThreshold(rule, { windows: windowsWith([79.5]), instances: 2, nowMs: NOW }).kind).toBe(
      'fire',
    );
  });

  it('averages over the window only: a spike that left the window no longer counts', () => {
    const w = new KpiWindows();
    w.record('jobqueue', 1000, T0); // old spike
    for (let s = 10; s <= 60; s += 10) w.record('jobqueue', 100, T0 + s * 1000);
    const short = threshold({ windowSeconds: 30 });
    expect(judgeThreshold(short, { windows: w, instances: 2, nowMs: NOW }).kind).toBe('quiet');
    const long = threshold({ windowSeconds: 120 }); // mean (1000 + 6 × 100) / 7 = 228.6 → 114.3 per instance
    expect(judgeThreshold(long, { windows: w, instances: 2, nowMs: NOW })).toMatchObject({
      kind: 'fire',
      target: 3,
    });
  });

  it('with a tolerance of 0 any deviation acts', () => {
    const exact = threshold({ tolerancePercent: 0 });
    expect(judgeThreshold(exact, { windows: windowsWith([100]), instances: 2, nowMs: NOW }).kind).toBe(
      'quiet',
    );
    expect(judgeThreshold(exact, { windows: windowsWith([101]), instances: 2, nowMs: NOW }).kind).toBe(
      'fire',
    );
  });

  it('with no instance, any load asks for one and no load is quiet', () => {
    expect(judgeThreshold(rule, { windows: windowsWith([3]), instances: 0, nowMs: NOW })).toMatchObject({
      kind: 'fire',
      target: 1,
    });
    expect(judgeThreshold(rule, { windows: windowsWith([0]), instances: 0, nowMs: NOW }).kind).toBe('quiet');
  });

  it('reports an empty window as no data', () => {
    expect(judgeThreshold(rule, { windows: new KpiWindows(), instances: 2, nowMs: NOW })).toEqual({
      kind: 'no-data',
      reason: 'no samples of jobqueue in the last 60 s',
    });
  });
});
