import { errors } from '@reservoir/runtime';
import { parseOvf } from '@reservoir/ovf';
import type { Vm } from '../../domain/vm.js';
import type { VeemContext } from '../context.js';
import type { VmDescriptor } from './types.js';

/** A VM of this site as its partners see it. */
export function describeVm(ctx: VeemContext, vm: Vm, country: string): VmDescriptor {
  const host = vm.host ? ctx.inv.hosts.get(vm.host) : undefined;
  return {
    id: vm.id,
    name: vm.name,
    resources: { ...vm.resources },
    diskFormat: vm.diskFormat,
    // What the VM was promised (operational requirements), not the host labels it asks for.
    requirements: { ...(vm.operationalRequirements ?? {}) },
    labels: { ...vm.labels },
    context: { ...(vm.context ?? {}) },
    nics: vm.nics.map((n) => {
      const net = ctx.inv.networks().find((x) => x.id === n.networkId);
      return { networkId: n.networkId, networkName: net?.name ?? '', ip: n.ip, cidr: net?.cidr ?? '' };
    }),
    state: vm.state,
    organization: vm.organization,
    owner: vm.owner,
    sourceSite: ctx.settings.site,
    sourceHost: vm.host,
    sourceHypervisor: host?.profile.hypervisor ?? '',
    sourceCountry: country,
    sourceCpuModel: host?.labels['cpu-model'] ?? '',
  };
}

// OVF names disk formats by URI; these are the ones vendors write (DSP0243 leaves them open).
const FORMAT_HINTS: readonly [RegExp, string, string][] = [
  [/vmdk/i, 'vmdk', 'vmware'],
  [/vhdx/i, 'vhdx', 'hyperv'],
  [/vhd|virtualserver|bb676673/i, 'vpc', 'hyperv'],
  [/qcow/i, 'qcow2', 'kvm'],
  [/vdi|virtualbox/i, 'vdi', 'kvm'],
  [/raw/i, 'raw', 'kvm'],
];

/** The first virtual system of an OVF descriptor, as a VM that does not exist yet. */
export function describeOvf(text: string, file: string, country: string): VmDescriptor {
  const model = parseOvf(text, file);
  const vs = model.virtualSystems[0];
  if (!vs) throw errors.invalid('ovf', `${file}: no VirtualSystem`);
  if (!vs.cpus) throw errors.invalid('ovf', `${file}: VirtualSystem ${vs.id} declares no CPU count`);
  if (!vs.memoryMiB) throw errors.invalid('ovf', `${file}: VirtualSystem ${vs.id} declares no memory`);
  const disk = vs.disks[0];
  const hint = FORMAT_HINTS.find(([re]) => re.test(disk?.format ?? ''));
  const diskMib = vs.disks.reduce((sum, d) => sum + Math.ceil((d.capacityBytes ?? 0) / 2 ** 20), 0);
  return {
    id: '',
    name: vs.name || vs.id,
    resources: { vcpus: vs.cpus, memoryMib: vs.memoryMiB, diskMib },
    diskFormat: hint?.[1] ?? 'raw',
    requirements: {},
    labels: {},
    context: {},
    nics: Array.from({ length: vs.nics }, () => ({ networkId: '', networkName: '', ip: '', cidr: '' })),
    state: 'defined',
    organization: '',
    owner: '',
    sourceSite: '',
    sourceHost: '',
    sourceHypervisor: hint?.[2] ?? '',
    sourceCountry: country,
    sourceCpuModel: '',
  };
}
