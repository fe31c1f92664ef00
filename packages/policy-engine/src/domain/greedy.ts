import type { PolicyName } from './model.js';
import { fillByHost, isFree } from './fill-by-host.js';
import { softWeight } from './objective.js';
import { Placement } from './placement.js';
import type { Problem } from './problem.js';

// Constructive placement: VMs that must move together first (all-or-nothing sets, hard affinity
// groups) as units, then the rest largest first; each VM takes the host its policy ranks best.
// It is the first feasible answer of every solve and the whole of online placement.

export interface GreedyOptions {
  /** Leave every VM that can stay on its current host there before placing the rest. */
  keepCurrent: boolean;
  /** Random tie-breaking noise for restarts (0 = deterministic). */
  noise?: number;
  rng?: () => number;
  /** Only these VMs are placed; the others stay unplaced (online placement's context VMs are fixed). */
  only?: ArrayLike<number>;
  /** Fill host after host with the VM that best matches what is left of it (packing policies). */
  byHost?: boolean;
}

type Weights = Partial<Record<Exclude<PolicyName, 'weighted'>, number>>;

function weightsOf(p: Problem): Weights {
  const { name, weights } = p.policy;
  return name === 'weighted' ? weights : { [name]: 1 };
}

/** Hosts to switch on, best first: most capacity, then least idle power per unit of it. */
function openingOrder(p: Problem): Int32Array {
  const size = new Float64Array(p.nHosts);
  const maxCap = new Float64Array(p.nRes);
  for (let h = 0; h < p.nHosts; h++)
    for (let r = 0; r < p.nRes; r++) maxCap[r] = Math.max(maxCap[r]!, p.cap[h * p.nRes + r]!);
  for (let h = 0; h < p.nHosts; h++)
    for (let r = 0; r < p.nRes; r++) size[h]! += maxCap[r]! > 0 ? p.cap[h * p.nRes + r]! / maxCap[r]! : 0;
  // Among equal hosts, the ones running the most VMs first: their VMs can stay.
  const running = new Int32Array(p.nHosts);
  for (let v = 0; v < p.nVms; v++) if (p.current[v]! >= 0) running[p.current[v]!]!++;
  return Int32Array.from({ length: p.nHosts }, (_, h) => h).sort(
    (a, b) =>
      size[b]! - size[a]! ||
      p.idle[a]! / (size[a]! || 1) - p.idle[b]! / (size[b]! || 1) ||
      running[b]! - running[a]! ||
      a - b,
  );
}

export class Constructor {
  private readonly w: Weights;
  private readonly open: Int32Array;
  /** Active hosts (count > 0), kept as a list for best-fit scans. */
  private active: number[] = [];
  private readonly isActive: Uint8Array;
  private readonly rng: () => number;

  constructor(
    readonly pl: Placement,
    private readonly noise = 0,
    rng?: () => number,
  ) {
    this.w = weightsOf(pl.p);
    this.open = openingOrder(pl.p);
    this.isActive = new Uint8Array(pl.p.nHosts);
    this.rng = rng ?? Math.random;
    this.syncActive();
  }

  syncActive(): void {
    this.active = [];
    this.isActive.fill(0);
    for (let h = 0; h < this.pl.p.nHosts; h++)
      if (this.pl.count[h]! > 0) {
        this.active.push(h);
        this.isActive[h] = 1;
      }
  }

  /** Lower is better. */
  private hostScore(v: number, h: number): number {
    const { pl, w } = this;
    const p = pl.p;
    const { nRes, cap, demand } = p;
    const active = this.isActive[h] === 1;
    let s = softWeight(p) * pl.softDelta(v, h);
    const wc = (w.consolidate ?? 0) + (w.profit ?? 0);
    if (wc > 0) {
      // Best fit on an active host; a host switched on costs one whole host.
      let slack = 0;
      for (let r = 0; r < nRes; r++) {
        const c = cap[h * nRes + r]!;
        if (c > 0) {
          const left = (c - pl.used[h * nRes + r]! - demand[v * nRes + r]!) / c;
          slack += left * left;
        }
      }
      s +=
        wc *
        ((active ? 0 : 1 + (p.hostCost[h]! / Math.max(1e-9, p.benefit[v]!)) * (w.profit ?? 0)) +
          slack / nRes);
    }
    if (w.balance) {
      let u = 0;
      for (let r = 0; r < nRes; r++) {
        const c = cap[h * nRes + r]!;
        const x = c > 0 ? (pl.used[h * nRes + r]! + demand[v * nRes + r]!) / c : 0;
        if (x > u) u = x;
      }
      s += w.balance * u;
    }
    const cur = p.current[v]!;
    if (w['min-migrations'] && cur >= 0 && cur !== h) s += w['min-migrations'];
    if (this.noise > 0) s += this.noise * this.rng();
    return s;
  }

  /** The best host for v now, or -1. */
  bestHost(v: number, exclude = -1): number {
    const { pl } = this;
    const p = pl.p;
    const cur = p.current[v]!;
    const spreadsOut = (this.w.balance ?? 0) > 0 || (this.w['min-migrations'] ?? 0) > 0;
    let best = -1;
    let bestScore = Infinity;
    const consider = (h: number) => {
      if (h === exclude || !pl.canPlace(v, h)) return;
      const s = this.hostScore(v, h);
      if (s < bestScore) {
        bestScore = s;
        best = h;
      }
    };
    if (cur >= 0 && (this.w['min-migrations'] ?? 0) > 0) consider(cur);
    if (spreadsOut) {
      for (let h = 0; h < p.nHosts; h++) consider(h);
      return best;
    }
    // Packing policies: the active hosts, and only then the first host that can be switched on.
    for (let i = 0; i < this.active.length; i++) consider(this.active[i]!);
    if (best >= 0 && pl.softDelta(v, best) === 0) return best;
    for (let i = 0; i < this.open.length; i++) {
      const h = this.open[i]!;
      if (this.isActive[h] === 1) continue;
      const before = best;
      consider(h);
      if (best !== before) break;
    }
    return best;
  }

  assign(v: number, h: number): void {
    this.pl.assign(v, h);
    if (this.isActive[h] === 0 && this.pl.count[h]! > 0) {
      this.isActive[h] = 1;
      this.active.push(h);
    }
  }

  unassign(v: number): void {
    const h = this.pl.host[v]!;
    this.pl.unassign(v);
    if (h >= 0 && this.pl.count[h] === 0 && this.isActive[h] === 1) {
      this.isActive[h] = 0;
      const i = this.active.indexOf(h);
      if (i >= 0) this.active.splice(i, 1);
    }
  }

  /** Hosts in the order a host-by-host fill uses them: the active ones, then the rest by opening order. */
  fillOrder(): number[] {
    return [...this.active, ...[...this.open].filter((h) => this.isActive[h] === 0)];
  }

  /** Places every member or none; returns whether it did. */
  placeUnit(members: number[], attempts = 3): boolean {
    const p = this.pl.p;
    for (let a = 0; a < attempts; a++) {
      const done: number[] = [];
      // Attempt k > 0 keeps the first member off the host the previous attempt chose for it.
      let ok = true;
      for (let i = 0; i < members.length; i++) {
        const v = members[i]!;
        if (this.pl.host[v]! >= 0) continue;
        const h = this.bestHost(v, i === 0 && a > 0 ? this.firstTried : -1);
        if (h < 0) {
          ok = false;
          break;
        }
        if (i === 0) this.firstTried = h;
        this.assign(v, h);
        done.push(v);
      }
      if (ok) return true;
      for (const v of done) this.unassign(v);
      if (p.nHosts <= 1) break;
    }
    return false;
  }

  private firstTried = -1;
}

/** Units of VMs placed together: all-or-nothing sets (with hard-affinity partners), then the rest. */
export function placementUnits(p: Problem, vms: ArrayLike<number>): number[][] {
  const inScope = new Uint8Array(p.nVms);
  for (let i = 0; i < vms.length; i++) inScope[vms[i]!] = 1;
  const taken = new Uint8Array(p.nVms);
  const units: number[][] = [];
  const bySize = (a: number, b: number) => p.weight[b]! - p.weight[a]!;
  for (const s of p.sets) {
    const members = [...s.vms].filter((v) => inScope[v] === 1 && !taken[v]).sort(bySize);
    for (const v of members) taken[v] = 1;
    if (members.length > 0) units.push(members);
  }
  for (const g of p.groups) {
    if (!g.hard || g.kind !== 'affinity') continue;
    const members = [...g.vms].filter((v) => inScope[v] === 1 && !taken[v]).sort(bySize);
    for (const v of members) taken[v] = 1;
    if (members.length > 0) units.push(members);
  }
  const constrained: number[] = [];
  const free: number[] = [];
  for (let i = 0; i < vms.length; i++) {
    const v = vms[i]!;
    if (taken[v]) continue;
    if (p.vmGroups[v]!.length > 0 || p.vmSpreads[v]!.length > 0 || p.allowed[v]) constrained.push(v);
    else free.push(v);
  }
  const key =
    p.policy.name === 'profit'
      ? (v: number) => p.benefit[v]! / Math.max(1e-9, p.weight[v]!)
      : (v: number) => p.weight[v]!;
  constrained.sort((a, b) => key(b) - key(a));
  free.sort((a, b) => key(b) - key(a));
  units.sort((a, b) => b.reduce((s, v) => s + p.weight[v]!, 0) - a.reduce((s, v) => s + p.weight[v]!, 0));
  return [...units, ...constrained.map((v) => [v]), ...free.map((v) => [v])];
}

/** Leaves each VM that can stay on its current host there (whole sets only). */
export function keepCurrent(c: Constructor, vms: ArrayLike<number>): void {
  const p = c.pl.p;
  const seen = new Uint8Array(p.sets.length);
  // Where a host cannot keep all its VMs, the ones dearest to move per unit of size stay first:
  // for equal move costs the small ones, so the fewest VMs move.
  const stay = (v: number) => p.moveCost[v]! / Math.max(1e-9, p.weight[v]!);
  const order = Array.from(vms).sort((a, b) => stay(b) - stay(a) || a - b);
  for (const v of order) {
    const h = p.current[v]!;
    if (h < 0 || c.pl.host[v]! >= 0) continue;
    const s = p.vmSet[v]!;
    if (s < 0) {
      if (c.pl.canPlace(v, h)) c.assign(v, h);
      continue;
    }
    if (seen[s]) continue;
    seen[s] = 1;
    const members = [...p.sets[s]!.vms];
    const done: number[] = [];
    for (const m of members) {
      const mh = p.current[m]!;
      if (mh < 0 || !c.pl.canPlace(m, mh)) break;
      c.assign(m, mh);
      done.push(m);
    }
    if (done.length !== members.length) for (const m of done) c.unassign(m);
  }
}

/** Places fixed VMs where they are, whatever the rules say: they are facts, not choices. */
export function placeFixed(pl: Placement): void {
  const p = pl.p;
  for (let v = 0; v < p.nVms; v++) if (p.fixed[v] === 1 && pl.host[v]! < 0) pl.assign(v, p.current[v]!);
}

/** A complete constructive solution (VMs that fit nowhere stay unplaced). */
export function construct(p: Problem, o: GreedyOptions): Placement {
  const pl = new Placement(p);
  placeFixed(pl);
  const c = new Constructor(pl, o.noise ?? 0, o.rng);
  const vms = o.only ?? Int32Array.from({ length: p.nVms }, (_, v) => v);
  if (o.keepCurrent) keepCurrent(c, vms);
  let units = placementUnits(p, vms);
  if (o.byHost) {
    // Rule-bound VMs first, one by one; the free ones then fill host after host.
    const free = units.filter((u) => u.length === 1 && isFree(p, u[0]!)).map((u) => u[0]!);
    const bound = units.filter((u) => u.length !== 1 || !isFree(p, u[0]!));
    for (const unit of bound) placeOne(c, unit);
    fillByHost(c, free);
    units = free.filter((v) => pl.host[v]! < 0).map((v) => [v]);
  }
  for (const unit of units) placeOne(c, unit);
  return pl;
}

function placeOne(c: Constructor, unit: number[]): void {
  const pl = c.pl;
  {
    if (unit.every((v) => pl.host[v]! >= 0)) return;
    if (unit.length === 1) {
      const v = unit[0]!;
      const h = c.bestHost(v);
      if (h >= 0) c.assign(v, h);
    } else if (!c.placeUnit(unit) && pl.p.vmSet[unit[0]!]! < 0) {
      // Only an all-or-nothing set is whole or nothing: a hard-affinity group that cannot go in
      // whole still places the members it can (the first one's choice binds the others).
      for (const v of unit) {
        if (pl.host[v]! >= 0) continue;
        const h = c.bestHost(v);
        if (h >= 0) c.assign(v, h);
      }
    }
  }
}
