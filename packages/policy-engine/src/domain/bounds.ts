import { HOST_SCOPE, type Problem } from './problem.js';

// Lower bounds on the number of hosts any complete placement needs, so every answer states its
// gap. Cheap bounds only: per-resource volume, Martello–Toth L2 where hosts are identical, and a
// clique of VMs that pairwise cannot share a host.

const EPS = 1e-9;

/** Fewest hosts whose largest capacities add up to the total demand of one resource. */
function volumeBound(p: Problem, r: number): number {
  let need = 0;
  for (let v = 0; v < p.nVms; v++) need += p.demand[v * p.nRes + r]!;
  if (need <= EPS) return 0;
  const caps: number[] = [];
  for (let h = 0; h < p.nHosts; h++) caps.push(p.cap[h * p.nRes + r]! - p.base[h * p.nRes + r]!);
  caps.sort((a, b) => b - a);
  let k = 0;
  let have = 0;
  while (k < caps.length && have + EPS < need) have += caps[k++]!;
  return have + EPS < need ? Infinity : k;
}

/** Solves the n×n system A x = b by Gaussian elimination; undefined when singular. */
function solveLinear(A: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    if (Math.abs(M[piv]![c]!) < 1e-12) return undefined;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      if (f !== 0) for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

function* combinations(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield acc;
    return;
  }
  for (let i = start; i <= n - (k - acc.length); i++) yield* combinations(n, k, i + 1, [...acc, i]);
}

/**
 * The LP bound of covering every resource's total demand with whole hosts, taken from its dual:
 * for prices λ ≥ 0 per unit of resource, Σ_r D_r λ_r − Σ_h max(0, Σ_r cap_hr λ_r − 1) bounds the
 * host count from below (it beats the per-resource bounds when big hosts are big in every
 * resource). The dual is concave and piecewise linear, so its maximum sits where nRes of the
 * planes "a host type is worth exactly one" or "λ_r = 0" meet; with few host types every such
 * vertex is tried.
 */
function coveringBound(p: Problem): number {
  const { nRes } = p;
  const D = new Array<number>(nRes).fill(0);
  for (let v = 0; v < p.nVms; v++) for (let r = 0; r < nRes; r++) D[r]! += p.demand[v * nRes + r]!;
  const types = new Map<string, { cap: number[]; n: number }>();
  for (let h = 0; h < p.nHosts; h++) {
    const cap: number[] = [];
    for (let r = 0; r < nRes; r++) cap.push(Math.max(0, p.cap[h * nRes + r]! - p.base[h * nRes + r]!));
    const key = cap.join(',');
    const t = types.get(key);
    if (t) t.n++;
    else types.set(key, { cap, n: 1 });
  }
  const list = [...types.values()];
  const planes = list.length + nRes;
  if (nRes > 6 || planes > 40) return 0;
  const value = (lam: number[]) => {
    let g = 0;
    for (let r = 0; r < nRes; r++) g += D[r]! * lam[r]!;
    for (const t of list) {
      let s = 0;
      for (let r = 0; r < nRes; r++) s += t.cap[r]! * lam[r]!;
      if (s > 1) g -= t.n * (s - 1);
    }
    return g;
  };
  let best = 0;
  for (const pick of combinations(planes, nRes)) {
    const A = pick.map((k) =>
      k < list.length ? list[k]!.cap : D.map((_, r) => (r === k - list.length ? 1 : 0)),
    );
    const b = pick.map((k) => (k < list.length ? 1 : 0));
    const lam = solveLinear(A, b);
    if (!lam || lam.some((x) => !(x >= -1e-12))) continue;
    best = Math.max(best, value(lam.map((x) => Math.max(0, x))));
  }
  return Math.ceil(best - 1e-6);
}

/** Martello–Toth L2 for one resource when every host has the same capacity C. */
function l2Bound(sizes: number[], C: number): number {
  if (C <= 0) return 0;
  const s = sizes.filter((x) => x > EPS).sort((a, b) => b - a);
  const alphas = [0, ...new Set(s.filter((x) => x <= C / 2 + EPS))];
  let best = 0;
  for (const a of alphas) {
    let j1 = 0;
    let j2 = 0;
    let j2Room = 0;
    let j3 = 0;
    for (const x of s) {
      if (x > C - a + EPS) j1++;
      else if (x > C / 2 + EPS) {
        j2++;
        j2Room += C - x;
      } else if (x >= a - EPS) j3 += x;
    }
    const l = j1 + j2 + Math.max(0, Math.ceil((j3 - j2Room) / C - EPS));
    if (l > best) best = l;
  }
  return best;
}

function identicalCapacity(p: Problem, r: number): number | undefined {
  if (p.nHosts === 0) return undefined;
  const c = p.cap[r]!;
  for (let h = 0; h < p.nHosts; h++)
    if (Math.abs(p.cap[h * p.nRes + r]! - c) > EPS || p.base[h * p.nRes + r]! > EPS) return undefined;
  return c;
}

/** VMs that pairwise exceed some resource of the largest host each need a host of their own. */
function conflictClique(p: Problem): number {
  const { nRes } = p;
  const maxCap = new Float64Array(nRes);
  for (let h = 0; h < p.nHosts; h++)
    for (let r = 0; r < nRes; r++) maxCap[r] = Math.max(maxCap[r]!, p.cap[h * nRes + r]!);
  const order = Array.from({ length: p.nVms }, (_, v) => v).sort((a, b) => p.weight[b]! - p.weight[a]!);
  const clique: number[] = [];
  for (const v of order) {
    const conflicts = clique.every((u) => {
      for (let r = 0; r < nRes; r++)
        if (p.demand[u * nRes + r]! + p.demand[v * nRes + r]! > maxCap[r]! + EPS) return true;
      return false;
    });
    if (conflicts) clique.push(v);
    if (clique.length > 2000) break;
  }
  return clique.length;
}

/** Hard host-scoped anti-affinity: a group of k VMs needs k hosts. */
function antiAffinityBound(p: Problem): number {
  let b = 0;
  for (const g of p.groups)
    if (g.hard && g.kind === 'anti-affinity' && g.scope === HOST_SCOPE) b = Math.max(b, g.vms.length);
  return b;
}

/** A lower bound on the hosts used by any placement of every VM. */
export function hostLowerBound(p: Problem): number {
  let lb = antiAffinityBound(p);
  for (let r = 0; r < p.nRes; r++) {
    lb = Math.max(lb, volumeBound(p, r));
    const C = identicalCapacity(p, r);
    if (C !== undefined) {
      const sizes: number[] = [];
      for (let v = 0; v < p.nVms; v++) sizes.push(p.demand[v * p.nRes + r]!);
      lb = Math.max(lb, l2Bound(sizes, C));
    }
  }
  lb = Math.max(lb, conflictClique(p), coveringBound(p));
  // Hosts with reserved capacity stay on whatever happens.
  let reserved = 0;
  for (let h = 0; h < p.nHosts; h++) {
    for (let r = 0; r < p.nRes; r++)
      if (p.base[h * p.nRes + r]! > 0) {
        reserved++;
        break;
      }
  }
  return Math.max(lb, reserved);
}

/** A lower bound on the peak utilisation: the fluid load of the fullest resource. */
export function utilizationLowerBound(p: Problem): number {
  let lb = 0;
  for (let r = 0; r < p.nRes; r++) {
    let d = 0;
    let c = 0;
    for (let v = 0; v < p.nVms; v++) d += p.demand[v * p.nRes + r]!;
    for (let h = 0; h < p.nHosts; h++) {
      c += p.cap[h * p.nRes + r]!;
      d += p.base[h * p.nRes + r]!;
    }
    if (c > 0) lb = Math.max(lb, d / c);
  }
  return lb;
}
