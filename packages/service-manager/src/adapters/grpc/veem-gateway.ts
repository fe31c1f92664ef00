import type { reservoir } from '@reservoir/contracts';
import { isReservoirError } from '@reservoir/runtime';
import { ACTION_TO_PB, vmiClient, type VmiClient } from '@reservoir/veem';
import type { CreateInstanceVm, VeemHostUse, VeemPort, VeemVm } from '../../app/ports.js';

type PbVm = reservoir.veem.v1.IVm;

function vmFromPb(vm: PbVm): VeemVm {
  return {
    id: vm.id ?? '',
    state: vm.state ?? '',
    host: vm.host ?? '',
    reason: vm.reason ?? '',
    addresses: Object.fromEntries((vm.nics ?? []).map((n) => [n.networkId ?? '', n.ip ?? ''])),
  };
}

const isNotFound = (e: unknown) => isReservoirError(e) && e.code === 'NOT_FOUND';

/** The SM's view of its site's VEEM, over the VMI gRPC services. */
export class GrpcVeemGateway implements VeemPort {
  private readonly c: VmiClient;

  constructor(address: string) {
    this.c = vmiClient(address);
  }

  async createVm(req: CreateInstanceVm): Promise<VeemVm> {
    const r = await this.c.vms.createVm({
      name: req.name,
      resources: { vcpus: req.vcpus, memoryMib: req.memoryMib, diskMib: req.diskMib },
      imageId: req.imageId,
      networkIds: req.networkIds,
      labels: req.labels,
      context: req.context,
      requestId: req.requestId,
      organization: req.organization,
      owner: req.owner,
      ...(req.placement
        ? {
            placement: {
              groups: req.placement.groups.map((g) => ({
                name: g.name,
                type: g.type,
                scope: g.scope,
                hard: !g.soft,
              })),
            },
          }
        : {}),
    });
    return vmFromPb(r.vm ?? {});
  }

  async getVm(id: string): Promise<VeemVm | undefined> {
    try {
      const vm = vmFromPb(await this.c.vms.getVm({ id }));
      return vm.state === 'done' ? undefined : vm;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async deleteVm(id: string): Promise<void> {
    try {
      await this.c.vms.actOnVm({ id, action: ACTION_TO_PB.delete });
    } catch (e) {
      if (isNotFound(e)) return;
      // A VM already being deleted (or done) refuses a second delete: nothing left to do.
      if (isReservoirError(e) && e.code === 'FAILED_PRECONDITION') {
        const vm = await this.c.vms.getVm({ id }).catch(() => undefined);
        if (vm === undefined || vm.state === 'done') return;
        // A delete asked before a restart may still be under way: its task says so.
        const task = vm.taskId
          ? await this.c.tasks.getTask({ id: vm.taskId }).catch(() => undefined)
          : undefined;
        if (task?.operation === 'vm.delete') return;
      }
      throw e;
    }
  }

  async actOnVm(id: string, action: 'suspend' | 'resume'): Promise<void> {
    const vm = await this.getVm(id);
    if (!vm) return;
    if ((action === 'suspend' && vm.state === 'suspended') || (action === 'resume' && vm.state === 'running'))
      return;
    await this.c.vms.actOnVm({ id, action: ACTION_TO_PB[action] });
  }

  async findNetwork(name: string, organization: string): Promise<string | undefined> {
    const r = await this.c.networks.listNetworks({ organization });
    return r.networks?.find((n) => n.name === name)?.id ?? undefined;
  }

  async ensureNetwork(req: {
    name: string;
    cidr: string;
    organization: string;
    scope: 'vapp' | 'organization';
  }): Promise<{ id: string; created: boolean }> {
    const existing = await this.findNetwork(req.name, req.organization);
    if (existing) return { id: existing, created: false };
    const n = await this.c.networks.createNetwork({
      name: req.name,
      cidr: req.cidr,
      organization: req.organization,
      scope: req.scope,
    });
    return { id: n.id ?? '', created: true };
  }

  async deleteNetwork(id: string): Promise<void> {
    try {
      await this.c.networks.deleteNetwork({ id });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  async findImage(name: string, organization: string): Promise<{ id: string; sizeMib: number } | undefined> {
    const r = await this.c.images.listImages({ organization });
    const i = r.images?.find((img) => img.name === name || img.id === name);
    return i ? { id: i.id ?? '', sizeMib: i.sizeMib ?? 0 } : undefined;
  }

  async listHosts(): Promise<VeemHostUse[]> {
    const r = await this.c.hosts.listHosts({});
    return (r.hosts ?? []).map((h) => {
      const oc = h.overcommit ?? {};
      const cap = h.capacity ?? {};
      const used = h.used ?? {};
      return {
        id: h.id ?? '',
        name: h.name ?? '',
        state: h.state ?? '',
        // What placement may allocate: capacity times the host's overcommit ratios.
        capacity: {
          vcpus: Math.floor((cap.vcpus ?? 0) * (oc.cpu || 1)),
          memoryMib: Math.floor((cap.memoryMib ?? 0) * (oc.memory || 1)),
          diskMib: Math.floor((cap.diskMib ?? 0) * (oc.disk || 1)),
        },
        used: { vcpus: used.vcpus ?? 0, memoryMib: used.memoryMib ?? 0, diskMib: used.diskMib ?? 0 },
        labels: h.labels ?? {},
      };
    });
  }

  close(): void {
    this.c.close();
  }
}
