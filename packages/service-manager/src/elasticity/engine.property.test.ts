import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElasticityRule } from '../manifest/model.js';
import type { ComponentLimits, ComponentRuntime } from './component.js';
import type { ScalingDecision } from './decision.js';
import { isAction } from './decision.js';
import { ElasticityEngine } from './engine.js';
import { KpiWindows } from './kpi-windows.js';
import { createExpressionEvaluator } from './manifest-evaluator.js';
import { T0 } from './test-support.js';

// Random services, rules and KPI traces, driven the way a real driver would: every step records
// samples, evaluates, and carries out the actions at once (sometimes with an action in progress).

const componentArb = fc
  .record({
    min: fc.integer({ min: 0, max: 3 }),
    span: fc.integer({ min: 0, max: 5 }),
    cooldownSeconds: fc.integer({ min: 0, max: 120 }),
    scaleInPolicy: fc.constantFrom('youngest' as const, 'oldest' as const),
  })
  .map(({ min, span, cooldownSeconds, scaleInPolicy }) => ({
    instances: { min, max: min + span },
    cooldownSeconds,
    scaleInPolicy,
  }));

const thresholdArb = fc.record({
  kind: fc.constant('threshold' as const),
  kpi: fc.constantFrom('k0', 'k1'),
  windowSeconds: fc.integer({ min: 5, max: 120 }),
  frequencySeconds: fc.integer({ min: 5, max: 60 }),
  quota: fc.integer({ min: 1, max: 100 }),
  tolerancePercent: fc.integer({ min: 0, max: 90 }),
});

const expressionArb = fc.record({
  kind: fc.constant('expression' as const),
  expression: fc.constantFrom(
    'avg(k0) > 100',
    'avg(k1) < 50',
    'max(k0) > 200 || count(k1) < 2',
    'instances < 3',
  ),
  periodSeconds: fc.integer({ min: 5, max: 60 }),
  periodCount: fc.integer({ min: 1, max: 3 }),
  adjustment: fc.constantFrom('change' as const, 'cardinality' as const, 'percentage' as const),
  value: fc.integer({ min: -4, max: 8 }),
  percent: fc.integer({ min: -80, max: 200 }),
  minStep: fc.integer({ min: 0, max: 3 }),
  cooldownSeconds: fc.integer({ min: 0, max: 120 }),
});

const serviceArb = fc.record({
  components: fc.array(componentArb, { minLength: 1, maxLength: 2 }),
  rules: fc.array(fc.record({ on: fc.nat(), rule: fc.oneof(thresholdArb, expressionArb) }), {
    minLength: 1,
    maxLength: 4,
  }),
  budget: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  steps: fc.array(
    fc.record({
      dtMs: fc.integer({ min: 100, max: 15_000 }),
      k0: fc.integer({ min: 0, max: 300 }),
      k1: fc.integer({ min: 0, max: 300 }),
      busy: fc.integer({ min: 0, max: 9 }),
    }),
    { minLength: 20, maxLength: 120 },
  ),
});

type Service = typeof serviceArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: Service): { components: ComponentLimits[]; rules: ElasticityRule[] } {
  const components = s.components.map((c, i) => ({ id: `c${i}`, ...c }));
  const rules = s.rules.map(({ on, rule }, i): ElasticityRule => {
    const component = `c${on % components.length}`;
    if (rule.kind === 'threshold') return { ...rule, id: `r${i}`, component };
    const { percent, value, adjustment, ...rest } = rule;
    const v = adjustment === 'percentage' ? percent : adjustment === 'cardinality' ? Math.abs(value) : value;
    return { ...rest, adjustment, value: v, id: `r${i}`, component };
  });
  return { components, rules };
}

const cost = (counts: Readonly<Record<string, number>>): number =>
  Object.values(counts).reduce((sum, n) => sum + 2 * n, 0);

interface Step {
  now: number;
  decisions: ScalingDecision[];
  /** The runtime the engine saw. */
  before: Record<string, ComponentRuntime>;
  engine: ElasticityEngine;
  budgetPerHour: number | null;
}

/** Runs the trace, calling check after every evaluation; returns the final runtime. */
function run(s: Service, check: (step: Step) => void): Record<string, ComponentRuntime> {
  const { components, rules } = build(s);
  const windows = new KpiWindows();
  // Never below the cost at min: a deployed service fits its budget.
  const atMin = cost(Object.fromEntries(components.map((c) => [c.id, c.instances.min])));
  const budgetPerHour = s.budget === null ? null : Math.max(s.budget, atMin);
  const engine = new ElasticityEngine({
    components,
    rules,
    windows,
    evaluateExpression: createExpressionEvaluator(),
    costPerHour: cost,
    budgetPerHour,
    nowMs: T0,
  });
  let serial = 0;
  const runtime: Record<string, ComponentRuntime> = {};
  for (const c of components)
    runtime[c.id] = {
      instances: Array.from({ length: c.instances.min }, () => ({ id: `i${serial++}`, startedAtMs: T0 })),
    };
  let now = T0;
  for (const step of s.steps) {
    now += step.dtMs;
    windows.record('k0', step.k0, now);
    windows.record('k1', step.k1, now);
    components.forEach((c, i) => {
      const rt = runtime[c.id] as ComponentRuntime;
      runtime[c.id] = { ...rt, scaling: (step.busy + i) % 10 === 0 };
    });
    const before = structuredClone(runtime);
    const decisions = engine.evaluate(now, runtime);
    check({ now, decisions, before, engine, budgetPerHour });
    for (const d of decisions.filter(isAction)) {
      const rt = runtime[d.component] as ComponentRuntime;
      const kept = rt.instances.filter((i) => !d.victims.includes(i.id));
      const added = Array.from({ length: Math.max(0, d.to - kept.length) }, () => ({
        id: `i${serial++}`,
        startedAtMs: now,
      }));
      runtime[d.component] = { ...rt, instances: [...kept, ...added] };
    }
  }
  return runtime;
}

describe('ElasticityEngine properties', () => {
  it('counts never leave [min, max], and every action is consistent with the runtime it saw', () => {
    fc.assert(
      fc.property(serviceArb, (s) => {
        const { components } = build(s);
        const bounds = new Map(components.map((c) => [c.id, c.instances]));
        const runtime = run(s, ({ decisions, before }) => {
          for (const d of decisions) {
            expect(d.ruleId).not.toBe('bounds'); // counts start at min and never leave the bounds
            if (!isAction(d)) continue;
            const rt = before[d.component] as ComponentRuntime;
            const { min, max } = bounds.get(d.component) as { min: number; max: number };
            expect(rt.scaling).not.toBe(true);
            expect(d.from).toBe(rt.instances.length);
            expect(d.to).toBeGreaterThanOrEqual(min);
            expect(d.to).toBeLessThanOrEqual(max);
            expect(d.to).not.toBe(d.from);
            if (d.kind === 'scale-in') {
              expect(new Set(d.victims).size).toBe(d.from - d.to);
              for (const v of d.victims) expect(rt.instances.some((i) => i.id === v)).toBe(true);
            } else expect(d.victims).toEqual([]);
          }
        });
        for (const [id, rt] of Object.entries(runtime)) {
          const { min, max } = bounds.get(id) as { min: number; max: number };
          expect(rt.instances.length).toBeGreaterThanOrEqual(min);
          expect(rt.instances.length).toBeLessThanOrEqual(max);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no two actions on a component are closer than the cooldown the first one started', () => {
    fc.assert(
      fc.property(serviceArb, (s) => {
        const { components, rules } = build(s);
        const componentCooldown = new Map(components.map((c) => [c.id, c.cooldownSeconds]));
        const ruleCooldown = new Map(
          rules.map((r) => [r.id, r.kind === 'expression' ? r.cooldownSeconds : null]),
        );
        const last = new Map<string, { at: number; cooldownMs: number }>();
        run(s, ({ decisions }) => {
          for (const d of decisions.filter(isAction)) {
            const prev = last.get(d.component);
            if (prev !== undefined) expect(d.timeMs - prev.at).toBeGreaterThanOrEqual(prev.cooldownMs);
            const seconds = ruleCooldown.get(d.ruleId) ?? componentCooldown.get(d.component) ?? 0;
            last.set(d.component, { at: d.timeMs, cooldownMs: seconds * 1000 });
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a scale-out never takes the service over budget, and the next evaluation is always in the future', () => {
    fc.assert(
      fc.property(serviceArb, (s) => {
        run(s, ({ now, decisions, before, engine, budgetPerHour }) => {
          const due = engine.nextDueMs();
          expect(due === null || due > now).toBe(true);
          if (budgetPerHour === null || !decisions.some((d) => d.kind === 'scale-out')) return;
          const counts: Record<string, number> = {};
          for (const [id, rt] of Object.entries(before)) counts[id] = rt.instances.length;
          for (const d of decisions.filter(isAction)) counts[d.component] = d.to;
          expect(cost(counts)).toBeLessThanOrEqual(budgetPerHour);
        });
      }),
      { numRuns: 200 },
    );
  });
});
