// The contract every hypervisor driver of a VEEH host implements, in the agent's own plain types:
// the domain layer never sees protobuf classes, the gRPC adapter translates at the edge.

export const DOMAIN_STATES = [
  'defined',
  'running',
  'paused',
  'suspended',
  'shutoff',
  'crashed',
  'incoming',
  'migrating',
] as const;

export type DomainState = (typeof DOMAIN_STATES)[number];

/** Multi-resource amounts; memory and disk in MiB. */
export interface Resources {
  vcpus: number;
  memoryMib: number;
  diskMib: number;
}

export interface DiskSpec {
  id: string;
  imageId: string;
  format: string;
  sizeMib: number;
  /** Guest device name, e.g. vda. */
  target: string;
}

export interface NicSpec {
  id: string;
  networkId: string;
  ip: string;
  mac: string;
}

/**
 * What a domain is made of. Drivers treat specs as immutable values: a change makes a new spec,
 * so a Domain handed out keeps describing the moment it was read.
 */
export interface DomainSpec {
  vmId: string;
  name: string;
  /** diskMib is the storage the domain holds, never less than the sum of its disks. */
  resources: Resources;
  disks: readonly DiskSpec[];
  nics: readonly NicSpec[];
  context: Readonly<Record<string, string>>;
}

export interface Domain {
  hostId: string;
  vmId: string;
  state: DomainState;
  spec: DomainSpec;
  snapshots: string[];
  /** Measured use: percent of one core, so a busy 4-vCPU domain can report up to 400. */
  cpuUsedPercent: number;
  memoryUsedMib: number;
  stateSinceMs: number;
  /** An incoming domain whose hypervisor receives over the network: where the source sends it. */
  incoming?: IncomingEndpoint;
  /** On the source while the domain migrates: how far the transfer is (the agent sets it). */
  migration?: MigrationProgress;
  /** Measured I/O since the domain's process started; absent when the driver measures none. */
  counters?: DomainCounters;
}

export interface DiskCounters {
  diskId: string;
  readBytes: number;
  writeBytes: number;
  readOps: number;
  writeOps: number;
}

/** rx and tx from the guest's point of view. */
export interface NicCounters {
  nicId: string;
  rxBytes: number;
  txBytes: number;
  rxPackets: number;
  txPackets: number;
}

export interface DomainCounters {
  disks: DiskCounters[];
  nics: NicCounters[];
}

export type TransferPhase = 'disks' | 'memory' | 'switch-over' | 'cold' | 'modelled';

/** A transfer's figures as the hypervisor reports them while it runs. */
export interface TransferProgress {
  phase: TransferPhase;
  totalBytes: number;
  transferredBytes: number;
  remainingBytes: number;
  /** Guest memory written per second while memory is copied. */
  dirtyBytesPerSecond: number;
}

export interface MigrationProgress extends TransferProgress {
  targetHostId: string;
  live: boolean;
  startedAtMs: number;
  updatedAtMs: number;
}

/** What the agent hands a driver's transfer: a way to stop it and a place to report progress. */
export interface TransferControl {
  signal?: AbortSignal;
  onProgress?: (p: TransferProgress) => void;
}

/** Where a target's hypervisor receives a migration: its disks over NBD, then (live) the memory stream. */
export interface IncomingEndpoint {
  nbd: { host: string; port: number };
  /** Empty for a cold move: disks only. */
  migrationUri: string;
}

/** What a real transfer measured. */
export interface TransferFigures {
  transferredMib: number;
  downtimeMs: number;
  durationMs: number;
}

/** What a host's hypervisor can do (VEEH-5); placement and interoperability checks read it. */
export interface CapabilityProfile {
  hypervisor: string;
  hypervisorVersion: string;
  maxVcpusPerVm: number;
  maxMemoryMibPerVm: number;
  diskFormats: readonly string[];
  liveMigration: boolean;
  cpuHotplug: boolean;
  memoryHotplug: boolean;
  snapshots: boolean;
  sharedStorageRequiredForLiveMigration: boolean;
  driver: string;
}

export interface HostDescription {
  hostId: string;
  hostname: string;
  /** Physical capacity: cores, MiB of memory, MiB of disk. */
  capacity: Resources;
  profile: CapabilityProfile;
  labels: Readonly<Record<string, string>>;
}

export interface HostStatus {
  hostId: string;
  /** What the domains on the host hold. */
  allocated: Resources;
  cpuUsedPercent: number;
  memoryUsedMib: number;
  domains: Domain[];
  /** False when the host does not answer; domains and figures are then unknown (empty). */
  reachable: boolean;
  error: string;
}

/** Zero in a field means "leave as is", as in the VHI request. */
export interface ResizeRequest {
  vcpus?: number;
  memoryMib?: number;
}

/** What the source of a migration hands over once the transfer is done. */
export interface MigrationImage {
  vmId: string;
  live: boolean;
  /** The state the domain had on the source, which the target resumes. */
  sourceState: DomainState;
  snapshots: string[];
  memoryImageMib: number;
}

/** The source's side of a migration in progress: the domain is 'migrating' until completed or cancelled. */
export interface OutgoingMigration {
  spec: DomainSpec;
  priorState: DomainState;
  snapshots: string[];
  memoryImageMib: number;
}

/**
 * One host's hypervisor. Every operation names a vm id; an unknown one is NOT_FOUND, except
 * destroy and abortIncoming which answer false so a retried call after a crash stays harmless.
 */
export interface HypervisorDriver {
  readonly hostId: string;

  /** Static facts (capacity, profile), known without contacting the host. */
  describe(): HostDescription;
  /** The monitoring probe; also the heartbeat. Rejects with UNAVAILABLE when the host is silent. */
  status(): Promise<HostStatus>;
  list(): Promise<Domain[]>;
  get(vmId: string): Promise<Domain>;

  create(spec: DomainSpec): Promise<Domain>;
  start(vmId: string): Promise<Domain>;
  shutdown(vmId: string, hard?: boolean): Promise<Domain>;
  /** Powers off and undefines; false when there was no such domain. */
  destroy(vmId: string): Promise<boolean>;
  suspend(vmId: string): Promise<Domain>;
  resume(vmId: string): Promise<Domain>;
  reboot(vmId: string): Promise<Domain>;

  snapshot(vmId: string, name: string): Promise<Domain>;
  revert(vmId: string, name: string): Promise<Domain>;
  deleteSnapshot(vmId: string, name: string): Promise<Domain>;

  resize(vmId: string, request: ResizeRequest): Promise<Domain>;
  attachDisk(vmId: string, disk: DiskSpec): Promise<Domain>;
  detachDisk(vmId: string, diskId: string): Promise<Domain>;
  attachNic(vmId: string, nic: NicSpec): Promise<Domain>;
  detachNic(vmId: string, nicId: string): Promise<Domain>;

  /** Target, phase 1: reserves the resources of an arriving domain (state 'incoming'). */
  prepareIncoming(spec: DomainSpec, live: boolean): Promise<Domain>;
  /** Target, phase 2: the transfer is done; the domain takes the source's state. */
  completeIncoming(image: MigrationImage): Promise<Domain>;
  /** Target: drops a prepared incoming domain; false when there was none. */
  abortIncoming(vmId: string): Promise<boolean>;

  /** Source: marks the domain 'migrating' and returns what must be transferred. */
  beginOutgoing(vmId: string, live: boolean): Promise<OutgoingMigration>;
  /** Source: the target has the domain; remove it here and free its resources. */
  completeOutgoing(vmId: string): Promise<void>;
  /** Source: the migration failed; the domain goes back to the state it had before. */
  cancelOutgoing(vmId: string): Promise<Domain>;
  /**
   * Source, between beginOutgoing and the hand-over, for hypervisors that move the domain
   * themselves: sends disks and memory to the target's endpoint. A driver without it has its
   * transfer modelled by the agent.
   */
  transferOut?(vmId: string, to: IncomingEndpoint, control?: TransferControl): Promise<TransferFigures>;
}
