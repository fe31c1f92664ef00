import { errors, type ReservoirError } from '@reservoir/runtime';
import type { SimOp } from './latency.js';
import { mulberry32 } from './prng.js';

export type FaultCode = 'UNAVAILABLE' | 'INTERNAL';

export interface FaultRule {
  /** The operation to fail, or '*' for every one. */
  op: SimOp | '*';
  /** Fail the next `count` matching operations (with `probability`: fail until `count` have failed). */
  count?: number;
  /** Fail this seeded-random share of matching operations. */
  probability?: number;
  /** Default UNAVAILABLE. */
  error?: FaultCode;
  /**
   * 'before' (default): the operation fails and changes nothing. 'after': it takes effect but the
   * answer is lost, as when the reply never reaches the caller; retries must then be idempotent.
   */
  phase?: 'before' | 'after';
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

/** The fault rules of one host; the random draws come from the host's own seeded sequence. */
export class FaultPlan {
  private readonly rules: ActiveRule[] = [];
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  add(rule: FaultRule): void {
    if (rule.count !== undefined && (!Number.isInteger(rule.count) || rule.count < 1)) {
      throw errors.invalid('count', 'must be a positive integer');
    }
    if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
      throw errors.invalid('probability', 'must be between 0 and 1');
    }
    const remaining = rule.count ?? (rule.probability === undefined ? 1 : Infinity);
    this.rules.push({ rule, remaining });
  }

  clear(): void {
    this.rules.length = 0;
  }

  get size(): number {
    return this.rules.length;
  }

  /** The error to raise for this operation now, if a rule fires. */
  take(op: SimOp, phase: 'before' | 'after', hostId: string): ReservoirError | undefined {
    for (let i = 0; i < this.rules.length; i++) {
      const active = this.rules[i]!;
      const { rule } = active;
      if ((rule.op !== '*' && rule.op !== op) || (rule.phase ?? 'before') !== phase) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      active.remaining -= 1;
      if (active.remaining <= 0) this.rules.splice(i, 1);
      const what = `injected fault: ${op} on host ${hostId}${phase === 'after' ? ' (reply lost)' : ''}`;
      return rule.error === 'INTERNAL' ? errors.internal(what) : errors.unavailable(what);
    }
    return undefined;
  }
}
