import { checkInterop } from '../../domain/interop/check.js';
import type { HypervisorProfile } from '../../domain/interop/hypervisor-profile.js';
import type { InteropInput } from '../../domain/interop/input.js';
import type { InteropReport } from '../../domain/interop/report.js';
import type { CapabilityProfile } from '../../domain/host.js';
import type { SiteOffer, VmDescriptor } from './types.js';

export function hypervisorProfile(p: CapabilityProfile): HypervisorProfile {
  return { ...p, sharedStorageRequiredForLiveMigration: !!p.sharedStorageRequiredForLiveMigration };
}

// A VM described only by an OVF has no host: its family is what its disk format suggests, with
// no per-VM limits of its own to respect.
function unplacedProfile(vm: VmDescriptor): HypervisorProfile {
  return {
    hypervisor: vm.sourceHypervisor,
    hypervisorVersion: '',
    maxVcpusPerVm: Number.MAX_SAFE_INTEGER,
    maxMemoryMibPerVm: Number.MAX_SAFE_INTEGER,
    diskFormats: [vm.diskFormat],
    liveMigration: false,
    cpuHotplug: false,
    memoryHotplug: false,
    snapshots: false,
    sharedStorageRequiredForLiveMigration: false,
    driver: '',
  };
}

/**
 * The interoperability check of a VM against what a site offers; `targetHost` narrows the
 * target to one host. A VM not on any host (an OVF) is checked for cold portability only.
 */
export function checkAgainstOffer(
  vm: VmDescriptor,
  sourceProfile: CapabilityProfile | undefined,
  offer: SiteOffer,
  targetHost: string,
  live = false,
): InteropReport {
  const hosts = offer.hosts.filter((h) => !targetHost || h.id === targetHost || h.name === targetHost);
  const allowed = vm.requirements['allowed-countries'];
  const input: InteropInput = {
    vm: {
      id: vm.id,
      name: vm.name,
      vcpus: vm.resources.vcpus,
      memoryMib: vm.resources.memoryMib,
      diskMib: vm.resources.diskMib,
      diskFormat: vm.diskFormat,
      requirements: vm.requirements,
      nics: vm.nics.map((n) => ({ networkId: n.networkId, ip: n.ip, cidr: n.cidr })),
      state: vm.state,
      live,
    },
    source: {
      site: vm.sourceSite,
      hostId: vm.sourceHost,
      profile: sourceProfile ? hypervisorProfile(sourceProfile) : unplacedProfile(vm),
      country: vm.sourceCountry,
      ...(vm.sourceCpuModel ? { hostCpuModel: vm.sourceCpuModel } : {}),
    },
    target: {
      site: offer.site,
      country: offer.country,
      hosts: hosts.map((h) => ({
        hostId: h.id,
        profile: hypervisorProfile(h.profile),
        free: h.free,
        ...(h.cpuModel ? { cpuModel: h.cpuModel } : {}),
        labels: h.labels,
      })),
      networks: offer.networks,
      licences: offer.licences,
      ...(offer.allowedCountries.length ? { allowedCountries: offer.allowedCountries } : {}),
    },
    ...(allowed ? { constraints: { allowedCountries: allowed.split(',').map((c) => c.trim()) } } : {}),
  };
  return checkInterop(input);
}
