// SLA compensation (ACC-7). The Service Manager judges a service's SLA objectives (KPI targets and
// the built-in service.availability) against monitoring and announces each violation and each
// return to the objective; the time between them is the breach. The provider's compensation terms
// (policy, in the price list) turn a breach into a credit by a configurable function. A credit is
// keyed by (service, objective, period), so however often a period is rated it is granted once.

import { divRoundHalfEven, type Minor } from './money.js';
import { checkPeriod, type Period } from './period.js';
import { PERCENT_ONE } from './percent.js';

export type CreditFunction =
  | { kind: 'fixed'; amount: Minor }
  /** Percent of the period's charge for the service. */
  | { kind: 'percentage'; percent: bigint }
  /** The highest step whose minBreachMinutes the breach reached; percent of the period's charge. */
  | { kind: 'stepwise'; steps: { minBreachMinutes: number; percent: bigint }[] };

/** How a breach of an objective is compensated; objective '*' covers every objective. */
export interface CompensationTerm {
  objective: string;
  credit: CreditFunction;
}

/** One announcement of the SM: the objective became violated (met false) or met again. */
export interface SlaTransition {
  service: string;
  objective: string;
  at: number;
  met: boolean;
  reason: string;
}

export interface SlaBreach {
  service: string;
  objective: string;
  period: Period;
  /** Deterministic: the same service, objective and period always give the same key. */
  key: string;
  breachSeconds: number;
  reason: string;
}

export interface Compensation {
  key: string;
  service: string;
  objective: string;
  period: Period;
  /** Minor units, positive. */
  amount: Minor;
  description: string;
}

export function compensationKey(service: string, objective: string, period: Period): string {
  return `sla:${service}:${objective}:${new Date(period.start).toISOString()}/${new Date(period.end).toISOString()}`;
}

/**
 * The breaches of each (service, objective) within the period, from the SM's transitions (those
 * before the period give the state at its start). A violation still open counts until `until`
 * of its service (the end of its metered use), or the period's end: a stopped service whose
 * objective was never met again is not in breach for ever.
 */
export function slaBreaches(
  transitions: readonly SlaTransition[],
  period: Period,
  until: ReadonlyMap<string, number> = new Map(),
): SlaBreach[] {
  checkPeriod(period);
  const series = new Map<string, SlaTransition[]>();
  for (const t of [...transitions].sort((a, b) => a.at - b.at)) {
    const id = `${t.service}\u0000${t.objective}`;
    const list = series.get(id) ?? [];
    list.push(t);
    series.set(id, list);
  }
  const out: SlaBreach[] = [];
  for (const list of series.values()) {
    const { service, objective } = list[0]!;
    const end = Math.min(period.end, Math.max(period.start, until.get(service) ?? period.end));
    let violatedSince: number | undefined;
    let reason = '';
    let ms = 0;
    for (const t of list) {
      if (t.at >= end) break;
      if (!t.met && violatedSince === undefined) {
        violatedSince = t.at;
        reason = t.reason;
      } else if (t.met && violatedSince !== undefined) {
        ms += Math.max(0, t.at - Math.max(violatedSince, period.start));
        violatedSince = undefined;
      }
    }
    if (violatedSince !== undefined) ms += Math.max(0, end - Math.max(violatedSince, period.start));
    if (ms > 0)
      out.push({
        service,
        objective,
        period,
        key: compensationKey(service, objective, period),
        breachSeconds: ms / 1000,
        reason,
      });
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

/** The term for an objective: its own, else the '*' term. */
export function termFor(terms: readonly CompensationTerm[], objective: string): CompensationTerm | undefined {
  return terms.find((t) => t.objective === objective) ?? terms.find((t) => t.objective === '*');
}

/**
 * Compensations for the breaches under the terms. `charges` is the period's charge per service in
 * minor units (0 when absent); a breach without a term, or whose credit is 0, earns nothing.
 */
export function compensate(
  breaches: readonly SlaBreach[],
  terms: readonly CompensationTerm[],
  charges: ReadonlyMap<string, Minor>,
): Compensation[] {
  const out: Compensation[] = [];
  for (const b of breaches) {
    const term = termFor(terms, b.objective);
    if (!term) continue;
    const amount = creditAmount(term.credit, b.breachSeconds, charges.get(b.service) ?? 0n);
    if (amount <= 0n) continue;
    out.push({
      key: b.key,
      service: b.service,
      objective: b.objective,
      period: b.period,
      amount,
      description: `SLA ${b.objective} of ${b.service} breached for ${minutes(b.breachSeconds)} min: ${b.reason}`,
    });
  }
  return out;
}

const minutes = (seconds: number) => (Math.round(seconds / 6) / 10).toString();
