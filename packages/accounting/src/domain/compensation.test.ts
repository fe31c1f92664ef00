import { describe, expect, it } from 'vitest';
import { isReservoirError } from '@reservoir/runtime';
import {
  compensate,
  compensationKey,
  creditAmount,
  slaBreaches,
  termFor,
  type CreditFunction,
  type SlaTransition,
} from './compensation.js';
import { parsePriceList } from './pricing.js';

const APRIL = { start: Date.UTC(2026, 3, 1), end: Date.UTC(2026, 4, 1) };
const MIN = 60_000;

const stepwise: CreditFunction = {
  kind: 'stepwise',
  steps: [
    { minBreachMinutes: 30, percent: 100_000n },
    { minBreachMinutes: 60, percent: 250_000n },
    { minBreachMinutes: 240, percent: 500_000n },
  ],
};

const violated = (objective: string, at: number, service = 'shop'): SlaTransition => ({
  service,
  objective,
  at,
  met: false,
  reason: `${objective} violated`,
});
const met = (objective: string, at: number, service = 'shop'): SlaTransition => ({
  service,
  objective,
  at,
  met: true,
  reason: `${objective} met again`,
});

describe('slaBreaches', () => {
  it('adds up the violated intervals of each objective within the period', () => {
    const t0 = APRIL.start + 24 * 60 * MIN;
    const breaches = slaBreaches(
      [
        violated('avail', t0),
        met('avail', t0 + 50 * MIN),
        violated('avail', t0 + 100 * MIN),
        met('avail', t0 + 140 * MIN),
        violated('latency', t0 + 10 * MIN),
        met('latency', t0 + 15 * MIN),
      ],
      APRIL,
    );
    expect(breaches.map((b) => [b.objective, b.breachSeconds])).toEqual([
      ['avail', 90 * 60],
      ['latency', 5 * 60],
    ]);
    expect(breaches[0]!.key).toBe(compensationKey('shop', 'avail', APRIL));
    expect(breaches[0]!.reason).toBe('avail violated');
  });

  it('clips a violation that began before the period and one still open at the end of use', () => {
    const stopped = APRIL.start + 30 * MIN;
    const breaches = slaBreaches(
      [violated('avail', APRIL.start - 60 * MIN), violated('latency', APRIL.start + 10 * MIN)],
      APRIL,
      new Map([['shop', stopped]]),
    );
    expect(breaches.map((b) => [b.objective, b.breachSeconds])).toEqual([
      ['avail', 30 * 60],
      ['latency', 20 * 60],
    ]);
  });

  it('ignores transitions after the period and objectives met throughout', () => {
    expect(slaBreaches([met('avail', APRIL.start + MIN), violated('avail', APRIL.end + MIN)], APRIL)).toEqual(
      [],
    );
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

  it("compensates each breach by its objective's term, else the '*' term, from the service charge", () => {
    const terms = [
      { objective: 'avail', credit: stepwise },
      { objective: '*', credit: { kind: 'fixed', amount: 1_500n } as CreditFunction },
    ];
    expect(termFor(terms, 'latency')?.objective).toBe('*');
    const t0 = APRIL.start + MIN;
    const breaches = slaBreaches(
      [
        violated('avail', t0),
        met('avail', t0 + 90 * MIN),
        violated('latency', t0, 'api'),
        met('latency', t0 + MIN, 'api'),
      ],
      APRIL,
    );
    const out = compensate(breaches, terms, new Map([['shop', 20_000n]]));
    expect(out.map((c) => [c.service, c.objective, c.amount])).toEqual([
      ['shop', 'avail', 5_000n], // 90 min reaches the 60-minute step: 25% of 200.00
      ['api', 'latency', 1_500n],
    ]);
    expect(out[0]!.description).toBe('SLA avail of shop breached for 90 min: avail violated');
    expect(compensate(breaches, [], new Map())).toEqual([]);
  });
});

describe('compensation terms in the price list', () => {
  it('reads the three credit functions and writes them back', () => {
    const list = parsePriceList(`currency: EUR
rules: [{metric: vm.hours, rate: "0.01"}]
compensations:
  - objective: avail
    credit: {stepwise: [{minBreachMinutes: 30, percent: "10"}, {minBreachMinutes: 60, percent: "25"}, {minBreachMinutes: 240, percent: "50"}]}
  - objective: latency
    credit: {percentage: "10"}
  - objective: "*"
    credit: {fixed: "15.00"}
`);
    expect(list.compensations.map((t) => t.credit)).toEqual([
      stepwise,
      { kind: 'percentage', percent: 100_000n },
      { kind: 'fixed', amount: 1_500n },
    ]);
  });

  it('reports each problem with its path', () => {
    let message = '';
    try {
      parsePriceList(`currency: EUR
rules: [{metric: vm.hours, rate: "0.01"}]
compensations:
  - objective: avail
    credit: {percentage: "100.5"}
  - objective: avail
    credit:
      stepwise: [{minBreachMinutes: 30, percent: "10"}, {minBreachMinutes: 30, percent: 0.5}]
  - objective: x
    credit: {refund: "1"}
`);
    } catch (e) {
      if (!isReservoirError(e)) throw e;
      message = e.message;
    }
    expect(message.split('\n')).toEqual([
      'compensations[0].credit.percentage: must be at most 100',
      'compensations[1].credit.stepwise[1].minBreachMinutes: must be greater than 30',
      'compensations[2].credit: must be one of {fixed: amount}, {percentage: percent}, {stepwise: [{minBreachMinutes, percent}]}',
    ]);
  });
});
