import { errors, newId, ReservoirError, type Task } from '@reservoir/runtime';
import { checkBurstResize, guaranteeOf, hasBurst } from '../domain/burst.js';
import { decideReboot } from '../domain/operational.js';
import { checkQuota } from '../domain/quota.js';
import { sub } from '../domain/resources.js';
import { placementTerms, placeVm } from '../domain/scheduler.js';
import type { Vm, VmOperation } from '../domain/vm.js';
import { assertTransition, TRANSIENT, type VmState } from '../domain/vm-state.js';
import type { VeemContext } from './context.js';
import { finalState, stateFromDomain, type OperationRunner } from './operations.js';
import { checkGroupsAgree } from './placement-check.js';
import { checkHostRoom, checkHypervisorLimits } from './resize-fit.js';
import type { SchedulerLoop } from './scheduler-loop.js';
import { checkName } from './validation.js';
import { checkMemory, checkVcpus, draftVm, newVm, takeAddresses, type CreateVm } from './vm-draft.js';
import type { VmWriter } from './vm-writer.js';

export type VmActionName =
  | 'start'
  | 'stop'
  | 'poweroff-hard'
  | 'suspend'
  | 'resume'
  | 'delete'
  | 'reboot'
  | 'hold'
  | 'release'
  | 'undeploy';
export type RecoverMode = 'auto' | 'retry' | 'success' | 'failure' | 'delete';

export interface VmWithTask {
  vm: Vm;
  task?: Task;
}

/** The VM use cases of the VMI: each validates, persists intent with a task, then lets the runner act. */
export class VmCommands {
  constructor(
    private readonly ctx: VeemContext,
    private readonly writer: VmWriter,
    private readonly runner: OperationRunner,
    private readonly scheduler: SchedulerLoop,
  ) {}

  get(id: string): Vm {
    return this.ctx.inv.vm(id);
  }

  async find(id: string): Promise<Vm> {
    const live = this.ctx.inv.vms.get(id);
    if (live) return live;
    const done = await this.ctx.store.getVm(id);
    if (!done) throw errors.notFound('VM', id);
    return done;
  }

  async create(req: CreateVm): Promise<VmWithTask> {
    if (req.requestId) {
      const seen = this.ctx.inv.vmByRequest(req.requestId);
      if (seen) return { vm: seen, ...(seen.taskId ? { task: await this.ctx.tasks.get(seen.taskId) } : {}) };
    }
    const d = draftVm(this.ctx, req);
    checkGroupsAgree('placement', d.organization, d.placement, (name) =>
      this.ctx.inv.group(d.organization, name),
    );
    checkQuota(
      this.ctx.inv.quotas.get(d.organization),
      this.ctx.inv.orgUsage(d.organization),
      1,
      d.resources,
    );

    const now = this.ctx.now();
    const id = newId('vm', now);
    const { nics, leases } = takeAddresses(this.ctx, id, d.networks);
    const task = await this.vmTask({ id, organization: d.organization, owner: d.owner }, 'vm.create');
    const vm = newVm(this.ctx, d, { id, taskId: task.id, nics, now });
    try {
      await this.ctx.store.createVm(vm, leases);
    } catch (e) {
      this.ctx.inv.releaseLeases(id, nics);
      await this.ctx.tasks.fail(task.id, e);
      // A concurrent retry with the same request id won the race: answer with its VM.
      const seen = req.requestId ? this.ctx.inv.vmByRequest(req.requestId) : undefined;
      if (seen) return { vm: seen, ...(seen.taskId ? { task: await this.ctx.tasks.get(seen.taskId) } : {}) };
      throw e;
    }
    this.ctx.inv.putVm(vm);
    this.ctx.events.vmStateChanged({ vm, from: '' });
    if (!d.hold) this.scheduler.enqueue(vm.id);
    return { vm, task };
  }

  /**
   * VMs matching the filter in id (creation) order, a page at a time. `total` counts every match.
   * A small page is selected without sorting every match, so polling a count stays cheap.
   */
  list(filter: {
    organization?: string;
    states?: string[];
    host?: string;
    afterId?: string;
    limit?: number;
  }): { vms: Vm[]; total: number } {
    const states = filter.states?.length ? new Set(filter.states) : undefined;
    let out: Vm[] = [];
    let total = 0;
    for (const vm of this.ctx.inv.vms.values()) {
      if (filter.organization && vm.organization !== filter.organization) continue;
      if (states && !states.has(vm.state)) continue;
      if (filter.host && vm.host !== filter.host && this.ctx.inv.hosts.get(vm.host)?.name !== filter.host)
        continue;
      total++;
      if (filter.afterId && vm.id <= filter.afterId) continue;
      out.push(vm);
    }
    const limit = filter.limit && filter.limit > 0 ? filter.limit : Infinity;
    out = limit <= 64 && out.length > limit ? smallestById(out, limit) : out.sort(byId).slice(0, limit);
    return { vms: out, total };
  }

  vmTask(vm: Pick<Vm, 'id' | 'organization' | 'owner'>, operation: string): Promise<Task> {
    return this.ctx.tasks.create({
      id: newId('task', this.ctx.now()),
      operation,
      targetKind: 'vm',
      targetId: vm.id,
      organization: vm.organization,
      owner: vm.owner,
      site: this.ctx.settings.site,
    });
  }

  /** Begins an operation: one transition persisted with the op and its task, then the runner acts. */
  private async begin(
    vm: Vm,
    op: VmOperation,
    to: VmState,
    operation: string,
    patch: Partial<Vm> = {},
  ): Promise<VmWithTask> {
    if (vm.op && vm.op.kind !== 'deploy') {
      throw errors.precondition(
        `VM ${vm.id} is busy with ${vm.op.kind} (task ${vm.taskId}); wait for it or use recover`,
      );
    }
    if (to !== vm.state) assertTransition(vm.id, vm.state, to);
    const task = await this.vmTask(vm, operation);
    // A deploy still pending is superseded (hold, delete): its task ends as canceled work.
    const supersededTask = vm.op?.kind === 'deploy' ? vm.taskId : '';
    let next: Vm;
    try {
      next = await this.writer.update(vm, { ...patch, op, opFrom: vm.state, taskId: task.id }, { to });
    } catch (e) {
      await this.ctx.tasks.fail(task.id, e);
      throw e;
    }
    if (supersededTask)
      await this.ctx.tasks.fail(
        supersededTask,
        new ReservoirError('CANCELLED', `superseded by ${operation}`),
      );
    if (to === 'pending') this.scheduler.enqueue(vm.id);
    else void this.runner.drive(vm.id);
    return { vm: next, task: await this.ctx.tasks.get(task.id) };
  }

  /** Ends a VM's life at once when it holds nothing on any host. */
  private async finishNow(
    vm: Vm,
    to: VmState,
    operation: string,
    patch: Partial<Vm> = {},
  ): Promise<VmWithTask> {
    const oldTask = vm.taskId;
    const task = await this.vmTask(vm, operation);
    const next = await this.writer.update(
      vm,
      { ...patch, op: undefined, opFrom: '', taskId: '' },
      { to, force: true },
    );
    if (oldTask)
      await this.ctx.tasks.fail(oldTask, new ReservoirError('CANCELLED', `superseded by ${operation}`));
    return { vm: next, task: await this.ctx.tasks.succeed(task.id, to === 'done' ? 'deleted' : to) };
  }

  async act(id: string, action: VmActionName): Promise<VmWithTask> {
    const vm = this.get(id);
    const busy = vm.op && vm.op.kind !== 'deploy';
    const stateError = () =>
      errors.precondition(`VM ${vm.id} is ${vm.state}; ${action} is not possible from there`);
    if (busy)
      throw errors.precondition(
        `VM ${vm.id} is busy with ${vm.op!.kind} (task ${vm.taskId}); wait for it or use recover`,
      );
    switch (action) {
      case 'start':
        if (vm.state === 'poweroff') return this.begin(vm, { kind: 'start' }, 'boot', 'vm.start');
        if (vm.state === 'stopped') return this.begin(vm, { kind: 'deploy' }, 'pending', 'vm.start');
        if (vm.state === 'suspended') return this.begin(vm, { kind: 'resume' }, 'boot', 'vm.start');
        throw stateError();
      case 'resume':
        if (vm.state === 'suspended') return this.begin(vm, { kind: 'resume' }, 'boot', 'vm.resume');
        if (vm.state === 'stopped') return this.begin(vm, { kind: 'deploy' }, 'pending', 'vm.resume');
        throw stateError();
      case 'stop':
      case 'poweroff-hard':
        if (vm.state !== 'running') throw stateError();
        return this.begin(vm, { kind: 'stop', hard: action === 'poweroff-hard' }, 'shutdown', `vm.${action}`);
      case 'suspend':
        if (vm.state !== 'running') throw stateError();
        return this.begin(vm, { kind: 'suspend' }, 'saving', 'vm.suspend');
      case 'undeploy':
        if (vm.state !== 'running') throw stateError();
        return this.begin(vm, { kind: 'undeploy' }, 'saving', 'vm.undeploy');
      case 'reboot':
        if (vm.state !== 'running') throw stateError();
        return this.begin(vm, { kind: 'reboot' }, 'running', 'vm.reboot');
      case 'hold':
        if (vm.state !== 'pending') throw stateError();
        return this.finishNow(vm, 'hold', 'vm.hold', { reason: 'on hold until released' });
      case 'release':
        if (vm.state !== 'hold') throw stateError();
        return this.begin(vm, { kind: 'deploy' }, 'pending', 'vm.release', { reason: '' });
      case 'delete':
        switch (vm.state) {
          case 'pending':
          case 'hold':
          case 'stopped':
            return this.finishNow(vm, 'done', 'vm.delete');
          case 'running':
            return this.begin(vm, { kind: 'delete' }, 'shutdown', 'vm.delete');
          case 'poweroff':
          case 'suspended':
          case 'unknown':
          case 'failed':
            if (!vm.host) return this.finishNow(vm, 'done', 'vm.delete');
            return this.begin(vm, { kind: 'delete' }, 'epilog', 'vm.delete');
          default:
            throw errors.precondition(
              `VM ${vm.id} is ${vm.state} (an operation is in progress); wait for it or use recover --mode delete`,
            );
        }
    }
  }

  async migrate(id: string, targetHost: string | undefined, live: boolean): Promise<VmWithTask> {
    const vm = this.get(id);
    if (!['running', 'poweroff', 'suspended'].includes(vm.state) || vm.op) {
      throw errors.precondition(
        `VM ${vm.id} is ${vm.state}${vm.op ? ` and busy with ${vm.op.kind}` : ''}; only a settled running, poweroff or suspended VM can migrate`,
      );
    }
    if (live && vm.state !== 'running')
      throw errors.precondition(`VM ${vm.id} is ${vm.state}; live migration needs a running VM`);
    const source = this.ctx.inv.host(vm.host);
    if (live && !source.profile.liveMigration)
      throw errors.precondition(`host ${source.name} (${source.profile.hypervisor}) cannot live-migrate`);
    const views = this.ctx.inv.hostViews();
    let targetId: string;
    if (targetHost) {
      const target = this.ctx.inv.host(targetHost);
      if (target.id === source.id)
        throw errors.invalid('target_host', `VM ${vm.id} already runs on ${source.name}`);
      if (live && target.profile.hypervisor !== source.profile.hypervisor) {
        throw errors.precondition(
          `live migration from ${source.profile.hypervisor} to ${target.profile.hypervisor} is not possible; use a cold move between hypervisor kinds`,
        );
      }
      // An administrator's explicit target overrides a "host" requirement, not the others.
      const { host: _pin, ...requirements } = vm.requirements;
      const r = placeVm(
        {
          vmId: vm.id,
          demand: vm.resources,
          diskFormat: vm.diskFormat,
          requirements,
          ...placementTerms(vm),
          // By name, which the refusal then names (names are unique).
          onlyHost: target.name,
        },
        views,
        'packing',
      );
      if (!r.ok) throw errors.exhausted(r.reason);
      targetId = target.id;
    } else {
      const requirements = live
        ? { ...vm.requirements, hypervisor: source.profile.hypervisor }
        : vm.requirements;
      const r = placeVm(
        {
          vmId: vm.id,
          demand: vm.resources,
          diskFormat: vm.diskFormat,
          requirements,
          ...placementTerms(vm),
          exclude: new Set([source.id]),
        },
        views,
        this.ctx.settings.scheduler.policy,
      );
      if (!r.ok) throw errors.exhausted(r.reason);
      targetId = r.hostId;
    }
    return this.begin(
      vm,
      { kind: 'migrate', target: targetId, live, resumeState: vm.state },
      'migrating',
      live ? 'vm.migrate-live' : 'vm.migrate',
      {
        migrationTarget: targetId,
      },
    );
  }

  /**
   * Stops a VM's migration before its switch-over; the VM stays where it was, as it was. Answers
   * once the migration's task has ended (canceled, or succeeded when the move was already done).
   */
  async cancelMigration(id: string): Promise<VmWithTask> {
    const vm = this.get(id);
    if (vm.state !== 'migrating' || vm.op?.kind !== 'migrate')
      throw errors.precondition(`VM ${vm.id} is ${vm.state}; only a migrating VM's move can be canceled`);
    const taskId = vm.taskId;
    await this.runner.cancelMigration(vm);
    const task = taskId ? await this.ctx.tasks.waitFor(taskId, AbortSignal.timeout(120_000)) : undefined;
    return { vm: await this.find(id), ...(task ? { task } : {}) };
  }

  /**
   * Resizes CPU and memory the same way on every hypervisor: hot where the host can, else with a
   * reboot when the caller allows it and the VM's operational requirements do not forbid it.
   */
  async resize(
    id: string,
    vcpus: number,
    memoryMib: number,
    options: { allowReboot?: boolean } = {},
  ): Promise<VmWithTask> {
    const vm = this.get(id);
    const want = { vcpus: vcpus || vm.resources.vcpus, memoryMib: memoryMib || vm.resources.memoryMib };
    checkVcpus('vcpus', want.vcpus);
    checkMemory('memory_mib', want.memoryMib);
    checkBurstResize(vm, want);
    const newRes = { ...vm.resources, ...want };
    const delta = sub(newRes, vm.resources);
    checkQuota(this.ctx.inv.quotas.get(vm.organization), this.ctx.inv.orgUsage(vm.organization), 0, delta);
    if (!vm.host || !['running', 'poweroff'].includes(vm.state)) {
      if (['pending', 'hold', 'stopped'].includes(vm.state)) {
        // A burst needs a host with room now; placement reserves the guarantee only.
        const g = guaranteeOf(vm);
        if (hasBurst(vm.burst) && (want.vcpus > g.vcpus || want.memoryMib > g.memoryMib))
          throw errors.precondition(`VM ${vm.id} is ${vm.state}; it can burst only once placed on a host`);
        // Not on a host: the new size applies when it is placed.
        const next = await this.writer.update(vm, { resources: newRes });
        return { vm: next };
      }
      throw errors.precondition(
        `VM ${vm.id} is ${vm.state}; resize needs it running, powered off, or not yet placed`,
      );
    }
    const host = this.ctx.inv.host(vm.host);
    checkHypervisorLimits(host, want);
    const reboot = vm.state === 'running' && decideReboot(vm, host, want, !!options.allowReboot);
    checkHostRoom(vm, host, want, delta, this.ctx.inv.usedOn(host.id));
    if (reboot)
      return this.begin(
        vm,
        { kind: 'resize', vcpus: want.vcpus, memoryMib: want.memoryMib, reboot: true },
        'shutdown',
        'vm.resize-reboot',
      );
    return this.begin(
      vm,
      { kind: 'resize', vcpus: want.vcpus, memoryMib: want.memoryMib },
      vm.state,
      'vm.resize',
    );
  }

  async snapshot(id: string, name: string, revert: boolean): Promise<VmWithTask> {
    const vm = this.get(id);
    checkName('name', name);
    if (!['running', 'poweroff'].includes(vm.state))
      throw errors.precondition(`VM ${vm.id} is ${vm.state}; snapshots need it running or powered off`);
    if (revert && !vm.snapshots.includes(name)) throw errors.notFound(`snapshot of VM ${vm.id}`, name);
    const host = this.ctx.inv.host(vm.host);
    if (!host.profile.snapshots)
      throw errors.precondition(`${host.profile.hypervisor} on ${host.name} does not support snapshots`);
    return this.begin(
      vm,
      revert ? { kind: 'revert', name } : { kind: 'snapshot', name },
      vm.state,
      revert ? 'vm.revert' : 'vm.snapshot',
    );
  }

  /**
   * The operator's way out of a stuck or failed VM. auto asks the host what is true; retry runs the
   * interrupted operation again; success / failure decide its outcome; delete removes the VM.
   */
  async recover(id: string, mode: RecoverMode): Promise<VmWithTask> {
    const vm = this.get(id);
    const task = await this.vmTask(vm, `vm.recover-${mode}`);
    try {
      const next = await this.recoverAs(vm, mode);
      return { vm: next, task: await this.ctx.tasks.succeed(task.id, `recovered: ${next.state}`) };
    } catch (e) {
      await this.ctx.tasks.fail(task.id, e);
      throw e;
    }
  }

  private async recoverAs(vm: Vm, mode: RecoverMode): Promise<Vm> {
    const oldTask = vm.taskId;
    const endOld = async (ok: boolean, message: string) => {
      if (!oldTask) return;
      if (ok) await this.ctx.tasks.succeed(oldTask, message);
      else await this.ctx.tasks.fail(oldTask, new ReservoirError('ABORTED', message));
    };
    const clear = { op: undefined, opFrom: '' as const, taskId: '', migrationTarget: '' };
    switch (mode) {
      case 'auto': {
        if (!vm.host) {
          const next = await this.writer.update(
            vm,
            { ...clear, op: { kind: 'deploy' } },
            { to: 'pending', force: true, reason: 'recovered: redeploy' },
          );
          await endOld(false, 'recovered by redeploying');
          this.scheduler.enqueue(vm.id);
          return next;
        }
        const host = this.ctx.inv.host(vm.host);
        const d = await this.runner.call(host, 'get domain', (a, h) => a.getDomain(h, vm.id));
        // A VM caught mid-migration may already live on its target.
        if (vm.migrationTarget) {
          const target = this.ctx.inv.hosts.get(vm.migrationTarget);
          const t = target
            ? await this.runner.call(target, 'get domain', (a, h) => a.getDomain(h, vm.id))
            : undefined;
          if (t && t.state !== 'incoming' && !d) {
            const next = await this.writer.update(
              vm,
              { ...clear, host: target!.id },
              { to: stateFromDomain(t), force: true, reason: 'recovered from host' },
            );
            await endOld(true, 'recovered: migration had completed');
            return next;
          }
          if (target && t?.state === 'incoming')
            await this.runner.call(target, 'abort incoming', (a, h) => a.abortIncoming(h, vm.id));
        }
        const to = stateFromDomain(d);
        const next = await this.writer.update(vm, clear, {
          to,
          force: true,
          reason: d ? 'recovered from host' : 'recovered: the host has no such domain',
        });
        await endOld(false, `recovered: ${to}`);
        return next;
      }
      case 'retry': {
        if (!vm.op) throw errors.precondition(`VM ${vm.id} has no operation to retry`);
        const from =
          vm.state === 'failed' || vm.state === 'unknown' ? vm.previousState || vm.opFrom : vm.state;
        const to = (from || 'pending') as VmState;
        const next = await this.writer.update(vm, to === 'pending' ? { host: '' } : {}, {
          to,
          force: true,
          reason: '',
        });
        if (to === 'pending') this.scheduler.enqueue(vm.id);
        else void this.runner.drive(vm.id);
        return next;
      }
      case 'success': {
        if (!vm.op) throw errors.precondition(`VM ${vm.id} has no operation to declare succeeded`);
        const to = finalState(vm.op, vm);
        const patch: Partial<Vm> = { ...clear };
        if (vm.op.kind === 'migrate') patch.host = vm.op.target;
        if (vm.op.kind === 'resize' && !vm.op.error)
          patch.resources = { ...vm.resources, vcpus: vm.op.vcpus, memoryMib: vm.op.memoryMib };
        if (to === 'stopped') patch.host = '';
        const next = await this.writer.update(vm, patch, {
          to,
          force: true,
          reason: 'recovered: declared succeeded',
        });
        await endOld(true, 'declared succeeded by recover');
        return next;
      }
      case 'failure': {
        if (!vm.op) throw errors.precondition(`VM ${vm.id} has no operation to declare failed`);
        const to: VmState = vm.opFrom && !TRANSIENT.has(vm.opFrom) ? vm.opFrom : 'failed';
        const next = await this.writer.update(vm, clear, {
          to,
          force: true,
          reason: 'recovered: declared failed',
        });
        await endOld(false, 'declared failed by recover');
        return next;
      }
      case 'delete': {
        if (vm.host) {
          for (const hid of [vm.host, vm.migrationTarget].filter(Boolean)) {
            const h = this.ctx.inv.hosts.get(hid);
            if (h)
              await this.runner
                .call(h, 'destroy', (a, x) => a.destroyDomain(x, vm.id))
                .catch((e: unknown) => {
                  this.ctx.logger.warn(
                    { vm: vm.id, host: h.name, err: (e as Error).message },
                    'recover delete: destroy failed; removing the VM anyway',
                  );
                });
          }
        }
        const next = await this.writer.update(vm, clear, {
          to: 'done',
          force: true,
          reason: 'recovered: deleted',
        });
        await endOld(false, 'deleted by recover');
        return next;
      }
    }
  }
}

const byId = (a: Vm, b: Vm) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The k VMs with the smallest ids, in order: O(n·k) instead of sorting all n. */
function smallestById(vms: Vm[], k: number): Vm[] {
  const best: Vm[] = [];
  for (const vm of vms) {
    if (best.length === k && vm.id >= best[k - 1]!.id) continue;
    let i = best.length;
    while (i > 0 && best[i - 1]!.id > vm.id) i--;
    best.splice(i, 0, vm);
    if (best.length > k) best.pop();
  }
  return best;
}
