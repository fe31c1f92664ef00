import { VmServiceDefinition } from '@reservoir/contracts';
import { createClient, isReservoirError, type ClosableClient } from '@reservoir/runtime';
import type { VmLookup } from '../../app/vm-usage-collector.js';

/** The VMs of a site, read from its VEEM over the VMI. */
export class VmiVmLookup implements VmLookup {
  private readonly client: ClosableClient<typeof VmServiceDefinition>;

  constructor(address: string, deadlineMs = 10_000) {
    this.client = createClient(VmServiceDefinition, address, { deadlineMs });
  }

  async vm(vmId: string) {
    try {
      const vm = await this.client.getVm({ id: vmId });
      if (vm.state === 'done') return undefined;
      return {
        organization: vm.organization ?? '',
        labels: { ...(vm.labels ?? {}) },
        vcpus: vm.resources?.vcpus ?? 0,
        memoryMib: vm.resources?.memoryMib ?? 0,
        diskMib: vm.resources?.diskMib ?? 0,
      };
    } catch (e) {
      if (isReservoirError(e) && e.code === 'NOT_FOUND') return undefined;
      throw e;
    }
  }

  close(): void {
    this.client.close();
  }
}
