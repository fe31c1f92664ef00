import { describe, expect, it } from 'vitest';
import { isReservoirError } from '@reservoir/runtime';
import { PRECISE_PER_MINOR, parseDecimal } from './money.js';
import { parsePriceList, resolvePriceList } from './pricing.js';
import { customerDiscount, fullMonthsBetween, rateUsage, type UsageItem } from './rating.js';

const H = 3_600_000;
const JAN = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) };
const NEW = { since: JAN.start, spend: 0n };
/** Precise amount of a decimal in EUR: "0.0784" → 7.84 cents in nano-cents. */
const eur = (text: string) => parseDecimal(text, 11);

function item(
  service: string,
  metric: string,
  quantity: string,
  start = JAN.start,
  end = start + H,
): UsageItem {
  return { service, component: 'web', metric, quantity, start, end };
}

function invalid(fn: () => unknown): { field: string | undefined; message: string } {
  try {
    fn();
  } catch (e) {
    if (isReservoirError(e) && e.code === 'INVALID_ARGUMENT') return { field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('CloudKitty hashmap vector (volume thresholds)', () => {
  // 0.001 per GiB; at 50 GiB and above × 0.98 (× 0.97 for one project); at 200 GiB and above × 0.95.
  // CloudKitty's thresholds start at their level; our upTo is inclusive, and quantities have 12
  // decimals, so "upTo: 49.999999999999" is exactly "below 50".
  const defaults = parsePriceList(`
currency: EUR
rules:
  - metric: disk.gib_hours
    mode: volume
    tiers:
      - { upTo: "49.999999999999", rate: "0.001" }
      - { upTo: "199.999999999999", rate: "0.00098" }
      - { rate: "0.00095" }
`);
  const project = parsePriceList(`
currency: EUR
organization: project-b
rules:
  - metric: disk.gib_hours
    mode: volume
    tiers:
      - { upTo: "49.999999999999", rate: "0.001" }
      - { upTo: "199.999999999999", rate: "0.00097" }
      - { rate: "0.00095" }
`);
  const rate = (organization: string | null, gib: string) =>
    rateUsage(
      [item('s', 'disk.gib_hours', gib)],
      resolvePriceList([defaults, project], organization),
      NEW,
      JAN,
    )[0]!.precise;

  it('prices 20, 50, 80 and 250 GiB as the documentation does', () => {
    expect(rate(null, '20')).toBe(eur('0.02'));
    expect(rate(null, '50')).toBe(eur('0.049'));
    expect(rate(null, '80')).toBe(eur('0.0784'));
    expect(rate(null, '250')).toBe(eur('0.2375'));
  });

  it("uses the project's own list where it has one", () => {
    expect(rate('project-b', '50')).toBe(eur('0.0485'));
    expect(rate('project-b', '80')).toBe(eur('0.0776'));
    expect(rate('project-c', '80')).toBe(eur('0.0784'));
  });
});

describe('tiers', () => {
  const list = (mode: string) =>
    parsePriceList(`
currency: EUR
rules:
  - metric: network.gib
    mode: ${mode}
    tiers:
      - { upTo: 100, rate: "0.10" }
      - { upTo: 1000, rate: "0.08" }
      - { rate: "0.05" }
`);
  const usage = [
    { ...item('shop', 'network.gib', '100'), component: 'web' },
    { ...item('shop', 'network.gib', '150'), component: 'db' },
  ];

  it('graduated: each tier prices its slice of the service total, shared by quantity', () => {
    const lines = rateUsage(usage, list('graduated'), NEW, JAN);
    // 100 × 0.10 + 150 × 0.08 = 22.00, shared 100 : 150.
    expect(lines.map((l) => [l.component, l.quantity, l.precise])).toEqual([
      ['db', '150', eur('13.20')],
      ['web', '100', eur('8.80')],
    ]);
    expect(lines[0]!.description).toContain('graduated tiers on 250 GiB');
  });

  it('volume: the tier the total falls in prices all of it', () => {
    const lines = rateUsage(usage, list('volume'), NEW, JAN);
    expect(lines.reduce((a, l) => a + l.precise, 0n)).toBe(eur('20.00')); // 250 × 0.08
  });

  it('an upTo is inclusive, and tiers are per service', () => {
    const at100 = rateUsage([item('a', 'network.gib', '100')], list('volume'), NEW, JAN);
    expect(at100[0]!.precise).toBe(eur('10.00'));
    const two = rateUsage(
      [item('a', 'network.gib', '100'), item('b', 'network.gib', '1001')],
      list('graduated'),
      NEW,
      JAN,
    );
    expect(two.map((l) => l.precise)).toEqual([eur('10.00'), eur('10.00') + eur('72.00') + eur('0.05')]);
  });
});

describe('time-of-day discounts', () => {
  const list = (tz: string) =>
    parsePriceList(`
currency: EUR
rules:
  - metric: vm.hours
    rate: "1.00"
    timeOfDay: [{ from: "22:00", to: "06:00", percent: 30${tz} }]
  - metric: kpi.transactions
    rate: "0.01"
    timeOfDay: [{ from: "22:00", to: "06:00", percent: 50 }]
`);
  const evening = Date.UTC(2026, 0, 10, 20);

  it('splits an interval across midnight by its overlap with the discounted hours', () => {
    // 20:00–02:00: two hours at 1.00, four at 0.70.
    const [line] = rateUsage([item('s', 'vm.hours', '6', evening, evening + 6 * H)], list(''), NEW, JAN);
    expect(line!.precise).toBe(eur('4.80'));
    expect(line!.description).toContain('time-of-day discount');
  });

  it('reads the window in its own timezone', () => {
    // 22:00–06:00 at +01:00 is 21:00–05:00 UTC: one hour full, five at 0.70.
    const [line] = rateUsage(
      [item('s', 'vm.hours', '6', evening, evening + 6 * H)],
      list(', timezone: "+01:00"'),
      NEW,
      JAN,
    );
    expect(line!.precise).toBe(eur('4.50'));
  });

  it('prices an instantaneous count by the hour it happened in, and a daytime hour in full', () => {
    const night = Date.UTC(2026, 0, 10, 23);
    const day = Date.UTC(2026, 0, 10, 12);
    const lines = rateUsage(
      [
        { ...item('s', 'kpi.transactions', '100', night, night), component: 'night' },
        { ...item('s', 'kpi.transactions', '100', day, day), component: 'noon' },
        { ...item('s', 'vm.hours', '1', day), component: 'noon' },
      ],
      list(''),
      NEW,
      JAN,
    );
    expect(lines.map((l) => [l.component, l.metric, l.precise])).toEqual([
      ['night', 'kpi.transactions', eur('0.50')],
      ['noon', 'kpi.transactions', eur('1.00')],
      ['noon', 'vm.hours', eur('1.00')],
    ]);
  });
});

describe('seasonal discounts', () => {
  const list = parsePriceList(`
currency: EUR
rules:
  - metric: vm.hours
    rate: "1.00"
    seasonal: [{ from: "12-20", to: "01-05", percent: 20 }]
    timeOfDay: [{ from: "00:00", to: "01:00", percent: 50 }]
`);
  const winter = { start: Date.UTC(2025, 11, 1), end: Date.UTC(2026, 1, 1) };

  it('applies across the new year, both dates inclusive, compounding with time of day', () => {
    const at = (m: number, d: number, h: number) => Date.UTC(m === 12 ? 2025 : 2026, m - 1, d, h);
    const lines = rateUsage(
      [
        { ...item('s', 'vm.hours', '1', at(12, 19, 12)), component: 'a-before' },
        { ...item('s', 'vm.hours', '1', at(12, 20, 12)), component: 'b-first-day' },
        { ...item('s', 'vm.hours', '1', at(1, 5, 12)), component: 'c-last-day' },
        { ...item('s', 'vm.hours', '2', at(1, 5, 23), at(1, 6, 1)), component: 'd-edge' },
        { ...item('s', 'vm.hours', '1', at(1, 6, 12)), component: 'e-after' },
      ],
      list,
      NEW,
      winter,
    );
    expect(lines.map((l) => [l.component, l.precise])).toEqual([
      ['a-before', eur('1.00')],
      ['b-first-day', eur('0.80')],
      ['c-last-day', eur('0.80')],
      // 23:00–24:00 on Jan 5 at 0.80, 00:00–01:00 on Jan 6 at the night's 0.50 only.
      ['d-edge', eur('1.30')],
      ['e-after', eur('1.00')],
    ]);
    // Both at once: midnight hour of Jan 1 is 1.00 × 0.8 × 0.5.
    const [both] = rateUsage([item('s', 'vm.hours', '1', at(1, 1, 0))], list, NEW, winter);
    expect(both!.precise).toBe(eur('0.40'));
  });
});

describe('customer discounts', () => {
  const list = parsePriceList(`
currency: EUR
rules:
  - metric: vm.hours
    rate: "1.00"
    flat: "10.00"
customerDiscounts:
  - { minMonths: 12, percent: 5 }
  - { minSpend: "1000.00", percent: 10 }
  - { minMonths: 24, minSpend: "5000.00", percent: 15 }
`);
  const since = (months: number) => Date.UTC(2026, 0 - months, 1);
  const best = (months: number, spend: string) =>
    customerDiscount(list, { since: since(months), spend: parseDecimal(spend, 2) }, JAN.start)?.percent ?? 0n;

  it('picks the best discount the history earns', () => {
    expect(best(0, '0')).toBe(0n);
    expect(best(11, '999.99')).toBe(0n);
    expect(best(12, '0')).toBe(50_000n);
    expect(best(13, '1000.00')).toBe(100_000n);
    expect(best(30, '6000.00')).toBe(150_000n);
    expect(best(23, '6000.00')).toBe(100_000n);
    expect(best(30, '100.00')).toBe(50_000n);
  });

  it('applies last, to usage and flat fees', () => {
    const lines = rateUsage(
      [item('s', 'vm.hours', '3')],
      list,
      { since: since(13), spend: parseDecimal('2000', 2) },
      JAN,
    );
    expect(lines.map((l) => [l.component, l.precise])).toEqual([
      ['*', eur('9.00')],
      ['web', eur('2.70')],
    ]);
    expect(lines[1]!.description).toBe('vm.hours of s/web: 3 h, customer discount 10%');
  });

  it('counts whole calendar months', () => {
    expect(fullMonthsBetween(Date.UTC(2025, 0, 31), Date.UTC(2025, 1, 28))).toBe(0);
    expect(fullMonthsBetween(Date.UTC(2025, 0, 31), Date.UTC(2025, 2, 31))).toBe(2);
    expect(fullMonthsBetween(Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1))).toBe(12);
    expect(fullMonthsBetween(Date.UTC(2026, 0, 1), Date.UTC(2025, 0, 1))).toBe(0);
  });
});

describe('validation at ingestion', () => {
  const list = parsePriceList('currency: EUR\nrules: [{ metric: vm.hours, rate: "1" }]');

  it('refuses an unknown metric, naming it and the item', () => {
    expect(
      invalid(() => rateUsage([item('s', 'vm.hours', '1'), item('s', 'vm.hourz', '1')], list, NEW, JAN)),
    ).toEqual({
      field: 'items[1].metric',
      message: expect.stringContaining('unknown metric "vm.hourz"'),
    });
    expect(invalid(() => rateUsage([item('s', 'kpi.transactions', '1')], list, NEW, JAN)).message).toBe(
      'items[0].metric: the price list has no rule for "kpi.transactions"',
    );
  });

  it('refuses bad quantities and usage outside the period', () => {
    expect(invalid(() => rateUsage([item('s', 'vm.hours', '1e3')], list, NEW, JAN)).field).toBe(
      'items[0].quantity',
    );
    expect(invalid(() => rateUsage([item('s', 'vm.hours', '-1')], list, NEW, JAN)).field).toBe(
      'items[0].quantity',
    );
    expect(
      invalid(() => rateUsage([item('s', 'vm.hours', '1', JAN.end - H / 2)], list, NEW, JAN)).field,
    ).toBe('items[0].start');
    expect(invalid(() => rateUsage([], list, NEW, { start: 1, end: 1 })).field).toBe('period');
  });

  it('sums 3600 one-second items exactly: the only error left is the collector rounding 1/3600', () => {
    const second = '0.000277777778'; // 1/3600 h rounded at the collector to 12 places
    const items = Array.from({ length: 3600 }, (_, i) =>
      item('s', 'vm.hours', second, JAN.start + i * 1000, JAN.start + (i + 1) * 1000),
    );
    const [line] = rateUsage(items, list, NEW, JAN);
    expect(line!.quantity).toBe('1.0000000008');
    expect(line!.precise).toBe(100n * PRECISE_PER_MINOR + 80n); // 100 cents + 8e-8 cent
  });
});
