import { describe, expect, it } from 'vitest';
import { isReservoirError } from '@reservoir/runtime';
import {
  allocate,
  divRoundHalfEven,
  formatDecimal,
  formatMoney,
  formatPrecise,
  parseDecimal,
  parseMoney,
  parsePrice,
  rescale,
  roundToMinor,
} from './money.js';

function fieldOf(fn: () => unknown): { field: string | undefined; message: string } {
  try {
    fn();
  } catch (e) {
    if (isReservoirError(e) && e.code === 'INVALID_ARGUMENT') return { field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('parseDecimal', () => {
  it('reads decimals exactly at the scale asked for', () => {
    expect(parseDecimal('0.0013', 4)).toBe(13n);
    expect(parseDecimal('0.0013', 11)).toBe(130_000_000n);
    expect(parseDecimal('1.50000', 1)).toBe(15n); // trailing zeros lose nothing
    expect(parseDecimal('-2', 2)).toBe(-200n);
    expect(parseDecimal('12345678901234567890.123456789', 9)).toBe(12345678901234567890123456789n);
  });

  it('refuses NaN, exponents and too many decimals, naming the field', () => {
    expect(fieldOf(() => parseDecimal('NaN', 2, 'rules[0].rate'))).toEqual({
      field: 'rules[0].rate',
      message: expect.stringMatching(/^rules\[0\]\.rate: "NaN" is not a decimal number/),
    });
    expect(fieldOf(() => parseDecimal('1e-7', 9, 'q')).message).toMatch(/exponent/);
    expect(fieldOf(() => parseDecimal('0.00001', 4, 'rate')).message).toBe(
      'rate: "0.00001" has 5 decimals; at most 4 are allowed here',
    );
    expect(fieldOf(() => parseDecimal(' 1', 2)).field).toBe('value');
    expect(fieldOf(() => parseMoney('1.001', 'EUR')).message).toMatch(/at most 2/);
    expect(fieldOf(() => parseMoney('1', 'XXX')).field).toBe('currency');
  });

  it('prices at nano-cent precision: a per-second share of a tiny hourly price is exact', () => {
    // 0.0013 EUR per hour is 0.13 cents; a second of it is 0.13/3600 cents, which is not exact,
    // but an hour rated as 3600 items of 1/3600 h at 12 quantity decimals sums to the hour.
    expect(parsePrice('0.0013', 'EUR')).toBe(130_000_000n);
    expect(parsePrice('0.00000000001', 'EUR')).toBe(1n);
    expect(() => parsePrice('0.000000000001', 'EUR')).toThrow(/at most 11/);
    expect(parsePrice('0.000000001', 'JPY')).toBe(1n);
  });
});

describe('rounding', () => {
  it('rounds half to even', () => {
    expect([25n, 35n, 26n, 24n, -25n, -35n, -26n].map((n) => divRoundHalfEven(n, 10n))).toEqual([
      2n,
      4n,
      3n,
      2n,
      -2n,
      -4n,
      -3n,
    ]);
    expect(roundToMinor(1_500_000_000n)).toBe(2n);
    expect(roundToMinor(2_500_000_000n)).toBe(2n);
    expect(roundToMinor(2_500_000_001n)).toBe(3n);
  });

  it('Lago #4639: a top-up of 17.9699999999999988631316 is 17.97, never 17.96', () => {
    const exact = parseDecimal('17.9699999999999988631316', 22);
    expect(rescale(exact, 22, 2)).toBe(1797n);
    // The wallet's 17.96 came from truncating instead of rounding.
    expect(exact / 10n ** 20n).toBe(1796n);
  });

  it('Lago: voiding 14.28444999 from 100 leaves 85.72, rounded once from the exact difference', () => {
    const balance = parseDecimal('100', 8) - parseDecimal('14.28444999', 8);
    expect(formatDecimal(balance, 8)).toBe('85.71555001');
    expect(rescale(balance, 8, 2)).toBe(8572n);
  });

  it('Lago: 10.34567 granted at rate 1.375 is 14.23, and the credits derive back from it as 10.34909', () => {
    const amount = rescale(parseDecimal('10.34567', 5) * parseDecimal('1.375', 3), 8, 2);
    expect(amount).toBe(1423n);
    const credits = divRoundHalfEven(amount * 10n ** 6n, parseDecimal('1.375', 3));
    expect(formatDecimal(credits, 5)).toBe('10.34909');
  });
});

describe('allocate', () => {
  it('gives the remainder to the largest remainders so the parts sum to the total', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(10n, [1n, 2n, 7n])).toEqual([1n, 2n, 7n]);
    expect(allocate(5n, [1n, 3n, 3n])).toEqual([1n, 2n, 2n]); // 0.714, 2.143, 2.143
    expect(allocate(7n, [3n, 3n, 1n])).toEqual([3n, 3n, 1n]);
    expect(allocate(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(allocate(0n, [0n, 0n])).toEqual([0n, 0n]);
  });

  it('always sums to the total', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const weights = Array.from({ length: 1 + (next() % 20) }, () => BigInt(next() % 1000));
      if (!weights.some((w) => w > 0n)) weights[0] = 1n;
      const total = BigInt(next() % 100_000);
      const parts = allocate(total, weights);
      expect(parts.reduce((a, p) => a + p, 0n)).toBe(total);
      const sum = weights.reduce((a, w) => a + w, 0n);
      parts.forEach((p, i) => expect(p - (total * weights[i]!) / sum).toBeGreaterThanOrEqual(0n));
      parts.forEach((p, i) => expect(p - (total * weights[i]!) / sum).toBeLessThanOrEqual(1n));
    }
  });

  it('refuses negative weights and a non-zero total over zero weights', () => {
    expect(fieldOf(() => allocate(10n, [1n, -1n])).field).toBe('weights[1]');
    expect(fieldOf(() => allocate(10n, [0n, 0n])).field).toBe('weights');
  });
});

describe('format', () => {
  it('writes amounts with the currency exponent', () => {
    expect(formatMoney(1797n, 'EUR')).toBe('17.97 EUR');
    expect(formatMoney(-5n, 'USD')).toBe('-0.05 USD');
    expect(formatMoney(1200n, 'JPY')).toBe('1200 JPY');
    expect(formatPrecise(7_840_000_000n, 'EUR')).toBe('0.0784 EUR');
    expect(formatPrecise(200_000_000_000n, 'EUR')).toBe('2.00 EUR');
    expect(formatDecimal(130_000_000n, 11, 0)).toBe('0.0013');
    expect(formatDecimal(0n, 2)).toBe('0.00');
  });
});
