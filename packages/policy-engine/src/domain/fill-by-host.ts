import type { Constructor } from './greedy.js';
import type { Problem } from './problem.js';

// Host-by-host filling (bin-centric, after Panigrahy et al.'s dot-product heuristic): take one
// host and keep adding the VM whose demand best matches what the host has left, so CPU-heavy and
// memory-heavy VMs end up sharing hosts instead of filling different ones each in one resource.
// VMs with identical demand form one class, so a step scans classes, not VMs.

/** A VM no rule but capacity applies to. */
export function isFree(p: Problem, v: number): boolean {
  return (
    p.fixed[v] === 0 &&
    p.vmSet[v] === -1 &&
    p.allowed[v] === undefined &&
    p.vmGroups[v]!.length === 0 &&
    p.vmSpreads[v]!.length === 0 &&
    (p.current[v]! < 0 || !Number.isFinite(p.policy.maxMigrations))
  );
}

export function fillByHost(c: Constructor, vms: number[]): void {
  const pl = c.pl;
  const p = pl.p;
  const { nRes, cap, demand } = p;
  const byDemand = new Map<string, DemandClass>();
  for (const v of vms) {
    const key = Array.from(demand.subarray(v * nRes, v * nRes + nRes)).join(',');
    let k = byDemand.get(key);
    if (!k) byDemand.set(key, (k = { all: [], home: new Map(), left: 0 }));
    k.all.push(v);
    k.left++;
    const cur = p.current[v]!;
    if (cur >= 0) {
      const list = k.home.get(cur);
      if (list) list.push(v);
      else k.home.set(cur, [v]);
    }
  }
  const classes = [...byDemand.values()];
  // Lists are popped from the end: reversed, equal VMs go in the order given (best first).
  for (const k of classes) {
    k.all.reverse();
    for (const list of k.home.values()) list.reverse();
  }
  const taken = new Uint8Array(p.nVms);
  // Among equal VMs, one already on this host stays put: no migration for the same packing.
  const next = (k: DemandClass, h: number): number => {
    const mine = k.home.get(h);
    while (mine && mine.length > 0) {
      const v = mine.pop()!;
      if (!taken[v]) return v;
    }
    while (k.all.length > 0) {
      const v = k.all[k.all.length - 1]!;
      if (!taken[v]) return v;
      k.all.pop();
    }
    return -1;
  };
  let left = vms.length;
  for (const h of c.fillOrder()) {
    if (left === 0) break;
    for (;;) {
      let best = -1;
      let bestScore = -Infinity;
      for (let k = 0; k < classes.length; k++) {
        const cls = classes[k]!;
        if (cls.left === 0) continue;
        const v = next(cls, -1);
        if (v < 0 || !pl.fits(v, h)) continue;
        let s = 0;
        for (let r = 0; r < nRes; r++) {
          const cr = cap[h * nRes + r]!;
          if (cr > 0) s += (demand[v * nRes + r]! / cr) * ((cr - pl.used[h * nRes + r]!) / cr);
        }
        if (s > bestScore) {
          bestScore = s;
          best = k;
        }
      }
      if (best < 0) break;
      const cls = classes[best]!;
      const v = next(cls, h);
      // Only the migration budget can refuse a free VM that fits; the one-by-one pass takes it.
      if (!pl.canPlace(v, h)) break;
      taken[v] = 1;
      cls.left--;
      c.assign(v, h);
      left--;
    }
  }
}

interface DemandClass {
  /** Members, popped from the end (taken ones are skipped lazily). */
  all: number[];
  /** Members by current host. */
  home: Map<number, number[]>;
  left: number;
}
