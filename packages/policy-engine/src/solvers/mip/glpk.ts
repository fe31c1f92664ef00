import GLPK, { type LP } from 'glpk.js/node';
import type { LinearModel } from './linear.js';
import type { SolveReply, SolveRequest, WorkerSolver } from './protocol.js';

// glpk.js in the solver worker. glpk.js takes a JSON model with named columns, has no MIP start
// and reports no MIP bound, so the LP relaxation is solved first, on a share of the budget: its
// value is the bound, and an infeasible relaxation proves the MIP infeasible without branching.

const LP_SHARE = 0.2;
const MIP_GAP = 1e-4;

export async function loadGlpk(): Promise<WorkerSolver> {
  const glpk = await GLPK();

  function bounds(lb: number, ub: number): { type: number; lb: number; ub: number } {
    if (lb === -Infinity && ub === Infinity) return { type: glpk.GLP_FR, lb: 0, ub: 0 };
    if (ub === Infinity) return { type: glpk.GLP_LO, lb, ub: 0 };
    if (lb === -Infinity) return { type: glpk.GLP_UP, lb: 0, ub };
    return { type: lb === ub ? glpk.GLP_FX : glpk.GLP_DB, lb, ub };
  }

  function toLp(m: LinearModel): LP {
    const name = (j: number) => `c${j}`;
    const vars = [];
    for (let j = 0; j < m.nCols; j++) if (m.cost[j] !== 0) vars.push({ name: name(j), coef: m.cost[j]! });
    const subjectTo = [];
    for (let i = 0; i < m.nRows; i++) {
      const row = [];
      for (let e = m.rowStart[i]!; e < m.rowStart[i + 1]!; e++)
        row.push({ name: name(m.colIndex[e]!), coef: m.value[e]! });
      subjectTo.push({ name: `r${i}`, vars: row, bnds: bounds(m.rowLower[i]!, m.rowUpper[i]!) });
    }
    const cols = Array.from({ length: m.nCols }, (_, j) => ({
      name: name(j),
      ...bounds(m.lower[j]!, m.upper[j]!),
    }));
    return {
      name: 'sub',
      objective: { direction: glpk.GLP_MIN, name: 'obj', vars },
      subjectTo,
      bounds: cols,
      binaries: cols.filter((_, j) => m.integer[j]).map((c) => c.name),
    };
  }

  const seconds = (deadline: number, share = 1) => Math.max(0.001, ((deadline - Date.now()) / 1000) * share);

  return {
    solve(req: SolveRequest): SolveReply {
      const m = req.model;
      const lp = toLp(m);
      // Presolve off: with it glpk reports an infeasible LP as "undefined".
      const relax = glpk.solve(
        { ...lp, binaries: [] },
        { msglev: glpk.GLP_MSG_OFF, presol: false, tmlim: seconds(req.deadline, LP_SHARE) },
      ).result;
      if (relax.status === glpk.GLP_NOFEAS)
        return { status: 'infeasible', message: 'LP relaxation is infeasible' };
      const lpBound = relax.status === glpk.GLP_OPT ? relax.z + m.offset : undefined;

      // glp_intopt needs its presolver here: glpk.js does not solve the root LP before it.
      const { result } = glpk.solve(lp, {
        msglev: glpk.GLP_MSG_OFF,
        presol: true,
        mipgap: MIP_GAP,
        tmlim: seconds(req.deadline),
      });
      const values = () => Float64Array.from({ length: m.nCols }, (_, j) => result.vars[`c${j}`] ?? 0);
      const objective = result.z + m.offset;
      switch (result.status) {
        case glpk.GLP_OPT:
          return { status: 'optimal', values: values(), objective, bound: objective };
        case glpk.GLP_FEAS:
          return {
            status: 'feasible',
            values: values(),
            objective,
            ...(lpBound !== undefined ? { bound: lpBound } : {}),
          };
        case glpk.GLP_NOFEAS:
          return { status: 'infeasible' };
        case glpk.GLP_UNDEF:
          return { status: 'no-solution', ...(lpBound !== undefined ? { bound: lpBound } : {}) };
        default:
          return { status: 'error', message: `glpk ended with MIP status ${result.status}` };
      }
    },
  };
}
