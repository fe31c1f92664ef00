import type { PeInstance, PolicyName } from '../domain/model.js';
import type { SolveResult } from '../domain/result.js';
import { solve, type SolverName } from '../solvers/solve.js';

export interface SolveChoices {
  /** Replaces the instance's policy name; its weights and migration budget stay. */
  policy?: PolicyName;
  solver: SolverName;
  timeLimitMs: number;
  signal?: AbortSignal;
}

/** Offline solving of a whole instance (`reservoir pe solve` and the Solve call). */
export function solveInstance(instance: PeInstance, choices: SolveChoices): Promise<SolveResult> {
  const policy = choices.policy ? { ...instance.policy, name: choices.policy } : instance.policy;
  return solve(
    { ...instance, policy },
    {
      solver: choices.solver,
      timeLimitMs: choices.timeLimitMs,
      policy,
      ...(choices.signal ? { signal: choices.signal } : {}),
    },
  );
}
