// An invoice rounds once: the subtotal is the sum of the lines' precise amounts rounded half-even to
// minor units, and the line amounts are that subtotal allocated by largest remainder, so they always
// add up to it (no 1-cent gap, Lago #4641). Credits never make a total negative (Lago #4642): what
// the subtotal cannot absorb carries over.

import { errors } from '@reservoir/runtime';
import { allocate, currencyDecimals, roundToMinor, type Minor, type Precise } from './money.js';
import { checkPeriod, type Period } from './period.js';
import type { RatedLine } from './rating.js';

export interface CreditInput {
  description: string;
  /** Minor units, positive. */
  amount: Minor;
}

export interface InvoiceInput {
  accountId: string;
  period: Period;
  currency: string;
  lines: readonly RatedLine[];
  credits: readonly CreditInput[];
}

export interface InvoiceLine extends RatedLine {
  amount: Minor;
}

export interface InvoiceCredit {
  description: string;
  amount: Minor;
  /** The part of the credit this invoice used (credits apply in the order given). */
  applied: Minor;
}

export interface Invoice {
  accountId: string;
  period: Period;
  currency: string;
  lines: InvoiceLine[];
  /** Σ of the lines' precise amounts, before the rounding. */
  precise: Precise;
  /** round-half-even(precise) = Σ line amounts. */
  subtotal: Minor;
  credits: InvoiceCredit[];
  /** Σ applied credits. */
  credited: Minor;
  /** subtotal − credited, never negative. */
  total: Minor;
  /** Credit left for the next invoice. */
  carryOver: Minor;
}

export function buildInvoice(input: InvoiceInput): Invoice {
  currencyDecimals(input.currency);
  checkPeriod(input.period);
  input.lines.forEach((l, i) => {
    if (l.precise < 0n) throw errors.invalid(`lines[${i}].precise`, 'must not be negative');
  });
  input.credits.forEach((c, i) => {
    if (c.amount <= 0n) throw errors.invalid(`credits[${i}].amount`, 'must be positive');
  });

  const precise = input.lines.reduce((a, l) => a + l.precise, 0n);
  const subtotal = roundToMinor(precise);
  const amounts = allocate(
    subtotal,
    input.lines.map((l) => l.precise),
  );
  const lines = input.lines.map((l, i) => ({ ...l, amount: amounts[i]! }));

  let room = subtotal;
  const credits = input.credits.map((c) => {
    const applied = c.amount < room ? c.amount : room;
    room -= applied;
    return { description: c.description, amount: c.amount, applied };
  });
  const credited = subtotal - room;
  const carryOver = input.credits.reduce((a, c) => a + c.amount, 0n) - credited;

  return {
    accountId: input.accountId,
    period: input.period,
    currency: input.currency,
    lines,
    precise,
    subtotal,
    credits,
    credited,
    total: subtotal - credited,
    carryOver,
  };
}
