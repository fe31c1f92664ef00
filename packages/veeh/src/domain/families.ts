import type { CapabilityProfile } from './driver.js';

export const HYPERVISOR_FAMILIES = ['kvm', 'xen', 'vmware', 'hyperv'] as const;
export type HypervisorFamily = (typeof HYPERVISOR_FAMILIES)[number];

const GIB = 1024;
const TIB = 1024 * GIB;

/**
 * Capability profiles of the hypervisor families a host can present. Per-VM maxima are hard limits
 * of the hypervisor layer (seed 000: "a hard limit that cannot be exceeded or over-allocated").
 * `driver` is filled in by the driver that presents the profile.
 */
export const FAMILY_PROFILES: Readonly<Record<HypervisorFamily, Omit<CapabilityProfile, 'driver'>>> = {
  kvm: {
    hypervisor: 'kvm',
    hypervisorVersion: 'qemu-kvm (RHEL 7)',
    // Red Hat, "Virtualization limits for RHEL 7": 240 vCPUs and 4 TB of memory per guest.
    maxVcpusPerVm: 240,
    maxMemoryMibPerVm: 4 * TIB,
    // qemu-img native formats used by libvirt storage pools.
    diskFormats: ['qcow2', 'raw'],
    liveMigration: true,
    cpuHotplug: true,
    memoryHotplug: true,
    snapshots: true,
    // Block migration (drive-mirror) copies the disks, so no shared storage is needed (VEEH-3).
    sharedStorageRequiredForLiveMigration: false,
  },
  xen: {
    hypervisor: 'xen',
    hypervisorVersion: '4.1',
    // Xen Project "Release Features", HVM guest limits for Xen 4.0/4.1: 128 vCPUs, 1 TB.
    maxVcpusPerVm: 128,
    maxMemoryMibPerVm: 1 * TIB,
    // blktap2 / qdisk back ends: raw images, VHD (vpc) and qcow2.
    diskFormats: ['raw', 'vpc', 'qcow2'],
    liveMigration: true,
    // vCPUs can be brought online up to maxvcpus; memory beyond the boot maximum cannot be added.
    cpuHotplug: true,
    memoryHotplug: false,
    snapshots: true,
    // xl migrate moves memory only; the disks must be reachable from both hosts.
    sharedStorageRequiredForLiveMigration: true,
  },
  vmware: {
    hypervisor: 'vmware',
    hypervisorVersion: 'vSphere 5.1 Enterprise Plus',
    // Seed 000 (cloudburst use case): vSphere 5 Enterprise Plus, 32 vCPUs and 1 TB of RAM per VM.
    maxVcpusPerVm: 32,
    maxMemoryMibPerVm: 1 * TIB,
    diskFormats: ['vmdk'],
    // vMotion; since 5.1 also without shared storage.
    liveMigration: true,
    cpuHotplug: true,
    memoryHotplug: true,
    snapshots: true,
    sharedStorageRequiredForLiveMigration: false,
  },
  hyperv: {
    hypervisor: 'hyperv',
    hypervisorVersion: 'Windows Server 2008 R2',
    // Seed 000 (cloudburst use case): Hyper-V allows 4 vCPUs and 64 GB of RAM per VM.
    maxVcpusPerVm: 4,
    maxMemoryMibPerVm: 64 * GIB,
    // VHD (qemu-img calls it vpc) and its successor VHDX. VHDX arrived with Server 2012, whose per-VM
    // limits are larger; the profile keeps the seed's limits as the conservative bound.
    diskFormats: ['vhdx', 'vpc'],
    // Live Migration over Cluster Shared Volumes; no CPU or memory hot-add in this generation.
    liveMigration: true,
    cpuHotplug: false,
    memoryHotplug: false,
    snapshots: true,
    sharedStorageRequiredForLiveMigration: true,
  },
};

export function isHypervisorFamily(s: string): s is HypervisorFamily {
  return (HYPERVISOR_FAMILIES as readonly string[]).includes(s);
}

export function familyProfile(family: HypervisorFamily, driver: string): CapabilityProfile {
  return { ...FAMILY_PROFILES[family], driver };
}
