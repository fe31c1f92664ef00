import { utilizationLowerBound } from '../domain/bounds.js';
import { Placement, OK } from '../domain/placement.js';
import { HOST_SCOPE, type Problem } from '../domain/problem.js';

// Bounds on each policy's value, and proofs that no complete placement exists, so an answer can
// say how far from optimal it may be and whether "partial" is the best anyone can do.

const EPS = 1e-9;

/** Σ moveCost of VMs whose current host cannot keep them even alone. */
function forcedMoves(p: Problem): number {
  const empty = new Placement(p);
  let s = 0;
  for (let v = 0; v < p.nVms; v++) {
    const h = p.current[v]!;
    if (h < 0) continue;
    const allowed = p.allowed[v];
    if ((allowed && allowed[h] === 0) || !empty.fits(v, h)) s += p.moveCost[v]!;
  }
  return s;
}

export function policyLowerBound(p: Problem, hostLb: number): { value: number; primary: string } {
  const benefit = () => {
    let s = 0;
    for (let v = 0; v < p.nVms; v++) s += p.benefit[v]!;
    return s;
  };
  switch (p.policy.name) {
    case 'consolidate':
      return { value: hostLb, primary: 'hosts' };
    case 'balance':
      return { value: utilizationLowerBound(p), primary: 'peak utilisation' };
    case 'min-migrations':
      return { value: forcedMoves(p), primary: 'migration cost' };
    case 'profit':
      return { value: -benefit(), primary: 'negative profit' };
    case 'weighted': {
      const w = p.policy.weights;
      let totalMove = 0;
      for (let v = 0; v < p.nVms; v++) if (p.current[v]! >= 0) totalMove += p.moveCost[v]!;
      const value =
        (w.consolidate ?? 0) * (p.nHosts > 0 ? Math.min(hostLb, p.nHosts) / p.nHosts : 0) +
        (w.balance ?? 0) * utilizationLowerBound(p) +
        (w['min-migrations'] ?? 0) * (totalMove > 0 ? forcedMoves(p) / totalMove : 0) -
        (w.profit ?? 0);
      return { value, primary: 'weighted objective' };
    }
  }
}

/** Hard constraints that contradict each other: affinity and anti-affinity over the same VMs. */
function contradictions(p: Problem): boolean {
  for (const a of p.groups) {
    if (!a.hard || a.kind !== 'affinity') continue;
    for (const b of p.groups) {
      if (!b.hard || b.kind !== 'anti-affinity') continue;
      // Together on one host means together in every tag scope too.
      if (a.scope !== HOST_SCOPE && a.scope !== b.scope) continue;
      const members = new Set(a.vms);
      let shared = 0;
      for (const v of b.vms) if (members.has(v)) shared++;
      if (shared >= 2) return true;
    }
  }
  for (const s of p.spreads) {
    const values = s.scope === HOST_SCOPE ? p.nHosts : p.scopeValues[s.scope]!.length;
    if (values < Math.min(s.min, s.vms.length)) return true;
  }
  return false;
}

/** True when the answer's unplaced VMs provably cannot all be placed by anyone. */
export function provedInfeasible(pl: Placement, hostLb: number): boolean {
  const p = pl.p;
  if (hostLb > p.nHosts) return true;
  if (contradictions(p)) return true;
  const empty = new Placement(p);
  for (let v = 0; v < p.nVms; v++) {
    if (pl.host[v]! >= 0) continue;
    let any = false;
    for (let h = 0; h < p.nHosts && !any; h++) {
      const allowed = p.allowed[v];
      if ((allowed && allowed[h] === 0) || (p.fixed[v] === 1 && h !== p.current[v])) continue;
      any = empty.rejection(v, h) === OK;
    }
    if (!any) return true;
  }
  // Total demand beyond total capacity in some resource.
  for (let r = 0; r < p.nRes; r++) {
    let d = 0;
    let c = 0;
    for (let v = 0; v < p.nVms; v++) d += p.demand[v * p.nRes + r]!;
    for (let h = 0; h < p.nHosts; h++) c += p.cap[h * p.nRes + r]! - p.base[h * p.nRes + r]!;
    if (d > c * (1 + EPS) + EPS) return true;
  }
  return false;
}
