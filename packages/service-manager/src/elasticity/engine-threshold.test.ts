import { describe, expect, it } from 'vitest';
import { at, feed, limits, makeEngine, runtimeOf, T0, threshold } from './test-support.js';

// Rule: jobqueue mean over 60 s per instance against 50 ± 20 %, judged every 20 s.

describe('ElasticityEngine with a threshold rule', () => {
  it('judges as soon as the window holds a sample, then every frequencySeconds', () => {
    const { engine, windows } = makeEngine({ rules: [threshold()] });
    expect(engine.nextDueMs()).toBe(T0);
    expect(engine.evaluate(T0, { worker: runtimeOf(2) })).toEqual([
      {
        timeMs: T0,
        component: 'worker',
        ruleId: 'queue',
        kind: 'none',
        from: 2,
        to: 2,
        victims: [],
        reason: 'no samples of jobqueue in the last 60 s',
      },
    ]);
    expect(engine.nextDueMs()).toBe(at(20));
    // The first sample arrives at 5 s: the rule is judged then, not at 20 s.
    windows.record('jobqueue', 130, at(5));
    expect(engine.evaluate(at(5), { worker: runtimeOf(2) })).toEqual([
      {
        timeMs: at(5),
        component: 'worker',
        ruleId: 'queue',
        kind: 'scale-out',
        from: 2,
        to: 3,
        victims: [],
        reason: 'jobqueue mean 130.0 over 60 s / 2 instances = 65.0 > 50 × 1.2',
      },
    ]);
    expect(engine.nextDueMs()).toBe(at(25));
    expect(engine.evaluate(at(10), { worker: runtimeOf(3) })).toEqual([]);
  });

  it('does not repeat "no samples" while the data is still missing', () => {
    const { engine } = makeEngine({ rules: [threshold()] });
    expect(engine.evaluate(T0, { worker: runtimeOf(2) })).toHaveLength(1);
    expect(engine.evaluate(at(20), { worker: runtimeOf(2) })).toEqual([]);
    expect(engine.evaluate(at(40), { worker: runtimeOf(2) })).toEqual([]);
  });

  it('scales in by one below the band, removing the youngest instance by default', () => {
    const { engine, windows } = makeEngine({ rules: [threshold()] });
    feed(windows, 'jobqueue', 60, T0 - 55_000, T0); // 60 / 3 = 20 < 40
    const [d] = engine.evaluate(T0, { worker: runtimeOf(3) });
    expect(d).toMatchObject({
      kind: 'scale-in',
      from: 3,
      to: 2,
      victims: ['w3'],
      reason: 'jobqueue mean 60.0 over 60 s / 3 instances = 20.0 < 50 × 0.8',
    });
  });

  it('removes the oldest instance under the oldest-first policy', () => {
    const { engine, windows } = makeEngine({
      rules: [threshold()],
      components: [limits({ scaleInPolicy: 'oldest' })],
    });
    feed(windows, 'jobqueue', 60, T0 - 55_000, T0);
    expect(engine.evaluate(T0, { worker: runtimeOf(3) })[0]).toMatchObject({
      kind: 'scale-in',
      victims: ['w1'],
    });
  });

  it('does nothing inside the dead band and logs nothing while quiet', () => {
    const { engine, windows } = makeEngine({ rules: [threshold()] });
    feed(windows, 'jobqueue', 110, T0 - 55_000, at(100)); // 55 per instance, inside [40, 60]
    for (let s = 0; s <= 100; s += 20) expect(engine.evaluate(at(s), { worker: runtimeOf(2) })).toEqual([]);
  });

  it('logs once when a rule goes quiet after firing', () => {
    const { engine, windows } = makeEngine({
      rules: [threshold()],
      components: [limits({ instances: { min: 1, max: 2 } })],
    });
    feed(windows, 'jobqueue', 200, T0 - 55_000, T0);
    expect(engine.evaluate(T0, { worker: runtimeOf(2) })).toMatchObject([
      { kind: 'none', reason: 'at max 2: jobqueue mean 200.0 over 60 s / 2 instances = 100.0 > 50 × 1.2' },
    ]);
    feed(windows, 'jobqueue', 100, at(1), at(80));
    expect(engine.evaluate(at(20), { worker: runtimeOf(2) })).toEqual([]); // still above: mean 150
    expect(engine.evaluate(at(40), { worker: runtimeOf(2) })).toEqual([]);
    expect(engine.evaluate(at(60), { worker: runtimeOf(2) })).toMatchObject([
      { kind: 'none', reason: 'jobqueue mean 100.0 over 60 s / 2 instances = 50.0 within 50 ± 20%' },
    ]);
    expect(engine.evaluate(at(80), { worker: runtimeOf(2) })).toEqual([]);
  });

  it('keeps judging per instance as the component grows', () => {
    const { engine, windows } = makeEngine({
      rules: [threshold()],
      components: [limits({ cooldownSeconds: 0 })],
    });
    // 250 needs 5 instances to drop to 50 each.
    const sizes: number[] = [];
    let n = 2;
    for (let s = 0; s <= 200; s += 20) {
      feed(windows, 'jobqueue', 250, at(s - 15), at(s));
      for (const d of engine.evaluate(at(s), { worker: runtimeOf(n) })) if (d.kind === 'scale-out') n = d.to;
      sizes.push(n);
    }
    // 250 / 4 = 62.5 > 60 → 5; 250 / 5 = 50 → stays.
    expect(sizes).toEqual([3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
  });
});
