import type { Task } from '@reservoir/runtime';
import type { PolicySettings } from './policy-settings.js';

// What the engine's use cases need from the outside: where the policy is kept, where its
// changes are announced, and the site's VEEM. Adapters implement them; tests use fakes.

// --- Policy store -------------------------------------------------------------------------

export interface PolicyRepository {
  load(): Promise<PolicySettings | undefined>;
  /**
   * Writes the policy if the stored version is still `expectedVersion` (undefined: only if none
   * is stored yet). Returns false when another writer got there first.
   */
  save(policy: PolicySettings, expectedVersion: number | undefined): Promise<boolean>;
}

export interface PolicyEvents {
  /** Announces a change; never throws (a lost event costs a replica a reload, not a decision). */
  published(policy: PolicySettings): void;
  /** Calls back with the version of every change announced, by any replica. Returns an unsubscribe. */
  subscribe(onChange: (version: number) => void): Promise<() => Promise<void>>;
}

/** A lock held for the life of the process, so one replica per site runs migration plans. */
export interface LeaderLock {
  acquire(): Promise<boolean>;
}

// --- The site's VEEM ------------------------------------------------------------------------

export interface Amounts {
  vcpus: number;
  memoryMib: number;
  diskMib: number;
}

export interface SiteHost {
  id: string;
  name: string;
  /** monitored, init, disabled, maintenance, error, offline */
  state: string;
  capacity: Amounts;
  /** What the VMs holding the host take (running or not). */
  used: Amounts;
  overcommit: { cpu: number; memory: number; disk: number };
  hypervisor: string;
  liveMigration: boolean;
  labels: Record<string, string>;
}

export interface SiteGroup {
  name: string;
  /** affinity | anti-affinity | spread */
  type: string;
  scope: string;
  hard: boolean;
  min: number;
}

export interface SitePlacement {
  groups: SiteGroup[];
  /** Host ids or names. */
  allowedHosts: string[];
  forbiddenHosts: string[];
  allowedLabels: Record<string, string[]>;
  setId: string;
}

export interface SiteVm {
  id: string;
  state: string;
  /** The host's name. */
  host: string;
  organization: string;
  resources: Amounts;
  /** label=value pairs every host must carry ("hypervisor" and "host" name the host's own). */
  requirements: Record<string, string>;
  /** The VEEM task of an operation in progress, if any. */
  taskId: string;
  placement: SitePlacement;
}

export interface VeemPort {
  listHosts(): Promise<SiteHost[]>;
  /** The running VMs. */
  listVms(): Promise<SiteVm[]>;
  /** Starts a live migration; returns the VEEM's task id. */
  migrate(vmId: string, targetHost: string): Promise<string>;
  /** Follows a VEEM task to its end. */
  waitTask(taskId: string, signal?: AbortSignal): Promise<Task>;
  close(): void;
}
