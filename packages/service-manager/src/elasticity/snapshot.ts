import { ReservoirError } from '@reservoir/runtime';
import type { RulePhase, RuleState } from './rule-state.js';

/** The engine state worth persisting: per-rule schedule and counters, per-component cooldown. */
export interface ElasticitySnapshot {
  version: 1;
  rules: Record<string, RuleState>;
  /** Epoch ms until which each component cools down (absent: not cooling down). */
  cooldownUntilMs: Record<string, number>;
}

const PHASES: readonly RulePhase[] = [
  'idle',
  'no-data',
  'error',
  'quiet',
  'firing',
  'at-bound',
  'superseded',
];

/** Checks a snapshot read back from storage; it is data from outside, so nothing is assumed. */
export function parseSnapshot(value: unknown): ElasticitySnapshot {
  const root = record(value, 'snapshot');
  if (root.version !== 1) throw invalid('version', `unsupported snapshot version ${String(root.version)}`);
  const rules: Record<string, RuleState> = {};
  for (const [id, raw] of Object.entries(record(root.rules, 'rules'))) {
    const r = record(raw, `rules.${id}`);
    const last = r.lastEvaluatedMs;
    if (last !== null && !isNumber(last))
      throw invalid(`rules.${id}.lastEvaluatedMs`, 'must be a number or null');
    if (!isNumber(r.nextDueMs)) throw invalid(`rules.${id}.nextDueMs`, 'must be a number');
    const count = r.consecutiveTrue;
    if (!Number.isInteger(count) || (count as number) < 0)
      throw invalid(`rules.${id}.consecutiveTrue`, 'must be a non-negative integer');
    if (!PHASES.includes(r.phase as RulePhase))
      throw invalid(`rules.${id}.phase`, `unknown phase ${String(r.phase)}`);
    rules[id] = {
      lastEvaluatedMs: last,
      nextDueMs: r.nextDueMs,
      consecutiveTrue: count as number,
      phase: r.phase as RulePhase,
    };
  }
  const cooldownUntilMs: Record<string, number> = {};
  for (const [id, until] of Object.entries(record(root.cooldownUntilMs, 'cooldownUntilMs'))) {
    if (!isNumber(until)) throw invalid(`cooldownUntilMs.${id}`, 'must be a number');
    cooldownUntilMs[id] = until;
  }
  return { version: 1, rules, cooldownUntilMs };
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(field, 'must be an object');
  return value as Record<string, unknown>;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function invalid(field: string, message: string): ReservoirError {
  return new ReservoirError('INVALID_ARGUMENT', `elasticity snapshot: ${field} ${message}`, { field });
}
