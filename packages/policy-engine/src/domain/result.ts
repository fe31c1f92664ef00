// What a solve or a placement answers (the `--json` output of `reservoir pe solve`).

export type SolveStatus = 'optimal' | 'feasible' | 'partial' | 'infeasible';

export interface Unplaced {
  vm: string;
  /** One line per cause, e.g. "3 hosts lack memory", "2 hosts excluded by anti-affinity with vm-7". */
  reasons: string[];
}

/** One migration of a plan. Steps of the same wave may run at once. */
export interface PlanStep {
  vm: string;
  from: string;
  to: string;
  wave: number;
  /** True when the step parks the VM on a host that is not its target, to break a cycle of moves. */
  temporary?: boolean;
}

export interface SolveResult {
  status: SolveStatus;
  /** VM id → host id, for every placed VM. */
  assignment: Record<string, string>;
  unplaced: Unplaced[];
  hostsUsed: number;
  /** A lower bound on the objective's primary term (hosts for consolidate). */
  lowerBound: number;
  /** (value − lowerBound) / lowerBound of the primary term; 0 when proven optimal. */
  gap: number;
  objective: number;
  /** VMs with a current host that end on another one. */
  migrations: number;
  plan: PlanStep[];
  solver: string;
  policy: string;
  /** Time to the first complete answer and to the final one. */
  firstFeasibleMs: number;
  ms: number;
}
