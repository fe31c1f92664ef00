import type { GuestFact } from './guest-facts.js';
import { preferredFormat, type HypervisorProfile } from './hypervisor-profile.js';
import type { Score } from './seven-step.js';

// The guest images of the migration test, in the spirit of seed 001 (Windows Server 2008 R2,
// Ubuntu 12.04, CentOS 6.3) plus a large database VM. Sizes are real for vCPUs and memory, which
// the checks compare with the families' hard limits, and tiny for disks, which the test converts.
// What differs between the profiles is what they state (requirements) and how strict they are about
// the guest's view after the move (guestChecks): seed 001 found Windows the most forgiving and
// CentOS the least, most failures being guests that could not get their address back.

/** The score a changed guest fact earns; facts a profile does not list may change freely. */
export type GuestCheck = Exclude<Score, 'SUCCESS'>;

export interface GuestProfile {
  id: string;
  title: string;
  vcpus: number;
  memoryMib: number;
  /** Kept small: the test really converts the disk. */
  diskMib: number;
  requirements: Readonly<Record<string, string>>;
  guestChecks: Readonly<Partial<Record<GuestFact, GuestCheck>>>;
}

const GIB = 1024;

export const GUEST_PROFILES: readonly GuestProfile[] = [
  {
    id: 'win2008r2',
    title: 'Windows Server 2008 R2 (64 bit)',
    vcpus: 2,
    memoryMib: 4 * GIB,
    diskMib: 64,
    requirements: {},
    // Windows re-detects the processor on boot, so a new CPU model is not even a warning.
    guestChecks: { vcpus: 'WARNING', memoryMib: 'WARNING', ips: 'WARNING', routes: 'WARNING' },
  },
  {
    id: 'ubuntu1204',
    title: 'Ubuntu 12.04 LTS (64 bit)',
    vcpus: 2,
    memoryMib: 2 * GIB,
    diskMib: 32,
    // A web tier that is scaled up under load without a reboot (seed 000, usage scenario 3).
    requirements: { 'no-reboot-on-cpu-change': 'true' },
    guestChecks: {
      cpuModel: 'WARNING',
      vcpus: 'FAILURE',
      memoryMib: 'WARNING',
      ips: 'WARNING',
      routes: 'WARNING',
    },
  },
  {
    id: 'centos63',
    title: 'CentOS 6.3 (64 bit)',
    vcpus: 1,
    memoryMib: 1 * GIB,
    diskMib: 16,
    // Configured with a fixed address, as servers others connect to by IP are.
    requirements: { 'static-ip': 'true' },
    guestChecks: {
      cpuModel: 'WARNING',
      vcpus: 'WARNING',
      memoryMib: 'WARNING',
      ips: 'FAILURE',
      routes: 'FAILURE',
    },
  },
  {
    id: 'mssql-large',
    title: 'Windows Server 2008 R2 with SQL Server (large database)',
    // Beyond Hyper-V's 4 vCPUs and 64 GB per VM (seed 000, cloudburst notes), within the others'.
    vcpus: 8,
    memoryMib: 96 * GIB,
    diskMib: 64,
    requirements: { licence: 'sql-server' },
    // The buffer pool is sized to the memory, so less memory after the move is a failure.
    guestChecks: { vcpus: 'FAILURE', memoryMib: 'FAILURE', ips: 'WARNING', routes: 'WARNING' },
  },
];

export function guestProfile(id: string): GuestProfile | undefined {
  return GUEST_PROFILES.find((g) => g.id === id);
}

/** The disk format the guest's image has on a source family: that family's own. */
export function sourceDiskFormat(source: HypervisorProfile): string {
  return preferredFormat(source);
}
