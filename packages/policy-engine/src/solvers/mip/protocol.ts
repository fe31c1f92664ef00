// Messages between a MIP back-end and its solver worker.
import type { LinearModel } from './linear.js';
import type { MipBackendName, MipStatus } from './types.js';

/** A MIP start: every column (dense) or some of them (HiGHS completes the rest). */
export type MipStart = { colValue: Float64Array } | { indices: Int32Array; values: Float64Array };

export interface WorkerConfig {
  /** URL of worker.ts, imported by the bootstrap once a TypeScript loader is registered. */
  entry: string;
  solver: MipBackendName;
}

export interface SolveRequest {
  type: 'solve';
  id: number;
  model: LinearModel;
  start?: MipStart;
  /** Epoch ms by which the solver must stop. */
  deadline: number;
}

export interface SolveReply {
  status: MipStatus;
  values?: Float64Array;
  objective?: number;
  bound?: number;
  message?: string;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'incumbent'; id: number; values: Float64Array; objective: number }
  | ({
      type: 'result';
      id: number;
      /** The wasm instance is unusable; restart the worker. */ fatal?: boolean;
    } & SolveReply);

/** A loaded solver inside the worker. */
export interface WorkerSolver {
  solve(req: SolveRequest, onIncumbent: (values: Float64Array, objective: number) => void): SolveReply;
}
