import { describe, expect, it } from 'vitest';
import { isReservoirError } from '@reservoir/runtime';
import {
  checkSlas,
  compensate,
  compensationKey,
  creditAmount,
  parseSla,
  type CreditFunction,
  type Sla,
} from './compensation.js';

const APRIL = { start: Date.UTC(2026, 3, 1), end: Date.UTC(2026, 4, 1) }; // 30 days: 2,592,000 s
const MAY = { start: Date.UTC(2026, 4, 1), end: Date.UTC(2026, 5, 1) };

const stepwise: CreditFunction = {
  kind: 'stepwise',
  steps: [
    { minBreachMinutes: 30, percent: 100_000n },
    { minBreachMinutes: 60, percent: 250_000n },
    { minBreachMinutes: 240, percent: 500_000n },
  ],
};

const slas: Sla[] = [
  parseSla(
    {
      id: 'avail',
      service: 'shop',
      objective: { availability: '99.9' },
      credit: {
        stepwise: [
          { minBreachMinutes: 30, percent: 10 },
          { minBreachMinutes: 60, percent: 25 },
          { minBreachMinutes: 240, percent: 50 },
        ],
      },
    },
    'EUR',
  ),
  parseSla(
    {
      id: 'latency',
      service: 'shop',
      objective: { kpi: 'latency_p95', operator: '<=', threshold: 250 },
      credit: { percentage: '10' },
    },
    'EUR',
  ),
  parseSla(
    { id: 'api-up', service: 'api', objective: { availability: 99 }, credit: { fixed: '15.00' } },
    'EUR',
  ),
];

describe('checkSlas', () => {
  it('judges availability exactly at the boundary: 99.9% of 30 days allows 2592 s down', () => {
    expect(checkSlas(slas, [{ slaId: 'avail', downSeconds: 2592 }], APRIL)).toEqual([]);
    const [breach] = checkSlas(slas, [{ slaId: 'avail', downSeconds: 2593 }], APRIL);
    expect(breach).toMatchObject({ slaId: 'avail', service: 'shop', breachSeconds: 2593 });
    expect(breach!.reason).toBe('down 2593 s, more than the 99.9% availability allows');
  });

  it('judges a KPI target against its measured value; an unmeasured SLA is not judged', () => {
    expect(checkSlas(slas, [{ slaId: 'latency', value: 250 }], APRIL)).toEqual([]);
    const breaches = checkSlas(slas, [{ slaId: 'latency', value: 310, breachSeconds: 5400 }], APRIL);
    expect(breaches).toMatchObject([{ slaId: 'latency', breachSeconds: 5400 }]);
    expect(breaches[0]!.reason).toBe('latency_p95 was 310, the objective is <= 250');
    expect(checkSlas(slas, [{ slaId: 'latency', value: 300 }], APRIL)[0]!.breachSeconds).toBe(2_592_000);
    expect(checkSlas(slas, [], APRIL)).toEqual([]);
  });

  it('keys a breach by SLA and period, the same on every run', () => {
    const once = checkSlas(slas, [{ slaId: 'avail', downSeconds: 9000 }], APRIL);
    const again = checkSlas(slas, [{ slaId: 'avail', downSeconds: 9100 }], APRIL);
    expect(once[0]!.key).toBe('sla:avail:2026-04-01T00:00:00.000Z/2026-05-01T00:00:00.000Z');
    expect(again[0]!.key).toBe(once[0]!.key);
    expect(compensationKey('avail', MAY)).not.toBe(once[0]!.key);
  });
});

describe('credit functions', () => {
  it('stepwise: the highest step the breach reached', () => {
    const credit = (minutes: number) => creditAmount(stepwise, minutes * 60, 10_000n);
    expect([10, 29, 30, 59, 60, 239, 240, 600].map(credit)).toEqual([
      0n,
      0n,
      1_000n,
      1_000n,
      2_500n,
      2_500n,
      5_000n,
      5_000n,
    ]);
  });

  it('percentage of the charge rounds half-even once; fixed is the amount', () => {
    expect(creditAmount({ kind: 'percentage', percent: 100_000n }, 0, 12_345n)).toBe(1_234n); // 1234.5
    expect(creditAmount({ kind: 'percentage', percent: 100_000n }, 0, 12_355n)).toBe(1_236n); // 1235.5
    expect(creditAmount({ kind: 'fixed', amount: 1_500n }, 0, 0n)).toBe(1_500n);
  });

  it('compensates each breach of the period by its SLA function and the service charge', () => {
    const breaches = checkSlas(
      slas,
      [
        { slaId: 'avail', downSeconds: 90 * 60 },
        { slaId: 'latency', value: 400, breachSeconds: 600 },
        { slaId: 'api-up', downSeconds: 10 },
      ],
      APRIL,
    );
    const out = compensate(slas, breaches, new Map([['shop', 20_000n]]));
    expect(out.map((c) => [c.slaId, c.amount])).toEqual([
      ['avail', 5_000n], // 90 min reaches the 60-minute step: 25% of 200.00
      ['latency', 2_000n],
    ]);
    expect(out[0]!.key).toBe(compensationKey('avail', APRIL));
    expect(out[0]!.description).toMatch(/^SLA avail of shop: down 5400 s/);
    const api = compensate(
      slas,
      checkSlas(slas, [{ slaId: 'api-up', downSeconds: 30_000 }], APRIL),
      new Map(),
    );
    expect(api).toMatchObject([{ slaId: 'api-up', amount: 1_500n, service: 'api' }]);
  });
});

describe('parseSla', () => {
  it('reads the three credit functions', () => {
    expect(slas.map((s) => s.credit)).toEqual([
      stepwise,
      { kind: 'percentage', percent: 100_000n },
      { kind: 'fixed', amount: 1_500n },
    ]);
    expect(slas[0]!.objective).toEqual({ kind: 'availability', minPercent: 999_000n });
  });

  it('reports each problem with its path', () => {
    let message = '';
    let field: string | undefined;
    try {
      parseSla(
        {
          id: 'x',
          service: 's',
          objective: { availability: '100.5' },
          credit: {
            stepwise: [
              { minBreachMinutes: 30, percent: 10 },
              { minBreachMinutes: 30, percent: 0.5 },
            ],
          },
        },
        'EUR',
        'sla[3]',
      );
    } catch (e) {
      if (!isReservoirError(e)) throw e;
      message = e.message;
      field = e.field;
    }
    expect(field).toBe('sla[3].objective.availability');
    expect(message.split('\n')).toEqual([
      'sla[3].objective.availability: must be between 0 and 100',
      'sla[3].credit.stepwise[1].percent: write 0.5 as a quoted decimal string so that it is read exactly',
      'sla[3].credit.stepwise[1].minBreachMinutes: must be greater than 30',
    ]);
  });
});
