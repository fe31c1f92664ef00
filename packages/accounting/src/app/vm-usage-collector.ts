import { toReservoirError, type Logger } from '@reservoir/runtime';
import {
  BILLED_STATES,
  VmUsageMeter,
  type MeteredVm,
  type OpenInterval,
  type VmUsageRecord,
} from '../domain/vm-usage.js';

/** The site's VEEM as the meter sees it. */
export interface VmLookup {
  /** A VM as the VEEM describes it (deleted ones included), or undefined when it knows none. */
  vm(vmId: string): Promise<
    | {
        organization: string;
        labels: Record<string, string>;
        vcpus: number;
        memoryMib: number;
        diskMib: number;
      }
    | undefined
  >;
  /** The VMs now in one of `states`, each with the time it entered its current state. */
  inStates(states: readonly string[]): Promise<Map<string, number>>;
}

/** Where usage goes: the records and the meter's intervals are saved together, or neither is. */
export interface MeterStore {
  intervals(site: string): Promise<OpenInterval[]>;
  commit(
    site: string,
    records: readonly VmUsageRecord[],
    intervals: readonly OpenInterval[],
  ): Promise<{ accepted: number; duplicates: number }>;
}

/** The account an organization's usage is billed to. */
export type AccountOf = (organization: string, service: string) => Promise<string>;

export interface VmStateChange {
  vmId: string;
  toState: string;
  atMs: number;
}

/** The service name of VMs that belong to no service. */
export const STANDALONE_SERVICE = 'vms';

type Step = (meter: VmUsageMeter) => Promise<VmUsageRecord[]>;

/** How soon steps whose commit failed are tried again when nothing else comes. */
const RETRY_MS = 1000;

/** The label the federation puts on a partner's VM: the owning site bills it, not this one. */
export const FEDERATED_FROM = 'reservoir.federation.from';

/**
 * Turns a site's VM state events into usage records (ACC-1, ACC-5): events are applied one at a
 * time in arrival order, and every batch of records is committed with the meter's new intervals,
 * so a collector killed at any point resumes from its last commit. An event's onState settles once
 * it is committed, so a bus that acknowledges it then redelivers exactly what a kill cut short; the
 * one event that can be both committed and redelivered changes nothing the second time.
 */
export class VmUsageCollector {
  private meter: VmUsageMeter | undefined;
  private failed: { step: Step; committed: () => void }[] = [];
  private retry: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  ingested = 0;
  duplicates = 0;

  constructor(
    private readonly site: string,
    private readonly vms: VmLookup,
    private readonly store: MeterStore,
    private readonly accountOf: AccountOf,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.meter = new VmUsageMeter(await this.store.intervals(this.site));
  }

  /** Applies one state change (queued behind the ones before it); settles once it is committed. */
  onState(e: VmStateChange): Promise<void> {
    return this.enqueue(async (meter) => {
      const vm = await this.describe(e.vmId);
      if (!vm) {
        // Gone from the VEEM: close whatever was open with the size it had.
        const open = meter.intervals().find((i) => i.vm.vmId === e.vmId);
        return open ? meter.onState(open.vm, e.toState, e.atMs) : [];
      }
      return meter.onState(vm, e.toState, e.atMs);
    });
  }

  /**
   * Bills every running VM up to `atMs` (the periodic checkpoint), as far as the VEEM confirms it:
   * a VM whose state changed since its interval opened has that event still on its way (or queued
   * on the broker while this collector was down), and usage billed past it could not be taken back.
   */
  checkpoint(atMs: number): Promise<void> {
    return this.enqueue(async (meter) => {
      const open = meter.intervals();
      if (open.length === 0) return [];
      let since: Map<string, number>;
      try {
        since = await this.vms.inStates([...BILLED_STATES]);
      } catch (e) {
        // A checkpoint may be skipped: the next one, or the VM's next event, bills the time.
        this.logger.warn({ err: toReservoirError(e).message }, 'checkpoint skipped: VEEM not reachable');
        return [];
      }
      const sure = open.filter((i) => (since.get(i.vm.vmId) ?? Infinity) <= i.since).map((i) => i.vm.vmId);
      return meter.checkpoint(atMs, new Set(sure));
    });
  }

  /** Waits for everything queued so far. */
  idle(): Promise<void> {
    return this.chain.then(() => undefined);
  }

  /** Runs a step after those queued before it; settles once its records are committed. */
  private enqueue(step: Step): Promise<void> {
    return new Promise<void>((committed, reject) => {
      const run = async () => {
        const meter = this.meter;
        if (!meter) return reject(new Error('the collector is not started'));
        // Steps that failed before go first, so events stay in their order.
        const steps = [...this.failed, { step, committed }];
        this.failed = [];
        const before = meter.intervals();
        try {
          const records: VmUsageRecord[] = [];
          for (const s of steps) records.push(...(await s.step(meter)));
          const r = await this.store.commit(this.site, records, meter.intervals());
          this.ingested += r.accepted;
          this.duplicates += r.duplicates;
          for (const s of steps) s.committed();
        } catch (e) {
          // Nothing was committed: back to the intervals of the last commit; the steps run again
          // with the next one, or on their own after a while (their events wait unacknowledged).
          this.meter = new VmUsageMeter(before);
          this.failed = steps;
          this.logger.warn(
            { err: toReservoirError(e).message, steps: steps.length },
            'usage not committed; retried next round',
          );
          this.retry ??= setTimeout(() => {
            this.retry = undefined;
            if (this.failed.length) void this.enqueue(async () => []);
          }, RETRY_MS);
          this.retry.unref();
        }
      };
      this.chain = this.chain.then(run, run);
    });
  }

  private describe(vmId: string): Promise<MeteredVm | undefined> {
    return describeVm(this.vms, this.accountOf, this.site, vmId);
  }
}

/** A VM as the meters bill it; undefined when the VEEM knows none or a partner's copy (billed at home). */
export async function describeVm(
  vms: VmLookup,
  accountOf: AccountOf,
  site: string,
  vmId: string,
): Promise<MeteredVm | undefined> {
  const vm = await vms.vm(vmId);
  if (!vm || vm.labels[FEDERATED_FROM]) return undefined;
  // A VM outside any service is billed as its own line under "vms".
  const service = vm.labels['reservoir.service'] || STANDALONE_SERVICE;
  return {
    vmId,
    site,
    accountId: await accountOf(vm.organization, service),
    service,
    component: vm.labels['reservoir.component'] || (vm.labels['reservoir.service'] ? '' : vmId),
    vcpus: vm.vcpus,
    memoryMib: vm.memoryMib,
    diskMib: vm.diskMib,
  };
}
