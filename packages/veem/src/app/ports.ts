import type { Task, TaskStore, TransferProgress } from '@reservoir/runtime';
import type { CapabilityProfile, Host } from '../domain/host.js';
import type { Image } from '../domain/image.js';
import type { Lease, Network } from '../domain/network.js';
import type { Quota } from '../domain/quota.js';
import type { Resources } from '../domain/resources.js';
import type { HostView } from '../domain/scheduler.js';
import type { Vm } from '../domain/vm.js';

// --- Store -------------------------------------------------------------------------------

export interface VeemSnapshot {
  /** Every VM not yet done. */
  vms: Vm[];
  hosts: Host[];
  images: Image[];
  networks: Network[];
  leases: Lease[];
  quotas: Quota[];
}

export interface VeemStore extends TaskStore {
  migrate(): Promise<void>;
  load(): Promise<VeemSnapshot>;
  /** Inserts a VM with its leases in one transaction; a reused request id or address is ALREADY_EXISTS. */
  createVm(vm: Vm, leases: readonly Lease[]): Promise<void>;
  saveVm(vm: Vm): Promise<void>;
  /** Saves a VM that reached done and frees its leases, in one transaction. */
  finishVm(vm: Vm): Promise<void>;
  /** A VM by id, done ones included. */
  getVm(id: string): Promise<Vm | undefined>;
  listDoneVms(organization: string | undefined, limit: number): Promise<Vm[]>;
  saveHost(h: Host): Promise<void>;
  deleteHost(id: string): Promise<void>;
  saveImage(i: Image): Promise<void>;
  deleteImage(id: string): Promise<void>;
  saveNetwork(n: Network): Promise<void>;
  deleteNetwork(id: string): Promise<void>;
  saveQuota(q: Quota): Promise<void>;
  /**
   * Inserts an admitted set with its VMs and their leases in one transaction; a reused set
   * request id, VM id or address is ALREADY_EXISTS and stores nothing.
   */
  createVmSet(set: VmSet, vms: readonly Vm[], leases: readonly Lease[]): Promise<void>;
  getVmSetByRequest(requestId: string): Promise<VmSet | undefined>;
  close(): Promise<void>;
}

/** VMs admitted together by one CreateVmSet; kept so a retried request finds them. */
export interface VmSet {
  id: string;
  organization: string;
  owner: string;
  requestId: string;
  vmIds: string[];
  createdAtMs: number;
}

// --- Placement ---------------------------------------------------------------------------

/** What a placer decides for one pass. */
export interface PlacementPass {
  /** VMs to place, oldest first. Members of one set (placement.setId) are placed whole or not at all. */
  vms: readonly Vm[];
  /** Every registered host with what it holds. */
  hosts: readonly HostView[];
  /** VMs holding a host that share a placement group or set with one of `vms`. */
  peers: readonly Vm[];
}

export interface PlacementOutcome {
  /** VM id → host id. */
  assignment: Map<string, string>;
  /** VM id → why it was not placed. */
  unplaced: Map<string, string[]>;
}

/**
 * Chooses hosts for pending VMs: the VEEM's own scheduler, or the Policy Engine. It decides only;
 * the caller reserves and dispatches. A placer that cannot decide at all (the Policy Engine is
 * unreachable) throws, and the VMs stay pending.
 */
export interface Placer {
  /** Most VMs one call takes. */
  readonly maxBatch: number;
  place(pass: PlacementPass): Promise<PlacementOutcome>;
  close(): void;
}

// --- Host agents (VHI) -------------------------------------------------------------------

export type DomainStateName =
  'defined' | 'running' | 'paused' | 'suspended' | 'shutoff' | 'crashed' | 'incoming' | 'migrating';

export interface DomainSpec {
  vmId: string;
  name: string;
  resources: Resources;
  disks: { id: string; imageId: string; format: string; sizeMib: number }[];
  nics: { id: string; networkId: string; ip: string; mac: string }[];
  context: Record<string, string>;
}

export interface DomainInfo {
  vmId: string;
  state: DomainStateName;
  snapshots: string[];
  cpuUsedPercent: number;
  memoryUsedMib: number;
  resources: Resources;
  /** On the source while the domain migrates: the transfer's figures as the agent last saw them. */
  migration?: TransferProgress;
}

export interface HostReport {
  agentHostId: string;
  reachable: boolean;
  error: string;
  cpuUsedPercent: number;
  memoryUsedMib: number;
  domains: DomainInfo[];
}

export interface HostDescription {
  agentHostId: string;
  hostname: string;
  capacity: Resources;
  profile: CapabilityProfile;
  labels: Record<string, string>;
}

/** One host agent process (it may serve many hosts). */
export interface AgentPort {
  listHosts(): Promise<HostDescription[]>;
  describeHost(agentHostId: string): Promise<HostDescription>;
  monitor(): Promise<HostReport[]>;
  createDomain(agentHostId: string, spec: DomainSpec): Promise<DomainInfo>;
  /** undefined when the host answers that it has no such domain. */
  getDomain(agentHostId: string, vmId: string): Promise<DomainInfo | undefined>;
  startDomain(agentHostId: string, vmId: string): Promise<DomainInfo>;
  shutdownDomain(agentHostId: string, vmId: string, hard: boolean): Promise<DomainInfo>;
  destroyDomain(agentHostId: string, vmId: string): Promise<boolean>;
  suspendDomain(agentHostId: string, vmId: string): Promise<DomainInfo>;
  resumeDomain(agentHostId: string, vmId: string): Promise<DomainInfo>;
  rebootDomain(agentHostId: string, vmId: string): Promise<DomainInfo>;
  snapshotDomain(agentHostId: string, vmId: string, name: string): Promise<DomainInfo>;
  revertDomain(agentHostId: string, vmId: string, name: string): Promise<DomainInfo>;
  resizeDomain(agentHostId: string, vmId: string, vcpus: number, memoryMib: number): Promise<DomainInfo>;
  prepareIncoming(agentHostId: string, spec: DomainSpec, live: boolean): Promise<DomainInfo>;
  migrateDomain(
    agentHostId: string,
    vmId: string,
    target: { agentHostId: string; endpoint: string },
    live: boolean,
  ): Promise<{ domain: DomainInfo; downtimeMs: number; durationMs: number }>;
  abortIncoming(agentHostId: string, vmId: string): Promise<boolean>;
  /** Stops the migration the source agent is sending; the pending migrateDomain fails CANCELLED. */
  cancelMigration(agentHostId: string, vmId: string): Promise<DomainInfo>;
}

export interface AgentGateway {
  agent(endpoint: string): AgentPort;
  close(): void;
}

// --- Events ------------------------------------------------------------------------------

export interface VmStateChange {
  vm: Vm;
  from: string;
}

export interface HostStateChange {
  host: Host;
  from: string;
  to: string;
  reason: string;
}

export interface EventSink {
  vmStateChanged(e: VmStateChange): void;
  hostStateChanged(e: HostStateChange): void;
  taskChanged(t: Task): void;
}
