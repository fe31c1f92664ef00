// A cost estimate of a service before it is deployed (ACC-9, SM-7's budget directive): its
// components' resources for a 30-day month rated by the same rules as the bill (tiers, flat fees,
// time-of-day and seasonal discounts), so the estimate and the invoice cannot disagree on prices.
// The same usage at the provider's costs gives the margin of the deployment.

import {
  PRECISE_DIGITS,
  currencyDecimals,
  divRoundHalfEven,
  formatDecimal,
  roundToMinor,
  type Precise,
} from './money.js';
import type { Period } from './period.js';
import type { PriceList, PriceRule } from './pricing.js';
import { rateUsage, type UsageItem } from './rating.js';

export const QUOTE_HOURS = 720;

export interface QuoteComponent {
  component: string;
  vcpus: number;
  memoryMib: number;
  diskMib: number;
  instancesInitial: number;
  instancesMax: number;
}

export interface ComponentQuote {
  component: string;
  /** Precise amounts (nano-minor units). */
  perInstanceMonth: Precise;
  costPerInstanceMonth: Precise;
}

export interface Quote {
  currency: string;
  monthAtInitial: Precise;
  monthAtMax: Precise;
  costMonthAtInitial: Precise;
  components: ComponentQuote[];
}

/** Exact decimal text of n/1024 (1/1024 has 10 decimals). */
const gib = (mib: bigint) => formatDecimal(mib * 9_765_625n, 10, 0);

/** One instance's month of usage, as the VM meter would record it. */
function instanceMonth(c: QuoteComponent, period: Period): UsageItem[] {
  const h = BigInt(QUOTE_HOURS);
  const item = (metric: string, quantity: string): UsageItem => ({
    service: 'quote',
    component: c.component,
    metric,
    quantity,
    start: period.start,
    end: period.end,
  });
  return [
    item('vm.hours', String(h)),
    item('vcpu.hours', String(BigInt(c.vcpus) * h)),
    item('memory.gib_hours', gib(BigInt(c.memoryMib) * h)),
    item('disk.gib_hours', gib(BigInt(c.diskMib) * h)),
  ];
}

function monthOf(items: UsageItem[], rules: PriceRule[], list: PriceList, period: Period): Precise {
  const priced = new Set(rules.map((r) => r.metric));
  const own = items.filter((i) => priced.has(i.metric));
  if (own.length === 0) return 0n;
  const lines = rateUsage(
    own,
    { ...list, rules, customerDiscounts: [] },
    { since: period.start, spend: 0n },
    period,
  );
  return lines.reduce((s, l) => s + l.precise, 0n);
}

/**
 * Prices each component's instance for a month starting at `from`, alone (tiers are per service
 * and month, so a larger service may pay less per unit: the figure per instance is the list price).
 */
export function quote(components: readonly QuoteComponent[], list: PriceList, from: number): Quote {
  const period = { start: from, end: from + QUOTE_HOURS * 3600_000 };
  const out = components.map((c) => {
    const items = instanceMonth(c, period);
    return {
      component: c.component,
      perInstanceMonth: monthOf(items, list.rules, list, period),
      costPerInstanceMonth: monthOf(items, list.costs, list, period),
      initial: BigInt(c.instancesInitial),
      max: BigInt(c.instancesMax),
    };
  });
  return {
    currency: list.currency,
    monthAtInitial: out.reduce((s, c) => s + c.perInstanceMonth * c.initial, 0n),
    monthAtMax: out.reduce((s, c) => s + c.perInstanceMonth * c.max, 0n),
    costMonthAtInitial: out.reduce((s, c) => s + c.costPerInstanceMonth * c.initial, 0n),
    components: out.map(({ component, perInstanceMonth, costPerInstanceMonth }) => ({
      component,
      perInstanceMonth,
      costPerInstanceMonth,
    })),
  };
}

/** A precise monthly amount per hour, as decimal text with 4 decimals more than the currency. */
export function perHourText(month: Precise, currency: string): string {
  const d = currencyDecimals(currency);
  const hour = divRoundHalfEven(month, BigInt(QUOTE_HOURS) * 10n ** BigInt(PRECISE_DIGITS - 4));
  return formatDecimal(hour, d + 4, d);
}

/** A precise amount rounded to the currency's minor units, as decimal text. */
export function preciseText(amount: Precise, currency: string): string {
  return formatDecimal(roundToMinor(amount), currencyDecimals(currency));
}

/** (revenue − cost) / revenue in percent with 2 decimals; '' when the revenue is zero. */
export function marginPercent(revenue: bigint, cost: bigint): string {
  if (revenue === 0n) return '';
  const p = divRoundHalfEven((revenue - cost) * 100n * 10n ** 2n, revenue);
  return formatDecimal(p, 2, 0);
}
