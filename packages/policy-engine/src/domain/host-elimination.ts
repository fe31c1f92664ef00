import { softWeight } from './objective.js';
import { OK, type Placement } from './placement.js';

// Improvement by emptying hosts (the consistent-neighbourhood idea from bin-packing research):
// take every VM off one host into a pool, then insert pool VMs into the other active hosts,
// swapping out one or two smaller VMs when a VM does not fit as is. The pool's total size only
// shrinks, except for bounded sideways moves steered by a tabu list; an empty pool means one host
// fewer. A failed attempt is undone exactly from its move log.

const EPS = 1e-9;
/** Hosts with more VMs than this are offered single swaps only: pairs grow quadratically. */
const PAIR_LIMIT = 16;

export interface EliminationOptions {
  rng: () => number;
  /** Swap steps per attempt before it gives up. */
  maxSteps: number;
  /** Steps a VM swapped out may not be swapped back in. */
  tabuTenure: number;
  /** How much size a sideways swap may add to the pool (relative VM weight units). */
  slack: number;
  /** performance.now() after which an attempt gives up. */
  deadline: number;
}

export class HostElimination {
  /** VMs on each host (movable ones and fixed ones alike). */
  readonly members: number[][];
  private log: [number, number][] = [];
  private readonly tabuUntil: Int32Array;
  private step = 0;

  constructor(
    readonly pl: Placement,
    private readonly o: EliminationOptions,
  ) {
    this.members = pl.vmsByHost();
    this.tabuUntil = new Int32Array(pl.p.nVms);
  }

  private assign(v: number, h: number): void {
    this.log.push([v, this.pl.host[v]!]);
    this.pl.assign(v, h);
    this.members[h]!.push(v);
  }

  private unassign(v: number): void {
    const h = this.pl.host[v]!;
    this.log.push([v, h]);
    this.pl.unassign(v);
    const m = this.members[h]!;
    const i = m.indexOf(v);
    m[i] = m[m.length - 1]!;
    m.pop();
  }

  /** Position in the move log, for rollback. */
  mark(): number {
    return this.log.length;
  }

  /** Forgets the log: what was done stays. */
  commit(): void {
    this.log = [];
  }

  /** Undoes every move made since the mark. */
  rollback(mark: number): void {
    while (this.log.length > mark) {
      const [v, prev] = this.log.pop()!;
      const now = this.pl.host[v]!;
      if (now >= 0) {
        this.pl.unassign(v);
        const m = this.members[now]!;
        const i = m.indexOf(v);
        m[i] = m[m.length - 1]!;
        m.pop();
      }
      if (prev >= 0) {
        this.pl.assign(v, prev);
        this.members[prev]!.push(v);
      }
    }
  }

  /** Hosts that can be emptied: active, no fixed VM, no reserved capacity. */
  candidates(): number[] {
    const { pl } = this;
    const p = pl.p;
    const out: number[] = [];
    for (let h = 0; h < p.nHosts; h++) {
      const m = this.members[h]!;
      if (m.length === 0 || pl.count[h] !== m.length) continue;
      if (m.some((v) => p.fixed[v] === 1)) continue;
      out.push(h);
    }
    return out;
  }

  /** Load of a host in VM-weight units (the sum of its VMs' relative sizes). */
  load(h: number): number {
    let s = 0;
    for (const v of this.members[h]!) s += this.pl.p.weight[v]!;
    return s;
  }

  /** Best-fit insertion of v into an active host other than `avoid`; returns whether it went in. */
  private insertDirect(v: number, avoid: number, active: number[]): boolean {
    const { pl } = this;
    const { nRes, cap, demand } = pl.p;
    let best = -1;
    let bestSlack = Infinity;
    for (const h of active) {
      if (h === avoid || !pl.fits(v, h)) continue;
      let slack = 0;
      for (let r = 0; r < nRes; r++) {
        const c = cap[h * nRes + r]!;
        if (c > 0) slack += (c - pl.used[h * nRes + r]! - demand[v * nRes + r]!) / c;
      }
      slack += softWeight(pl.p) * pl.softDelta(v, h);
      if (slack < bestSlack && pl.rejection(v, h) === OK) {
        bestSlack = slack;
        best = h;
      }
    }
    if (best < 0) return false;
    this.assign(v, best);
    return true;
  }

  /** Whether v fits on h once the VMs in `out` leave it (capacity only). */
  private fitsWithout(v: number, h: number, a: number, b: number): boolean {
    const { pl } = this;
    const { nRes, cap, demand } = pl.p;
    for (let r = 0; r < nRes; r++) {
      let u = pl.used[h * nRes + r]! + demand[v * nRes + r]!;
      if (a >= 0) u -= demand[a * nRes + r]!;
      if (b >= 0) u -= demand[b * nRes + r]!;
      if (u > cap[h * nRes + r]! * (1 + EPS) + EPS) return false;
    }
    return true;
  }

  /**
   * Every swap of pool VM v against one or two movable VMs of an active host (other than
   * `avoid`) that gains more than `minGain` in size and fits by capacity.
   */
  private forEachSwap(
    v: number,
    avoid: number,
    active: number[],
    minGain: number,
    visit: (h: number, a: number, b: number, gain: number) => void,
  ): void {
    const p = this.pl.p;
    const w = p.weight;
    const movable = (x: number) => p.fixed[x] === 0 && this.tabuUntil[x]! <= this.step;
    for (const h of active) {
      if (h === avoid) continue;
      const m = this.members[h]!;
      for (let i = 0; i < m.length; i++) {
        const a = m[i]!;
        if (!movable(a)) continue;
        const ga = w[v]! - w[a]!;
        if (ga > minGain && this.fitsWithout(v, h, a, -1)) visit(h, a, -1, ga);
        if (m.length > PAIR_LIMIT) continue;
        for (let j = i + 1; j < m.length; j++) {
          const b = m[j]!;
          if (!movable(b)) continue;
          const gab = ga - w[b]!;
          if (gab > minGain && this.fitsWithout(v, h, a, b)) visit(h, a, b, gab);
        }
      }
    }
  }

  /** The largest size gain any swap for v offers (capacity only), or undefined. */
  private bestGain(v: number, avoid: number, active: number[]): number | undefined {
    let best: number | undefined;
    this.forEachSwap(v, avoid, active, -this.o.slack, (_h, _a, _b, gain) => {
      if (best === undefined || gain > best) best = gain;
    });
    return best;
  }

  /** One ejection swap for pool VM v: the best (largest size gain) that passes every rule. */
  private swapIn(v: number, avoid: number, active: number[], allowSideways: boolean): number[] | undefined {
    const { pl } = this;
    type Move = { h: number; a: number; b: number; gain: number };
    const moves: Move[] = [];
    this.forEachSwap(v, avoid, active, allowSideways ? -this.o.slack : EPS, (h, a, b, gain) =>
      moves.push({ h, a, b, gain }),
    );
    if (moves.length === 0) return undefined;
    // Largest gain first, random among near-equal ones so repeated attempts differ.
    moves.sort((x, y) => y.gain - x.gain);
    const top = allowSideways ? moves.slice(0) : moves.filter((m) => m.gain >= moves[0]!.gain - 1e-6);
    const ordered = [...top.sort(() => this.o.rng() - 0.5), ...moves.slice(top.length)];
    for (const m of ordered.slice(0, 8)) {
      const mark = this.log.length;
      this.unassign(m.a);
      if (m.b >= 0) this.unassign(m.b);
      if (pl.rejection(v, m.h) === OK) {
        this.assign(v, m.h);
        const out = m.b >= 0 ? [m.a, m.b] : [m.a];
        for (const x of out) this.tabuUntil[x] = this.step + this.o.tabuTenure;
        return out;
      }
      this.rollback(mark);
    }
    return undefined;
  }

  /** Spread minimums hold (ejections can break them; insertions never do). */
  private spreadsHold(): boolean {
    const { pl } = this;
    const p = pl.p;
    for (let s = 0; s < p.spreads.length; s++)
      if (pl.spreadDistinct[s]! < Math.min(p.spreads[s]!.min, pl.spreadPlaced[s]!)) return false;
    return true;
  }

  /**
   * Re-inserts every VM of the pool into active hosts other than `avoid`. Leaves the placement
   * unchanged and returns false when it cannot.
   */
  insertAll(pool: number[], avoid: number): boolean {
    const { pl } = this;
    const p = pl.p;
    const mark = this.log.length;
    const active: number[] = [];
    for (let h = 0; h < p.nHosts; h++) if (h !== avoid && pl.count[h]! > 0) active.push(h);
    let sideways = 0;
    for (let steps = 0; pool.length > 0 && steps < this.o.maxSteps; steps++) {
      if (performance.now() > this.o.deadline) break;
      this.step++;
      pool.sort((a, b) => p.weight[b]! - p.weight[a]!);
      for (let i = 0; i < pool.length; i++)
        if (this.insertDirect(pool[i]!, avoid, active)) {
          pool.splice(i, 1);
          i--;
        }
      if (pool.length === 0) break;
      // The best swap over the whole pool; a sideways one (no gain) when nothing gains, steered
      // by the tabu list so it does not undo itself.
      let swapped = false;
      let best: { i: number; gain: number } | undefined;
      for (let i = 0; i < pool.length; i++) {
        const g = this.bestGain(pool[i]!, avoid, active);
        if (g !== undefined && (!best || g > best.gain)) best = { i, gain: g };
      }
      if (best && (best.gain > EPS || sideways < this.o.maxSteps / 2)) {
        const out = this.swapIn(pool[best.i]!, avoid, active, best.gain <= EPS);
        if (out) {
          pool.splice(best.i, 1, ...out);
          swapped = true;
          if (best.gain <= EPS) sideways++;
        }
      }
      if (!swapped) break;
    }
    if (pool.length === 0 && this.spreadsHold()) return true;
    this.rollback(mark);
    return false;
  }

  /** Tries to empty host t; on success the placement uses one host fewer (undo with rollback). */
  empty(t: number): boolean {
    const pool = [...this.members[t]!];
    const mark = this.log.length;
    for (const v of pool) this.unassign(v);
    if (this.insertAll(pool, t)) return true;
    this.rollback(mark);
    return false;
  }

  /** Tries to place unplaced VMs into the active hosts (whole sets only). */
  repair(unplaced: number[]): boolean {
    return this.insertAll([...unplaced], -1);
  }
}
