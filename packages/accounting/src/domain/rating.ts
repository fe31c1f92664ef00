// Rating: usage items and a price list → one precise line per (service, component, metric).
//
// Exact integer arithmetic throughout; the only rounding is a line's value to the nano-cent
// (half-even, once per line), far below the one rounding to minor units done by the invoice.
// Order of application: tiers over the (service, metric) total of the period → time-of-day and
// seasonal discounts by each item's overlap with them → the customer discount, last.

import { errors } from '@reservoir/runtime';
import { FACTOR_ONE, discountSegments } from './discount-windows.js';
import { QUANTITY_DIGITS, checkMetric } from './metrics.js';
import { checkPeriod, type Period } from './period.js';
import { divRoundHalfEven, formatDecimal, parseDecimal, type Minor, type Precise } from './money.js';
import {
  PERCENT_DIGITS,
  PERCENT_ONE,
  findRule,
  type CustomerDiscount,
  type PriceList,
  type PriceRule,
} from './pricing.js';

export interface CustomerHistory {
  /** When the customer started, ms since the epoch. */
  since: number;
  /** What the customer has spent so far, in minor units. */
  spend: Minor;
}

export interface UsageItem {
  service: string;
  component: string;
  metric: string;
  /** Exact decimal, up to 12 places. */
  quantity: string;
  /** The interval the usage happened in (start = end for an instantaneous count). */
  start: number;
  end: number;
}

export interface RatedLine {
  service: string;
  /** "*" for a rule's flat fee, which belongs to the whole service. */
  component: string;
  metric: string;
  quantity: string;
  unit: string;
  precise: Precise;
  description: string;
}

const QUANTITY_ONE = 10n ** BigInt(QUANTITY_DIGITS);
export const FLAT_COMPONENT = '*';

interface LineAcc {
  service: string;
  component: string;
  metric: string;
  quantity: bigint;
  /** Σ quantity × discount factor (scale 10^-12 × FACTOR_ONE). */
  effective: bigint;
  timeOfDay: boolean;
  seasonal: boolean;
}

export function rateUsage(
  items: readonly UsageItem[],
  list: PriceList,
  customer: CustomerHistory,
  period: Period,
): RatedLine[] {
  checkPeriod(period);
  const lines = new Map<string, LineAcc>();
  const groups = new Map<string, { service: string; rule: PriceRule; total: bigint; lines: LineAcc[] }>();

  items.forEach((item, i) => {
    const base = `items[${i}]`;
    const { rule, quantity } = checkItem(item, base, list, period);
    const lineKey = JSON.stringify([item.service, item.component, item.metric]);
    let line = lines.get(lineKey);
    if (!line) {
      line = { ...pick(item), quantity: 0n, effective: 0n, timeOfDay: false, seasonal: false };
      lines.set(lineKey, line);
      const groupKey = JSON.stringify([item.service, item.metric]);
      let group = groups.get(groupKey);
      if (!group) groups.set(groupKey, (group = { service: item.service, rule, total: 0n, lines: [] }));
      group.lines.push(line);
    }
    line.quantity += quantity;
    groups.get(JSON.stringify([item.service, item.metric]))!.total += quantity;

    const segments = discountSegments(rule, item.start, item.end);
    const length = BigInt(item.end - item.start);
    const weighted = segments.reduce((a, s) => a + BigInt(s.length) * s.factor, 0n);
    // The only proportional split: exact unless the overlap ratio does not terminate, and then
    // off by at most 10^-24 of a unit.
    line.effective +=
      length === 0n ? quantity * segments[0]!.factor : divRoundHalfEven(quantity * weighted, length);
    for (const s of segments)
      if (s.length > 0 || length === 0n) {
        line.timeOfDay ||= s.timeOfDay > 0n;
        line.seasonal ||= s.seasonal > 0n;
      }
  });

  const discount = customerDiscount(list, customer, period.start);
  const keep = PERCENT_ONE - (discount?.percent ?? 0n);
  const out: RatedLine[] = [];
  for (const { service, rule, total, lines: members } of groups.values()) {
    const gross = tieredCharge(rule, total);
    for (const l of members) {
      const precise =
        total === 0n
          ? 0n
          : divRoundHalfEven(gross * l.effective * keep, QUANTITY_ONE * total * FACTOR_ONE * PERCENT_ONE);
      const quantity = formatDecimal(l.quantity, QUANTITY_DIGITS, 0);
      const notes = [
        rule.tiers.length > 1
          ? `${rule.mode} tiers on ${formatDecimal(total, QUANTITY_DIGITS, 0)} ${rule.unit} for the service`
          : '',
        l.timeOfDay ? 'time-of-day discount' : '',
        l.seasonal ? 'seasonal discount' : '',
        discount ? `customer discount ${formatDecimal(discount.percent, PERCENT_DIGITS, 0)}%` : '',
      ].filter(Boolean);
      out.push({
        service: l.service,
        component: l.component,
        metric: l.metric,
        quantity,
        unit: rule.unit,
        precise,
        description: [`${l.metric} of ${l.service}/${l.component}: ${quantity} ${rule.unit}`, ...notes].join(
          ', ',
        ),
      });
    }
    if (rule.flat > 0n)
      out.push({
        service,
        component: FLAT_COMPONENT,
        metric: rule.metric,
        quantity: '1',
        unit: 'period',
        precise: divRoundHalfEven(rule.flat * keep, PERCENT_ONE),
        description: `${rule.metric} of ${service}: flat fee for the period${discount ? `, customer discount ${formatDecimal(discount.percent, PERCENT_DIGITS, 0)}%` : ''}`,
      });
  }
  return out.sort(
    (a, b) =>
      compare(a.service, b.service) || compare(a.component, b.component) || compare(a.metric, b.metric),
  );
}

/**
 * The charge for a (service, metric) total, in precise × 10^12. Graduated: each tier prices the
 * part of the total inside it. Volume: the tier the total falls in prices all of it. An upTo is
 * inclusive: a total of exactly 100 is in the tier "upTo: 100".
 */
export function tieredCharge(rule: PriceRule, total: bigint): bigint {
  if (rule.mode === 'volume') {
    const tier =
      rule.tiers.find((t) => t.upTo === null || total <= t.upTo) ?? rule.tiers[rule.tiers.length - 1]!;
    return total * tier.rate;
  }
  let charge = 0n;
  let below = 0n;
  for (const t of rule.tiers) {
    const top = t.upTo === null || t.upTo > total ? total : t.upTo;
    if (top > below) charge += (top - below) * t.rate;
    if (t.upTo === null || t.upTo >= total) break;
    below = t.upTo;
  }
  return charge;
}

/** The best discount the customer's history earns at `at` (the period's start), or null. */
export function customerDiscount(
  list: PriceList,
  customer: CustomerHistory,
  at: number,
): CustomerDiscount | null {
  const months = fullMonthsBetween(customer.since, at);
  let best: CustomerDiscount | null = null;
  for (const d of list.customerDiscounts)
    if (months >= d.minMonths && customer.spend >= d.minSpend && (!best || d.percent > best.percent))
      best = d;
  return best;
}

/** Whole calendar months (UTC) from `from` to `to`: Jan 31 → Feb 28 is 0, Jan 31 → Mar 31 is 2. */
export function fullMonthsBetween(from: number, to: number): number {
  if (to <= from) return 0;
  const a = new Date(from);
  const b = new Date(to);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  const intoMonth = (d: Date) => d.getTime() - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (intoMonth(b) < intoMonth(a)) months -= 1;
  return Math.max(0, months);
}

/** Units and types are checked where usage enters (Kill Bill #2013 accepted an unknown unit). */
function checkItem(
  item: UsageItem,
  base: string,
  list: PriceList,
  period: Period,
): { rule: PriceRule; quantity: bigint } {
  for (const key of ['service', 'component'] as const)
    if (typeof item[key] !== 'string' || item[key] === '')
      throw errors.invalid(`${base}.${key}`, 'must be a non-empty string');
  const metric = checkMetric(item.metric, `${base}.metric`);
  const rule = findRule(list, metric);
  if (!rule) throw errors.invalid(`${base}.metric`, `the price list has no rule for "${metric}"`);
  const quantity = parseDecimal(item.quantity, QUANTITY_DIGITS, `${base}.quantity`);
  if (quantity < 0n) throw errors.invalid(`${base}.quantity`, 'must not be negative');
  if (!Number.isSafeInteger(item.start) || !Number.isSafeInteger(item.end) || item.end < item.start)
    throw errors.invalid(`${base}.end`, 'must be an integer time not before start');
  if (item.start < period.start || item.end > period.end || item.start >= period.end)
    throw errors.invalid(
      `${base}.start`,
      'the usage lies (partly) outside the period; split it at the boundary',
    );
  return { rule, quantity };
}

function pick(item: UsageItem): Pick<LineAcc, 'service' | 'component' | 'metric'> {
  return { service: item.service, component: item.component, metric: item.metric };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
