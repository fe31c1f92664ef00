import type { Problem } from '../../domain/problem.js';

/** A neighbourhood of a placement that a MIP back-end re-solves exactly. */
export interface SubProblem {
  /** Host indices (into the Problem) the free VMs may use. */
  hosts: Int32Array;
  /** VM indices free to (re)place on those hosts. */
  vms: Int32Array;
  /**
   * Full assignment vm → host index or -1 for every VM of the problem. VMs not in `vms` are fixed
   * where they are (their demand uses capacity, their group memberships count); for VMs in `vms`
   * it is the warm start — feasible for hard constraints, possibly with some VMs at -1.
   */
  assignment: Int32Array;
  /** How many free VMs with a current host may end elsewhere or unplaced (Infinity = no limit). */
  migrationBudget: number;
  /** Whether a free VM may end unplaced (at a large penalty); when false every free VM must be placed. */
  allowUnplaced: boolean;
}

export type MipStatus = 'optimal' | 'feasible' | 'infeasible' | 'no-solution' | 'error';

export interface MipOutcome {
  status: MipStatus;
  /** Per entry of sub.vms: the chosen host index, or -1. Present for optimal/feasible. */
  assignment?: Int32Array;
  objective?: number;
  /** Best proven bound on the objective (HiGHS mip_dual_bound; glpk: the LP relaxation). */
  bound?: number;
  ms: number;
  message?: string;
}

export type MipBackendName = 'glpk' | 'highs';

export interface MipBackend {
  readonly name: MipBackendName;
  /**
   * Solves are serialised per back-end: a call made during another one waits for its turn.
   * timeLimitMs runs from the turn and covers model building and any wait for the worker to load;
   * a solver that has not answered by timeLimitMs + GRACE_MS is killed and its worker replaced.
   * Rejects (INVALID_ARGUMENT) on a malformed sub-problem; solver trouble is an 'error' outcome.
   */
  solve(p: Problem, sub: SubProblem, o: { timeLimitMs: number }): Promise<MipOutcome>;
  close(): Promise<void>;
}
