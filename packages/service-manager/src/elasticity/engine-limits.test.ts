import { describe, expect, it } from 'vitest';
import { ElasticityEngine } from './engine.js';
import { KpiWindows } from './kpi-windows.js';
import { createExpressionEvaluator } from './manifest-evaluator.js';
import { at, expressionRule, feed, limits, makeEngine, runtimeOf, T0, threshold } from './test-support.js';

const workerCost = (counts: Readonly<Record<string, number>>): number => 2 * (counts.worker ?? 0);

describe('ElasticityEngine cooldown and actions in progress', () => {
  it('after a threshold action, the component cooldown blocks scaling until it ends', () => {
    const { engine, windows } = makeEngine({ rules: [threshold()] }); // component cooldown 60 s
    const kinds: string[] = [];
    let n = 2;
    for (let s = 0; s <= 60; s += 20) {
      feed(windows, 'jobqueue', 240, at(s - 15), at(s)); // 240 / 3 = 80 > 60: still too much after one step
      for (const d of engine.evaluate(at(s), { worker: runtimeOf(n) })) {
        kinds.push(`${s}:${d.kind}:${d.from}→${d.to}`);
        if (d.kind === 'scale-out') n = d.to;
      }
    }
    expect(kinds).toEqual(['0:scale-out:2→3', '20:blocked:3→4', '40:blocked:3→4', '60:scale-out:3→4']);
    expect(engine.cooldownUntilMs('worker')).toBe(at(120));
  });

  it('cites the end of the cooldown when blocking', () => {
    const { engine, windows } = makeEngine({ rules: [threshold()] });
    feed(windows, 'jobqueue', 240, at(-15), at(20));
    engine.evaluate(at(0), { worker: runtimeOf(2) });
    expect(engine.evaluate(at(20), { worker: runtimeOf(3) })[0]?.reason).toBe(
      'blocked by cooldown until 2025-01-01T12:01:00.000Z: jobqueue mean 240.0 over 60 s / 3 instances = 80.0 > 50 × 1.2',
    );
  });

  it('an action in progress blocks scaling, even without cooldown', () => {
    const { engine, windows } = makeEngine({
      rules: [threshold()],
      components: [limits({ cooldownSeconds: 0 })],
    });
    feed(windows, 'jobqueue', 200, at(-15), at(0));
    expect(engine.evaluate(at(0), { worker: runtimeOf(2, true) })).toMatchObject([
      {
        kind: 'blocked',
        from: 2,
        to: 3,
        reason: expect.stringMatching(/^blocked by scaling in progress: jobqueue/),
      },
    ]);
    expect(engine.cooldownUntilMs('worker')).toBeNull();
    feed(windows, 'jobqueue', 200, at(5), at(20));
    expect(engine.evaluate(at(20), { worker: runtimeOf(2) })).toMatchObject([{ kind: 'scale-out', to: 3 }]);
  });

  it('cooldown of one component does not block another', () => {
    const db = limits({ id: 'db', instances: { min: 1, max: 3 } });
    const dbRule = threshold({ id: 'db-queue', component: 'db', kpi: 'dbqueue' });
    const { engine, windows } = makeEngine({ rules: [threshold(), dbRule], components: [limits(), db] });
    feed(windows, 'jobqueue', 200, at(-15), at(0));
    engine.evaluate(at(0), { worker: runtimeOf(2), db: runtimeOf(1) });
    feed(windows, 'dbqueue', 200, at(5), at(20));
    feed(windows, 'jobqueue', 200, at(5), at(20));
    expect(engine.evaluate(at(20), { worker: runtimeOf(3), db: runtimeOf(1) })).toMatchObject([
      { component: 'worker', kind: 'blocked' },
      { component: 'db', kind: 'scale-out', to: 2 },
    ]);
  });
});

describe('ElasticityEngine bounds', () => {
  it('at min, a scale-in is logged once as nothing to do', () => {
    const { engine, windows } = makeEngine({ rules: [threshold()] });
    feed(windows, 'jobqueue', 5, at(-15), at(40));
    expect(engine.evaluate(at(0), { worker: runtimeOf(1) })).toMatchObject([
      {
        kind: 'none',
        from: 1,
        to: 1,
        reason: 'at min 1: jobqueue mean 5.0 over 60 s / 1 instance = 5.0 < 50 × 0.8',
      },
    ]);
    expect(engine.evaluate(at(20), { worker: runtimeOf(1) })).toEqual([]);
    expect(engine.evaluate(at(40), { worker: runtimeOf(1) })).toEqual([]);
  });

  it('a count above a lowered max is corrected at once, cooldown or not', () => {
    const { engine, windows } = makeEngine({ rules: [threshold()] });
    feed(windows, 'jobqueue', 250, at(-15), at(0));
    engine.evaluate(at(0), { worker: runtimeOf(4) }); // 4 → 5, cooling down until 60 s
    engine.updateBounds('worker', { min: 1, max: 2 });
    feed(windows, 'jobqueue', 550, at(5), at(20)); // mean 400 / 5 = 80: the rule wants 6
    expect(engine.evaluate(at(20), { worker: runtimeOf(5) })).toMatchObject([
      {
        ruleId: 'bounds',
        kind: 'scale-in',
        from: 5,
        to: 2,
        victims: ['w5', 'w4', 'w3'],
        reason: '5 instances above max 2',
      },
      {
        ruleId: 'queue',
        kind: 'none',
        reason: expect.stringMatching(/^superseded by the bounds correction: /),
      },
    ]);
  });

  it('a count below a raised min is brought up, within budget', () => {
    const { engine } = makeEngine({ rules: [], costPerHour: workerCost, budgetPerHour: 7 });
    engine.updateBounds('worker', { min: 4, max: 5 });
    expect(engine.evaluate(at(0), { worker: runtimeOf(2) })).toMatchObject([
      {
        ruleId: 'bounds',
        kind: 'scale-out',
        from: 2,
        to: 3,
        reason: '2 instances below min 4; reduced by budget: 4 instances would cost 8.00/h > budget 7.00/h',
      },
    ]);
  });

  it('rejects bad bounds and unknown components', () => {
    const { engine } = makeEngine({ rules: [] });
    expect(() => engine.updateBounds('worker', { min: 3, max: 2 })).toThrow(/min ≤ max/);
    expect(() => engine.updateBounds('nope', { min: 1, max: 2 })).toThrow(/no component nope/);
  });
});

describe('ElasticityEngine budget (SM-7)', () => {
  const grow = expressionRule({ adjustment: 'cardinality', value: 5, periodCount: 1 });

  it('reduces a scale-out to the largest count that fits the budget', () => {
    const { engine, windows } = makeEngine({ rules: [grow], costPerHour: workerCost, budgetPerHour: 7 });
    windows.record('cpu', 95, at(0));
    expect(engine.evaluate(at(0), { worker: runtimeOf(2) })).toMatchObject([
      {
        kind: 'scale-out',
        from: 2,
        to: 3,
        reason: expect.stringMatching(
          /cardinality 5; reduced by budget: 5 instances would cost 10.00\/h > budget 7.00\/h$/,
        ),
      },
    ]);
  });

  it('refuses when no larger size fits, on every evaluation, without starting a cooldown', () => {
    const { engine, windows } = makeEngine({ rules: [grow], costPerHour: workerCost, budgetPerHour: 5 });
    feed(windows, 'cpu', 95, at(0), at(30));
    for (const s of [0, 30]) {
      expect(engine.evaluate(at(s), { worker: runtimeOf(2) })).toMatchObject([
        {
          kind: 'refused',
          from: 2,
          to: 5,
          reason: expect.stringMatching(
            /^over budget: even 3 instances would cost 6.00\/h > budget 5.00\/h: avg\(cpu\)/,
          ),
        },
      ]);
    }
    expect(engine.cooldownUntilMs('worker')).toBeNull();
  });

  it('counts other components at the sizes decided in the same evaluation', () => {
    const cost = (c: Readonly<Record<string, number>>): number => (c.worker ?? 0) + (c.db ?? 0);
    const db = limits({ id: 'db' });
    const rules = [
      expressionRule({ id: 'w', periodCount: 1 }),
      expressionRule({ id: 'd', component: 'db', periodCount: 1 }),
    ];
    const { engine, windows } = makeEngine({
      rules,
      components: [limits(), db],
      costPerHour: cost,
      budgetPerHour: 5,
    });
    windows.record('cpu', 95, at(0));
    expect(engine.evaluate(at(0), { worker: runtimeOf(2), db: runtimeOf(2) }).map((d) => d.kind)).toEqual([
      'scale-out',
      'refused',
    ]);
  });

  it('a lifted budget lets the scale-out through', () => {
    const { engine, windows } = makeEngine({ rules: [grow], costPerHour: workerCost, budgetPerHour: 5 });
    windows.record('cpu', 95, at(0));
    engine.updateBudget(null);
    expect(engine.evaluate(at(0), { worker: runtimeOf(2) })[0]).toMatchObject({ kind: 'scale-out', to: 5 });
  });

  it('scale-ins are never budget-checked', () => {
    const shrink = expressionRule({ adjustment: 'change', value: -1, periodCount: 1 });
    const { engine, windows } = makeEngine({ rules: [shrink], costPerHour: workerCost, budgetPerHour: 1 });
    windows.record('cpu', 95, at(0));
    expect(engine.evaluate(at(0), { worker: runtimeOf(3) })[0]).toMatchObject({ kind: 'scale-in', to: 2 });
  });
});

describe('ElasticityEngine input checks', () => {
  const base = {
    components: [limits()],
    windows: new KpiWindows(),
    evaluateExpression: createExpressionEvaluator(),
    nowMs: T0,
  };

  it('rejects rules it cannot run', () => {
    expect(() => new ElasticityEngine({ ...base, rules: [threshold({ component: 'db' })] })).toThrow(
      /unknown component db/,
    );
    expect(() => new ElasticityEngine({ ...base, rules: [threshold({ frequencySeconds: 0 })] })).toThrow(
      /frequencySeconds/,
    );
    expect(() => new ElasticityEngine({ ...base, rules: [expressionRule({ periodCount: 0 })] })).toThrow(
      /periodCount/,
    );
    expect(() => new ElasticityEngine({ ...base, rules: [threshold(), threshold()] })).toThrow(
      /listed twice/,
    );
  });

  it('needs a cost function to enforce a budget', () => {
    expect(() => new ElasticityEngine({ ...base, rules: [], budgetPerHour: 10 })).toThrow(/costPerHour/);
  });

  it('needs every component in the runtime view', () => {
    const { engine } = makeEngine({ rules: [] });
    expect(() => engine.evaluate(T0, {})).toThrow(/no entry for component worker/);
  });
});
