import type { ElasticityRule } from '../manifest/model.js';

/**
 * Where a rule stands, so that only changes are logged as 'none' decisions: idle (never judged),
 * no-data, error, quiet, firing (acted, blocked or refused), at-bound, superseded. An expression
 * still counting its periods keeps the phase it had, so "quiet after firing" is seen through it.
 */
export type RulePhase = 'idle' | 'no-data' | 'error' | 'quiet' | 'firing' | 'at-bound' | 'superseded';

/** A rule's evaluation state; plain JSON so it survives a restart. */
export interface RuleState {
  /** When the rule was last judged (null: never). */
  lastEvaluatedMs: number | null;
  nextDueMs: number;
  /** Expression rules: true evaluations in a row, capped at periodCount. */
  consecutiveTrue: number;
  phase: RulePhase;
}

export function periodMs(rule: ElasticityRule): number {
  return (rule.kind === 'threshold' ? rule.frequencySeconds : rule.periodSeconds) * 1000;
}

/** Window of KPI samples the rule reads: an expression reads its last period. */
export function windowSeconds(rule: ElasticityRule): number {
  return rule.kind === 'threshold' ? rule.windowSeconds : rule.periodSeconds;
}

export function freshState(dueMs: number): RuleState {
  return { lastEvaluatedMs: null, nextDueMs: dueMs, consecutiveTrue: 0, phase: 'idle' };
}

/** The same rule may come back with another period (rule update, restart with a new manifest). */
export function rescheduled(state: RuleState, rule: ElasticityRule): RuleState {
  const nextDueMs = state.lastEvaluatedMs === null ? state.nextDueMs : state.lastEvaluatedMs + periodMs(rule);
  const consecutiveTrue = rule.kind === 'expression' ? Math.min(state.consecutiveTrue, rule.periodCount) : 0;
  return { ...state, nextDueMs, consecutiveTrue };
}

/** A rule keeps its state across an update only if it still means the same thing. */
export function sameRule(a: ElasticityRule, b: ElasticityRule): boolean {
  return a.id === b.id && a.kind === b.kind && a.component === b.component;
}
