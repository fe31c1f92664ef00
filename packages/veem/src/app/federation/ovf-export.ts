import { parseOvf, writeOvf } from '@reservoir/ovf';
import { errors } from '@reservoir/runtime';
import type { VmDescriptor } from './types.js';

// The disk format URIs vendors write in OVF DiskSections (DSP0243 leaves the set open).
export const OVF_DISK_FORMATS: Readonly<Record<string, string>> = {
  vmdk: 'http://www.vmware.com/interfaces/specifications/vmdk.html#sparse',
  qcow2: 'http://www.gnome.org/~markmc/qcow-image-format.html',
  raw: 'urn:reservoir:disk-format:raw',
  vpc: 'http://technet.microsoft.com/en-us/virtualserver/bb676673.aspx',
  vhdx: 'http://www.microsoft.com/en-us/download/details.aspx?id=34750#vhdx',
  vdi: 'http://www.virtualbox.org/manual/ch05.html#vdi',
};

/** An OVF 1.x descriptor of a VM whose disk is `diskFile` in `format`. */
export function vmOvf(
  vm: VmDescriptor,
  diskFile: string,
  format: string,
  fileBytes: number,
  capacityBytes: number,
): string {
  const networks = [...new Set(vm.nics.map((n) => n.networkName || 'default'))];
  return writeOvf({
    references: [{ id: 'file1', href: diskFile, size: fileBytes }],
    disks: [{ diskId: 'disk1', capacityBytes, format: OVF_DISK_FORMATS[format] ?? format, fileRef: 'file1' }],
    networks: networks.map((name) => ({ name, description: `network ${name}` })),
    content: {
      kind: 'VirtualSystem',
      id: vm.name,
      name: vm.name,
      osType: '',
      cpus: vm.resources.vcpus,
      memoryMiB: vm.resources.memoryMib,
      diskIds: ['disk1'],
      nicNetworks: vm.nics.map((n) => n.networkName || 'default'),
      properties: [],
    },
  });
}

/** Reads a written descriptor back: what the target would import must describe the same VM. */
export function checkOvfConsistent(text: string, vm: VmDescriptor): void {
  const model = parseOvf(text, `${vm.name}.ovf`);
  const vs = model.virtualSystems[0];
  if (!vs) throw errors.invalid('ovf', 'the exported descriptor has no VirtualSystem');
  if (vs.cpus !== vm.resources.vcpus || vs.memoryMiB !== vm.resources.memoryMib)
    throw errors.invalid(
      'ovf',
      `the exported descriptor says ${vs.cpus} vCPUs / ${vs.memoryMiB} MiB, the VM has ${vm.resources.vcpus} / ${vm.resources.memoryMib}`,
    );
}
