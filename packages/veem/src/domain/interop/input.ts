import type { HypervisorProfile } from './hypervisor-profile.js';

// What the interoperability check is asked about: one VM where it runs now, and a target site with
// its hosts, networks, licences and policy. Plain values, so the check stays a pure function.

export interface InteropNic {
  networkId: string;
  ip: string;
  cidr: string;
}

export interface InteropVm {
  id: string;
  name: string;
  vcpus: number;
  memoryMib: number;
  diskMib: number;
  diskFormat: string;
  /** Stated requirements, e.g. { "no-reboot-on-cpu-change": "true", "licence": "sql-server" }. */
  requirements: Readonly<Record<string, string>>;
  nics: readonly InteropNic[];
  /** The VM's life-cycle state, e.g. running. */
  state: string;
  /** The move was asked to be live. */
  live?: boolean;
}

export interface InteropSource {
  site: string;
  hostId: string;
  profile: HypervisorProfile;
  country: string;
  hostCpuModel?: string;
}

export interface Free {
  vcpus: number;
  memoryMib: number;
  diskMib: number;
}

export interface TargetHost {
  hostId: string;
  profile: HypervisorProfile;
  free: Free;
  cpuModel?: string;
  labels?: Readonly<Record<string, string>>;
}

export interface TargetNetwork {
  name: string;
  cidr: string;
}

export interface InteropTarget {
  site: string;
  country: string;
  hosts: readonly TargetHost[];
  networks: readonly TargetNetwork[];
  /** Licences the target can honour. */
  licences: readonly string[];
  /** Site policy: the countries whose workloads the site takes in; absent means any. */
  allowedCountries?: readonly string[];
}

export interface InteropInput {
  vm: InteropVm;
  source: InteropSource;
  target: InteropTarget;
  constraints?: {
    /** From the VM or its service: the countries it may run in; absent means any. */
    allowedCountries?: readonly string[];
  };
}
