import type { Host } from '../domain/host.js';
import type { Vm } from '../domain/vm.js';
import type { DomainSpec } from './ports.js';

/** What a host agent is asked to run for a VM; the VM id is the domain's identity on every host. */
export function domainSpec(vm: Vm, host: Host, site: string): DomainSpec {
  // A blank disk takes the host's preferred format; an image keeps its own.
  const format = vm.diskFormat || host.profile.diskFormats[0] || 'raw';
  return {
    vmId: vm.id,
    name: vm.name,
    resources: vm.resources,
    disks:
      vm.resources.diskMib > 0 || vm.imageId
        ? [{ id: 'disk0', imageId: vm.imageId, format, sizeMib: vm.resources.diskMib }]
        : [],
    nics: vm.nics.map((n, i) => ({ id: `nic${i}`, networkId: n.networkId, ip: n.ip, mac: n.mac })),
    context: {
      ...vm.context,
      'reservoir.site': site,
      'reservoir.vm.id': vm.id,
      'reservoir.vm.name': vm.name,
      'reservoir.organization': vm.organization,
    },
  };
}
