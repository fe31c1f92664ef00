import type { HypervisorProfile } from './hypervisor-profile.js';

// Test data only: the four families as VEEH's FAMILY_PROFILES presents them (the VEEM does not
// depend on the VEEH package, so the values are copied; limits from seed 000 and vendor documents).

const GIB = 1024;
const TIB = 1024 * GIB;

export const TEST_FAMILIES: Readonly<Record<'kvm' | 'xen' | 'vmware' | 'hyperv', HypervisorProfile>> = {
  kvm: {
    hypervisor: 'kvm',
    hypervisorVersion: 'qemu-kvm (RHEL 7)',
    maxVcpusPerVm: 240,
    maxMemoryMibPerVm: 4 * TIB,
    diskFormats: ['qcow2', 'raw'],
    liveMigration: true,
    cpuHotplug: true,
    memoryHotplug: true,
    snapshots: true,
    sharedStorageRequiredForLiveMigration: false,
    driver: 'fake',
  },
  xen: {
    hypervisor: 'xen',
    hypervisorVersion: '4.1',
    maxVcpusPerVm: 128,
    maxMemoryMibPerVm: 1 * TIB,
    diskFormats: ['raw', 'vpc', 'qcow2'],
    liveMigration: true,
    cpuHotplug: true,
    memoryHotplug: false,
    snapshots: true,
    sharedStorageRequiredForLiveMigration: true,
    driver: 'fake',
  },
  vmware: {
    hypervisor: 'vmware',
    hypervisorVersion: 'vSphere 5.1 Enterprise Plus',
    maxVcpusPerVm: 32,
    maxMemoryMibPerVm: 1 * TIB,
    diskFormats: ['vmdk'],
    liveMigration: true,
    cpuHotplug: true,
    memoryHotplug: true,
    snapshots: true,
    sharedStorageRequiredForLiveMigration: false,
    driver: 'fake',
  },
  hyperv: {
    hypervisor: 'hyperv',
    hypervisorVersion: 'Windows Server 2008 R2',
    maxVcpusPerVm: 4,
    maxMemoryMibPerVm: 64 * GIB,
    diskFormats: ['vhdx', 'vpc'],
    liveMigration: true,
    cpuHotplug: false,
    memoryHotplug: false,
    snapshots: true,
    sharedStorageRequiredForLiveMigration: true,
    driver: 'fake',
  },
};

export const TEST_FAMILY_LIST: readonly HypervisorProfile[] = [
  TEST_FAMILIES.vmware,
  TEST_FAMILIES.xen,
  TEST_FAMILIES.kvm,
  TEST_FAMILIES.hyperv,
];
