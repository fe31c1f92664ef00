// What evaluating one element yields, before it becomes a DecisionResult. Obligations and advice
// ride only on Permit and Deny; an Indeterminate carries the status that explains it.

import type { Decision, Directive, Status } from './decision.js';
import { Fault } from './decision.js';

export interface Outcome {
  readonly decision: Decision;
  readonly obligations: readonly Directive[];
  readonly advice: readonly Directive[];
  /** Path of ids of the element that decided. */
  readonly by: readonly string[];
  readonly status: Status | undefined;
}

export const NONE: readonly Directive[] = Object.freeze([]);

export const NOT_APPLICABLE: Outcome = Object.freeze({
  decision: 'NotApplicable',
  obligations: NONE,
  advice: NONE,
  by: Object.freeze([]),
  status: undefined,
});

export function indeterminate(decision: Decision, path: readonly string[], why: Fault | Status): Outcome {
  const status: Status =
    why instanceof Fault ? { code: why.code, message: why.message, path: path.join('/') } : why;
  return { decision, obligations: NONE, advice: NONE, by: path, status };
}

/** The same Indeterminate with another extension, e.g. {D} seen together with {P} is {DP}. */
export function widen(o: Outcome, decision: Decision): Outcome {
  return o.decision === decision ? o : { ...o, decision };
}

/** Appends without allocating while both sides are empty. */
export function concat(a: readonly Directive[], b: readonly Directive[]): readonly Directive[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...a, ...b];
}
