import type { PlanStep } from './result.js';
import type { Problem } from './problem.js';

// Turns a target placement into ordered waves of live migrations such that no host is ever over
// capacity: a VM being migrated holds resources on both hosts until its wave ends, so a move
// waits for a wave in which its target has room. When every remaining move waits on another (a
// cycle, e.g. two full hosts swapping VMs), the smallest VM is parked on a host with room and
// moves on to its target later; a VM is parked at most once. VMs the target leaves unplaced are
// stopped before the first wave, so their capacity is free from the start.

const EPS = 1e-9;

export interface PlanOutcome {
  steps: PlanStep[];
  /**
   * VMs whose move could not be ordered safely. The steps are only complete when this is empty:
   * the caller keeps these VMs home (or unplaced) and plans again.
   */
  stuck: number[];
}

export function migrationPlan(p: Problem, target: Int32Array): PlanOutcome {
  const { nRes, cap, demand } = p;
  const used = p.base.slice();
  const where = p.current.slice();
  for (let v = 0; v < p.nVms; v++) {
    const h = where[v]!;
    if (h >= 0 && target[v]! >= 0)
      for (let r = 0; r < nRes; r++) used[h * nRes + r]! += demand[v * nRes + r]!;
  }
  const room = (v: number, h: number) => {
    for (let r = 0; r < nRes; r++)
      if (used[h * nRes + r]! + demand[v * nRes + r]! > cap[h * nRes + r]! * (1 + EPS) + EPS) return false;
    return true;
  };
  const take = (v: number, h: number, sign: number) => {
    for (let r = 0; r < nRes; r++) used[h * nRes + r]! += sign * demand[v * nRes + r]!;
  };
  let pending: number[] = [];
  for (let v = 0; v < p.nVms; v++)
    if (where[v]! >= 0 && target[v]! >= 0 && target[v] !== where[v]) pending.push(v);
  // Large VMs first within a wave: they are the hardest to fit later.
  pending.sort((a, b) => p.weight[b]! - p.weight[a]!);
  const steps: PlanStep[] = [];
  const stuck: number[] = [];
  const parked = new Uint8Array(p.nVms);
  let wave = 0;
  const maxWaves = 4 * pending.length + 10;
  while (pending.length > 0) {
    if (wave > maxWaves) {
      stuck.push(...pending);
      break;
    }
    const moving: [number, number, number][] = [];
    const waiting: number[] = [];
    for (const v of pending) {
      const to = target[v]!;
      if (room(v, to)) {
        take(v, to, +1);
        moving.push([v, where[v]!, to]);
      } else waiting.push(v);
    }
    if (moving.length === 0) {
      // A cycle: park the smallest waiting VM not parked yet on any other host with room (allowed
      // for it); when none can be parked, the smallest waiting VM is stuck.
      const byWeight = [...waiting].sort((a, b) => p.weight[a]! - p.weight[b]!);
      let v = -1;
      let park = -1;
      for (const u of byWeight) {
        if (parked[u]) continue;
        const allowed = p.allowed[u];
        for (let h = 0; h < p.nHosts && park < 0; h++)
          if (h !== where[u] && h !== target[u] && (!allowed || allowed[h] === 1) && room(u, h)) park = h;
        if (park >= 0) {
          v = u;
          break;
        }
      }
      if (park < 0) {
        const u = byWeight[0]!;
        stuck.push(u);
        pending = waiting.filter((x) => x !== u);
        continue;
      }
      parked[v] = 1;
      take(v, park, +1);
      take(v, where[v]!, -1);
      steps.push({
        vm: p.vmIds[v]!,
        from: p.hostIds[where[v]!]!,
        to: p.hostIds[park]!,
        wave,
        temporary: true,
      });
      where[v] = park;
      wave++;
      pending = waiting;
      continue;
    }
    for (const [v, from, to] of moving) {
      take(v, from, -1);
      where[v] = to;
      steps.push({ vm: p.vmIds[v]!, from: p.hostIds[from]!, to: p.hostIds[to]!, wave });
    }
    wave++;
    pending = waiting;
  }
  return { steps, stuck };
}
