import loadHighs, { type Highs, type ModelData } from 'highs';
import type { LinearModel } from './linear.js';
import type { SolveReply, SolveRequest, WorkerSolver } from './protocol.js';

// HiGHS in the solver worker: a persistent model from column-wise arrays, the MIP start, and two
// callbacks — improving solutions are streamed to the parent (kept if the worker must be killed)
// and the MIP is interrupted at the deadline, since HiGHS does not check time_limit everywhere.

const MIP_REL_GAP = 1e-4;

/** Row-wise to column-wise, as HiGHS stores the matrix. */
function toModelData(m: LinearModel): ModelData {
  const nnz = m.colIndex.length;
  const starts = new Int32Array(m.nCols + 1);
  for (let e = 0; e < nnz; e++) starts[m.colIndex[e]! + 1]!++;
  for (let j = 0; j < m.nCols; j++) starts[j + 1]! += starts[j]!;
  const fill = starts.slice(0, m.nCols);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  for (let i = 0; i < m.nRows; i++)
    for (let e = m.rowStart[i]!; e < m.rowStart[i + 1]!; e++) {
      const at = fill[m.colIndex[e]!]!++;
      indices[at] = i;
      values[at] = m.value[e]!;
    }
  return {
    numCols: m.nCols,
    numRows: m.nRows,
    offset: m.offset,
    colCost: m.cost,
    colLower: m.lower,
    colUpper: m.upper,
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    matrix: { format: 'csc', numRows: m.nRows, numCols: m.nCols, starts, indices, values },
    integrality: Int32Array.from(m.integer),
  };
}

function reply(highs: Highs, model: ReturnType<Highs['createModel']>, nCols: number): SolveReply {
  const S = highs.constants.modelStatus;
  const status = model.getModelStatus();
  const info = (name: string) => Number(model.info.get(name));
  const bound = info('mip_dual_bound');
  const withBound = Number.isFinite(bound) ? { bound } : {};
  const hasSolution = info('primal_solution_status') === highs.constants.solutionStatus.feasible;
  const solution = () => ({
    values: model.getSolution().colValue.slice(0, nCols),
    objective: model.getObjectiveValue(),
  });
  switch (status) {
    case S.optimal:
      return { status: 'optimal', ...solution(), ...withBound };
    case S.infeasible:
    case S.unboundedOrInfeasible: // every column is bounded, so this is infeasible
      return { status: 'infeasible' };
    case S.timeLimit:
    case S.interrupted:
    case S.iterationLimit:
    case S.solutionLimit:
    case S.objectiveBound:
    case S.objectiveTarget:
    case S.unknown:
      return hasSolution
        ? { status: 'feasible', ...solution(), ...withBound }
        : { status: 'no-solution', ...withBound };
    default:
      return { status: 'error', message: `HiGHS ended with model status ${status}` };
  }
}

export async function loadHighsSolver(): Promise<WorkerSolver> {
  const highs = await loadHighs();
  const cb = highs.constants.callbackType;
  return {
    solve(req: SolveRequest, onIncumbent): SolveReply {
      const m = req.model;
      // Model memory lives in the wasm heap and is not garbage-collected: always dispose.
      const model = highs.createModel(toModelData(m));
      try {
        model.options.set({
          output_flag: false,
          mip_rel_gap: MIP_REL_GAP,
          time_limit: Math.max(0.001, (req.deadline - Date.now()) / 1000),
        });
        if (req.start)
          try {
            model.setSolution(req.start);
          } catch {
            // A start HiGHS refuses only costs the head start; solve without it.
          }
        model.run({
          [cb.mipImprovingSolution](event) {
            const x = event.data.mip_solution;
            if (x && x.length === m.nCols) onIncumbent(x, event.data.objective_function_value ?? NaN);
          },
          [cb.mipInterrupt](event) {
            if (Date.now() >= req.deadline) event.interrupt();
          },
        });
        return reply(highs, model, m.nCols);
      } finally {
        model.dispose();
      }
    },
  };
}
