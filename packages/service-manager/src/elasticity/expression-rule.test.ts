import { describe, expect, it } from 'vitest';
import { judgeExpression } from './expression-rule.js';
import { KpiWindows } from './kpi-windows.js';
import { createExpressionEvaluator } from './manifest-evaluator.js';
import { expressionRule, T0 } from './test-support.js';

const evaluate = createExpressionEvaluator();

function cpuAt(value: number, nowMs: number): KpiWindows {
  const w = new KpiWindows();
  w.record('cpu', value, nowMs - 5_000);
  return w;
}

describe('judgeExpression (OneFlow: true for periodCount periods in a row)', () => {
  const rule = expressionRule(); // avg(cpu) > 80, 3 periods of 30 s, change +1

  it('counts true periods and fires on the periodCount-th', () => {
    let count = 0;
    const reasons: string[] = [];
    for (let p = 1; p <= 3; p++) {
      const now = T0 + p * 30_000;
      const j = judgeExpression(rule, evaluate, { windows: cpuAt(85, now), instances: 2, nowMs: now }, count);
      count = j.consecutiveTrue;
      reasons.push(j.verdict.reason);
      if (p < 3) expect(j.verdict.kind).toBe('counting');
      else expect(j.verdict).toMatchObject({ kind: 'fire', target: 3 });
    }
    expect(reasons).toEqual([
      "avg(cpu) 85.0: 'avg(cpu) > 80' true for 1 of 3 periods of 30 s",
      "avg(cpu) 85.0: 'avg(cpu) > 80' true for 2 of 3 periods of 30 s",
      "avg(cpu) 85.0: 'avg(cpu) > 80' true for 3 periods of 30 s; change +1",
    ]);
  });

  it('a false period starts the count again', () => {
    const now = T0 + 30_000;
    const j = judgeExpression(rule, evaluate, { windows: cpuAt(60, now), instances: 2, nowMs: now }, 2);
    expect(j).toEqual({
      verdict: { kind: 'quiet', reason: "avg(cpu) 60.0: 'avg(cpu) > 80' false" },
      consecutiveTrue: 0,
    });
  });

  it('reads only the samples of its last period', () => {
    const w = new KpiWindows();
    w.record('cpu', 100, T0); // older than the 30 s period
    w.record('cpu', 50, T0 + 50_000);
    const j = judgeExpression(rule, evaluate, { windows: w, instances: 2, nowMs: T0 + 60_000 }, 0);
    expect(j.verdict.kind).toBe('quiet');
  });

  it('a KPI without samples makes the condition undecidable: no data, count reset', () => {
    const negated = expressionRule({ expression: '!(avg(cpu) > 80)' });
    const j = judgeExpression(negated, evaluate, { windows: new KpiWindows(), instances: 2, nowMs: T0 }, 2);
    expect(j).toEqual({
      verdict: { kind: 'no-data', reason: 'no samples of cpu in the last 30 s' },
      consecutiveTrue: 0,
    });
  });

  it('count() of a silent KPI is 0, not missing', () => {
    const silent = expressionRule({
      expression: 'count(heartbeat) < 1',
      periodCount: 1,
      adjustment: 'change',
      value: -1,
    });
    const j = judgeExpression(silent, evaluate, { windows: new KpiWindows(), instances: 3, nowMs: T0 }, 0);
    expect(j.verdict).toMatchObject({ kind: 'fire', target: 2 });
  });

  it('sees the component size as `instances`', () => {
    const capped = expressionRule({ expression: 'avg(cpu) > 80 && instances < 4', periodCount: 1 });
    const now = T0 + 30_000;
    expect(
      judgeExpression(capped, evaluate, { windows: cpuAt(90, now), instances: 3, nowMs: now }, 0).verdict
        .kind,
    ).toBe('fire');
    expect(
      judgeExpression(capped, evaluate, { windows: cpuAt(90, now), instances: 4, nowMs: now }, 0).verdict
        .kind,
    ).toBe('quiet');
  });

  it('reports an expression that cannot be evaluated as an error, never throwing', () => {
    const broken = expressionRule({ expression: 'avg(cpu >' });
    const j = judgeExpression(broken, evaluate, { windows: cpuAt(90, T0), instances: 1, nowMs: T0 }, 1);
    expect(j.verdict.kind).toBe('error');
    expect(j.verdict.reason).toMatch(/^cannot evaluate 'avg\(cpu >': column/);
    expect(j.consecutiveTrue).toBe(0);
  });
});
