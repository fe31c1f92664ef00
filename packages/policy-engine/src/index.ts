export * from './domain/model.js';
export { parseInstance, fieldPath } from './domain/instance.js';
export { parseOrLibraryBinPacking, parseVbp, type NamedInstance } from './domain/benchmark-formats.js';
export type { SolveResult, PlanStep, Unplaced, SolveStatus } from './domain/result.js';
export {
  createPolicyEngine,
  type CreatePolicyEngineOptions,
  type RunningPolicyEngine,
} from './create-policy-engine.js';
export { peConfigSchema, type PeConfig } from './config.js';
export { policyClient, type PolicyClient } from './client.js';
export { parseInstanceText } from './app/instance-text.js';
export { solveInstance, type SolveChoices } from './app/instance-solver.js';
export {
  checkPolicyName,
  checkSolverName,
  checkTimeLimit,
  DEFAULT_POLICY,
  OBJECTIVE_NAMES,
  type PolicySettings,
} from './app/policy-settings.js';
