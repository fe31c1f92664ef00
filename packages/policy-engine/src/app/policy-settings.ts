import { errors } from '@reservoir/runtime';
import { POLICY_NAMES, type PePolicy, type PolicyName } from '../domain/model.js';
import { SOLVER_NAMES, type SolverName } from '../solvers/solve.js';

// The site's policy as the engine keeps it: what the placement objective is, and how the
// optimization cycle runs. Every change is checked here, so a bad value never reaches a decision.

export type ObjectiveName = Exclude<PolicyName, 'weighted'>;

export const OBJECTIVE_NAMES = POLICY_NAMES.filter((n): n is ObjectiveName => n !== 'weighted');

export interface PolicySettings {
  name: PolicyName;
  /** For `weighted`: the share of each objective. */
  weights: Partial<Record<ObjectiveName, number>>;
  /** VMs that may move in one optimization run; -1 for no limit. */
  maxMigrations: number;
  solver: SolverName;
  timeLimitSeconds: number;
  /** Seconds between optimization cycles; 0 runs them on demand only. */
  cycleIntervalSeconds: number;
  /** Live migrations a plan runs at once. */
  planConcurrency: number;
  /** Increases on every change. */
  version: number;
}

/** A change to the policy: fields left undefined keep their value. Values are unchecked input. */
export interface PolicyChange {
  name?: string;
  weights?: Record<string, number>;
  maxMigrations?: number;
  solver?: string;
  timeLimitSeconds?: number;
  cycleIntervalSeconds?: number;
  planConcurrency?: number;
}

export const DEFAULT_POLICY: PolicySettings = {
  name: 'consolidate',
  weights: {},
  maxMigrations: -1,
  solver: 'auto',
  timeLimitSeconds: 10,
  cycleIntervalSeconds: 0,
  planConcurrency: 4,
  version: 1,
};

const MAX_TIME_LIMIT_SECONDS = 3600;
const MAX_INTERVAL_SECONDS = 7 * 24 * 3600;
const MAX_PLAN_CONCURRENCY = 64;

export function checkPolicyName(field: string, raw: string): PolicyName {
  if (!(POLICY_NAMES as readonly string[]).includes(raw))
    throw errors.invalid(field, `"${raw}" is not a policy; use one of ${POLICY_NAMES.join(', ')}`);
  return raw as PolicyName;
}

export function checkSolverName(field: string, raw: string): SolverName {
  if (!(SOLVER_NAMES as readonly string[]).includes(raw))
    throw errors.invalid(field, `"${raw}" is not a solver; use one of ${SOLVER_NAMES.join(', ')}`);
  return raw as SolverName;
}

export function checkTimeLimit(field: string, seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIME_LIMIT_SECONDS)
    throw errors.invalid(
      field,
      `${seconds} must be more than 0 and at most ${MAX_TIME_LIMIT_SECONDS} seconds`,
    );
  return seconds;
}

function checkWeights(raw: Record<string, number>): Partial<Record<ObjectiveName, number>> {
  const out: Partial<Record<ObjectiveName, number>> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = `policy.weights.${key}`;
    if (!(OBJECTIVE_NAMES as readonly string[]).includes(key))
      throw errors.invalid(field, `"${key}" is not an objective; use ${OBJECTIVE_NAMES.join(', ')}`);
    if (!Number.isFinite(value) || value < 0) throw errors.invalid(field, `${value} must be a number ≥ 0`);
    out[key as ObjectiveName] = value;
  }
  return out;
}

function checkMaxMigrations(n: number): number {
  if (!Number.isInteger(n) || n < -1)
    throw errors.invalid('policy.max_migrations', `${n} must be a whole number ≥ 0, or -1 for no limit`);
  return n;
}

function checkInterval(seconds: number): number {
  if (
    !Number.isFinite(seconds) ||
    seconds < 0 ||
    (seconds > 0 && seconds < 1) ||
    seconds > MAX_INTERVAL_SECONDS
  )
    throw errors.invalid(
      'policy.cycle_interval_seconds',
      `${seconds} must be 0 (on demand only) or from 1 to ${MAX_INTERVAL_SECONDS} seconds`,
    );
  return seconds;
}

function checkConcurrency(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_PLAN_CONCURRENCY)
    throw errors.invalid(
      'policy.plan_concurrency',
      `${n} must be a whole number from 1 to ${MAX_PLAN_CONCURRENCY}`,
    );
  return n;
}

/** The policy after a change, checked as a whole, with the next version; throws INVALID_ARGUMENT naming the field. */
export function applyPolicyChange(current: PolicySettings, change: PolicyChange): PolicySettings {
  const next: PolicySettings = {
    name: change.name === undefined ? current.name : checkPolicyName('policy.name', change.name),
    weights: change.weights === undefined ? current.weights : checkWeights(change.weights),
    maxMigrations:
      change.maxMigrations === undefined ? current.maxMigrations : checkMaxMigrations(change.maxMigrations),
    solver: change.solver === undefined ? current.solver : checkSolverName('policy.solver', change.solver),
    timeLimitSeconds:
      change.timeLimitSeconds === undefined
        ? current.timeLimitSeconds
        : checkTimeLimit('policy.time_limit_seconds', change.timeLimitSeconds),
    cycleIntervalSeconds:
      change.cycleIntervalSeconds === undefined
        ? current.cycleIntervalSeconds
        : checkInterval(change.cycleIntervalSeconds),
    planConcurrency:
      change.planConcurrency === undefined
        ? current.planConcurrency
        : checkConcurrency(change.planConcurrency),
    version: current.version + 1,
  };
  if (next.name === 'weighted' && !Object.values(next.weights).some((w) => w > 0))
    throw errors.invalid(
      'policy.weights',
      `the weighted policy needs at least one positive weight among ${OBJECTIVE_NAMES.join(', ')}`,
    );
  return next;
}

/** What the solvers read. */
export function toPePolicy(p: PolicySettings): PePolicy {
  return {
    name: p.name,
    maxMigrations: p.maxMigrations < 0 ? Infinity : p.maxMigrations,
    weights: { ...p.weights },
  };
}
