/**
 * scale-out / scale-in: an action the caller must carry out. blocked: a rule fired but cooldown or
 * an action in progress held it back. refused: the budget allows no larger size. none: a state
 * change worth knowing (a rule went quiet, lost its data, sits at a bound, was superseded).
 */
export type DecisionKind = 'scale-out' | 'scale-in' | 'blocked' | 'refused' | 'none';

export interface ScalingDecision {
  timeMs: number;
  component: string;
  /** The rule that decided, or BOUNDS_RULE_ID when the count was outside [min, max]. */
  ruleId: string;
  kind: DecisionKind;
  /** Instance count when decided. */
  from: number;
  /** The count the action leads to; for blocked / refused, the count that was wanted. */
  to: number;
  /** Instances to remove (scale-in only), in removal order. */
  victims: string[];
  /** Human readable, citing the KPI values and limits that led here. */
  reason: string;
}

/** ruleId of the corrections made when a count is outside its (possibly just changed) bounds. */
export const BOUNDS_RULE_ID = 'bounds';

export function isAction(d: ScalingDecision): boolean {
  return d.kind === 'scale-out' || d.kind === 'scale-in';
}

/** A 'none' decision: the count stays as it is. */
export function noAction(at: {
  timeMs: number;
  component: string;
  ruleId: string;
  count: number;
  reason: string;
}): ScalingDecision {
  const { timeMs, component, ruleId, count, reason } = at;
  return { timeMs, component, ruleId, kind: 'none', from: count, to: count, victims: [], reason };
}
