import { errors, newId } from '@reservoir/runtime';
import type { Lease } from '../domain/network.js';
import type { PlacementGroup } from '../domain/placement.js';
import { checkQuota } from '../domain/quota.js';
import { add, ZERO } from '../domain/resources.js';
import type { Vm, VmNic } from '../domain/vm.js';
import type { VeemContext } from './context.js';
import { checkGroupsAgree } from './placement-check.js';
import type { VmSet } from './ports.js';
import type { SchedulerLoop } from './scheduler-loop.js';
import type { VmCommands, VmWithTask } from './vm-commands.js';
import {
  DEFAULT_ORG,
  DEFAULT_OWNER,
  draftVm,
  newVm,
  takeAddresses,
  type CreateVm,
  type VmDraft,
} from './vm-draft.js';

export interface CreateVmSet {
  vms: CreateVm[];
  requestId?: string;
  organization?: string;
  owner?: string;
}

export interface VmRefusal {
  name: string;
  reasons: string[];
}

export interface VmSetResult {
  accepted: boolean;
  /** The set's id when accepted. */
  setId: string;
  vms: VmWithTask[];
  refusals: VmRefusal[];
}

/** One placer call takes the whole set. */
export const MAX_SET_SIZE = 512;

/**
 * Admission of a whole service (CreateVmSet): every member is placed, or none is created. The
 * placer decides for the set as one all-or-nothing group while no scheduler pass runs; the
 * members are then created pinned to the hosts it chose, and the next pass (which takes pinned
 * VMs first) dispatches them.
 */
export class VmSetAdmission {
  constructor(
    private readonly ctx: VeemContext,
    private readonly commands: VmCommands,
    private readonly scheduler: SchedulerLoop,
  ) {}

  async create(req: CreateVmSet): Promise<VmSetResult> {
    if (req.vms.length === 0) throw errors.invalid('vms', 'must hold at least one VM');
    if (req.vms.length > MAX_SET_SIZE)
      throw errors.invalid('vms', `${req.vms.length} VMs; a set holds at most ${MAX_SET_SIZE}`);
    const organization = req.organization || DEFAULT_ORG;
    const owner = req.owner || DEFAULT_OWNER;
    const names = new Map<string, number>();
    const defined = new Map<string, PlacementGroup>();
    const drafts = req.vms.map((m, i) => {
      const f = `vms[${i}]`;
      if (m.requestId)
        throw errors.invalid(`${f}.request_id`, 'the VMs of a set share the request_id of the set');
      if (m.hold) throw errors.invalid(`${f}.hold`, 'a set is placed when admitted; its VMs cannot be held');
      if (m.organization && m.organization !== organization)
        throw errors.invalid(`${f}.organization`, `must be empty or the set's organization, ${organization}`);
      if (m.owner && m.owner !== owner)
        throw errors.invalid(`${f}.owner`, `must be empty or the set's owner, ${owner}`);
      const d = draftVm(this.ctx, { ...m, organization, owner }, f);
      const twin = names.get(d.name);
      if (twin !== undefined)
        throw errors.invalid(`${f}.name`, `"${d.name}" is already the name of vms[${twin}]`);
      names.set(d.name, i);
      checkGroupsAgree(
        `${f}.placement`,
        organization,
        d.placement,
        (name) => defined.get(name) ?? this.ctx.inv.group(organization, name),
      );
      for (const g of d.placement?.groups ?? []) if (!defined.has(g.name)) defined.set(g.name, g);
      return d;
    });
    const total = drafts.reduce((sum, d) => add(sum, d.resources), ZERO);
    checkQuota(
      this.ctx.inv.quotas.get(organization),
      this.ctx.inv.orgUsage(organization),
      drafts.length,
      total,
    );
    return this.scheduler.exclusive(() => this.admit(req.requestId ?? '', organization, owner, drafts));
  }

  private async admit(
    requestId: string,
    organization: string,
    owner: string,
    drafts: VmDraft[],
  ): Promise<VmSetResult> {
    if (requestId) {
      const seen = await this.ctx.store.getVmSetByRequest(requestId);
      if (seen) return this.answer(seen);
    }
    const now = this.ctx.now();
    const setId = newId('set', now);
    const vms = drafts.map((d) =>
      newVm(
        this.ctx,
        {
          ...d,
          placement: {
            groups: [],
            allowedHosts: [],
            forbiddenHosts: [],
            allowedLabels: {},
            ...d.placement,
            setId,
          },
        },
        { id: newId('vm', now), taskId: '', nics: [], now },
      ),
    );
    const outcome = await this.scheduler.placer.place(this.scheduler.passFor(vms));
    if (vms.some((v) => !outcome.assignment.has(v.id))) {
      return {
        accepted: false,
        setId: '',
        vms: [],
        refusals: vms
          .filter((v) => !outcome.assignment.has(v.id))
          .map((v) => ({ name: v.name, reasons: outcome.unplaced.get(v.id) ?? ['not placed'] })),
      };
    }

    const nics = new Map<string, VmNic[]>();
    const leases: Lease[] = [];
    const release = () => {
      for (const [id, n] of nics) this.ctx.inv.releaseLeases(id, n);
    };
    try {
      vms.forEach((vm, i) => {
        const taken = takeAddresses(this.ctx, vm.id, drafts[i]!.networks);
        nics.set(vm.id, taken.nics);
        leases.push(...taken.leases);
      });
    } catch (e) {
      release();
      throw e;
    }
    const tasks = await Promise.all(vms.map((vm) => this.commands.vmTask(vm, 'vm.create')));
    const created: Vm[] = vms.map((vm, i) => ({
      ...vm,
      nics: nics.get(vm.id) ?? [],
      deployHost: outcome.assignment.get(vm.id)!,
      taskId: tasks[i]!.id,
    }));
    const set: VmSet = {
      id: setId,
      organization,
      owner,
      requestId,
      vmIds: created.map((v) => v.id),
      createdAtMs: now,
    };
    try {
      await this.ctx.store.createVmSet(set, created, leases);
    } catch (e) {
      release();
      await Promise.all(tasks.map((t) => this.ctx.tasks.fail(t.id, e)));
      throw e;
    }
    for (const vm of created) {
      this.ctx.inv.putVm(vm);
      this.ctx.events.vmStateChanged({ vm, from: '' });
      this.scheduler.enqueue(vm.id);
    }
    return {
      accepted: true,
      setId,
      vms: created.map((vm, i) => ({ vm, task: tasks[i]! })),
      refusals: [],
    };
  }

  /** A retried request: the VMs the set admitted, as they are now, with their current tasks. */
  private async answer(set: VmSet): Promise<VmSetResult> {
    const vms = await Promise.all(
      set.vmIds.map(async (id): Promise<VmWithTask | undefined> => {
        const vm = this.ctx.inv.vms.get(id) ?? (await this.ctx.store.getVm(id));
        if (!vm) return undefined;
        return vm.taskId ? { vm, task: await this.ctx.tasks.get(vm.taskId) } : { vm };
      }),
    );
    return {
      accepted: true,
      setId: set.id,
      vms: vms.filter((v): v is VmWithTask => !!v),
      refusals: [],
    };
  }
}
