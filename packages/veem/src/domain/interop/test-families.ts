import { familyProfile } from '@reservoir/veeh';
import type { HypervisorProfile } from './hypervisor-profile.js';

// Test data only: the four families exactly as the VEEH's hosts present them.

export const TEST_FAMILIES: Readonly<Record<'kvm' | 'xen' | 'vmware' | 'hyperv', HypervisorProfile>> = {
  kvm: familyProfile('kvm', 'fake'),
  xen: familyProfile('xen', 'fake'),
  vmware: familyProfile('vmware', 'fake'),
  hyperv: familyProfile('hyperv', 'fake'),
};

export const TEST_FAMILY_LIST: readonly HypervisorProfile[] = [
  TEST_FAMILIES.vmware,
  TEST_FAMILIES.xen,
  TEST_FAMILIES.kvm,
  TEST_FAMILIES.hyperv,
];
