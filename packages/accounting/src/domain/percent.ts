import { formatDecimal } from './money.js';

/** Percents carry 4 decimals: 100% is 1_000_000n. */
export const PERCENT_DIGITS = 4;
export const PERCENT_ONE: bigint = 100n * 10n ** BigInt(PERCENT_DIGITS);

/** 125_000n → "12.5". */
export const percentText = (p: bigint): string => formatDecimal(p, PERCENT_DIGITS, 0);
