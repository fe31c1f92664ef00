// Money is bigint, never a float: minor units (cents) for what is billed, and `Precise` (10^-9 minor
// units, "nano-cents") for rating, so a per-second rate of a tiny price loses nothing.
//
// THE rounding point: `roundToMinor`, half-even, applied by the invoice to the sum of its lines'
// precise amounts. Everything before it is exact (or, for proportional splits, exact far below a
// nano-cent); everything after it is integer allocation (`allocate`) that never creates or loses a cent.

import { errors } from '@reservoir/runtime';

/** Minor units of a currency (cents for EUR). */
export type Minor = bigint;
/** 10^-9 minor units. */
export type Precise = bigint;

export const PRECISE_DIGITS = 9;
export const PRECISE_PER_MINOR: bigint = 10n ** BigInt(PRECISE_DIGITS);

/** ISO 4217 minor-unit exponents of the currencies a price list may use. */
export const CURRENCY_DECIMALS: Readonly<Record<string, number>> = {
  EUR: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  JPY: 0,
};

export function isCurrency(code: string): boolean {
  return Object.hasOwn(CURRENCY_DECIMALS, code);
}

export function currencyDecimals(code: string, field = 'currency'): number {
  const d = isCurrency(code) ? CURRENCY_DECIMALS[code] : undefined;
  if (d === undefined)
    throw errors.invalid(
      field,
      `unknown currency "${code}" (known: ${Object.keys(CURRENCY_DECIMALS).join(', ')})`,
    );
  return d;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a decimal string exactly as an integer scaled by 10^scale ("0.0013" at scale 4 → 13n).
 * Refuses what a float would have accepted silently: NaN, Infinity, exponents, and more decimals
 * than the scale holds (trailing zeros beyond it are fine: they lose nothing).
 */
export function parseDecimal(text: string, scale: number, field = 'value'): bigint {
  if (typeof text !== 'string') throw errors.invalid(field, 'must be a decimal string such as "0.0013"');
  const m = DECIMAL.exec(text);
  if (!m) {
    if (/^[+-]?\d*\.?\d*e[+-]?\d+$/i.test(text))
      throw errors.invalid(field, `"${text}" uses an exponent; write the decimal in full`);
    throw errors.invalid(field, `"${text}" is not a decimal number (expected digits such as "0.0013")`);
  }
  const [, sign, whole, rawFraction = ''] = m;
  const fraction = rawFraction.replace(/0+$/, '');
  if (fraction.length > scale)
    throw errors.invalid(
      field,
      `"${text}" has ${fraction.length} decimals; at most ${scale} are allowed here`,
    );
  const value = BigInt(whole! + fraction.padEnd(scale, '0'));
  return sign === '-' ? -value : value;
}

/** Writes value × 10^-scale in full, trimming trailing zeros beyond `minDecimals`. */
export function formatDecimal(value: bigint, scale: number, minDecimals: number = scale): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** n / d rounded half to even (banker's rounding), so repeated roundings carry no upward bias. */
export function divRoundHalfEven(n: bigint, d: bigint): bigint {
  if (d === 0n) throw errors.invalid('divisor', 'must not be zero');
  if (d < 0n) return divRoundHalfEven(-n, -d);
  const negative = n < 0n;
  const a = negative ? -n : n;
  let q = a / d;
  const twice = (a % d) * 2n;
  if (twice > d || (twice === d && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** Changes the scale of a fixed-point value; reducing it rounds half-even. */
export function rescale(value: bigint, fromScale: number, toScale: number): bigint {
  if (toScale >= fromScale) return value * 10n ** BigInt(toScale - fromScale);
  return divRoundHalfEven(value, 10n ** BigInt(fromScale - toScale));
}

/** "12.34" EUR → 1234n minor units; refuses more decimals than the currency has. */
export function parseMoney(text: string, currency: string, field = 'amount'): Minor {
  return parseDecimal(text, currencyDecimals(currency), field);
}

/** A price per unit in major units ("0.0013" EUR) → precise (nano-cents) per unit. */
export function parsePrice(text: string, currency: string, field = 'rate'): Precise {
  return parseDecimal(text, currencyDecimals(currency) + PRECISE_DIGITS, field);
}

/** THE rounding point: precise → minor units, half-even. */
export function roundToMinor(precise: Precise): Minor {
  return divRoundHalfEven(precise, PRECISE_PER_MINOR);
}

/**
 * Splits `total` into parts proportional to `weights` by largest remainder: each part is the floor
 * of its exact share, and the cents left over go to the largest remainders (earlier index on a tie),
 * so the parts always sum exactly to the total.
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  weights.forEach((w, i) => {
    if (w < 0n) throw errors.invalid(`weights[${i}]`, 'must not be negative');
  });
  if (total < 0n) return allocate(-total, weights).map((p) => -p);
  const sum = weights.reduce((a, w) => a + w, 0n);
  if (sum === 0n) {
    if (total === 0n) return weights.map(() => 0n);
    throw errors.invalid('weights', 'are all zero; a non-zero total cannot be shared');
  }
  const parts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - parts.reduce((a, p) => a + p, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts;
}

/** 1797n EUR → "17.97 EUR". */
export function formatMoney(minor: Minor, currency: string): string {
  return `${formatDecimal(minor, currencyDecimals(currency))} ${currency}`;
}

/** A precise amount with as many decimals as it needs (at least the currency's): "0.0784 EUR". */
export function formatPrecise(precise: Precise, currency: string): string {
  const d = currencyDecimals(currency);
  return `${formatDecimal(precise, d + PRECISE_DIGITS, d)} ${currency}`;
}
