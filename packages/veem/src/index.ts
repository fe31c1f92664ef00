export { createVeem, DEFAULT_SETTINGS, type CreateVeemOptions, type RunningVeem } from './create-veem.js';
export { Veem } from './app/veem.js';
export type { Placer, PlacementOutcome, PlacementPass } from './app/ports.js';
export { PolicyEnginePlacer } from './adapters/grpc/policy-engine-placer.js';
export { veemConfigSchema, type VeemConfig } from './config.js';
export type { VmActionName, RecoverMode } from './app/vm-commands.js';
export { ACTION_TO_PB, RECOVER_TO_PB } from './adapters/grpc/mapping.js';
export { VM_STATES, type VmState } from './domain/vm-state.js';
export { RANK_POLICIES, type RankPolicy } from './domain/scheduler.js';
export { vmiClient, type VmiClient } from './client.js';
export {
  startVeemMonitoring,
  type VeemMonitoring,
  type VeemMonitoringOptions,
} from './probes/veem-monitoring.js';
export { federationClient, type FederationClient } from './federation-client.js';
export { checkInterop } from './domain/interop/check.js';
export type { InteropInput } from './domain/interop/input.js';
export type { HypervisorProfile } from './domain/interop/hypervisor-profile.js';
export type { Difference, InteropReport, PortabilityLevel, Severity } from './domain/interop/report.js';
export { aggregate, INTEROP_STEPS, type Score, type StepResult } from './domain/interop/seven-step.js';
export { GUEST_PROFILES, guestProfile, type GuestProfile } from './domain/interop/guest-profiles.js';
export { SEED_001_TESTBED, type Testbed } from './domain/interop/testbed.js';
export {
  renderMatrixHtml,
  renderMatrixText,
  type InteropMatrix,
  type MatrixCell,
} from './domain/interop/matrix.js';
export { dryRunMatrix } from './domain/interop/dry-run.js';
export type { PartnerAgreement, FederationSettings } from './app/federation/settings.js';
export { InteropTests, strictChecks, type InteropTestResult } from './app/federation/interop-test.js';
export { completeSteps, stepResult } from './domain/interop/seven-step.js';
export { summarizeCell } from './domain/interop/matrix.js';
export { sourceDiskFormat } from './domain/interop/guest-profiles.js';
