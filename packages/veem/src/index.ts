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
