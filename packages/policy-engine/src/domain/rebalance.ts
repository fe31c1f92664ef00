import { compareScores, score } from './objective.js';
import { OK, type Placement } from './placement.js';

// Local moves for the policies that are not about emptying hosts: lower the peak utilisation
// (balance), bring moved VMs home (min-migrations), and drop hosts that cost more than their
// VMs earn (profit). Each accepts a move only when the policy's score improves.

/** Moves VMs off the fullest host while that lowers the peak; returns the moves made. */
export function lowerPeak(pl: Placement, deadline: number, now: () => number): number {
  const p = pl.p;
  const util = new Float64Array(p.nHosts);
  for (let h = 0; h < p.nHosts; h++) util[h] = pl.utilization(h);
  const onHost = pl.vmsByHost();
  let moves = 0;
  for (let round = 0; round < 100 * p.nVms + 100 && now() < deadline; round++) {
    let top = 0;
    for (let h = 1; h < p.nHosts; h++) if (util[h]! > util[top]!) top = h;
    const peak = util[top]!;
    let best: { v: number; h: number; after: number } | undefined;
    for (const v of onHost[top]!) {
      if (p.fixed[v] === 1) continue;
      pl.unassign(v);
      const left = pl.utilization(top);
      for (let h = 0; h < p.nHosts; h++) {
        if (h === top || util[h]! >= peak || pl.rejection(v, h) !== OK || pl.softDelta(v, h) > 0) continue;
        pl.assign(v, h);
        const after = Math.max(left, pl.utilization(h));
        pl.unassign(v);
        if (after < peak - 1e-9 && (!best || after < best.after)) best = { v, h, after };
      }
      pl.assign(v, top);
    }
    if (!best) break;
    pl.unassign(best.v);
    pl.assign(best.v, best.h);
    onHost[top] = onHost[top]!.filter((x) => x !== best.v);
    onHost[best.h]!.push(best.v);
    util[top] = pl.utilization(top);
    util[best.h] = pl.utilization(best.h);
    moves++;
  }
  return moves;
}

/** Brings VMs back to their current host where the rules allow; returns how many came back. */
export function returnHome(pl: Placement): number {
  const p = pl.p;
  let back = 0;
  for (let v = 0; v < p.nVms; v++) {
    const home = p.current[v]!;
    const h = pl.host[v]!;
    if (home < 0 || h < 0 || h === home) continue;
    pl.unassign(v);
    if (pl.rejection(v, home) === OK && pl.softDelta(v, home) <= pl.softDelta(v, h)) {
      pl.assign(v, home);
      back++;
    } else pl.assign(v, h);
  }
  return back;
}

/** Unplaces the VMs of hosts that cost more than their VMs earn (profit); whole sets only. */
export function dropUnprofitable(pl: Placement): number {
  const p = pl.p;
  const onHost = pl.vmsByHost();
  let dropped = 0;
  for (let h = 0; h < p.nHosts; h++) {
    const vms = onHost[h]!;
    if (vms.length === 0 || pl.count[h] !== vms.length) continue;
    if (
      vms.some(
        (v) => p.fixed[v] === 1 || p.vmSet[v]! >= 0 || p.current[v]! >= 0 || p.vmSpreads[v]!.length > 0,
      )
    )
      continue;
    const earn = vms.reduce((s, v) => s + p.benefit[v]!, 0);
    if (earn >= p.hostCost[h]!) continue;
    for (const v of vms) pl.unassign(v);
    dropped += vms.length;
  }
  return dropped;
}

/**
 * Takes VMs out of soft-constraint violations by a move or a swap with a VM outside every soft
 * group, whenever the score improves (a preference kept at no cost in hosts or load). The
 * constructive pass cannot see that far ahead: it breaks a preference rather than switch a host
 * on, even when the host will be needed anyway.
 */
export function repairSoft(pl: Placement, deadline: number, now: () => number): number {
  const p = pl.p;
  const soft = p.groups.filter((g) => !g.hard);
  if (soft.length === 0) return 0;
  const inSoft = new Uint8Array(p.nVms);
  for (const g of soft) for (const v of g.vms) inSoft[v] = 1;
  const onHost = pl.vmsByHost();
  const move = (v: number, to: number) => {
    const from = pl.host[v]!;
    pl.unassign(v);
    onHost[from] = onHost[from]!.filter((x) => x !== v);
    pl.assign(v, to);
    onHost[to]!.push(v);
  };
  let repaired = 0;
  for (const g of soft)
    for (const v of g.vms) {
      if (now() > deadline) return repaired;
      const h = pl.host[v]!;
      if (h < 0 || p.fixed[v] === 1) continue;
      pl.unassign(v);
      const violating = pl.softDelta(v, h) > 0;
      pl.assign(v, h);
      if (!violating) continue;
      const before = score(pl);
      let done = false;
      for (let t = 0; t < p.nHosts && !done; t++) {
        if (t === h || pl.count[t] === 0) continue;
        pl.unassign(v);
        const ok = pl.rejection(v, t) === OK && pl.softDelta(v, t) === 0;
        pl.assign(v, h);
        if (ok) {
          move(v, t);
          if (compareScores(score(pl), before) < 0) done = true;
          else move(v, h);
          continue;
        }
        // A swap with a VM no preference is attached to.
        for (const u of [...onHost[t]!]) {
          if (inSoft[u] || p.fixed[u] === 1) continue;
          pl.unassign(v);
          pl.unassign(u);
          const fits = pl.rejection(v, t) === OK && pl.softDelta(v, t) === 0;
          if (fits) pl.assign(v, t);
          const back = fits && pl.rejection(u, h) === OK;
          if (back) pl.assign(u, h);
          if (back && compareScores(score(pl), before) < 0) {
            onHost[h] = onHost[h]!.filter((x) => x !== v);
            onHost[t] = onHost[t]!.filter((x) => x !== u);
            onHost[t]!.push(v);
            onHost[h]!.push(u);
            done = true;
            break;
          }
          if (back) pl.unassign(u);
          if (fits) pl.unassign(v);
          pl.assign(v, h);
          pl.assign(u, t);
        }
      }
      if (done) repaired++;
    }
  return repaired;
}
