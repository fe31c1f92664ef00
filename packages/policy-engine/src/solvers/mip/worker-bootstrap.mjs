// Entry of the solver worker thread. Node 20 does not pass the parent's module hooks (tsx under
// `node --import tsx`, the CLI's register(), or vitest's transformer) on to worker threads, so
// this plain-JS file registers tsx in the new thread and then loads the TypeScript worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
