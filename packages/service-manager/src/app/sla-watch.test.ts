import { describe, expect, it } from 'vitest';
import { SlaWatch } from './sla-watch.js';

const wait = {
  name: 'queue-wait',
  kpi: 'job_wait',
  operator: '<=' as const,
  threshold: 600,
  windowSeconds: 60,
};

describe('SlaWatch', () => {
  it('reports a violation once, and the return to compliance once, from the window mean', () => {
    const w = new SlaWatch([wait]);
    expect(w.check(0)).toEqual([]); // no samples: neither met nor violated
    w.record('job_wait', 500, 1_000);
    expect(w.check(1_000)).toEqual([]); // met from the start: nothing to say
    w.record('job_wait', 900, 2_000);
    w.record('job_wait', 1000, 3_000);
    const [v] = w.check(3_000);
    expect(v).toMatchObject({ met: false, value: 800 });
    expect(v!.reason).toBe('SLA objective queue-wait violated: job_wait mean 800 over 60 s not <= 600');
    w.record('job_wait', 1000, 4_000);
    expect(w.check(4_000)).toEqual([]);
    // The bad samples leave the window: met again.
    w.record('job_wait', 100, 70_000);
    const [back] = w.check(70_000);
    expect(back).toMatchObject({ met: true, value: 100 });
    expect(back!.reason).toMatch(/met again/);
  });

  it('ignores KPIs no objective names and forgets removed objectives', () => {
    const w = new SlaWatch([wait]);
    w.record('jobqueue', 1e9, 1_000);
    expect(w.check(1_000)).toEqual([]);
    w.record('job_wait', 5000, 2_000);
    expect(w.check(2_000)).toHaveLength(1);
    w.update([]);
    expect(w.check(3_000)).toEqual([]);
  });
});
