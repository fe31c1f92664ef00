import { Worker } from 'node:worker_threads';
import { modelBuffers } from './linear.js';
import type { SolveReply, SolveRequest, WorkerConfig, WorkerMessage } from './protocol.js';
import type { MipBackendName } from './types.js';

// One solver worker, kept alive across solves so the wasm module loads once. The parent enforces
// the wall clock: a worker that has not answered by the kill time is terminated (a wasm solve
// cannot be interrupted from outside) and a new one is started on the next solve.

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);
const ENTRY = new URL('./worker.ts', import.meta.url).href;
const LOAD_TIMEOUT_MS = 60_000;

export interface Incumbent {
  values: Float64Array;
  objective: number;
}

export type ThreadResult =
  | { kind: 'reply'; reply: SolveReply }
  | { kind: 'timeout'; incumbent?: Incumbent }
  | { kind: 'died'; message: string; incumbent?: Incumbent };

interface Job {
  id: number;
  timer: NodeJS.Timeout;
  incumbent?: Incumbent;
  done: (r: ThreadResult) => void;
}

interface Live {
  worker: Worker;
  ready: Promise<void>;
  job?: Job;
}

export class SolverThread {
  private live: Live | undefined;

  constructor(private readonly solver: MipBackendName) {}

  /** Starts loading the worker in the background, so the first solve finds it ready. */
  warm(): void {
    if (!this.live) this.spawn();
  }

  /** Starts the worker if needed and waits until its solver is loaded. */
  async ready(): Promise<void> {
    await (this.live ?? this.spawn()).ready;
  }

  /** Runs one request; resolves by killAt at the latest (rejects only if the worker cannot load). */
  async run(req: SolveRequest, killAt: number): Promise<ThreadResult> {
    const live = this.live ?? this.spawn();
    await live.ready;
    if (this.live !== live)
      return { kind: 'died', message: `the ${this.solver} worker exited before the solve` };
    return new Promise<ThreadResult>((done) => {
      const timer = setTimeout(
        () => {
          const incumbent = live.job?.incumbent;
          this.kill(live);
          done({ kind: 'timeout', ...(incumbent ? { incumbent } : {}) });
        },
        Math.max(0, killAt - Date.now()),
      );
      live.job = { id: req.id, timer, done };
      const transfer = modelBuffers(req.model);
      if (req.start)
        for (const a of Object.values(req.start) as (Int32Array | Float64Array)[])
          transfer.push(a.buffer as ArrayBuffer);
      live.worker.postMessage(req, transfer);
    });
  }

  async close(): Promise<void> {
    if (this.live) this.kill(this.live, 'the MIP back-end was closed');
  }

  private spawn(): Live {
    const config: WorkerConfig = { entry: ENTRY, solver: this.solver };
    // execArgv: [] — Node 20 ignores the parent's --import hooks in workers; the bootstrap registers tsx.
    const worker = new Worker(BOOTSTRAP, { workerData: config, execArgv: [] });
    let loaded!: () => void;
    let failed!: (e: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      loaded = resolve;
      failed = reject;
    });
    // Callers always await ready; this keeps an early death from being reported as unhandled.
    ready.catch(() => undefined);
    const live: Live = { worker, ready };
    this.live = live;
    const loadTimer = setTimeout(() => {
      this.kill(live);
      failed(new Error(`the ${this.solver} worker did not load within ${LOAD_TIMEOUT_MS} ms`));
    }, LOAD_TIMEOUT_MS);
    loadTimer.unref();

    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'ready') {
        // A loaded, idle solver must not keep the process alive; a running solve holds its kill timer.
        worker.unref();
        clearTimeout(loadTimer);
        loaded();
        return;
      }
      const job = live.job;
      if (!job || job.id !== msg.id) return;
      if (msg.type === 'incumbent') {
        job.incumbent = { values: msg.values, objective: msg.objective };
        return;
      }
      const { type: _type, id: _id, fatal, ...reply } = msg;
      clearTimeout(job.timer);
      live.job = undefined;
      if (fatal) this.kill(live);
      job.done({ kind: 'reply', reply });
    });
    const died = (message: string) => {
      clearTimeout(loadTimer);
      failed(new Error(message));
      this.kill(live, message);
    };
    worker.on('error', (e) => died(`the ${this.solver} worker failed: ${e.message}`));
    worker.on('exit', (code) => died(`the ${this.solver} worker exited with code ${code}`));
    return live;
  }

  /** Terminates a worker; a solve still waiting on it ends as 'died' when a reason is given. */
  private kill(live: Live, reason?: string): void {
    if (this.live === live) this.live = undefined;
    const job = live.job;
    live.job = undefined;
    if (job) {
      clearTimeout(job.timer);
      if (reason)
        job.done({ kind: 'died', message: reason, ...(job.incumbent ? { incumbent: job.incumbent } : {}) });
    }
    void live.worker.terminate();
  }
}
