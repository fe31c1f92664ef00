import { describe, expect, it } from 'vitest';
import { SlidingWindow } from './sliding-window.js';

describe('SlidingWindow', () => {
  it('computes mean, min, max and nearest-rank percentiles', () => {
    const w = new SlidingWindow(10_000);
    for (let i = 1; i <= 10; i++) w.add(i * 100, i);
    expect(w.count()).toBe(10);
    expect(w.mean()).toBe(5.5);
    expect(w.min()).toBe(1);
    expect(w.max()).toBe(10);
    expect(w.percentile(50)).toBe(5);
    expect(w.percentile(90)).toBe(9);
    expect(w.percentile(100)).toBe(10);
    expect(w.percentile(0)).toBe(1);
    expect(() => w.percentile(101)).toThrow(RangeError);
  });

  it('evicts values older than the window', () => {
    const w = new SlidingWindow(1000);
    w.add(0, 100);
    w.add(500, 1);
    w.add(1000, 2); // 0 is now exactly one window old: out
    expect(w.count()).toBe(2);
    expect(w.max()).toBe(2);
    w.add(5000, 7);
    expect(w.count()).toBe(1);
    expect(w.mean()).toBe(7);
  });

  it('gives a counter rate per second and NaN statistics when empty', () => {
    const w = new SlidingWindow(60_000);
    expect(Number.isNaN(w.mean())).toBe(true);
    expect(Number.isNaN(w.min())).toBe(true);
    expect(w.rate()).toBe(0);
    w.add(0, 1000);
    expect(w.rate()).toBe(0);
    w.add(2000, 1500);
    w.add(4000, 3000);
    expect(w.rate()).toBe(500);
  });

  it('stays correct over many evictions', () => {
    const w = new SlidingWindow(100);
    for (let t = 0; t < 10_000; t++) w.add(t, t);
    expect(w.count()).toBe(100);
    expect(w.min()).toBe(9900);
    expect(w.rate()).toBe(1000);
  });
});
