import { describe, expect, it } from 'vitest';
import type { ScalingDecision } from './decision.js';
import { at, expressionRule, feed, makeEngine, runtimeOf, T0, threshold } from './test-support.js';

describe('ElasticityEngine.updateRules', () => {
  it('keeps the state of kept rules, drops removed ones, and starts new ones due now', () => {
    const { engine, windows } = makeEngine({ rules: [expressionRule(), threshold()] });
    feed(windows, 'cpu', 95, at(-5), at(30));
    feed(windows, 'jobqueue', 100, at(-5), at(30));
    engine.evaluate(at(0), { worker: runtimeOf(2) });
    engine.evaluate(at(30), { worker: runtimeOf(2) });
    expect(engine.snapshot().rules['cpu-high']?.consecutiveTrue).toBe(2);

    // The expression's limit changes (same id, kind, component): it keeps its count of 2.
    const edited = expressionRule({ expression: 'avg(cpu) > 90' });
    const added = expressionRule({ id: 'mem-high', expression: 'avg(mem) > 80' });
    engine.updateRules([edited, added], at(40));
    const snap = engine.snapshot();
    expect(Object.keys(snap.rules).sort()).toEqual(['cpu-high', 'mem-high']);
    expect(snap.rules['cpu-high']).toMatchObject({ consecutiveTrue: 2, nextDueMs: at(60) });
    expect(snap.rules['mem-high']).toEqual({
      lastEvaluatedMs: null,
      nextDueMs: at(40),
      consecutiveTrue: 0,
      phase: 'idle',
    });

    // Third true period: the kept count makes it fire at once.
    feed(windows, 'cpu', 95, at(35), at(60));
    const log = engine.evaluate(at(60), { worker: runtimeOf(2) });
    expect(log.find((d) => d.ruleId === 'cpu-high')).toMatchObject({ kind: 'scale-out', to: 3 });
  });

  it('reschedules a kept rule whose period changed from its last evaluation', () => {
    const { engine, windows } = makeEngine({ rules: [threshold()] });
    windows.record('jobqueue', 100, at(0));
    engine.evaluate(at(0), { worker: runtimeOf(2) });
    expect(engine.nextDueMs()).toBe(at(20));
    engine.updateRules([threshold({ frequencySeconds: 5 })], at(1));
    expect(engine.nextDueMs()).toBe(at(5));
  });

  it('a rule moved to another component starts afresh', () => {
    const db = {
      id: 'db',
      instances: { min: 1, max: 3 },
      cooldownSeconds: 0,
      scaleInPolicy: 'youngest' as const,
    };
    const { engine, windows } = makeEngine({
      rules: [expressionRule()],
      components: [{ ...db, id: 'worker' }, db],
    });
    windows.record('cpu', 95, at(0));
    engine.evaluate(at(0), { worker: runtimeOf(2), db: runtimeOf(1) });
    engine.updateRules([expressionRule({ component: 'db' })], at(10));
    expect(engine.snapshot().rules['cpu-high']).toMatchObject({
      consecutiveTrue: 0,
      nextDueMs: at(10),
      phase: 'idle',
    });
  });

  it('sets the KPI retention to the longest window read plus slack', () => {
    const { engine, windows } = makeEngine({ rules: [threshold({ windowSeconds: 300 })] });
    expect(windows.retentionSeconds).toBe(360);
    engine.updateRules([expressionRule({ periodSeconds: 30 })], T0);
    expect(windows.retentionSeconds).toBe(90);
  });

  it('rejects an invalid rule set and keeps the old one', () => {
    const { engine } = makeEngine({ rules: [threshold()] });
    expect(() => engine.updateRules([threshold({ quota: -1 })], T0)).toThrow(/quota/);
    expect(Object.keys(engine.snapshot().rules)).toEqual(['queue']);
  });
});

describe('ElasticityEngine snapshot / restore', () => {
  it('round-trips through JSON and resumes where it stopped', () => {
    const rules = [expressionRule(), threshold()];
    const first = makeEngine({ rules });
    feed(first.windows, 'cpu', 95, at(-5), at(60));
    feed(first.windows, 'jobqueue', 200, at(-5), at(60));
    first.engine.evaluate(at(0), { worker: runtimeOf(2) }); // threshold: 2 → 3, cooldown until 60 s
    first.engine.evaluate(at(30), { worker: runtimeOf(3) });
    const saved = JSON.parse(JSON.stringify(first.engine.snapshot())) as unknown;

    const second = makeEngine({ rules, nowMs: at(45) });
    second.engine.restore(saved);
    expect(second.engine.snapshot()).toEqual(first.engine.snapshot());
    expect(second.engine.cooldownUntilMs('worker')).toBe(at(60));
    expect(second.engine.nextDueMs()).toBe(first.engine.nextDueMs());

    // Both engines decide alike from here.
    feed(second.windows, 'cpu', 95, at(-5), at(60));
    feed(second.windows, 'jobqueue', 200, at(-5), at(60));
    const strip = (ds: ScalingDecision[]): unknown =>
      ds.map(({ kind, ruleId, from, to }) => ({ kind, ruleId, from, to }));
    const a = first.engine.evaluate(at(60), { worker: runtimeOf(3) });
    const b = second.engine.evaluate(at(60), { worker: runtimeOf(3) });
    expect(strip(b)).toEqual(strip(a));
    expect(a.length).toBeGreaterThan(0);
  });

  it('ignores state of rules and components that are gone', () => {
    const { engine } = makeEngine({ rules: [threshold()] });
    engine.restore({
      version: 1,
      rules: {
        queue: { lastEvaluatedMs: at(0), nextDueMs: at(20), consecutiveTrue: 0, phase: 'quiet' },
        removed: { lastEvaluatedMs: null, nextDueMs: at(0), consecutiveTrue: 1, phase: 'idle' },
      },
      cooldownUntilMs: { worker: at(30), gone: at(99) },
    });
    expect(engine.snapshot()).toEqual({
      version: 1,
      rules: { queue: { lastEvaluatedMs: at(0), nextDueMs: at(20), consecutiveTrue: 0, phase: 'quiet' } },
      cooldownUntilMs: { worker: at(30) },
    });
  });

  it('rejects a malformed snapshot, naming the field', () => {
    const { engine } = makeEngine({ rules: [threshold()] });
    expect(() => engine.restore({ version: 2, rules: {}, cooldownUntilMs: {} })).toThrow(/version/);
    expect(() => engine.restore(null)).toThrow(/snapshot must be an object/);
    expect(() =>
      engine.restore({
        version: 1,
        rules: { queue: { lastEvaluatedMs: 'x', nextDueMs: 0, consecutiveTrue: 0, phase: 'quiet' } },
        cooldownUntilMs: {},
      }),
    ).toThrow(/rules.queue.lastEvaluatedMs/);
    expect(() =>
      engine.restore({
        version: 1,
        rules: { queue: { lastEvaluatedMs: null, nextDueMs: 0, consecutiveTrue: 0, phase: 'asleep' } },
        cooldownUntilMs: {},
      }),
    ).toThrow(/unknown phase asleep/);
  });
});

describe('ElasticityEngine.nextDueMs', () => {
  it('is the earliest rule due, or null without rules', () => {
    expect(makeEngine({ rules: [] }).engine.nextDueMs()).toBeNull();
    const { engine, windows } = makeEngine({ rules: [threshold(), expressionRule()] }); // every 20 s and every 30 s
    feed(windows, 'jobqueue', 100, at(-5), at(60));
    feed(windows, 'cpu', 50, at(-5), at(60));
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const due = engine.nextDueMs() as number;
      times.push((due - T0) / 1000);
      engine.evaluate(due, { worker: runtimeOf(2) });
    }
    expect(times).toEqual([0, 20, 30, 40, 60, 80]);
  });

  it('meets the reaction target: a crossing starts the scale-out within one period + 500 ms', () => {
    // jobqueue pushed every second jumps from 100 (50 per instance, inside the band) to 200 at varying
    // instants; the driver wakes at nextDueMs() up to 400 ms late, as timers are.
    for (const jump of [0.3, 7.9, 19.99, 20, 33.3, 41.7]) {
      const { engine, windows } = makeEngine({ rules: [threshold({ windowSeconds: 10 })] });
      let crossed: number | null = null;
      let acted: number | null = null;
      for (let ms = 0; ms <= 90_000 && acted === null; ms += 100) {
        const now = T0 + ms;
        if (ms % 1000 === 0) windows.record('jobqueue', ms >= jump * 1000 ? 200 : 100, now);
        // The crossing: the window mean per instance first exceeds 50 × 1.2.
        if (crossed === null && (windows.stats('jobqueue', 10, now)?.mean ?? 0) / 2 > 60) crossed = now;
        const due = engine.nextDueMs() as number;
        const lateness = ((due / 1000) % 5) * 100;
        if (now < due + lateness) continue;
        if (engine.evaluate(now, { worker: runtimeOf(2) }).some((d) => d.kind === 'scale-out')) acted = now;
      }
      expect(crossed).not.toBeNull();
      expect(acted).not.toBeNull();
      expect(acted as number).toBeGreaterThanOrEqual(crossed as number);
      expect((acted as number) - (crossed as number)).toBeLessThanOrEqual(20_000 + 500);
    }
  });
});
