import { describe, expect, it } from 'vitest';
import { isReservoirError } from '@reservoir/runtime';
import { PRECISE_PER_MINOR, parseDecimal, rescale, roundToMinor } from './money.js';
import { parsePriceList } from './pricing.js';
import { buildInvoice, type InvoiceInput } from './invoice.js';
import { rateUsage, type RatedLine, type UsageItem } from './rating.js';

/** A small seeded generator of 32-bit integers, so the 10,000 items are the same on every run. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const JAN = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) };

function line(component: string, precise: bigint): RatedLine {
  return {
    service: 's',
    component,
    metric: 'vm.hours',
    quantity: '1',
    unit: 'h',
    precise,
    description: component,
  };
}

function invoice(lines: RatedLine[], credits: InvoiceInput['credits'] = []) {
  return buildInvoice({ accountId: 'acc-1', period: JAN, currency: 'EUR', lines, credits });
}

describe('buildInvoice rounding', () => {
  it('rates 10,000 small usage items into lines that sum exactly to the rounded exact total', () => {
    const list = parsePriceList(`
currency: EUR
rules:
  - { metric: vcpu.hours, rate: "0.0013" }
  - { metric: memory.gib_hours, rate: "0.00017" }
`);
    const next = mulberry32(42);
    const items: UsageItem[] = [];
    let exact = 0n; // EUR × 10^-11 (= nano-cents): quantity has 6 decimals, rate 4 (vcpu) or 5 (memory)
    for (let i = 0; i < 10_000; i++) {
      const metric = i % 3 === 0 ? 'memory.gib_hours' : 'vcpu.hours';
      const micro = BigInt(1 + (next() % 999_999));
      const start = JAN.start + (next() % (30 * 86_400)) * 1000;
      items.push({
        service: `svc-${next() % 3}`,
        component: `c-${next() % 100}`,
        metric,
        quantity: `0.${micro.toString().padStart(6, '0')}`,
        start,
        end: start + 1000,
      });
      exact += metric === 'vcpu.hours' ? micro * 130n : micro * 17n;
    }
    const lines = rateUsage(items, list, { since: JAN.start, spend: 0n }, JAN);
    expect(lines.length).toBeGreaterThan(500);

    const inv = invoice(lines);
    // Nothing lost before the rounding point: the precise sum is the exact total.
    expect(inv.precise).toBe(exact);
    expect(inv.subtotal).toBe(rescale(exact, 11, 2));
    expect(inv.lines.reduce((a, l) => a + l.amount, 0n)).toBe(inv.subtotal);
    for (const l of inv.lines) {
      const gap = l.amount * PRECISE_PER_MINOR - l.precise;
      expect(gap < PRECISE_PER_MINOR && gap > -PRECISE_PER_MINOR).toBe(true);
    }
    // Rounding each line on its own would not add up: the gap allocation closes.
    const naive = lines.reduce((a, l) => a + roundToMinor(l.precise), 0n);
    expect(naive).not.toBe(inv.subtotal);
  });

  it('allocates the remainder by largest remainder: three thirds of ten cents are 4 + 3 + 3', () => {
    const third = 3_333_333_333n; // 3.333333333 cents
    const inv = invoice([line('a', third), line('b', third), line('c', third + 1n)]);
    expect(inv.subtotal).toBe(10n);
    expect(inv.lines.map((l) => l.amount)).toEqual([3n, 3n, 4n]);
  });

  it('rounds the subtotal half to even', () => {
    expect(invoice([line('a', 1_250_000_000n), line('b', 1_250_000_000n)]).subtotal).toBe(2n); // 2.5 → 2
    expect(invoice([line('a', 3_500_000_000n)]).subtotal).toBe(4n);
    expect(invoice([]).subtotal).toBe(0n);
  });
});

describe('buildInvoice credits', () => {
  const ten = [line('a', 600n * PRECISE_PER_MINOR), line('b', 400n * PRECISE_PER_MINOR)];

  it('subtracts credits in order', () => {
    const inv = invoice(ten, [{ description: 'SLA', amount: 250n }]);
    expect([inv.subtotal, inv.credited, inv.total, inv.carryOver]).toEqual([1000n, 250n, 750n, 0n]);
  });

  it('never goes negative: credits beyond the subtotal carry over (Lago #4642)', () => {
    const inv = invoice(ten, [
      { description: 'promo', amount: 300n },
      { description: 'SLA', amount: 900n },
    ]);
    expect(inv.total).toBe(0n);
    expect(inv.credits.map((c) => c.applied)).toEqual([300n, 700n]);
    expect(inv.carryOver).toBe(200n);
    expect(invoice([], [{ description: 'x', amount: 5n }])).toMatchObject({ total: 0n, carryOver: 5n });
  });

  it('refuses non-positive credits and negative lines, naming them', () => {
    const field = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (isReservoirError(e)) return e.field;
      }
      return undefined;
    };
    expect(
      field(() =>
        invoice(ten, [
          { description: 'x', amount: 1n },
          { description: 'y', amount: 0n },
        ]),
      ),
    ).toBe('credits[1].amount');
    expect(field(() => invoice([line('a', -1n)]))).toBe('lines[0].precise');
    expect(
      field(() => buildInvoice({ accountId: 'a', period: JAN, currency: 'XXX', lines: [], credits: [] })),
    ).toBe('currency');
  });

  it('keeps the Lago wallet and invoice on the same cent: 17.9699999999999988631316 of usage bills 17.97', () => {
    const precise = parseDecimal('17.9699999999999988631316', 22) / 10n ** 11n; // to nano-cents, truncated
    const inv = invoice([line('a', precise)], [{ description: 'top-up', amount: 1797n }]);
    expect(inv.subtotal).toBe(1797n);
    expect(inv.total).toBe(0n);
    expect(inv.carryOver).toBe(0n);
  });
});
