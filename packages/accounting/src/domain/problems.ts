// Readers of price-list values on top of the runtime's Problems: decimals stay text, so that no
// amount goes through a float.

import type { Problems } from '@reservoir/runtime';

export { Problems, at, checkKeys, isRecord, type Problem } from '@reservoir/runtime';

/**
 * A decimal as text. Strings are taken as written; numbers only when they are safe integers,
 * because any other number already went through a float.
 */
export function decimalText(v: unknown, field: string, problems: Problems): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'number')
    problems.add(field, `write ${String(v)} as a quoted decimal string so that it is read exactly`);
  else problems.add(field, 'must be a decimal number');
  return undefined;
}

/** A non-negative integer given as a number or as digits. */
export function integerValue(v: unknown, field: string, problems: Problems): number | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return n;
  problems.add(field, 'must be a whole number, 0 or more');
  return undefined;
}

export function stringValue(v: unknown, field: string, problems: Problems): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v;
  problems.add(field, 'must be a non-empty string');
  return undefined;
}
