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
      // A deleted VM ("done") keeps its size and labels: its events may come after it is gone.
      const vm = await this.client.getVm({ id: vmId });
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

  async inStates(states: readonly string[]) {
    const { vms } = await this.client.listVms({ states: [...states], pageSize: 0 });
    return new Map(vms.map((v) => [v.id ?? '', Number(v.stateSinceMs)]));
  }

  close(): void {
    this.client.close();
  }
}
