// Price lists are policy, not code (ACC-4): a YAML or JSON document, validated with the path of
// every problem, read into exact integers (precise rates, scaled quantities and percents).

import { LineCounter, parseDocument, stringify, visit } from 'yaml';
import { errors, ReservoirError } from '@reservoir/runtime';
import { QUANTITY_DIGITS, checkMetric, defaultUnit } from './metrics.js';
import {
  PRECISE_DIGITS,
  currencyDecimals,
  formatDecimal,
  isCurrency,
  parseDecimal,
  type Minor,
  type Precise,
} from './money.js';
import { Problems, at, checkKeys, decimalText, integerValue, isRecord, stringValue } from './problems.js';

import { PERCENT_DIGITS, PERCENT_ONE, percentText } from './percent.js';
import type { CompensationTerm, CreditFunction } from './compensation.js';

export { PERCENT_DIGITS, PERCENT_ONE };

export type TierMode = 'graduated' | 'volume';

export interface Tier {
  /** Inclusive upper bound of the tier, quantity × 10^12; null on the last tier. */
  upTo: bigint | null;
  /** Per unit. */
  rate: Precise;
}

export interface TimeOfDayDiscount {
  /** Minutes after local midnight; `to` ≤ `from` means the window crosses midnight. */
  from: number;
  to: number;
  percent: bigint;
  /** Local time = UTC + offset. */
  offsetMinutes: number;
}

export interface MonthDay {
  month: number;
  day: number;
}

export interface SeasonalDiscount {
  /** Both days inclusive; `to` before `from` means the season crosses the new year. */
  from: MonthDay;
  to: MonthDay;
  percent: bigint;
  offsetMinutes: number;
}

export interface CustomerDiscount {
  minMonths: number;
  minSpend: Minor;
  percent: bigint;
}

export interface PriceRule {
  metric: string;
  unit: string;
  /** A plain rate is one tier without upTo. */
  mode: TierMode;
  tiers: Tier[];
  /** Charged once per period for each service that used the metric. */
  flat: Precise;
  timeOfDay: TimeOfDayDiscount[];
  seasonal: SeasonalDiscount[];
}

export interface PriceList {
  currency: string;
  /** null for the default list; an organization's list overrides it rule by rule. */
  organization: string | null;
  rules: PriceRule[];
  customerDiscounts: CustomerDiscount[];
  /** SLA compensation terms (ACC-7), by objective name or '*'. */
  compensations: CompensationTerm[];
  /** What usage costs the provider, for the profitability check (default list only). */
  costs: PriceRule[];
}

const LIST_KEYS = ['currency', 'organization', 'rules', 'customerDiscounts', 'compensations', 'costs'];
const RULE_KEYS = ['metric', 'unit', 'rate', 'flat', 'mode', 'tiers', 'timeOfDay', 'seasonal'];

/** Reads a price list from YAML or JSON text; numbers are taken as written, never through a float. */
export function parsePriceList(text: string): PriceList {
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter: lines });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw new ReservoirError('INVALID_ARGUMENT', `line ${line}, column ${col}: ${syntax.message}`, {
      field: '',
    });
  }
  // Keep the source text of numbers: YAML would turn 0.0013 into a float.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && node.source !== undefined) node.value = node.source;
    },
  });
  return priceListFromObject(doc.toJS());
}

/** Validates a parsed document (or a programmatic object) into a PriceList; throws every problem. */
export function priceListFromObject(raw: unknown): PriceList {
  const problems = new Problems();
  if (!isRecord(raw)) {
    problems.add('', 'a price list must be a mapping with currency and rules');
    problems.throwIfAny();
  }
  const doc = raw as Record<string, unknown>;
  checkKeys(doc, LIST_KEYS, '', problems);

  const currency = stringValue(doc.currency, 'currency', problems);
  if (currency !== undefined && !isCurrency(currency)) problems.attempt(() => currencyDecimals(currency));
  // With an unknown currency, keep checking the rest at the common scale of 2 decimals.
  const decimals = currency !== undefined && isCurrency(currency) ? currencyDecimals(currency) : 2;

  let organization: string | null = null;
  if (doc.organization !== undefined && doc.organization !== null)
    organization = stringValue(doc.organization, 'organization', problems) ?? null;

  const rules = readRules(doc.rules, 'rules', decimals, problems);
  const costs = doc.costs === undefined ? [] : readRules(doc.costs, 'costs', decimals, problems);
  if (costs.length && organization !== null)
    problems.add('costs', "the provider's costs belong in the default list (without organization)");

  const customerDiscounts: CustomerDiscount[] = [];
  if (doc.customerDiscounts !== undefined) {
    if (!Array.isArray(doc.customerDiscounts)) problems.add('customerDiscounts', 'must be a list');
    else
      doc.customerDiscounts.forEach((d: unknown, i) => {
        const c = readCustomerDiscount(d, at('customerDiscounts', i), decimals, problems);
        if (c) customerDiscounts.push(c);
      });
  }

  const compensations = readList(doc.compensations, 'compensations', problems, (item, field) =>
    readTerm(item, field, decimals, problems),
  );
  const objectives = new Map<string, number>();
  compensations.forEach((t, i) => {
    const first = objectives.get(t.objective);
    if (first !== undefined)
      problems.add(
        at(at('compensations', i), 'objective'),
        `"${t.objective}" already has compensations[${first}]`,
      );
    else objectives.set(t.objective, i);
  });

  problems.throwIfAny();
  return { currency: currency!, organization, rules, customerDiscounts, compensations, costs };
}

function readRules(raw: unknown, base: string, decimals: number, problems: Problems): PriceRule[] {
  const rules: PriceRule[] = [];
  if (!Array.isArray(raw)) {
    problems.add(base, 'must be a list of rules');
    return rules;
  }
  const seen = new Map<string, number>();
  raw.forEach((r: unknown, i) => {
    const rule = readRule(r, at(base, i), decimals, problems);
    if (!rule) return;
    const first = seen.get(rule.metric);
    if (first !== undefined)
      problems.add(at(at(base, i), 'metric'), `"${rule.metric}" is already priced by ${base}[${first}]`);
    else seen.set(rule.metric, i);
    rules.push(rule);
  });
  return rules;
}

/** `{objective: name | "*", credit: {fixed: amount} | {percentage: p} | {stepwise: [{minBreachMinutes, percent}]}}` */
function readTerm(
  raw: unknown,
  base: string,
  decimals: number,
  problems: Problems,
): CompensationTerm | undefined {
  if (!isRecord(raw)) {
    problems.add(base, 'must be a mapping {objective, credit}');
    return undefined;
  }
  checkKeys(raw, ['objective', 'credit'], base, problems);
  const objective = stringValue(raw.objective, at(base, 'objective'), problems);
  const credit = readCredit(raw.credit, at(base, 'credit'), decimals, problems);
  return objective === undefined || credit === undefined ? undefined : { objective, credit };
}

const CREDIT_SHAPES =
  'must be one of {fixed: amount}, {percentage: percent}, {stepwise: [{minBreachMinutes, percent}]}';

function readCredit(
  raw: unknown,
  base: string,
  decimals: number,
  problems: Problems,
): CreditFunction | undefined {
  if (!isRecord(raw) || Object.keys(raw).length !== 1) {
    problems.add(base, CREDIT_SHAPES);
    return undefined;
  }
  if (raw.fixed !== undefined) {
    const amount = readAmount(raw.fixed, at(base, 'fixed'), decimals, problems);
    if (amount === 0n) problems.add(at(base, 'fixed'), 'must be positive');
    return amount ? { kind: 'fixed', amount } : undefined;
  }
  if (raw.percentage !== undefined) {
    const percent = readPercent(raw.percentage, at(base, 'percentage'), problems);
    return percent === undefined ? undefined : { kind: 'percentage', percent };
  }
  if (raw.stepwise !== undefined) {
    const field = at(base, 'stepwise');
    if (!Array.isArray(raw.stepwise) || raw.stepwise.length === 0) {
      problems.add(field, 'must be a non-empty list of {minBreachMinutes, percent}');
      return undefined;
    }
    const steps: { minBreachMinutes: number; percent: bigint }[] = [];
    raw.stepwise.forEach((s: unknown, i) => {
      const here = at(field, i);
      if (!isRecord(s)) return problems.add(here, 'must be {minBreachMinutes, percent}');
      checkKeys(s, ['minBreachMinutes', 'percent'], here, problems);
      const min = integerValue(s.minBreachMinutes, at(here, 'minBreachMinutes'), problems);
      const percent = readPercent(s.percent, at(here, 'percent'), problems);
      const previous = steps[steps.length - 1];
      if (min !== undefined && previous && min <= previous.minBreachMinutes)
        problems.add(at(here, 'minBreachMinutes'), `must be greater than ${previous.minBreachMinutes}`);
      if (min !== undefined && percent !== undefined) steps.push({ minBreachMinutes: min, percent });
    });
    return steps.length === raw.stepwise.length ? { kind: 'stepwise', steps } : undefined;
  }
  problems.add(base, CREDIT_SHAPES);
  return undefined;
}

function readRule(raw: unknown, base: string, decimals: number, problems: Problems): PriceRule | undefined {
  if (!isRecord(raw)) {
    problems.add(base, 'must be a mapping with metric and rate (or tiers)');
    return undefined;
  }
  checkKeys(raw, RULE_KEYS, base, problems);
  const metric = problems.attempt(() => checkMetric(raw.metric, at(base, 'metric')));
  const unit =
    raw.unit === undefined
      ? metric && defaultUnit(metric)
      : stringValue(raw.unit, at(base, 'unit'), problems);
  const priceScale = decimals + PRECISE_DIGITS;

  let mode: TierMode = 'graduated';
  if (raw.mode !== undefined) {
    if (raw.mode === 'graduated' || raw.mode === 'volume') mode = raw.mode;
    else problems.add(at(base, 'mode'), 'must be graduated or volume');
    if (raw.tiers === undefined) problems.add(at(base, 'mode'), 'applies to tiers; this rule has none');
  }

  let tiers: Tier[] | undefined;
  if (raw.tiers !== undefined && raw.rate !== undefined)
    problems.add(at(base, 'rate'), 'give either rate or tiers, not both');
  else if (raw.tiers !== undefined) tiers = readTiers(raw.tiers, at(base, 'tiers'), priceScale, problems);
  else if (raw.rate !== undefined) {
    const rate = readAmount(raw.rate, at(base, 'rate'), priceScale, problems);
    if (rate !== undefined) tiers = [{ upTo: null, rate }];
  } else problems.add(at(base, 'rate'), 'required (or tiers)');

  const flat = raw.flat === undefined ? 0n : readAmount(raw.flat, at(base, 'flat'), priceScale, problems);
  const timeOfDay = readList(raw.timeOfDay, at(base, 'timeOfDay'), problems, readTimeOfDay);
  const seasonal = readList(raw.seasonal, at(base, 'seasonal'), problems, readSeasonal);

  if (metric === undefined || unit === undefined || tiers === undefined || flat === undefined)
    return undefined;
  return { metric, unit, mode, tiers, flat, timeOfDay, seasonal };
}

function readTiers(raw: unknown, base: string, priceScale: number, problems: Problems): Tier[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(base, 'must be a non-empty list of {upTo, rate}, the last without upTo');
    return undefined;
  }
  const tiers: Tier[] = [];
  let previous: bigint | null = null;
  let ok = true;
  raw.forEach((t: unknown, i) => {
    const here = at(base, i);
    if (!isRecord(t)) {
      problems.add(here, 'must be a mapping {upTo, rate}');
      ok = false;
      return;
    }
    checkKeys(t, ['upTo', 'rate'], here, problems);
    const last = i === raw.length - 1;
    let upTo: bigint | null = null;
    if (last && t.upTo !== undefined && t.upTo !== null)
      problems.add(at(here, 'upTo'), 'the last tier has no upTo: it covers everything above');
    else if (!last && (t.upTo === undefined || t.upTo === null))
      problems.add(at(here, 'upTo'), 'required on every tier but the last');
    else if (!last) {
      const v = readAmount(t.upTo, at(here, 'upTo'), QUANTITY_DIGITS, problems);
      if (v !== undefined && v === 0n) problems.add(at(here, 'upTo'), 'must be greater than 0');
      else if (v !== undefined && previous !== null && v <= previous)
        problems.add(at(here, 'upTo'), `must be greater than ${formatDecimal(previous, QUANTITY_DIGITS, 0)}`);
      if (v !== undefined) upTo = previous = v;
    }
    const rate =
      t.rate === undefined
        ? (problems.add(at(here, 'rate'), 'required'), undefined)
        : readAmount(t.rate, at(here, 'rate'), priceScale, problems);
    if (rate === undefined) ok = false;
    else tiers.push({ upTo, rate });
  });
  return ok ? tiers : undefined;
}

/** A non-negative exact decimal at the given scale. */
function readAmount(raw: unknown, field: string, scale: number, problems: Problems): bigint | undefined {
  const text = decimalText(raw, field, problems);
  if (text === undefined) return undefined;
  const v = problems.attempt(() => parseDecimal(text, scale, field));
  if (v !== undefined && v < 0n) {
    problems.add(field, 'must not be negative');
    return undefined;
  }
  return v;
}

function readPercent(raw: unknown, field: string, problems: Problems): bigint | undefined {
  if (raw === undefined) {
    problems.add(field, 'required');
    return undefined;
  }
  const p = readAmount(raw, field, PERCENT_DIGITS, problems);
  if (p !== undefined && p > PERCENT_ONE) {
    problems.add(field, 'must be at most 100');
    return undefined;
  }
  return p;
}

function readList<T>(
  raw: unknown,
  base: string,
  problems: Problems,
  read: (item: unknown, field: string, problems: Problems) => T | undefined,
): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add(base, 'must be a list');
    return [];
  }
  return raw.flatMap((item: unknown, i) => {
    const v = read(item, at(base, i), problems);
    return v === undefined ? [] : [v];
  });
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MONTH_DAY = /^(\d\d)-(\d\d)$/;
const OFFSET = /^([+-])(\d\d):(\d\d)$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function readClock(raw: unknown, field: string, problems: Problems): number | undefined {
  const m = typeof raw === 'string' ? CLOCK.exec(raw) : null;
  if (!m) {
    problems.add(field, 'must be a time of day "HH:MM" (00:00 to 23:59)');
    return undefined;
  }
  return Number(m[1]) * 60 + Number(m[2]);
}

function readOffset(raw: unknown, field: string, problems: Problems): number | undefined {
  if (raw === undefined || raw === 'Z' || raw === 'UTC') return 0;
  const m = typeof raw === 'string' ? OFFSET.exec(raw) : null;
  const minutes = m ? Number(m[2]) * 60 + Number(m[3]) : NaN;
  if (!m || Number(m[3]) > 59 || minutes > 14 * 60) {
    problems.add(field, 'must be a UTC offset such as "+01:00", "-05:00" or "UTC"');
    return undefined;
  }
  return m[1] === '-' ? -minutes : minutes;
}

function readMonthDay(raw: unknown, field: string, problems: Problems): MonthDay | undefined {
  const m = typeof raw === 'string' ? MONTH_DAY.exec(raw) : null;
  const month = m ? Number(m[1]) : 0;
  const day = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) {
    problems.add(field, 'must be a date "MM-DD" such as "12-20"');
    return undefined;
  }
  return { month, day };
}

function readTimeOfDay(raw: unknown, base: string, problems: Problems): TimeOfDayDiscount | undefined {
  if (!isRecord(raw)) {
    problems.add(base, 'must be a mapping {from, to, percent, timezone?}');
    return undefined;
  }
  checkKeys(raw, ['from', 'to', 'percent', 'timezone'], base, problems);
  const from = readClock(raw.from, at(base, 'from'), problems);
  const to = readClock(raw.to, at(base, 'to'), problems);
  if (from !== undefined && from === to)
    problems.add(at(base, 'to'), 'must differ from from (a whole-day discount is a lower rate)');
  const percent = readPercent(raw.percent, at(base, 'percent'), problems);
  const offsetMinutes = readOffset(raw.timezone, at(base, 'timezone'), problems);
  if (from === undefined || to === undefined || from === to || percent === undefined) return undefined;
  if (offsetMinutes === undefined) return undefined;
  return { from, to, percent, offsetMinutes };
}

function readSeasonal(raw: unknown, base: string, problems: Problems): SeasonalDiscount | undefined {
  if (!isRecord(raw)) {
    problems.add(base, 'must be a mapping {from, to, percent, timezone?}');
    return undefined;
  }
  checkKeys(raw, ['from', 'to', 'percent', 'timezone'], base, problems);
  const from = readMonthDay(raw.from, at(base, 'from'), problems);
  const to = readMonthDay(raw.to, at(base, 'to'), problems);
  const percent = readPercent(raw.percent, at(base, 'percent'), problems);
  const offsetMinutes = readOffset(raw.timezone, at(base, 'timezone'), problems);
  if (!from || !to || percent === undefined || offsetMinutes === undefined) return undefined;
  return { from, to, percent, offsetMinutes };
}

function readCustomerDiscount(
  raw: unknown,
  base: string,
  decimals: number,
  problems: Problems,
): CustomerDiscount | undefined {
  if (!isRecord(raw)) {
    problems.add(base, 'must be a mapping {minMonths?, minSpend?, percent}');
    return undefined;
  }
  checkKeys(raw, ['minMonths', 'minSpend', 'percent'], base, problems);
  const minMonths =
    raw.minMonths === undefined ? 0 : integerValue(raw.minMonths, at(base, 'minMonths'), problems);
  const minSpend =
    raw.minSpend === undefined ? 0n : readAmount(raw.minSpend, at(base, 'minSpend'), decimals, problems);
  const percent = readPercent(raw.percent, at(base, 'percent'), problems);
  if (minMonths === undefined || minSpend === undefined || percent === undefined) return undefined;
  return { minMonths, minSpend, percent };
}

/**
 * The list that prices an organization's usage: its own list's rules and customer discounts
 * override the default list's, rule by rule (by metric); metrics it does not price keep the default.
 */
export function resolvePriceList(lists: readonly PriceList[], organization: string | null): PriceList {
  const defaults = lists.filter((l) => l.organization === null);
  if (defaults.length > 1) throw errors.precondition('more than one default price list');
  const own = organization === null ? [] : lists.filter((l) => l.organization === organization);
  if (own.length > 1)
    throw errors.precondition(`more than one price list for organization "${organization}"`);
  const base = defaults[0];
  const override = own[0];
  if (!override) {
    if (!base) throw errors.notFound('price list', organization ?? 'default');
    return base;
  }
  if (!base) return override;
  if (base.currency !== override.currency)
    throw errors.precondition(
      `the price list of organization "${organization}" is in ${override.currency}, the default list in ${base.currency}`,
    );
  const priced = new Set(override.rules.map((r) => r.metric));
  return {
    currency: override.currency,
    organization: override.organization,
    rules: [...override.rules, ...base.rules.filter((r) => !priced.has(r.metric))],
    customerDiscounts: override.customerDiscounts.length
      ? override.customerDiscounts
      : base.customerDiscounts,
    compensations: override.compensations.length ? override.compensations : base.compensations,
    costs: base.costs,
  };
}

export function findRule(list: PriceList, metric: string): PriceRule | undefined {
  return list.rules.find((r) => r.metric === metric);
}

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

function offsetText(minutes: number): string | undefined {
  if (minutes === 0) return undefined;
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** The canonical YAML of a price list (`reservoir price show`); parsing it gives the same list. */
export function priceListToYaml(list: PriceList): string {
  const scale = currencyDecimals(list.currency) + PRECISE_DIGITS;
  const price = (p: bigint) => formatDecimal(p, scale, 0);
  const rule = (r: PriceRule) => ({
    metric: r.metric,
    ...(r.unit === defaultUnit(r.metric) ? {} : { unit: r.unit }),
    ...(r.tiers.length === 1
      ? { rate: price(r.tiers[0]!.rate) }
      : {
          mode: r.mode,
          tiers: r.tiers.map((t) =>
            t.upTo === null
              ? { rate: price(t.rate) }
              : { upTo: formatDecimal(t.upTo, QUANTITY_DIGITS, 0), rate: price(t.rate) },
          ),
        }),
    ...(r.flat === 0n ? {} : { flat: price(r.flat) }),
    ...(r.timeOfDay.length === 0
      ? {}
      : {
          timeOfDay: r.timeOfDay.map((d) => ({
            from: clock(d.from),
            to: clock(d.to),
            percent: percentText(d.percent),
            ...withTimezone(d.offsetMinutes),
          })),
        }),
    ...(r.seasonal.length === 0
      ? {}
      : {
          seasonal: r.seasonal.map((d) => ({
            from: `${pad(d.from.month)}-${pad(d.from.day)}`,
            to: `${pad(d.to.month)}-${pad(d.to.day)}`,
            percent: percentText(d.percent),
            ...withTimezone(d.offsetMinutes),
          })),
        }),
  });
  const doc = {
    currency: list.currency,
    ...(list.organization === null ? {} : { organization: list.organization }),
    rules: list.rules.map(rule),
    ...(list.customerDiscounts.length === 0
      ? {}
      : {
          customerDiscounts: list.customerDiscounts.map((c) => ({
            ...(c.minMonths === 0 ? {} : { minMonths: c.minMonths }),
            ...(c.minSpend === 0n ? {} : { minSpend: formatDecimal(c.minSpend, scale - PRECISE_DIGITS) }),
            percent: percentText(c.percent),
          })),
        }),
    ...(list.compensations.length === 0
      ? {}
      : {
          compensations: list.compensations.map((t) => ({
            objective: t.objective,
            credit: creditToObject(t.credit, currencyDecimals(list.currency)),
          })),
        }),
    ...(list.costs.length === 0 ? {} : { costs: list.costs.map(rule) }),
  };
  // Decimals stay quoted strings so that no reader takes them for floats.
  return stringify(doc, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

function creditToObject(c: CreditFunction, decimals: number): Record<string, unknown> {
  switch (c.kind) {
    case 'fixed':
      return { fixed: formatDecimal(c.amount, decimals) };
    case 'percentage':
      return { percentage: percentText(c.percent) };
    case 'stepwise':
      return {
        stepwise: c.steps.map((s) => ({
          minBreachMinutes: s.minBreachMinutes,
          percent: percentText(s.percent),
        })),
      };
  }
}

function withTimezone(offsetMinutes: number): { timezone?: string } {
  const tz = offsetText(offsetMinutes);
  return tz === undefined ? {} : { timezone: tz };
}
