import { performance } from 'node:perf_hooks';
import { placeOnline } from '../domain/online.js';
import type { Unplaced } from '../domain/result.js';
import { placeInstance, type PlaceInput } from './place-instance.js';
import { toPePolicy } from './policy-settings.js';
import type { HostLoadView } from './host-load.js';
import type { PolicyStore } from './policy-store.js';

export interface PlaceOutcome {
  /** VM id → host id. */
  assignment: Record<string, string>;
  unplaced: Unplaced[];
  /** The policy version the decision used. */
  policyVersion: number;
  ms: number;
}

/** Hosts whose measured CPU stays above the cutoff take no new VMs (load-aware placement). */
export interface LoadCutoff {
  view: HostLoadView;
  cpuPercent: number;
}

/** Online placement: each call reads the current policy, so a change applies from the next call. */
export class Placer {
  constructor(
    private readonly policies: PolicyStore,
    private readonly load?: LoadCutoff,
  ) {}

  place(input: PlaceInput): PlaceOutcome {
    const started = performance.now();
    const policy = this.policies.get();
    const instance = placeInstance(input, toPePolicy(policy));
    const newVms = instance.vms.filter((v) => v.host === undefined).map((v) => v.id);
    if (this.load && newVms.length > 0)
      for (const h of instance.hosts) {
        const cpu = this.load.view.cpuPercent([h.id, ...(h.tags.host ? [h.tags.host] : [])]);
        if (cpu === undefined || cpu <= this.load.cpuPercent) continue;
        instance.constraints.push({
          type: 'forbidden',
          vms: newVms,
          hosts: [h.id],
          reason: `measured CPU above ${this.load.cpuPercent}%`,
        });
      }
    const r = placeOnline(instance, instance.policy);
    return {
      assignment: r.assignment,
      unplaced: r.unplaced,
      policyVersion: policy.version,
      ms: performance.now() - started,
    };
  }
}
