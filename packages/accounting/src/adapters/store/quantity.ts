import { errors } from '@reservoir/runtime';

// Usage quantities are decimal text; the store splits each into its integer part and 12
// fractional digits (what the VM meter writes at most) so SQL sums them exactly on both dialects.

export const FRACTION_DIGITS = 12;
const SCALE = 10n ** BigInt(FRACTION_DIGITS);
const QUANTITY = /^(\d{1,18})(?:\.(\d{1,12}))?$/;

export interface SplitQuantity {
  int: bigint;
  /** The fraction times 10^12. */
  frac: bigint;
}

/** Refuses anything but a non-negative decimal with at most 18 integer and 12 fractional digits. */
export function splitQuantity(quantity: string, field = 'quantity'): SplitQuantity {
  const m = QUANTITY.exec(quantity);
  if (!m) {
    throw errors.invalid(
      field,
      `"${quantity}" is not a non-negative decimal with at most 18 integer and ${FRACTION_DIGITS} fractional digits`,
    );
  }
  return { int: BigInt(m[1] as string), frac: BigInt((m[2] ?? '').padEnd(FRACTION_DIGITS, '0')) };
}

/** The decimal text of int + frac / 10^12, in its shortest form ("1.5", "3"). */
export function formatQuantity(int: bigint, frac: bigint): string {
  const total = int * SCALE + frac;
  const whole = total / SCALE;
  const digits = (total % SCALE).toString().padStart(FRACTION_DIGITS, '0').replace(/0+$/, '');
  return digits === '' ? whole.toString() : `${whole}.${digits}`;
}
