export type { MipBackend, MipBackendName, MipOutcome, MipStatus, SubProblem } from './types.js';
export { createMipBackend, GRACE_MS } from './backend.js';
