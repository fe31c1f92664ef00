export { createVeeh, VHI_SERVICE, type CreateVeehOptions, type Veeh } from './create-veeh.js';
export {
  HostAgent,
  type HostAgentOptions,
  type MigrateRequest,
  type MigrationResult,
  type MonitorReport,
} from './app/agent.js';
export type { PeerAgents } from './app/peer-agents.js';
export { GrpcPeerAgents } from './adapters/grpc/grpc-peer-agents.js';
export { systemClock } from './adapters/system-clock.js';
export {
  DOMAIN_STATES,
  type CapabilityProfile,
  type DiskSpec,
  type Domain,
  type DomainSpec,
  type DomainState,
  type HostDescription,
  type HostStatus,
  type HypervisorDriver,
  type MigrationImage,
  type NicSpec,
  type OutgoingMigration,
  type ResizeRequest,
  type Resources,
} from './domain/driver.js';
export {
  FAMILY_PROFILES,
  HYPERVISOR_FAMILIES,
  familyProfile,
  isHypervisorFamily,
  type HypervisorFamily,
} from './domain/families.js';
export { SimHost, SIM_DRIVER, type SimEnvironment, type SimHostConfig } from './domain/sim-host.js';
export { DEFAULT_OVERCOMMIT, type Overcommit } from './domain/accounting.js';
export type { Clock } from './domain/clock.js';
export type { FaultCode, FaultRule } from './domain/faults.js';
export {
  LATENCY_PROFILES,
  SIM_OPS,
  type LatencyProfile,
  type LatencyProfileName,
  type SimOp,
} from './domain/latency.js';
export {
  DEFAULT_MIGRATION_MODEL,
  planMigration,
  type MigrationFigures,
  type MigrationModel,
} from './domain/migration-plan.js';
export { buildFleet, parseFamilyMix, type FamilyMix, type HostFleet, type HostTemplate } from './fleet.js';
export {
  startVeehMonitoring,
  syntheticRate,
  HOST_PROBE_ATTRIBUTES,
  VM_PROBE_ATTRIBUTES,
  type VeehMonitoring,
  type VeehMonitoringOptions,
} from './probes/veeh-monitoring.js';
export { GuestChannel } from './adapters/qemu/guest-channel.js';
export { TINY_GUEST_READY } from './adapters/qemu/tiny-guest.js';
