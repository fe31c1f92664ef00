import { Semaphore, toReservoirError } from '@reservoir/runtime';
import type { HostView } from '../domain/scheduler.js';
import { limit } from '../domain/resources.js';
import { placementTerms, rejectHost, rejectionText } from '../domain/scheduler.js';
import type { Vm } from '../domain/vm.js';
import type { BuiltinPlacer } from './builtin-placer.js';
import type { VeemContext } from './context.js';
import type { OperationRunner } from './operations.js';
import type { PlacementOutcome, PlacementPass, Placer } from './ports.js';
import type { VmWriter } from './vm-writer.js';

/** The label of a host that stands for a partner site (the federation's large host). */
export const PARTNER_LABEL = 'reservoir.partner';

/**
 * Which partner sites may take VMs this site cannot, best first (PE-7's federation heuristic);
 * an empty answer keeps them pending.
 */
export type BurstChooser = (vms: readonly Vm[], partnerHosts: readonly HostView[]) => Promise<string[]>;

/**
 * Places pending VMs: on every new request (coalesced into one pass per tick) and periodically,
 * since capacity freed elsewhere can make a waiting VM fit. A VM that fits nowhere keeps its
 * reason, so `vm show` always says why it is pending.
 *
 * Each pass asks the placer (the built-in one, or the Policy Engine) for the pending VMs, then
 * reserves and dispatches what it chose. VMs pinned to a host (by an administrator, or by the
 * admission of their set) go first and are only checked by the VEEM's own filters on that host.
 */
export class SchedulerLoop {
  private timer: NodeJS.Timeout | undefined;
  private queued = false;
  /** Set when VMs arrive during a pass, so another pass follows at once instead of at the next tick. */
  private arrived = false;
  private running: Promise<void> | undefined;
  private readonly pending = new Set<string>();
  /** Passes and set admissions take turns: both decide on the same free capacity. */
  private readonly turn = new Semaphore(1);
  /** With more pending VMs than the placer takes at once, the last VM id of the previous batch. */
  private batchAfter = '';
  /** Set by the federation: VMs no host of this site takes burst to a partner site it chooses. */
  burst: BurstChooser | undefined;

  constructor(
    private readonly ctx: VeemContext,
    private readonly writer: VmWriter,
    private readonly runner: OperationRunner,
    /** The configured placer. */
    readonly placer: Placer,
    /** The VEEM's own placer, for pinned VMs (it may also be the configured one). */
    private readonly builtin: BuiltinPlacer,
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
      this.running = this.turn
        .run(() => this.pass())
        .finally(() => {
          this.running = undefined;
          if (this.arrived && this.timer) this.kick();
        });
    });
  }

  /** Runs fn while no pass runs, e.g. to place and create a set on capacity no pass takes meanwhile. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.turn.run(fn);
  }

  /** The input of a placer call for these VMs, on the inventory as it is now. */
  passFor(vms: readonly Vm[], scope: 'local' | 'partner' | 'all' = 'local'): PlacementPass {
    const hosts = this.ctx.inv
      .hostViews()
      .filter((v) => scope === 'all' || PARTNER_LABEL in v.host.labels === (scope === 'partner'));
    return { vms, hosts, peers: this.ctx.inv.placementPeers(vms) };
  }

  /**
   * Cloudburst: the VMs the placer left unplaced go to the partner sites the chooser ranks, each
   * placed by the VEEM's own filters on the partner's large host; the local reasons stay with those
   * no partner takes either.
   */
  private async burstOf(batch: readonly Vm[], outcome: PlacementOutcome): Promise<PlacementOutcome> {
    const left = batch.filter((v) => !outcome.assignment.has(v.id) && !v.placement?.setId);
    const partners = this.passFor([], 'partner').hosts;
    if (!this.burst || left.length === 0 || partners.length === 0) return outcome;
    let order: string[];
    try {
      order = await this.burst(left, partners);
    } catch (e) {
      this.ctx.logger.warn({ err: toReservoirError(e).message }, 'site choice failed; VMs stay pending');
      return outcome;
    }
    const ranked = order.flatMap((site) => partners.filter((h) => h.host.labels[PARTNER_LABEL] === site));
    if (ranked.length === 0) return outcome;
    const assignment = new Map(outcome.assignment);
    const unplaced = new Map(outcome.unplaced);
    let rest = left;
    for (const view of ranked) {
      if (rest.length === 0) break;
      const pass = { ...this.passFor(rest, 'partner'), hosts: [view] };
      const r = this.builtin.placeNow(pass);
      for (const [vmId, hostId] of r.assignment) {
        assignment.set(vmId, hostId);
        unplaced.delete(vmId);
      }
      rest = rest.filter((v) => !r.assignment.has(v.id));
    }
    return { assignment, unplaced };
  }

  /** One pass over the pending VMs, oldest first. */
  async pass(): Promise<void> {
    const pinned: Vm[] = [];
    const free: Vm[] = [];
    for (const id of [...this.pending].sort()) {
      const vm = this.ctx.inv.vms.get(id);
      if (!vm || vm.state !== 'pending') {
        this.pending.delete(id);
        continue;
      }
      (vm.deployHost ? pinned : free).push(vm);
    }
    const writes: Promise<unknown>[] = [];
    if (pinned.length > 0) this.apply(pinned, this.builtin.placeNow(this.passFor(pinned, 'all')), writes);
    if (free.length > 0) {
      const batch = this.batchOf(free);
      let outcome: PlacementOutcome | undefined;
      try {
        outcome = await this.placer.place(this.passFor(batch));
      } catch (e) {
        // Never another policy instead: the VMs wait, and the next tick asks again.
        const reason = toReservoirError(e).message;
        this.ctx.logger.warn({ vms: batch.length, err: reason }, 'placement failed; VMs stay pending');
        for (const vm of batch) if (vm.reason !== reason) writes.push(this.explain(vm, reason));
      }
      if (outcome) this.apply(batch, await this.burstOf(batch, outcome), writes);
    }
    await Promise.all(writes);
  }

  /**
   * The VMs of this pass when the placer takes fewer than are pending: the next ones after the
   * previous batch, so every VM gets its turn; another pass follows at once until the round ends.
   * Pending members of a set come along with the first of them.
   */
  private batchOf(free: Vm[]): Vm[] {
    const max = this.placer.maxBatch;
    if (free.length <= max) {
      this.batchAfter = '';
      return free;
    }
    let start = free.findIndex((v) => v.id > this.batchAfter);
    if (start < 0) start = 0;
    const batch = free.slice(start, start + max);
    if (start + max < free.length) {
      this.batchAfter = batch.at(-1)!.id;
      this.arrived = true;
    } else this.batchAfter = '';
    const inBatch = new Set(batch.map((v) => v.id));
    for (const vm of [...batch]) {
      if (!vm.placement?.setId) continue;
      for (const m of this.ctx.inv.setMembers(vm.placement.setId)) {
        if (inBatch.has(m.id) || m.state !== 'pending' || m.deployHost) continue;
        inBatch.add(m.id);
        batch.push(m);
      }
    }
    return batch;
  }

  /** Dispatches what the placer chose and records why the others wait. */
  private apply(vms: readonly Vm[], outcome: PlacementOutcome, writes: Promise<unknown>[]): void {
    for (const asked of vms) {
      // The placer may have taken a while: act only on a VM that has not changed meanwhile.
      const vm = this.ctx.inv.vms.get(asked.id);
      if (!vm || vm.version !== asked.version || vm.state !== 'pending') continue;
      const hostId = outcome.assignment.get(vm.id);
      let reason: string;
      if (hostId) {
        const refused = this.refusal(vm, hostId);
        if (!refused) {
          this.pending.delete(vm.id);
          // The inventory reserves synchronously, so the next VM's check sees this one.
          writes.push(this.dispatch(vm, hostId));
          continue;
        }
        reason = refused;
      } else {
        reason = (outcome.unplaced.get(vm.id) ?? ['the placer did not place it']).join('; ');
      }
      if (vm.reason !== reason) writes.push(this.explain(vm, reason));
    }
  }

  /** The VEEM keeps the last word on its hosts: a choice that no longer passes its filters waits. */
  private refusal(vm: Vm, hostId: string): string | undefined {
    const host = this.ctx.inv.hosts.get(hostId);
    if (!host) return `the placer chose host ${hostId}, which is not registered`;
    const r = rejectHost(
      {
        vmId: vm.id,
        demand: vm.resources,
        diskFormat: vm.diskFormat,
        requirements: vm.requirements,
        ...placementTerms(vm),
        ...(vm.deployHost ? { onlyHost: vm.deployHost } : {}),
      },
      {
        host,
        used: this.ctx.inv.usedOn(hostId),
        runningVms: 0,
        limit: limit(host.capacity, host.overcommit),
      },
    );
    if (!r) return undefined;
    const why = typeof r === 'string' ? rejectionText(r) : r.constraint;
    return `the placer chose ${host.name}, which no longer fits: ${why}`;
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
