import type { Overcommit, Resources } from './resources.js';

export type HostAdminState = 'enabled' | 'disabled' | 'maintenance';
/** init: registered, not yet heard from; monitored: answering; error: silent past the timeout. */
export type HostHealth = 'init' | 'monitored' | 'error';

export interface CapabilityProfile {
  hypervisor: string;
  hypervisorVersion: string;
  maxVcpusPerVm: number;
  maxMemoryMibPerVm: number;
  diskFormats: string[];
  liveMigration: boolean;
  cpuHotplug: boolean;
  memoryHotplug: boolean;
  snapshots: boolean;
  /** Live migration needs storage both hosts reach (absent: not known, taken as false). */
  sharedStorageRequiredForLiveMigration?: boolean;
  driver: string;
}

export interface Host {
  id: string;
  name: string;
  site: string;
  agentEndpoint: string;
  agentHostId: string;
  admin: HostAdminState;
  health: HostHealth;
  capacity: Resources;
  overcommit: Overcommit;
  profile: CapabilityProfile;
  labels: Record<string, string>;
  /** Measured by monitoring. */
  cpuUsedPercent: number;
  memoryUsedMib: number;
  lastSeenMs: number;
  error: string;
  createdAtMs: number;
}

/** The state shown to people: health wins over the administrative state when the host is silent. */
export function hostState(h: Pick<Host, 'admin' | 'health'>): string {
  if (h.health === 'error') return 'error';
  if (h.admin !== 'enabled') return h.admin;
  return h.health;
}

/** A host takes new VMs only when enabled and answering. */
export function acceptsVms(h: Pick<Host, 'admin' | 'health'>): boolean {
  return h.admin === 'enabled' && h.health === 'monitored';
}
