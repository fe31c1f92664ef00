import { performance } from 'node:perf_hooks';
import { placeOnline } from '../domain/online.js';
import type { Unplaced } from '../domain/result.js';
import { placeInstance, type PlaceInput } from './place-instance.js';
import { toPePolicy } from './policy-settings.js';
import type { PolicyStore } from './policy-store.js';

export interface PlaceOutcome {
  /** VM id → host id. */
  assignment: Record<string, string>;
  unplaced: Unplaced[];
  /** The policy version the decision used. */
  policyVersion: number;
  ms: number;
}

/** Online placement: each call reads the current policy, so a change applies from the next call. */
export class Placer {
  constructor(private readonly policies: PolicyStore) {}

  place(input: PlaceInput): PlaceOutcome {
    const started = performance.now();
    const policy = this.policies.get();
    const instance = placeInstance(input, toPePolicy(policy));
    const r = placeOnline(instance, instance.policy);
    return {
      assignment: r.assignment,
      unplaced: r.unplaced,
      policyVersion: policy.version,
      ms: performance.now() - started,
    };
  }
}
