import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { WorkerConfig, WorkerMessage, WorkerSolver, SolveRequest } from './protocol.js';

// The solver thread: loads one wasm solver once and answers solve requests one at a time. Any
// exception is reported as fatal — after a wasm abort or OOM the instance cannot be trusted, so
// the parent replaces the whole worker.

function parent(): MessagePort {
  if (!parentPort) throw new Error('worker.ts must run in a worker thread');
  return parentPort;
}
const port = parent();
const config = workerData as WorkerConfig;

const solver: WorkerSolver =
  config.solver === 'glpk'
    ? await (await import('./glpk.js')).loadGlpk()
    : await (await import('./highs.js')).loadHighsSolver();

function post(msg: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(msg, transfer);
}

port.on('message', (req: SolveRequest) => {
  try {
    const reply = solver.solve(req, (values, objective) => {
      const copy = values.slice();
      post({ type: 'incumbent', id: req.id, values: copy, objective }, [copy.buffer]);
    });
    post({ type: 'result', id: req.id, ...reply }, reply.values ? [reply.values.buffer as ArrayBuffer] : []);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    post({ type: 'result', id: req.id, status: 'error', message, fatal: true });
  }
});

post({ type: 'ready' });
