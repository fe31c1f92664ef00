import type { PePolicy, PolicyName } from '../../domain/model.js';
import type { ModelParts } from './formulation.js';

// The policy objectives over a sub-problem (always minimised). Constants — hosts kept on by fixed
// VMs, moves the sub-problem cannot avoid — go into the offset so the objective is the policy's
// value over the sub hosts, not just its variable part.

type Term = Exclude<PolicyName, 'weighted'>;

function weightsOf(policy: PePolicy): [Term, number][] {
  if (policy.name !== 'weighted') return [[policy.name, 1]];
  return (Object.entries(policy.weights) as [Term, number][]).filter(([, w]) => w > 0);
}

/** Which optional variables the policy needs: y[h] (host on) and t (peak utilisation). */
export function objectiveNeeds(policy: PePolicy): { hosts: boolean; balance: boolean } {
  const terms = weightsOf(policy).map(([t]) => t);
  return {
    hosts: terms.includes('consolidate') || terms.includes('profit'),
    balance: terms.includes('balance'),
  };
}

/** Hosts on, plus the power they draw scaled to stay below one host (a tie-breaker). */
function consolidate(m: ModelParts, scale: number): void {
  const { c, b } = m;
  const { p, hosts } = c;
  const { nRes } = p;
  const pr = p.powerResource;
  let peakSum = 0;
  for (const h of hosts) peakSum += p.peak[h]!;
  const eps = 1 / (peakSum + 1);
  hosts.forEach((h, k) => {
    const cap = p.cap[h * nRes + pr]!;
    const slope = cap > 0 ? (eps * (p.peak[h]! - p.idle[h]!)) / cap : 0;
    const y = m.yCol[k]!;
    if (y >= 0) b.addCost(y, scale * (1 + eps * p.idle[h]!));
    else if (c.active[k]) b.offset += scale * (1 + eps * p.idle[h]! + slope * c.used[k * nRes + pr]!);
    if (slope === 0) return;
    for (const col of m.hostCols[k]!) {
      const v = c.free[m.xVm[col]!]!;
      b.addCost(col, scale * slope * p.demand[v * nRes + pr]!);
    }
  });
}

/** t ≥ used/cap on every sub host and resource; t starts at the load fixed VMs already put there. */
function balance(m: ModelParts, scale: number): { tCol: number; tRows: number[] } {
  const { c, b } = m;
  const { p, hosts } = c;
  const { nRes } = p;
  let floor = 0;
  hosts.forEach((h, k) => {
    for (let r = 0; r < nRes; r++) {
      const cap = p.cap[h * nRes + r]!;
      if (cap > 0) floor = Math.max(floor, c.used[k * nRes + r]! / cap);
    }
  });
  // Capacity rows keep anything placed at or below 1; only fixed overload can exceed it.
  const t = b.column(floor, Math.max(1, floor) * (1 + 1e-6), false, scale);
  const tRows: number[] = [];
  hosts.forEach((h, k) => {
    for (let r = 0; r < nRes; r++) {
      const cap = p.cap[h * nRes + r]!;
      if (cap <= 0) continue;
      const cols: number[] = [];
      const vals: number[] = [];
      for (const col of m.hostCols[k]!) {
        const d = p.demand[c.free[m.xVm[col]!]! * nRes + r]!;
        if (d > 0) {
          cols.push(col);
          vals.push(d / cap);
        }
      }
      if (cols.length === 0) continue;
      cols.push(t);
      vals.push(-1);
      tRows.push(b.row(cols, vals, -Infinity, -c.used[k * nRes + r]! / cap));
    }
  });
  return { tCol: t, tRows };
}

/** moveCost of every free VM with a current host that ends elsewhere or unplaced. */
function migrations(m: ModelParts, scale: number): void {
  const { c, b } = m;
  c.free.forEach((v, i) => {
    if (c.p.current[v]! < 0) return;
    const cost = scale * c.p.moveCost[v]!;
    b.offset += cost;
    const col = m.curCol[i]!;
    if (col >= 0) b.addCost(col, -cost);
  });
}

/** −(benefit of placed VMs − cost of hosts on − cost of moves). */
function profit(m: ModelParts, scale: number): void {
  const { c, b } = m;
  const { p } = c;
  c.free.forEach((v, i) => {
    b.offset -= scale * p.benefit[v]!;
    if (m.uCol[i]! >= 0) b.addCost(m.uCol[i]!, scale * p.benefit[v]!);
  });
  c.hosts.forEach((h, k) => {
    if (m.yCol[k]! >= 0) b.addCost(m.yCol[k]!, scale * p.hostCost[h]!);
    else if (c.active[k]) b.offset += scale * p.hostCost[h]!;
  });
  migrations(m, scale);
}

/** What each term is divided by in a weighted objective, so weights compare like with like. */
function normaliser(m: ModelParts, term: Term): number {
  const { c } = m;
  let sum = 0;
  if (term === 'consolidate') return Math.max(1, c.hosts.length);
  if (term === 'min-migrations') for (const v of c.free) sum += c.p.current[v]! >= 0 ? c.p.moveCost[v]! : 0;
  if (term === 'profit') for (const v of c.free) sum += c.p.benefit[v]!;
  return term === 'balance' || sum <= 0 ? 1 : sum;
}

/**
 * Sets the costs of the model's columns. Every policy but profit also charges each unplaced VM more
 * than all other terms can vary together, so placing VMs comes first.
 */
export function addObjective(m: ModelParts): { tCol: number; tRows: number[] } {
  const { b } = m;
  const policy = m.c.p.policy;
  let out = { tCol: -1, tRows: [] as number[] };
  for (const [term, w] of weightsOf(policy)) {
    const scale = policy.name === 'weighted' ? w / normaliser(m, term) : 1;
    if (term === 'consolidate') consolidate(m, scale);
    else if (term === 'balance') out = balance(m, scale);
    else if (term === 'min-migrations') migrations(m, scale);
    else profit(m, scale);
  }
  if (policy.name !== 'profit') {
    let range = 0;
    for (let j = 0; j < b.nCols; j++) range += Math.abs(b.costOf(j)) * (b.upperOf(j) - b.lowerOf(j));
    const penalty = 1 + range;
    for (const u of m.uCol) if (u >= 0) b.addCost(u, penalty);
  }
  return out;
}
