import { HOST_SCOPE, valueCount, valueOf, type Problem } from './problem.js';

// A mutable assignment with every counter a hard-constraint check needs, so checking or making
// one move costs O(resources + constraints of the VM), never a scan of the instance.

/** Why a host cannot take a VM; 0 means it can. Capacity codes carry the resource. */
export const OK = 0;
export const REJECT_ALLOWED = 1;
export const REJECT_FIXED = 2;
export const REJECT_BUDGET = 3;
export const REJECT_CAPACITY = 16; // + resource index
export const REJECT_GROUP = 1 << 20; // + group index (anti-affinity, affinity, or a missing tag)
export const REJECT_SPREAD = 1 << 21; // + spread index

const EPS = 1e-9;

export class Placement {
  readonly host: Int32Array;
  readonly used: Float64Array;
  /** Occupants per host: its VMs, plus one when it has reserved capacity. */
  readonly count: Int32Array;
  /** Per group: members per scope value; and members placed. */
  readonly groupCount: Int32Array[];
  readonly groupPlaced: Int32Array;
  readonly spreadCount: Int32Array[];
  readonly spreadPlaced: Int32Array;
  readonly spreadDistinct: Int32Array;
  placed = 0;
  hostsUsed = 0;
  /** VMs placed on a host other than their current one. */
  migrations = 0;
  /** Soft-constraint violation units (see softDelta). */
  soft = 0;
  /** Σ moveCost of migrated VMs, Σ benefit of placed VMs, Σ cost of active hosts. */
  moveCostSum = 0;
  benefitPlaced = 0;
  activeCost = 0;
  /** Watts: idle power of active hosts, and the load-proportional part of every host. */
  idlePower = 0;
  loadPower = 0;
  budget: number;

  constructor(readonly p: Problem) {
    this.host = new Int32Array(p.nVms).fill(-1);
    this.used = p.base.slice();
    this.count = new Int32Array(p.nHosts);
    this.groupCount = p.groups.map((g) => new Int32Array(valueCount(p, g.scope)));
    this.groupPlaced = new Int32Array(p.groups.length);
    this.spreadCount = p.spreads.map((s) => new Int32Array(valueCount(p, s.scope)));
    this.spreadPlaced = new Int32Array(p.spreads.length);
    this.spreadDistinct = new Int32Array(p.spreads.length);
    this.budget = p.policy.maxMigrations;
    // Capacity reserved by workloads outside the instance keeps a host on: it counts as an
    // occupant that never leaves.
    for (let h = 0; h < p.nHosts; h++) {
      for (let r = 0; r < p.nRes; r++)
        if (p.base[h * p.nRes + r]! > 0) {
          this.count[h] = 1;
          this.hostsUsed++;
          this.activeCost += p.hostCost[h]!;
          this.idlePower += p.idle[h]!;
          break;
        }
    }
  }

  clone(): Placement {
    const c = new Placement(this.p);
    c.copyFrom(this);
    return c;
  }

  copyFrom(o: Placement): void {
    this.host.set(o.host);
    this.used.set(o.used);
    this.count.set(o.count);
    this.groupCount.forEach((a, i) => a.set(o.groupCount[i]!));
    this.groupPlaced.set(o.groupPlaced);
    this.spreadCount.forEach((a, i) => a.set(o.spreadCount[i]!));
    this.spreadPlaced.set(o.spreadPlaced);
    this.spreadDistinct.set(o.spreadDistinct);
    this.placed = o.placed;
    this.hostsUsed = o.hostsUsed;
    this.migrations = o.migrations;
    this.soft = o.soft;
    this.budget = o.budget;
    this.moveCostSum = o.moveCostSum;
    this.benefitPlaced = o.benefitPlaced;
    this.activeCost = o.activeCost;
    this.idlePower = o.idlePower;
    this.loadPower = o.loadPower;
  }

  /** Whether the VM's demand fits on the host's free capacity. */
  fits(v: number, h: number): boolean {
    const { nRes, cap, demand } = this.p;
    const hb = h * nRes;
    const vb = v * nRes;
    for (let r = 0; r < nRes; r++)
      if (this.used[hb + r]! + demand[vb + r]! > cap[hb + r]! * (1 + EPS) + EPS) return false;
    return true;
  }

  /** The first hard rule that keeps the unplaced VM v off host h, or OK. */
  rejection(v: number, h: number): number {
    const p = this.p;
    const allowed = p.allowed[v];
    if (allowed && allowed[h] === 0) return REJECT_ALLOWED;
    const cur = p.current[v]!;
    if (p.fixed[v] === 1 && h !== cur) return REJECT_FIXED;
    const { nRes, cap, demand } = p;
    const hb = h * nRes;
    const vb = v * nRes;
    for (let r = 0; r < nRes; r++)
      if (this.used[hb + r]! + demand[vb + r]! > cap[hb + r]! * (1 + EPS) + EPS) return REJECT_CAPACITY + r;
    const gs = p.vmGroups[v]!;
    for (let i = 0; i < gs.length; i++) {
      const gi = gs[i]!;
      const g = p.groups[gi]!;
      if (!g.hard) continue;
      const val = valueOf(p, g.scope, h);
      if (val < 0) return REJECT_GROUP + gi;
      const here = this.groupCount[gi]![val]!;
      if (g.kind === 'anti-affinity' ? here > 0 : this.groupPlaced[gi]! > 0 && here === 0)
        return REJECT_GROUP + gi;
    }
    const ss = p.vmSpreads[v]!;
    for (let i = 0; i < ss.length; i++) {
      const si = ss[i]!;
      const s = p.spreads[si]!;
      const val = valueOf(p, s.scope, h);
      if (val < 0) return REJECT_SPREAD + si;
      // The first `min` members placed must each take a new value, so the spread never depends
      // on members that may not be placed.
      if (
        this.spreadCount[si]![val]! > 0 &&
        this.spreadDistinct[si]! < Math.min(s.min, this.spreadPlaced[si]! + 1)
      )
        return REJECT_SPREAD + si;
    }
    if (cur >= 0 && h !== cur && this.migrations >= this.budget) return REJECT_BUDGET;
    return OK;
  }

  canPlace(v: number, h: number): boolean {
    return this.rejection(v, h) === OK;
  }

  /** Soft-constraint units placing v on h would add: a shared value for soft anti-affinity, a new one for soft affinity. */
  softDelta(v: number, h: number): number {
    const p = this.p;
    const gs = p.vmGroups[v]!;
    let d = 0;
    for (let i = 0; i < gs.length; i++) {
      const gi = gs[i]!;
      const g = p.groups[gi]!;
      if (g.hard) continue;
      const val = valueOf(p, g.scope, h);
      const here = val < 0 ? 0 : this.groupCount[gi]![val]!;
      if (g.kind === 'anti-affinity') d += here > 0 ? 1 : 0;
      else d += this.groupPlaced[gi]! > 0 && here === 0 ? 1 : 0;
    }
    return d;
  }

  assign(v: number, h: number): void {
    const p = this.p;
    this.soft += this.softDelta(v, h);
    this.host[v] = h;
    const { nRes, demand } = p;
    const hb = h * nRes;
    const vb = v * nRes;
    for (let r = 0; r < nRes; r++) this.used[hb + r]! += demand[vb + r]!;
    if (this.count[h]!++ === 0) {
      this.hostsUsed++;
      this.activeCost += p.hostCost[h]!;
      this.idlePower += p.idle[h]!;
    }
    this.loadPower += this.powerOf(v, h);
    this.placed++;
    this.benefitPlaced += p.benefit[v]!;
    const cur = p.current[v]!;
    if (cur >= 0 && cur !== h) {
      this.migrations++;
      this.moveCostSum += p.moveCost[v]!;
    }
    for (const gi of p.vmGroups[v]!) {
      const val = valueOf(p, p.groups[gi]!.scope, h);
      if (val >= 0) this.groupCount[gi]![val]!++;
      this.groupPlaced[gi]!++;
    }
    for (const si of p.vmSpreads[v]!) {
      const val = valueOf(p, p.spreads[si]!.scope, h);
      if (val >= 0 && this.spreadCount[si]![val]!++ === 0) this.spreadDistinct[si]!++;
      this.spreadPlaced[si]!++;
    }
  }

  unassign(v: number): void {
    const p = this.p;
    const h = this.host[v]!;
    if (h < 0) return;
    this.host[v] = -1;
    const { nRes, demand } = p;
    const hb = h * nRes;
    const vb = v * nRes;
    for (let r = 0; r < nRes; r++) this.used[hb + r]! -= demand[vb + r]!;
    if (--this.count[h]! === 0) {
      this.hostsUsed--;
      this.activeCost -= p.hostCost[h]!;
      this.idlePower -= p.idle[h]!;
    }
    this.loadPower -= this.powerOf(v, h);
    this.placed--;
    this.benefitPlaced -= p.benefit[v]!;
    const cur = p.current[v]!;
    if (cur >= 0 && cur !== h) {
      this.migrations--;
      this.moveCostSum -= p.moveCost[v]!;
    }
    for (const gi of p.vmGroups[v]!) {
      const val = valueOf(p, p.groups[gi]!.scope, h);
      if (val >= 0) this.groupCount[gi]![val]!--;
      this.groupPlaced[gi]!--;
    }
    for (const si of p.vmSpreads[v]!) {
      const val = valueOf(p, p.spreads[si]!.scope, h);
      if (val >= 0 && --this.spreadCount[si]![val]! === 0) this.spreadDistinct[si]!--;
      this.spreadPlaced[si]!--;
    }
    this.soft -= this.softDelta(v, h);
  }

  /** Load-proportional watts VM v draws on host h (linear between idle and peak). */
  powerOf(v: number, h: number): number {
    const p = this.p;
    const r = p.powerResource;
    const c = p.cap[h * p.nRes + r]!;
    return c > 0 ? ((p.peak[h]! - p.idle[h]!) * p.demand[v * p.nRes + r]!) / c : 0;
  }

  /** Utilisation of the host's fullest resource, 0..1 (beyond 1 only if the input overloads it). */
  utilization(h: number): number {
    const { nRes, cap } = this.p;
    let u = 0;
    for (let r = 0; r < nRes; r++) {
      const c = cap[h * nRes + r]!;
      const x = c > 0 ? this.used[h * nRes + r]! / c : 0;
      if (x > u) u = x;
    }
    return u;
  }

  /** VMs on each host, built on demand (the local search keeps its own). */
  vmsByHost(): number[][] {
    const out: number[][] = Array.from({ length: this.p.nHosts }, () => []);
    for (let v = 0; v < this.p.nVms; v++) {
      const h = this.host[v]!;
      if (h >= 0) out[h]!.push(v);
    }
    return out;
  }
}

export { HOST_SCOPE };
