import { ReservoirError } from '@reservoir/runtime';
import { HOST_SCOPE, valueOf, type Problem } from '../../domain/problem.js';
import type { SubProblem } from './types.js';

// What a sub-problem leaves fixed: where every other VM sits, the capacity left on each sub host,
// and which hosts every free VM may use at all. Candidate filtering here keeps the MIP small and
// turns constraints decided by fixed VMs into missing columns rather than rows.

/** Relative slack on capacity comparisons, so demands summing exactly to capacity fit. */
export const CAP_TOL = 1e-9;

export interface SubContext {
  p: Problem;
  sub: SubProblem;
  /** Sub hosts, and host index → position in `hosts` or -1. */
  hosts: Int32Array;
  hostPos: Int32Array;
  /** Free VMs in model order: sub.vms without pinned ones (those stay on their current host). */
  free: Int32Array;
  isFree: Uint8Array;
  /** Where every VM is fixed: its assignment, its current host when pinned, -1 when free. */
  at: Int32Array;
  /** Per sub host position × resource: base plus fixed VMs' demand, and what is left (≥ 0). */
  used: Float64Array;
  residual: Float64Array;
  /** Per sub host position: on whatever the sub-problem does (fixed VMs or outside load). */
  active: Uint8Array;
  /** Whether free VMs may end unplaced (profit always may). */
  allowUnplaced: boolean;
  /** Per group: scope values of its fixed, placed members (-1 for a host lacking the tag). */
  groupValues: Set<number>[];
}

function invalid(field: string, message: string): never {
  throw new ReservoirError('INVALID_ARGUMENT', `sub-problem ${field}: ${message}`, {
    field: `sub.${field}`,
  });
}

function checkIndices(list: Int32Array, n: number, field: string): void {
  const seen = new Uint8Array(n);
  list.forEach((i, k) => {
    if (i < 0 || i >= n) invalid(`${field}[${k}]`, `${i} is out of range 0..${n - 1}`);
    if (seen[i]) invalid(`${field}[${k}]`, `${i} is listed twice`);
    seen[i] = 1;
  });
}

function validate(p: Problem, sub: SubProblem): void {
  checkIndices(sub.hosts, p.nHosts, 'hosts');
  checkIndices(sub.vms, p.nVms, 'vms');
  if (sub.assignment.length !== p.nVms)
    invalid('assignment', `has ${sub.assignment.length} entries for ${p.nVms} VMs`);
  sub.assignment.forEach((h, v) => {
    if (h < -1 || h >= p.nHosts) invalid(`assignment[${v}]`, `host ${h} is out of range`);
  });
  if (Number.isNaN(sub.migrationBudget) || sub.migrationBudget < 0)
    invalid('migrationBudget', 'must be a non-negative number or Infinity');
}

export function subContext(p: Problem, sub: SubProblem): SubContext {
  validate(p, sub);
  const { nRes } = p;
  const hostPos = new Int32Array(p.nHosts).fill(-1);
  sub.hosts.forEach((h, k) => (hostPos[h] = k));

  const at = Int32Array.from(sub.assignment);
  const isFree = new Uint8Array(p.nVms);
  const free: number[] = [];
  for (const v of sub.vms) {
    if (p.fixed[v]) at[v] = p.current[v]!;
    else {
      isFree[v] = 1;
      at[v] = -1;
      free.push(v);
    }
  }

  const used = new Float64Array(sub.hosts.length * nRes);
  const active = new Uint8Array(sub.hosts.length);
  sub.hosts.forEach((h, k) => {
    for (let r = 0; r < nRes; r++) {
      const b = p.base[h * nRes + r]!;
      used[k * nRes + r] = b;
      if (b > 0) active[k] = 1;
    }
  });
  at.forEach((h, v) => {
    const k = h >= 0 ? hostPos[h]! : -1;
    if (k < 0) return;
    active[k] = 1;
    for (let r = 0; r < nRes; r++) used[k * nRes + r]! += p.demand[v * nRes + r]!;
  });
  const residual = new Float64Array(used.length);
  sub.hosts.forEach((h, k) => {
    for (let r = 0; r < nRes; r++)
      residual[k * nRes + r] = Math.max(0, p.cap[h * nRes + r]! - used[k * nRes + r]!);
  });

  const groupValues = p.groups.map((g) => {
    const values = new Set<number>();
    for (const m of g.vms) if (at[m]! >= 0) values.add(valueOf(p, g.scope, at[m]!));
    return values;
  });

  return {
    p,
    sub,
    hosts: sub.hosts,
    hostPos,
    free: Int32Array.from(free),
    isFree,
    at,
    used,
    residual,
    active,
    allowUnplaced: sub.allowUnplaced || p.policy.name === 'profit',
    groupValues,
  };
}

/** Sub host positions a free VM may use on its own: allowed, fits, and not ruled out by fixed VMs. */
export function candidateHosts(c: SubContext, v: number): number[] {
  const { p, hosts, residual } = c;
  const { nRes } = p;
  const allowed = p.allowed[v];
  const out: number[] = [];
  next: for (let k = 0; k < hosts.length; k++) {
    const h = hosts[k]!;
    if (allowed && !allowed[h]) continue;
    for (let r = 0; r < nRes; r++) {
      const d = p.demand[v * nRes + r]!;
      if (d > residual[k * nRes + r]! + CAP_TOL * Math.max(1, p.cap[h * nRes + r]!)) continue next;
    }
    for (const gi of p.vmGroups[v]!) {
      const g = p.groups[gi]!;
      if (!g.hard) continue;
      const val = valueOf(p, g.scope, h);
      if (g.scope !== HOST_SCOPE && val < 0) continue next;
      const fixed = c.groupValues[gi]!;
      if (g.kind === 'anti-affinity' ? fixed.has(val) : fixed.size > 0 && (fixed.size > 1 || !fixed.has(val)))
        continue next;
    }
    for (const si of p.vmSpreads[v]!) {
      const s = p.spreads[si]!;
      if (s.scope !== HOST_SCOPE && valueOf(p, s.scope, h) < 0) continue next;
    }
    out.push(k);
  }
  return out;
}
