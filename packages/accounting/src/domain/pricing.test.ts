import { describe, expect, it } from 'vitest';
import { isReservoirError } from '@reservoir/runtime';
import {
  PERCENT_ONE,
  parsePriceList,
  priceListFromObject,
  priceListToYaml,
  resolvePriceList,
  type PriceList,
} from './pricing.js';

const LIST = `
currency: EUR
rules:
  - metric: vcpu.hours
    rate: 0.0013            # unquoted: still read exactly
    flat: "5.00"
    timeOfDay:
      - { from: "22:00", to: "06:00", percent: 30, timezone: "+01:00" }
    seasonal:
      - { from: "12-20", to: "01-05", percent: 12.5 }
  - metric: disk.gib_hours
    mode: volume
    tiers:
      - { upTo: 50, rate: "0.001" }
      - { upTo: 200, rate: "0.00098" }
      - { rate: "0.00095" }
  - metric: kpi.transactions
    unit: tx
    rate: "0.00001"
customerDiscounts:
  - { minMonths: 12, percent: 5 }
  - { minSpend: "1000.00", percent: 10 }
`;

function problem(fn: () => unknown): { field: string | undefined; message: string } {
  try {
    fn();
  } catch (e) {
    if (isReservoirError(e) && e.code === 'INVALID_ARGUMENT') return { field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('parsePriceList', () => {
  it('reads YAML into exact integers', () => {
    const list = parsePriceList(LIST);
    expect(list.currency).toBe('EUR');
    expect(list.organization).toBeNull();
    const [vcpu, disk, tx] = list.rules;
    expect(vcpu).toMatchObject({
      metric: 'vcpu.hours',
      unit: 'vCPU·h',
      tiers: [{ upTo: null, rate: 130_000_000n }],
      flat: 500_000_000_000n,
      timeOfDay: [{ from: 22 * 60, to: 6 * 60, percent: 300_000n, offsetMinutes: 60 }],
      seasonal: [
        { from: { month: 12, day: 20 }, to: { month: 1, day: 5 }, percent: 125_000n, offsetMinutes: 0 },
      ],
    });
    expect(disk).toMatchObject({ mode: 'volume', unit: 'GiB·h' });
    expect(disk!.tiers.map((t) => t.upTo)).toEqual([50n * 10n ** 12n, 200n * 10n ** 12n, null]);
    expect(disk!.tiers.map((t) => t.rate)).toEqual([100_000_000n, 98_000_000n, 95_000_000n]);
    expect(tx).toMatchObject({ unit: 'tx', tiers: [{ rate: 1_000_000n }] }); // 0.001 cent
    expect(list.customerDiscounts).toEqual([
      { minMonths: 12, minSpend: 0n, percent: 5n * (PERCENT_ONE / 100n) },
      { minMonths: 0, minSpend: 100_000n, percent: 10n * (PERCENT_ONE / 100n) },
    ]);
  });

  it('reads JSON text the same way, numbers as written', () => {
    const json = JSON.stringify({
      currency: 'USD',
      organization: 'acme',
      rules: [{ metric: 'vm.hours', rate: 1 }],
    });
    const list = parsePriceList(json.replace('"rate":1', '"rate":0.0000000001'));
    expect(list.organization).toBe('acme');
    expect(list.rules[0]!.tiers[0]!.rate).toBe(10n);
  });

  it('round-trips through priceListToYaml', () => {
    const list = parsePriceList(LIST);
    const yaml = priceListToYaml(list);
    expect(yaml).toContain('rate: "0.0013"');
    expect(yaml).toContain('timezone: "+01:00"');
    expect(parsePriceList(yaml)).toEqual(list);
  });

  it('names the path of a tier bound that does not grow', () => {
    const doc = {
      currency: 'EUR',
      rules: [
        { metric: 'vm.hours', rate: '1' },
        { metric: 'vcpu.hours', rate: '1' },
        {
          metric: 'network.gib',
          tiers: [{ upTo: 100, rate: '0.1' }, { upTo: 100, rate: '0.05' }, { rate: '0.01' }],
        },
      ],
    };
    expect(problem(() => priceListFromObject(doc))).toEqual({
      field: 'rules[2].tiers[1].upTo',
      message: 'rules[2].tiers[1].upTo: must be greater than 100',
    });
  });

  it('reports every problem of a document, each with its path', () => {
    const { field, message } = problem(() =>
      parsePriceList(`
currency: EUR
rules:
  - metric: cpu.hours
    rate: "1"
  - metric: vm.hours
    rate: 0.000000000001
    tier: []
  - metric: disk.gib_hours
    tiers:
      - { rate: "1" }
      - { upTo: 10, rate: "1" }
    timeOfDay:
      - { from: "25:00", to: "06:00", percent: 30 }
    seasonal:
      - { from: "02-30", to: "03-01", percent: 130 }
  - metric: vm.hours
    rate: "-1"
customerDiscounts:
  - { minMonths: -1, percent: 5 }
`),
    );
    expect(field).toBe('rules[0].metric');
    expect(message.split('\n')).toEqual([
      'rules[0].metric: unknown metric "cpu.hours" (expected vm.hours, vcpu.hours, memory.gib_hours, disk.gib_hours, network.gib, or kpi.<name>)',
      'rules[1].tier: unknown field (expected one of: metric, unit, rate, flat, mode, tiers, timeOfDay, seasonal)',
      'rules[1].rate: "0.000000000001" has 12 decimals; at most 11 are allowed here',
      'rules[2].tiers[0].upTo: required on every tier but the last',
      'rules[2].tiers[1].upTo: the last tier has no upTo: it covers everything above',
      'rules[2].timeOfDay[0].from: must be a time of day "HH:MM" (00:00 to 23:59)',
      'rules[2].seasonal[0].from: must be a date "MM-DD" such as "12-20"',
      'rules[2].seasonal[0].percent: must be at most 100',
      'rules[3].rate: must not be negative',
      'customerDiscounts[0].minMonths: must be a whole number, 0 or more',
    ]);
  });

  it('refuses floats given programmatically, duplicates, unknown currencies and syntax errors', () => {
    expect(
      problem(() => priceListFromObject({ currency: 'EUR', rules: [{ metric: 'vm.hours', rate: 0.1 }] })),
    ).toEqual({
      field: 'rules[0].rate',
      message: 'rules[0].rate: write 0.1 as a quoted decimal string so that it is read exactly',
    });
    const dup = {
      currency: 'EUR',
      rules: [
        { metric: 'vm.hours', rate: '1' },
        { metric: 'vm.hours', rate: '2' },
      ],
    };
    expect(problem(() => priceListFromObject(dup)).message).toBe(
      'rules[1].metric: "vm.hours" is already priced by rules[0]',
    );
    expect(problem(() => priceListFromObject({ currency: 'XBT', rules: [] })).field).toBe('currency');
    expect(
      problem(() => priceListFromObject({ currency: 'EUR', rules: [{ metric: 'vm.hours' }] })).message,
    ).toBe('rules[0].rate: required (or tiers)');
    expect(problem(() => parsePriceList('currency: [EUR')).message).toMatch(/line \d+, column \d+/);
  });
});

describe('resolvePriceList', () => {
  const base: PriceList = parsePriceList(LIST);
  const acme: PriceList = parsePriceList(`
currency: EUR
organization: acme
rules:
  - metric: vcpu.hours
    rate: "0.001"
`);

  it("overrides the default list's rules by the organization's, keeping the rest", () => {
    const list = resolvePriceList([base, acme], 'acme');
    expect(list.organization).toBe('acme');
    expect(list.rules.map((r) => [r.metric, r.tiers[0]!.rate])).toEqual([
      ['vcpu.hours', 100_000_000n],
      ['disk.gib_hours', 100_000_000n],
      ['kpi.transactions', 1_000_000n],
    ]);
    expect(list.customerDiscounts).toEqual(base.customerDiscounts);
  });

  it('uses the default list for other organizations and refuses a currency mismatch', () => {
    expect(resolvePriceList([base, acme], 'globex')).toBe(base);
    expect(resolvePriceList([base, acme], null)).toBe(base);
    const usd = { ...acme, currency: 'USD' };
    expect(() => resolvePriceList([base, usd], 'acme')).toThrow(/USD.*EUR/);
    expect(() => resolvePriceList([acme], 'globex')).toThrow(/not found/);
  });
});
