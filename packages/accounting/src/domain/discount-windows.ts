// Time-of-day and seasonal discounts as intervals on the time line, so a usage interval is split
// by its overlap with them: an hour from 21:30 to 22:30 gets the night discount on half of it.

import { PERCENT_ONE, type PriceRule, type SeasonalDiscount, type TimeOfDayDiscount } from './pricing.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A discount factor with 12 decimals: (1 - time-of-day) × (1 - seasonal). */
export const FACTOR_ONE: bigint = PERCENT_ONE * PERCENT_ONE;

export interface Segment {
  /** Milliseconds; 0 for an instant (a usage item with start = end). */
  length: number;
  timeOfDay: bigint;
  seasonal: bigint;
  /** FACTOR_ONE minus the discounts, compounded. */
  factor: bigint;
}

type Interval = [start: number, end: number];

/** The UTC intervals of a daily window on the local days around [start, end]. */
export function timeOfDayIntervals(d: TimeOfDayDiscount, start: number, end: number): Interval[] {
  const offset = d.offsetMinutes * MINUTE;
  const first = Math.floor((start + offset) / DAY) - 1;
  const last = Math.floor((end + offset) / DAY);
  const out: Interval[] = [];
  for (let day = first; day <= last; day++) {
    const midnight = day * DAY - offset;
    const to = d.to > d.from ? d.to : d.to + 24 * 60;
    out.push([midnight + d.from * MINUTE, midnight + to * MINUTE]);
  }
  return out;
}

/** The UTC intervals of a yearly season (both dates inclusive) in the years around [start, end]. */
export function seasonalIntervals(d: SeasonalDiscount, start: number, end: number): Interval[] {
  const offset = d.offsetMinutes * MINUTE;
  const first = new Date(start + offset).getUTCFullYear() - 1;
  const last = new Date(end + offset).getUTCFullYear();
  const crossesYear = d.to.month < d.from.month || (d.to.month === d.from.month && d.to.day < d.from.day);
  const out: Interval[] = [];
  for (let year = first; year <= last; year++) {
    const s = Date.UTC(year, d.from.month - 1, d.from.day) - offset;
    const e = Date.UTC(crossesYear ? year + 1 : year, d.to.month - 1, d.to.day + 1) - offset;
    out.push([s, e]);
  }
  return out;
}

/**
 * Cuts [start, end] where a discount begins or ends; each piece carries the best time-of-day and
 * the best seasonal percent in force over it (overlapping windows of one kind do not add up).
 */
export function discountSegments(rule: PriceRule, start: number, end: number): Segment[] {
  const tod = rule.timeOfDay.flatMap((d) =>
    timeOfDayIntervals(d, start, end).map(([s, e]) => ({ s, e, p: d.percent })),
  );
  const season = rule.seasonal.flatMap((d) =>
    seasonalIntervals(d, start, end).map(([s, e]) => ({ s, e, p: d.percent })),
  );
  const cuts = new Set<number>([start, end]);
  for (const { s, e } of [...tod, ...season]) {
    if (s > start && s < end) cuts.add(s);
    if (e > start && e < end) cuts.add(e);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const best = (list: { s: number; e: number; p: bigint }[], t: number) =>
    list.reduce((m, { s, e, p }) => (s <= t && t < e && p > m ? p : m), 0n);
  const segment = (from: number, length: number): Segment => {
    const timeOfDay = best(tod, from);
    const seasonal = best(season, from);
    return { length, timeOfDay, seasonal, factor: (PERCENT_ONE - timeOfDay) * (PERCENT_ONE - seasonal) };
  };
  if (start === end) return [segment(start, 0)];
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) out.push(segment(points[i]!, points[i + 1]! - points[i]!));
  return out;
}
