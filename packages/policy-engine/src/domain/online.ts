import { construct } from './greedy.js';
import type { PeInstance, PePolicy } from './model.js';
import { compileProblem } from './problem.js';
import { unplacedOf } from './reasons.js';
import type { Unplaced } from './result.js';

// Online placement (per request, a VM or an all-or-nothing set): VMs with a host are facts and
// stay; the others are placed by the constructive heuristic under the policy, sets atomically.

export interface OnlinePlacement {
  assignment: Record<string, string>;
  unplaced: Unplaced[];
}

export function placeOnline(instance: PeInstance, policy: PePolicy = instance.policy): OnlinePlacement {
  const pinned: PeInstance = {
    ...instance,
    vms: instance.vms.map((v) => (v.host !== undefined ? { ...v, fixed: true } : v)),
  };
  const p = compileProblem(pinned, policy);
  const only: number[] = [];
  for (let v = 0; v < p.nVms; v++) if (p.current[v]! < 0) only.push(v);
  const pl = construct(p, { keepCurrent: false, only });
  const assignment: Record<string, string> = {};
  for (const v of only) {
    const h = pl.host[v]!;
    if (h >= 0) assignment[p.vmIds[v]!] = p.hostIds[h]!;
  }
  return { assignment, unplaced: unplacedOf(pl, only) };
}
