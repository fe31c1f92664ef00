/**
 * What a hypervisor family can do, as a VEEH host reports it. Structurally the same as VEEH's
 * CapabilityProfile, redeclared here because the VEEM does not depend on the VEEH package: a
 * profile read from a host (or from VEEH's FAMILY_PROFILES) fits as is.
 */
export interface HypervisorProfile {
  hypervisor: string;
  hypervisorVersion: string;
  /** Hard per-VM limits of the hypervisor layer (seed 000: cannot be exceeded or over-allocated). */
  maxVcpusPerVm: number;
  maxMemoryMibPerVm: number;
  /** Disk formats the family runs from; the first is the one it prefers when converting. */
  diskFormats: readonly string[];
  liveMigration: boolean;
  cpuHotplug: boolean;
  memoryHotplug: boolean;
  snapshots: boolean;
  sharedStorageRequiredForLiveMigration: boolean;
  driver: string;
}

/** The format a family writes when a disk has to be converted for it. */
export function preferredFormat(p: HypervisorProfile): string {
  return p.diskFormats[0] ?? '';
}
