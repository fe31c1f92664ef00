import { placeVm } from '../domain/scheduler.js';
import type { Vm } from '../domain/vm.js';
import type { VeemContext } from './context.js';
import type { OperationRunner } from './operations.js';
import type { VmWriter } from './vm-writer.js';

/**
 * Places pending VMs: on every new request (coalesced into one pass per tick) and periodically,
 * since capacity freed elsewhere can make a waiting VM fit. A VM that fits nowhere keeps its
 * reason, so `vm show` always says why it is pending.
 */
export class SchedulerLoop {
  private timer: NodeJS.Timeout | undefined;
  private queued = false;
  /** Set when VMs arrive during a pass, so another pass follows at once instead of at the next tick. */
  private arrived = false;
  private running: Promise<void> | undefined;
  private readonly pending = new Set<string>();
  private cursor = 0;

  constructor(
    private readonly ctx: VeemContext,
    private readonly writer: VmWriter,
    private readonly runner: OperationRunner,
  ) {}

  start(): void {
    for (const vm of this.ctx.inv.vms.values()) if (vm.state === 'pending') this.pending.add(vm.id);
    this.timer = setInterval(() => this.kick(), this.ctx.settings.scheduler.intervalMs);
    this.timer.unref();
    this.kick();
  }

  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return this.running ?? Promise.resolve();
  }

  /** A VM became pending. */
  enqueue(vmId: string): void {
    this.pending.add(vmId);
    this.arrived = true;
    this.kick();
  }

  kick(): void {
    if (this.queued) return;
    this.queued = true;
    setImmediate(() => {
      this.queued = false;
      if (this.running || this.pending.size === 0) return;
      this.arrived = false;
      this.running = this.pass().finally(() => {
        this.running = undefined;
        if (this.arrived && this.timer) this.kick();
      });
    });
  }

  /** One pass over the pending VMs, oldest first. */
  async pass(): Promise<void> {
    const views = this.ctx.inv.hostViews();
    const index = new Map<string, number>(views.map((v, i) => [v.host.id, i]));
    const { policy, maxCandidates } = this.ctx.settings.scheduler;
    const ids = [...this.pending].sort();
    const writes: Promise<unknown>[] = [];
    for (const id of ids) {
      const vm = this.ctx.inv.vms.get(id);
      if (!vm || vm.state !== 'pending') {
        this.pending.delete(id);
        continue;
      }
      const result = placeVm(
        {
          vmId: vm.id,
          demand: vm.resources,
          diskFormat: vm.diskFormat,
          requirements: vm.requirements,
          ...(vm.deployHost ? { onlyHost: vm.deployHost } : {}),
        },
        views,
        policy,
        // Packing scans from the first host so it keeps filling the same ones; the spreading
        // policies start where the last placement left off.
        { maxCandidates, start: policy === 'packing' ? 0 : this.cursor++ },
      );
      if (result.ok) {
        this.pending.delete(id);
        writes.push(this.dispatch(vm, result.hostId));
        // The inventory reserved the VM synchronously; refresh that host's view for the next VM.
        const i = index.get(result.hostId);
        const v = i === undefined ? undefined : views[i];
        if (i !== undefined && v)
          views[i] = { ...v, used: this.ctx.inv.usedOn(v.host.id), runningVms: v.runningVms + 1 };
      } else if (vm.reason !== result.reason) {
        writes.push(this.explain(vm, result.reason));
      }
    }
    await Promise.all(writes);
  }

  private async dispatch(vm: Vm, hostId: string): Promise<void> {
    try {
      const host = this.ctx.inv.hosts.get(hostId);
      const placed = this.writer.update(vm, { host: hostId, deployHost: '' }, { to: 'prolog', reason: '' });
      const next = await placed;
      if (next.taskId) await this.ctx.tasks.progress(next.taskId, 10, `placed on ${host?.name ?? hostId}`);
      void this.runner.drive(vm.id);
    } catch (e) {
      this.ctx.logger.warn({ vm: vm.id, err: (e as Error).message }, 'dispatch failed; will retry');
      this.pending.add(vm.id);
    }
  }

  private async explain(vm: Vm, reason: string): Promise<void> {
    try {
      await this.writer.update(vm, {}, { reason });
      if (vm.taskId) await this.ctx.tasks.progress(vm.taskId, 0, `pending: ${reason}`);
    } catch (e) {
      this.ctx.logger.debug({ vm: vm.id, err: (e as Error).message }, 'could not record pending reason');
    }
  }
}
