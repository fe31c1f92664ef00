import type { PolicyName } from './model.js';
import type { Placement } from './placement.js';
import type { Problem } from './problem.js';

// Every policy is minimised lexicographically: first VMs left unplaced (except under profit,
// where leaving a VM out can pay), then the policy's value with a penalty per soft-constraint
// violation. The penalty is worth half a host under consolidate (and the like elsewhere): a
// preference gives way when honouring it would cost a whole host.

export interface Score {
  unplaced: number;
  soft: number;
  value: number;
}

export function compareScores(a: Score, b: Score): number {
  if (a.unplaced !== b.unplaced) return a.unplaced - b.unplaced;
  const d = a.value - b.value;
  return Math.abs(d) <= 1e-9 * Math.max(1, Math.abs(a.value)) ? 0 : d;
}

/** Maximum and standard deviation of host utilisation (fullest resource), over every host. */
export function utilizationStats(pl: Placement): { max: number; std: number } {
  const n = pl.p.nHosts;
  let max = 0;
  let sum = 0;
  let sq = 0;
  for (let h = 0; h < n; h++) {
    const u = pl.utilization(h);
    if (u > max) max = u;
    sum += u;
    sq += u * u;
  }
  const mean = n > 0 ? sum / n : 0;
  return { max, std: n > 0 ? Math.sqrt(Math.max(0, sq / n - mean * mean)) : 0 };
}

function totalPeak(p: Problem): number {
  let s = 0;
  for (let h = 0; h < p.nHosts; h++) s += p.peak[h]!;
  return s;
}

function totalMoveCost(p: Problem): number {
  let s = 0;
  for (let v = 0; v < p.nVms; v++) if (p.current[v]! >= 0) s += p.moveCost[v]!;
  return s;
}

function totalBenefit(p: Problem): number {
  let s = 0;
  for (let v = 0; v < p.nVms; v++) s += p.benefit[v]!;
  return s;
}

/** The value of one policy (not weighted), in its natural unit. */
export function termValue(pl: Placement, name: Exclude<PolicyName, 'weighted'>): number {
  switch (name) {
    case 'consolidate':
      // Hosts first; power only breaks ties (it stays below one host).
      return pl.hostsUsed + (pl.idlePower + pl.loadPower) / (totalPeak(pl.p) + 1);
    case 'balance': {
      const s = utilizationStats(pl);
      return s.max + s.std;
    }
    case 'min-migrations':
      return pl.moveCostSum;
    case 'profit':
      return -(pl.benefitPlaced - pl.activeCost - pl.moveCostSum);
  }
}

/** A policy term scaled to about 0..1, so weights mean shares. */
export function normalizedTerm(pl: Placement, name: Exclude<PolicyName, 'weighted'>): number {
  const p = pl.p;
  switch (name) {
    case 'consolidate':
      return p.nHosts > 0 ? termValue(pl, name) / p.nHosts : 0;
    case 'balance':
      return termValue(pl, name);
    case 'min-migrations':
      return pl.moveCostSum / Math.max(1e-9, totalMoveCost(p));
    case 'profit':
      return termValue(pl, name) / Math.max(1e-9, totalBenefit(p));
  }
}

export function policyValue(pl: Placement): number {
  const policy = pl.p.policy;
  if (policy.name !== 'weighted') return termValue(pl, policy.name);
  let v = 0;
  for (const [name, w] of Object.entries(policy.weights) as [Exclude<PolicyName, 'weighted'>, number][])
    if (w > 0) v += w * normalizedTerm(pl, name);
  return v;
}

const softWeights = new WeakMap<Problem, number>();

/** What one soft-constraint violation costs, in the policy's own unit. */
export function softWeight(p: Problem): number {
  let w = softWeights.get(p);
  if (w === undefined) softWeights.set(p, (w = computeSoftWeight(p)));
  return w;
}

function computeSoftWeight(p: Problem): number {
  let benefit = 0;
  let move = 0;
  for (let v = 0; v < p.nVms; v++) {
    benefit += p.benefit[v]!;
    move += p.moveCost[v]!;
  }
  const n = Math.max(1, p.nVms);
  switch (p.policy.name) {
    case 'consolidate':
      return 0.5;
    case 'balance':
      return 0.02;
    case 'min-migrations':
      return 0.5 * Math.max(1e-3, move / n);
    case 'profit':
      return 0.5 * Math.max(1e-3, benefit / n);
    case 'weighted':
      return 0.01;
  }
}

export function score(pl: Placement): Score {
  return {
    unplaced: pl.p.policy.name === 'profit' ? 0 : pl.p.nVms - pl.placed,
    soft: pl.soft,
    value: policyValue(pl) + softWeight(pl.p) * pl.soft,
  };
}
