import { describe, expect, it } from 'vitest';
import type { ScalingDecision } from './decision.js';
import type { ElasticityEngine } from './engine.js';
import type { KpiWindows } from './kpi-windows.js';
import { at, expressionRule, feed, makeEngine, runtimeOf, threshold } from './test-support.js';

/** Runs the engine every `period` s over [0, until], feeding cpu = load(t); returns the decisions. */
function drive(
  engine: ElasticityEngine,
  windows: KpiWindows,
  load: (s: number) => number,
  until: number,
  start = 2,
): ScalingDecision[] {
  const log: ScalingDecision[] = [];
  let n = start;
  for (let s = 0; s <= until; s += 5) {
    windows.record('cpu', load(s), at(s));
    const due = engine.nextDueMs();
    if (due === null || at(s) < due) continue;
    for (const d of engine.evaluate(at(s), { worker: runtimeOf(n) })) {
      log.push(d);
      if (d.kind === 'scale-out' || d.kind === 'scale-in') n = d.to;
    }
  }
  return log;
}

// Rule: avg(cpu) > 80 for 3 periods of 30 s in a row; change +1; rule cooldown 120 s.

describe('ElasticityEngine with an expression rule', () => {
  it('fires after periodCount consecutive true periods, and not before', () => {
    const { engine, windows } = makeEngine({ rules: [expressionRule()] });
    const log = drive(engine, windows, () => 90, 60);
    expect(log).toEqual([
      {
        timeMs: at(60),
        component: 'worker',
        ruleId: 'cpu-high',
        kind: 'scale-out',
        from: 2,
        to: 3,
        victims: [],
        reason: "avg(cpu) 90.0: 'avg(cpu) > 80' true for 3 periods of 30 s; change +1",
      },
    ]);
  });

  it('a false period in between starts the count again', () => {
    const { engine, windows } = makeEngine({ rules: [expressionRule()] });
    // Judged at 0, 30, 60, 90, 120, 150: true, true, false, true, true, true.
    const load = (s: number): number => (s > 30 && s <= 60 ? 50 : 90);
    const log = drive(engine, windows, load, 150);
    expect(log.map((d) => [d.timeMs, d.kind])).toEqual([[at(150), 'scale-out']]);
  });

  it('starts the rule cooldown after acting; while it lasts, firing is logged as blocked', () => {
    const { engine, windows } = makeEngine({ rules: [expressionRule()] });
    const log = drive(engine, windows, () => 90, 180);
    expect(engine.cooldownUntilMs('worker')).toBe(at(180 + 120));
    // Acted at 60 (cooldown until 180); counted again at 90, 120; fired at 150: blocked; at 180: acts.
    expect(log.map((d) => [(d.timeMs - at(0)) / 1000, d.kind, d.from, d.to])).toEqual([
      [60, 'scale-out', 2, 3],
      [150, 'blocked', 3, 4],
      [180, 'scale-out', 3, 4],
    ]);
    expect(log[1]?.reason).toBe(
      "blocked by cooldown until 2025-01-01T12:03:00.000Z: avg(cpu) 90.0: 'avg(cpu) > 80' true for 3 periods of 30 s; change +1",
    );
  });

  it('cardinality sets the count', () => {
    const { engine, windows } = makeEngine({
      rules: [expressionRule({ adjustment: 'cardinality', value: 5, periodCount: 1 })],
    });
    windows.record('cpu', 95, at(0));
    expect(engine.evaluate(at(0), { worker: runtimeOf(2) })).toMatchObject([
      { kind: 'scale-out', from: 2, to: 5 },
    ]);
  });

  it('percentage scales in by a share of the count, victims youngest first', () => {
    const rule = expressionRule({
      expression: 'avg(cpu) < 20',
      adjustment: 'percentage',
      value: -50,
      periodCount: 2,
    });
    const { engine, windows } = makeEngine({ rules: [rule] });
    const log = drive(engine, windows, () => 10, 30, 4);
    expect(log).toEqual([
      {
        timeMs: at(30),
        component: 'worker',
        ruleId: 'cpu-high',
        kind: 'scale-in',
        from: 4,
        to: 2,
        victims: ['w4', 'w3'],
        reason: "avg(cpu) 10.0: 'avg(cpu) < 20' true for 2 periods of 30 s; percentage -50% of 4 = -2 → -2",
      },
    ]);
  });

  it('a change past max is clamped to max', () => {
    const { engine, windows } = makeEngine({ rules: [expressionRule({ value: 4, periodCount: 1 })] });
    windows.record('cpu', 95, at(0));
    expect(engine.evaluate(at(0), { worker: runtimeOf(3) })).toMatchObject([
      { kind: 'scale-out', from: 3, to: 5, reason: expect.stringMatching(/change \+4; clamped to max 5$/) },
    ]);
  });

  it('a cardinality equal to the current count is logged once as nothing to do', () => {
    const { engine, windows } = makeEngine({
      rules: [expressionRule({ adjustment: 'cardinality', value: 2, periodCount: 1 })],
    });
    feed(windows, 'cpu', 95, at(0), at(60));
    expect(engine.evaluate(at(0), { worker: runtimeOf(2) })).toMatchObject([
      { kind: 'none', reason: expect.stringMatching(/^already at 2: /) },
    ]);
    expect(engine.evaluate(at(30), { worker: runtimeOf(2) })).toEqual([]);
  });

  it('a gap of more than two periods between evaluations starts the count again', () => {
    const { engine, windows } = makeEngine({ rules: [expressionRule()] });
    feed(windows, 'cpu', 90, at(-5), at(30));
    engine.evaluate(at(0), { worker: runtimeOf(2) });
    engine.evaluate(at(30), { worker: runtimeOf(2) });
    expect(engine.snapshot().rules['cpu-high']?.consecutiveTrue).toBe(2);
    feed(windows, 'cpu', 90, at(95), at(100));
    expect(engine.evaluate(at(100), { worker: runtimeOf(2) })).toEqual([]);
    expect(engine.snapshot().rules['cpu-high']?.consecutiveTrue).toBe(1);
  });

  it('a broken expression is logged once and never fires', () => {
    const { engine, windows } = makeEngine({ rules: [expressionRule({ expression: 'avg(cpu) >' })] });
    const log = drive(engine, windows, () => 90, 120);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/^cannot evaluate 'avg\(cpu\) >'/),
    });
  });
});

describe('ElasticityEngine with several rules on one component', () => {
  it('scale-out wins over scale-in, and the rule that lost is logged', () => {
    const grow = expressionRule({ id: 'grow', periodCount: 1, value: 2 });
    const { engine, windows } = makeEngine({ rules: [threshold(), grow] });
    windows.record('jobqueue', 20, at(0)); // 20 / 3 instances: the threshold rule wants to scale in
    windows.record('cpu', 95, at(0));
    const log = engine.evaluate(at(0), { worker: runtimeOf(3) });
    expect(log).toMatchObject([
      { ruleId: 'grow', kind: 'scale-out', from: 3, to: 5 },
      {
        ruleId: 'queue',
        kind: 'none',
        reason: expect.stringMatching(/^superseded by grow \(scale-out to 5\): jobqueue/),
      },
    ]);
  });

  it('the largest scale-out wins', () => {
    const small = expressionRule({ id: 'small', periodCount: 1, value: 1 });
    const large = expressionRule({ id: 'large', periodCount: 1, value: 3, expression: 'avg(cpu) > 90' });
    const { engine, windows } = makeEngine({ rules: [small, large] });
    windows.record('cpu', 95, at(0));
    expect(engine.evaluate(at(0), { worker: runtimeOf(1) })).toMatchObject([
      { ruleId: 'large', kind: 'scale-out', to: 4 },
      { ruleId: 'small', kind: 'none' },
    ]);
  });

  it('between scale-ins the smaller step wins', () => {
    const one = expressionRule({ id: 'one', expression: 'avg(cpu) < 20', periodCount: 1, value: -1 });
    const two = expressionRule({ id: 'two', expression: 'avg(cpu) < 30', periodCount: 1, value: -2 });
    const { engine, windows } = makeEngine({ rules: [two, one] });
    windows.record('cpu', 10, at(0));
    expect(engine.evaluate(at(0), { worker: runtimeOf(4) })[0]).toMatchObject({
      ruleId: 'one',
      kind: 'scale-in',
      to: 3,
    });
  });

  it('an action resets the counts of the component’s other expression rules', () => {
    const quick = expressionRule({ id: 'quick', periodCount: 1, cooldownSeconds: 0 });
    const slow = expressionRule({ id: 'slow', periodCount: 3, value: 2, cooldownSeconds: 0 });
    const { engine, windows } = makeEngine({ rules: [quick, slow] });
    windows.record('cpu', 95, at(0));
    engine.evaluate(at(0), { worker: runtimeOf(1) });
    expect(engine.snapshot().rules.slow?.consecutiveTrue).toBe(0);
  });
});
