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
export { chooseSite } from './domain/site-choice.js';
export {
  DEFAULT_SITE_WEIGHTS,
  SITE_CONSTRAINTS,
  VM_REQUIREMENTS,
  type DemandVm,
  type HostOffer,
  type HostProfile,
  type SiteChoice,
  type SiteChoiceRequest,
  type SiteConstraint,
  type SiteConstraints,
  type SiteOffer,
  type SitePart,
  type SitePrice,
  type SiteReason,
  type SiteRejection,
  type SiteResources,
  type SiteScore,
  type SiteWeights,
  type UnassignedVm,
  type VmRequirement,
} from './domain/site-choice-model.js';
export { siteChoiceRequestOf, type SiteChoiceInput } from './app/site-choice-input.js';
