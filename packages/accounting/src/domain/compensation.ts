// SLA compensation (ACC-7): objectives checked against what monitoring measured over a period, and
// a breach turned into a credit by a configurable function. No billing engine automates this, so
// the rules are ours: a credit is keyed by (slaId, period) so that however often the check runs,
// the ledger applies it once; an SLA without a measurement is not judged (a gap is not a breach).

import { errors } from '@reservoir/runtime';
import { divRoundHalfEven, formatDecimal, parseDecimal, parseMoney, type Minor } from './money.js';
import { PERCENT_DIGITS, PERCENT_ONE } from './pricing.js';
import { Problems, at, checkKeys, decimalText, integerValue, isRecord, stringValue } from './problems.js';
import { checkPeriod, type Period } from './period.js';

export type SlaOperator = '<' | '<=' | '>' | '>=';

export type SlaObjective =
  /** The service is up at least this share of the period. */
  | { kind: 'availability'; minPercent: bigint }
  /** A KPI over the period must satisfy `value operator threshold` (e.g. p95 latency <= 250). */
  | { kind: 'kpi'; kpi: string; operator: SlaOperator; threshold: number };

export type CreditFunction =
  | { kind: 'fixed'; amount: Minor }
  /** Percent of the period's charge for the service. */
  | { kind: 'percentage'; percent: bigint }
  /** The highest step whose minBreachMinutes the breach reached; percent of the period's charge. */
  | { kind: 'stepwise'; steps: { minBreachMinutes: number; percent: bigint }[] };

export interface Sla {
  id: string;
  service: string;
  objective: SlaObjective;
  credit: CreditFunction;
}

export interface SlaMeasurement {
  slaId: string;
  /** Availability objectives: seconds the service was down in the period. */
  downSeconds?: number;
  /** KPI objectives: the KPI's value over the period. */
  value?: number;
  /** KPI objectives: seconds the KPI was outside its target; the whole period if not measured. */
  breachSeconds?: number;
}

export interface SlaBreach {
  slaId: string;
  service: string;
  period: Period;
  /** Deterministic: the same SLA and period always give the same key. */
  key: string;
  breachSeconds: number;
  reason: string;
}

export interface Compensation {
  key: string;
  slaId: string;
  service: string;
  period: Period;
  /** Minor units, positive. */
  amount: Minor;
  description: string;
}

const HOLDS: Record<SlaOperator, (v: number, t: number) => boolean> = {
  '<': (v, t) => v < t,
  '<=': (v, t) => v <= t,
  '>': (v, t) => v > t,
  '>=': (v, t) => v >= t,
};

export function compensationKey(slaId: string, period: Period): string {
  return `sla:${slaId}:${new Date(period.start).toISOString()}/${new Date(period.end).toISOString()}`;
}

/** The SLAs breached in the period, judged on the measurements given. */
export function checkSlas(
  slas: readonly Sla[],
  measurements: readonly SlaMeasurement[],
  period: Period,
): SlaBreach[] {
  checkPeriod(period);
  const periodMs = period.end - period.start;
  const byId = new Map(measurements.map((m) => [m.slaId, m]));
  const out: SlaBreach[] = [];
  for (const sla of slas) {
    const m = byId.get(sla.id);
    if (!m) continue;
    const breach = (breachSeconds: number, reason: string) =>
      out.push({
        slaId: sla.id,
        service: sla.service,
        period,
        key: compensationKey(sla.id, period),
        breachSeconds,
        reason,
      });
    const o = sla.objective;
    if (o.kind === 'availability') {
      if (m.downSeconds === undefined) continue;
      // Exact: down × 1000 × 100% > period × (100% − objective), all in integers.
      const allowed = BigInt(periodMs) * (PERCENT_ONE - o.minPercent);
      if (BigInt(Math.round(m.downSeconds * 1000)) * PERCENT_ONE > allowed)
        breach(
          m.downSeconds,
          `down ${m.downSeconds} s, more than the ${percentText(o.minPercent)}% availability allows`,
        );
    } else {
      if (m.value === undefined) continue;
      if (!HOLDS[o.operator](m.value, o.threshold))
        breach(
          m.breachSeconds ?? periodMs / 1000,
          `${o.kpi} was ${m.value}, the objective is ${o.operator} ${o.threshold}`,
        );
    }
  }
  return out;
}

/** The credit a breach earns, in minor units (rounded half-even once); 0 when no step is reached. */
export function creditAmount(fn: CreditFunction, breachSeconds: number, serviceCharge: Minor): Minor {
  const share = (percent: bigint) => divRoundHalfEven(serviceCharge * percent, PERCENT_ONE);
  switch (fn.kind) {
    case 'fixed':
      return fn.amount;
    case 'percentage':
      return share(fn.percent);
    case 'stepwise': {
      let percent = 0n;
      for (const s of fn.steps)
        if (breachSeconds >= s.minBreachMinutes * 60 && s.percent > percent) percent = s.percent;
      return share(percent);
    }
  }
}

/**
 * Compensations for the breaches, each keyed by (slaId, period). `charges` is the period's charge
 * per service in minor units (0 when absent).
 */
export function compensate(
  slas: readonly Sla[],
  breaches: readonly SlaBreach[],
  charges: ReadonlyMap<string, Minor>,
): Compensation[] {
  const byId = new Map(slas.map((s) => [s.id, s]));
  const out: Compensation[] = [];
  for (const b of breaches) {
    const sla = byId.get(b.slaId);
    if (!sla) throw errors.notFound('SLA', b.slaId);
    const amount = creditAmount(sla.credit, b.breachSeconds, charges.get(b.service) ?? 0n);
    if (amount <= 0n) continue;
    out.push({
      key: b.key,
      slaId: b.slaId,
      service: b.service,
      period: b.period,
      amount,
      description: `SLA ${b.slaId} of ${b.service}: ${b.reason}`,
    });
  }
  return out;
}

const percentText = (p: bigint) => formatDecimal(p, PERCENT_DIGITS, 0);

/**
 * Reads an SLA from policy:
 * `{ id, service, objective: {availability: "99.9"} | {kpi, operator, threshold},
 *    credit: {fixed: "10.00"} | {percentage: "10"} | {stepwise: [{minBreachMinutes, percent}]} }`.
 */
export function parseSla(raw: unknown, currency: string, base = 'sla'): Sla {
  const problems = new Problems();
  if (!isRecord(raw)) {
    problems.add(base, 'must be a mapping {id, service, objective, credit}');
    problems.throwIfAny();
  }
  const doc = raw as Record<string, unknown>;
  checkKeys(doc, ['id', 'service', 'objective', 'credit'], base, problems);
  const id = stringValue(doc.id, at(base, 'id'), problems);
  const service = stringValue(doc.service, at(base, 'service'), problems);
  const objective = readObjective(doc.objective, at(base, 'objective'), problems);
  const credit = readCredit(doc.credit, at(base, 'credit'), currency, problems);
  problems.throwIfAny();
  return { id: id!, service: service!, objective: objective!, credit: credit! };
}

function readPercent(raw: unknown, field: string, problems: Problems): bigint | undefined {
  const text = decimalText(raw, field, problems);
  const p =
    text === undefined ? undefined : problems.attempt(() => parseDecimal(text, PERCENT_DIGITS, field));
  if (p !== undefined && (p < 0n || p > PERCENT_ONE)) {
    problems.add(field, 'must be between 0 and 100');
    return undefined;
  }
  return p;
}

function readObjective(raw: unknown, base: string, problems: Problems): SlaObjective | undefined {
  if (isRecord(raw) && raw.availability !== undefined) {
    checkKeys(raw, ['availability'], base, problems);
    const minPercent = readPercent(raw.availability, at(base, 'availability'), problems);
    return minPercent === undefined ? undefined : { kind: 'availability', minPercent };
  }
  if (isRecord(raw) && raw.kpi !== undefined) {
    checkKeys(raw, ['kpi', 'operator', 'threshold'], base, problems);
    const kpi = stringValue(raw.kpi, at(base, 'kpi'), problems);
    const operator = raw.operator;
    if (operator !== '<' && operator !== '<=' && operator !== '>' && operator !== '>=') {
      problems.add(at(base, 'operator'), 'must be one of <, <=, >, >=');
      return undefined;
    }
    const threshold = typeof raw.threshold === 'string' ? Number(raw.threshold) : raw.threshold;
    if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
      problems.add(at(base, 'threshold'), 'must be a number');
      return undefined;
    }
    return kpi === undefined ? undefined : { kind: 'kpi', kpi, operator, threshold };
  }
  problems.add(base, 'must be {availability: percent} or {kpi, operator, threshold}');
  return undefined;
}

function readCredit(
  raw: unknown,
  base: string,
  currency: string,
  problems: Problems,
): CreditFunction | undefined {
  if (!isRecord(raw) || Object.keys(raw).length !== 1) {
    problems.add(base, 'must be one of {fixed: amount}, {percentage: percent}, {stepwise: [steps]}');
    return undefined;
  }
  if (raw.fixed !== undefined) {
    const field = at(base, 'fixed');
    const text = decimalText(raw.fixed, field, problems);
    const amount = text === undefined ? undefined : problems.attempt(() => parseMoney(text, currency, field));
    if (amount !== undefined && amount <= 0n) problems.add(field, 'must be positive');
    return amount === undefined || amount <= 0n ? undefined : { kind: 'fixed', amount };
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
  problems.add(base, 'must be one of {fixed: amount}, {percentage: percent}, {stepwise: [steps]}');
  return undefined;
}
