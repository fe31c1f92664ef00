import type { PlanStep } from './result.js';
import type { Problem } from './problem.js';

// Turns a target placement into ordered waves of live migrations such that no host is ever over
// capacity: a VM being migrated holds resources on both hosts until its wave ends, so a move
// waits for a wave in which its target has room. When every remaining move waits on another (a
// cycle, e.g. two full hosts swapping VMs), the smallest VM is parked on a host with room and
// moves on to its target later.

const EPS = 1e-9;

export interface PlanOutcome {
  steps: PlanStep[];
  /** VMs whose move could not be ordered safely; they stay on their current host. */
  stuck: number[];
}

export function migrationPlan(p: Problem, target: Int32Array): PlanOutcome {
  const { nRes, cap, demand } = p;
  const used = p.base.slice();
  const where = p.current.slice();
  for (let v = 0; v < p.nVms; v++) {
    const h = where[v]!;
    if (h >= 0) for (let r = 0; r < nRes; r++) used[h * nRes + r]! += demand[v * nRes + r]!;
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
  for (let v = 0; v < p.nVms; v++) if (where[v]! >= 0 && target[v]! >= 0 && target[v] !== where[v]) pending.push(v);
  // Large VMs first within a wave: they are the hardest to fit later.
  pending.sort((a, b) => p.weight[b]! - p.weight[a]!);
  const steps: PlanStep[] = [];
  const stuck: number[] = [];
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
      // A cycle: park the smallest waiting VM on any other host with room (allowed for it).
      const v = waiting.reduce((a, b) => (p.weight[b]! < p.weight[a]! ? b : a));
      const allowed = p.allowed[v];
      let park = -1;
      for (let h = 0; h < p.nHosts && park < 0; h++)
        if (h !== where[v] && h !== target[v] && (!allowed || allowed[h] === 1) && room(v, h)) park = h;
      if (park < 0) {
        stuck.push(v);
        pending = waiting.filter((x) => x !== v);
        continue;
      }
      take(v, park, +1);
      take(v, where[v]!, -1);
      steps.push({ vm: p.vmIds[v]!, from: p.hostIds[where[v]!]!, to: p.hostIds[park]!, wave, temporary: true });
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
