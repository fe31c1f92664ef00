import type { CapabilityProfile } from '../../domain/host.js';
import type { Resources } from '../../domain/resources.js';

// The federation's plain types: what sites tell each other, and what a transfer records.

export interface OfferedHost {
  id: string;
  name: string;
  profile: CapabilityProfile;
  free: Resources;
  capacity: Resources;
  cpuModel: string;
  labels: Record<string, string>;
}

export interface SiteOffer {
  site: string;
  country: string;
  currency: string;
  pricePerVcpuHour: number;
  pricePerGibHour: number;
  hosts: OfferedHost[];
  networks: { name: string; cidr: string }[];
  licences: string[];
  allowedCountries: string[];
  agreementCap: Resources;
  agreementUsed: Resources;
}

export interface DescriptorNic {
  networkId: string;
  networkName: string;
  ip: string;
  cidr: string;
}

/** A VM as a partner sees it: what the target needs to judge, reserve and define it. */
export interface VmDescriptor {
  id: string;
  name: string;
  resources: Resources;
  diskFormat: string;
  requirements: Record<string, string>;
  labels: Record<string, string>;
  context: Record<string, string>;
  nics: DescriptorNic[];
  state: string;
  organization: string;
  owner: string;
  sourceSite: string;
  sourceHost: string;
  sourceHypervisor: string;
  sourceCountry: string;
  sourceCpuModel: string;
}

/** One confirmation or denial of the message process, with a stable code when denied. */
/** What a guest reports about itself (seed 001's in-guest scripts). */
export interface GuestView {
  cpuModel: string;
  vcpus: number;
  memoryMib: number;
  ips: string[];
  routes: string[];
}

export interface StepReply {
  confirmed: boolean;
  code: string;
  message: string;
  targetVmId: string;
  targetHost: string;
  targetFormat: string;
  targetImageId: string;
  state: string;
  guest?: GuestView;
}

export const TRANSFER_STEPS = [
  'configure',
  'reserve',
  'export',
  'initialize',
  'start',
  'stop-source',
  'delete-source',
  'done',
] as const;
export type TransferStepName = (typeof TRANSFER_STEPS)[number];

/** provision: a VM of this site placed on a partner (hybrid cloud), its image sent, started later. */
export type TransferMode = 'copy' | 'move' | 'provision';

export interface TransferLogEntry {
  step: string;
  outcome: 'confirmed' | 'denied' | 'done' | 'failed' | 'retry';
  code: string;
  message: string;
  atMs: number;
  ms: number;
}

export interface Transfer {
  id: string;
  vmId: string;
  mode: TransferMode;
  sourceSite: string;
  targetSite: string;
  /** The host asked for ('' lets the target choose) and, once configured, the one chosen. */
  targetHost: string;
  state: 'running' | 'succeeded' | 'failed';
  /** The step to run next (persisted before it runs, so a restart resumes there). */
  step: TransferStepName;
  targetVmId: string;
  sourceFormat: string;
  targetFormat: string;
  sha256: string;
  diskBytes: number;
  level: number;
  errorCode: string;
  errorMessage: string;
  log: TransferLogEntry[];
  taskId: string;
  requestId: string;
  organization: string;
  owner: string;
  /** The source's state before a move stopped it, to restore it when the move is undone. */
  sourceWasRunning: boolean;
  /** What the target's configuration check found (warnings and infos of a confirmed transfer). */
  differences: { code: string; severity: string; field: string; message: string }[];
  /** The guest as it reported itself once started at the target. */
  targetGuest?: GuestView;
  createdAtMs: number;
  version: number;
}

export type IncomingStep = 'configured' | 'reserved' | 'initialized' | 'started' | 'released';

/** A partner's VM arriving here (the target side of a transfer). */
export interface Incoming {
  transferId: string;
  fromSite: string;
  step: IncomingStep;
  vm: VmDescriptor;
  targetHost: string;
  targetFormat: string;
  targetVmId: string;
  targetImageId: string;
  diskBytes: number;
  sha256: string;
  createdAtMs: number;
}
