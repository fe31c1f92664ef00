import type { X509Certificate } from 'node:crypto';
import type { TaskStore } from '@reservoir/runtime';
import type { Service, ServiceEvent } from '../domain/service.js';
import type { CostEstimate, ServiceManifest } from '../manifest/index.js';

// --- Store (the same SQL store port as the VEEM) ------------------------------------------

export interface SmStore extends TaskStore {
  migrate(): Promise<void>;
  /** Services not ended (finished or rejected), for resume at start. */
  loadActive(): Promise<Service[]>;
  /** Inserts a new service; a reused request id is ALREADY_EXISTS and stores nothing. */
  createService(s: Service): Promise<void>;
  saveService(s: Service): Promise<void>;
  getService(id: string): Promise<Service | undefined>;
  getServiceByRequest(requestId: string): Promise<Service | undefined>;
  listServices(filter: { organization?: string; includeEnded: boolean }): Promise<Service[]>;
  appendEvent(e: Omit<ServiceEvent, 'seq'>): Promise<ServiceEvent>;
  listEvents(serviceId: string, afterSeq: number, limit: number): Promise<ServiceEvent[]>;
  /** Highest subnet index in use, so new services get fresh private subnets. */
  maxSubnetIndex(): Promise<number>;
  close(): Promise<void>;
}

// --- The site's VEEM --------------------------------------------------------------------------

export interface VeemVm {
  id: string;
  state: string;
  host: string;
  reason: string;
  /** VEEM network id → address. */
  addresses: Record<string, string>;
}

export interface CreateInstanceVm {
  name: string;
  requestId: string;
  vcpus: number;
  memoryMib: number;
  diskMib: number;
  imageId: string;
  networkIds: string[];
  labels: Record<string, string>;
  context: Record<string, string>;
  organization: string;
  owner: string;
  placement?: {
    groups: { name: string; type: 'affinity' | 'anti-affinity'; scope: string; soft: boolean }[];
  };
}

export interface VeemHostUse {
  id: string;
  name: string;
  state: string;
  capacity: { vcpus: number; memoryMib: number; diskMib: number };
  used: { vcpus: number; memoryMib: number; diskMib: number };
  labels: Record<string, string>;
}

export interface VeemPort {
  /** Creates (or, for a known request id, finds) a VM. */
  createVm(req: CreateInstanceVm): Promise<VeemVm>;
  /** undefined when the VEEM has no such VM (or it is done). */
  getVm(id: string): Promise<VeemVm | undefined>;
  /** Deletes a VM; a VM already gone is not an error. */
  deleteVm(id: string): Promise<void>;
  /** Suspends (saves) or resumes a VM; one already in the asked state is not an error. */
  actOnVm(id: string, action: 'suspend' | 'resume'): Promise<void>;
  /** A network by name in the organization, created with this subnet when missing. */
  ensureNetwork(req: {
    name: string;
    cidr: string;
    organization: string;
    scope: 'vapp' | 'organization';
  }): Promise<{ id: string; created: boolean }>;
  findNetwork(name: string, organization: string): Promise<string | undefined>;
  deleteNetwork(id: string): Promise<void>;
  findImage(name: string, organization: string): Promise<{ id: string; sizeMib: number } | undefined>;
  listHosts(): Promise<VeemHostUse[]>;
  close(): void;
}

// --- Admission through the Policy Engine ------------------------------------------------------

export interface AdmissionVm {
  id: string;
  vcpus: number;
  memoryMib: number;
  diskMib: number;
}

export interface AdmissionRequest {
  vms: AdmissionVm[];
  /** Groups of VM ids that must (or must not) share a host. */
  groups: { type: 'affinity' | 'anti-affinity'; vmIds: string[]; hard: boolean }[];
  hosts: VeemHostUse[];
}

export interface AdmissionPort {
  /** Empty when the VMs fit the site together; otherwise the reasons they do not. */
  check(req: AdmissionRequest): Promise<string[]>;
  close(): void;
}

// --- Events ---------------------------------------------------------------------------------

export interface ServiceEventSink {
  published(e: ServiceEvent, service: Service): void;
}

// --- Accounting -------------------------------------------------------------------------------

/** What a manifest costs by the provider's price list (the accounting service's quote). */
export interface CostQuoter {
  estimate(m: ServiceManifest, organization: string): Promise<CostEstimate>;
}

// --- Signed OVF packages (SEC-4) ----------------------------------------------------------------

export interface SignaturePolicy {
  /** Whether the organization admits only signed packages (an unknown organization rejects). */
  requireFor(organization: string): Promise<boolean>;
  /** Certificates a package's signer must chain to. */
  trustStore: X509Certificate[];
}
