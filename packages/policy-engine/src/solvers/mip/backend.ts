import { ReservoirError } from '@reservoir/runtime';
import type { Problem } from '../../domain/problem.js';
import { buildFormulation, type Formulation } from './formulation.js';
import { SolverThread, type Incumbent } from './solver-thread.js';
import type { MipBackend, MipBackendName, MipOutcome, SubProblem } from './types.js';

/** How long past its time limit a solver may take to answer before its worker is killed. */
export const GRACE_MS = 500;

/** Per entry of sub.vms: the host of the chosen x column, -1 when unplaced; pinned VMs stay home. */
function decode(p: Problem, sub: SubProblem, f: Formulation, values: Float64Array): Int32Array {
  const out = new Int32Array(sub.vms.length);
  let i = 0;
  sub.vms.forEach((v, s) => {
    if (p.fixed[v]) {
      out[s] = p.current[v]!;
      return;
    }
    let host = -1;
    for (let x = f.xStart[i]!; x < f.xStart[i + 1]!; x++) if (values[x]! > 0.5) host = f.xHost[x]!;
    out[s] = host;
    i++;
  });
  return out;
}

const closedError = () => new ReservoirError('FAILED_PRECONDITION', 'the MIP back-end is closed');

class WorkerBackend implements MipBackend {
  private readonly thread: SolverThread;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private seq = 0;

  constructor(readonly name: MipBackendName) {
    this.thread = new SolverThread(name);
    this.thread.warm();
  }

  solve(p: Problem, sub: SubProblem, o: { timeLimitMs: number }): Promise<MipOutcome> {
    if (this.closed) return Promise.reject(closedError());
    if (!(o.timeLimitMs > 0) || !Number.isFinite(o.timeLimitMs)) {
      const message = `timeLimitMs must be a positive number, got ${o.timeLimitMs}`;
      return Promise.reject(new ReservoirError('INVALID_ARGUMENT', message, { field: 'timeLimitMs' }));
    }
    const called = performance.now();
    const turn = this.queue.then(() => this.run(p, sub, o.timeLimitMs, called));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.thread.close();
  }

  private async run(p: Problem, sub: SubProblem, timeLimitMs: number, called: number): Promise<MipOutcome> {
    const ms = () => performance.now() - called;
    if (this.closed) throw closedError();
    // The limit runs from this solve's turn and includes waiting for a worker still loading its
    // solver (after a restart): callers budget solves against their own deadlines.
    const deadline = Date.now() + timeLimitMs;
    try {
      await this.thread.ready();
    } catch (e) {
      return { status: 'error', message: e instanceof Error ? e.message : String(e), ms: ms() };
    }
    const f = buildFormulation(p, sub);
    if (f.infeasible !== undefined) return { status: 'infeasible', message: f.infeasible, ms: ms() };
    if (f.free.length === 0) {
      const objective = f.model.offset;
      return {
        status: 'optimal',
        assignment: decode(p, sub, f, new Float64Array(0)),
        objective,
        bound: objective,
        ms: ms(),
      };
    }
    const { model } = f;
    const req = {
      type: 'solve' as const,
      id: ++this.seq,
      model,
      deadline,
      ...(f.start ? { start: f.start } : {}),
    };
    const r = await this.thread.run(req, deadline + GRACE_MS);

    const fromIncumbent = (inc: Incumbent, message: string): MipOutcome => ({
      status: 'feasible',
      assignment: decode(p, sub, f, inc.values),
      objective: inc.objective,
      ms: ms(),
      message,
    });
    if (r.kind === 'timeout') {
      const message = `the ${this.name} solver overran its ${timeLimitMs} ms limit; its worker was restarted`;
      return r.incumbent ? fromIncumbent(r.incumbent, message) : { status: 'no-solution', ms: ms(), message };
    }
    if (r.kind === 'died')
      return r.incumbent
        ? fromIncumbent(r.incumbent, r.message)
        : { status: 'error', ms: ms(), message: r.message };

    const { status, values, objective, bound, message } = r.reply;
    const solved = status === 'optimal' || status === 'feasible';
    if (solved && !values)
      return { status: 'error', ms: ms(), message: `${this.name} reported ${status} without values` };
    return {
      status,
      ...(solved && values ? { assignment: decode(p, sub, f, values), objective } : {}),
      ...(bound !== undefined ? { bound } : {}),
      ms: ms(),
      ...(message !== undefined ? { message } : {}),
    };
  }
}

/** A MIP back-end running its solver in a worker thread, which starts loading right away. */
export function createMipBackend(name: MipBackendName): MipBackend {
  if (name !== 'glpk' && name !== 'highs')
    throw new ReservoirError('INVALID_ARGUMENT', `unknown MIP back-end "${String(name)}"`, { field: 'name' });
  return new WorkerBackend(name);
}
