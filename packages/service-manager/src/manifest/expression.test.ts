import { describe, expect, it } from 'vitest';
import { checkExpression } from './expression-check.js';
import {
  evaluateExpression,
  namesOf,
  parseExpression,
  type AggregateFn,
  type ExpressionEnv,
} from './expression.js';

function env(
  values: Record<string, number>,
  aggregates: Partial<Record<string, number>> = {},
): ExpressionEnv {
  return {
    value: (name) => values[name],
    aggregate: (fn: AggregateFn, kpi) => aggregates[`${fn}(${kpi})`],
  };
}

const run = (text: string, e: ExpressionEnv) => evaluateExpression(parseExpression(text), e);

describe('parseExpression', () => {
  it('gives * / precedence over + -, comparisons over &&, && over ||', () => {
    expect(run('1 + 2 * 3', env({}))).toBe(7);
    expect(run('(1 + 2) * 3', env({}))).toBe(9);
    expect(run('10 - 4 - 3', env({}))).toBe(3);
    expect(run('1 < 2 || 2 < 1 && 0 > 1', env({}))).toBe(true);
    expect(run('(1 < 2 || 2 < 1) && 0 > 1', env({}))).toBe(false);
  });

  it('builds the tree with 1-based columns', () => {
    expect(parseExpression('avg(cpu) > 80')).toEqual({
      kind: 'compare',
      op: '>',
      at: 1,
      left: { kind: 'aggregate', fn: 'avg', kpi: 'cpu', at: 1 },
      right: { kind: 'number', value: 80, at: 12 },
    });
  });

  it("reads OneFlow's single & and | as && and ||", () => {
    const shape = (text: string) =>
      JSON.stringify(parseExpression(text), (k, v: unknown) => (k === 'at' ? undefined : v));
    expect(shape('a > 1 & b < 2 | !(c == 3)')).toBe(shape('a > 1 && b < 2 || !(c == 3)'));
    expect(shape('a > 1 & b < 2 | !(c == 3)')).toContain('"op":"||"');
  });

  it.each([
    ['cpu >', 'column 6: unexpected end of expression'],
    ['(cpu > 1', 'column 9: missing ")"'],
    ['cpu > 1)', 'column 8: unexpected ")"'],
    ['median(cpu) > 1', 'column 1: unknown function "median" (functions: avg, min, max, sum, last, count)'],
    ['avg(3) > 1', 'column 5: avg() takes a KPI name'],
    ['1 < cpu < 5', 'column 9: comparisons do not chain; join them with &&'],
    ['cpu > 5 # comment', 'column 9: unexpected "#"'],
    ['cpu 5', 'column 5: unexpected "5"'],
  ])('refuses %j: %s', (text, message) => {
    expect(() => parseExpression(text)).toThrow(message);
  });
});

describe('evaluateExpression', () => {
  it('reads KPIs, built-ins and window aggregates from the environment', () => {
    const e = env({ jobqueue: 120, instances: 3 }, { 'max(jobqueue)': 400, 'count(jobqueue)': 5 });
    expect(run('jobqueue / instances > 30', e)).toBe(true);
    expect(run('jobqueue / instances > 50', e)).toBe(false);
    expect(run('max(jobqueue) >= 400 && count(jobqueue) == 5', e)).toBe(true);
    expect(run('-jobqueue + 200', e)).toBe(80);
  });

  it('makes every comparison with a missing value false, != included', () => {
    const e = env({ cpu: 50 });
    expect(run('mem > 10', e)).toBe(false);
    expect(run('mem != 10', e)).toBe(false);
    expect(run('avg(mem) < 10', e)).toBe(false);
    expect(run('!(mem > 10)', e)).toBe(true);
    expect(run('mem > 10 || cpu > 40', e)).toBe(true);
  });

  it('short-circuits && and ||', () => {
    const reads: string[] = [];
    const e: ExpressionEnv = {
      value: (n) => {
        reads.push(n);
        return 1;
      },
      aggregate: () => undefined,
    };
    expect(run('0 > 1 && a > 0', e)).toBe(false);
    expect(run('1 > 0 || b > 0', e)).toBe(true);
    expect(reads).toEqual([]);
  });
});

describe('checkExpression', () => {
  const kpis = new Set(['jobqueue', 'latency']);
  const issues = (text: string) => checkExpression(parseExpression(text), kpis);

  it('accepts KPIs, instances and aggregates of KPIs in a condition', () => {
    expect(issues('avg(jobqueue) / instances > 50 && last(latency) < 200')).toEqual([]);
  });

  it('reports unknown names with their column', () => {
    expect(issues('jobqeue > 5 || max(latncy) > 1')).toEqual([
      { at: 1, message: 'unknown KPI "jobqeue"' },
      { at: 16, message: 'max() of unknown KPI "latncy"' },
    ]);
  });

  it('refuses numbers where conditions go, and the reverse', () => {
    expect(issues('jobqueue + 1')).toEqual([{ at: 1, message: 'is a number, not a condition; compare it' }]);
    expect(issues('!jobqueue > 5')).toEqual([{ at: 2, message: '! applies to a condition; write !(a > b)' }]);
    expect(issues('jobqueue && latency > 1')).toEqual([{ at: 1, message: '&& joins conditions' }]);
    expect(issues('(jobqueue > 1) + 2 > 0')).toEqual([{ at: 2, message: '+ applies to numbers' }]);
  });

  it('lists the names an expression reads', () => {
    expect(namesOf(parseExpression('avg(jobqueue) > 5 && jobqueue / instances > 2'))).toEqual([
      'jobqueue',
      'instances',
    ]);
  });
});
