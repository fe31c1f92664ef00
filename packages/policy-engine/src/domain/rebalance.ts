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
