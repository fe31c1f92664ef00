import { toReservoirError, type Logger } from '@reservoir/runtime';
import { VmUsageMeter, type MeteredVm, type OpenInterval, type VmUsageRecord } from '../domain/vm-usage.js';

/** A VM as the site's VEEM describes it, or undefined once it is gone. */
export interface VmLookup {
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

/** The label the federation puts on a partner's VM: the owning site bills it, not this one. */
export const FEDERATED_FROM = 'reservoir.federation.from';

/**
 * Turns a site's VM state events into usage records (ACC-1, ACC-5): events are applied one at a
 * time in arrival order, and every batch of records is committed with the meter's new intervals,
 * so a collector killed at any point resumes from its last commit and loses or doubles nothing.
 */
export class VmUsageCollector {
  private meter: VmUsageMeter | undefined;
  private failed: Step[] = [];
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

  /** Applies one state change (queued behind the ones before it). */
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

  /** Bills every running VM up to `atMs` (the periodic checkpoint). */
  checkpoint(atMs: number): Promise<void> {
    return this.enqueue(async (meter) => meter.checkpoint(atMs));
  }

  /** Waits for everything queued so far. */
  idle(): Promise<void> {
    return this.chain.then(() => undefined);
  }

  private enqueue(step: Step): Promise<void> {
    const run = async () => {
      const meter = this.meter;
      if (!meter) throw new Error('the collector is not started');
      // Steps that failed before go first, so events stay in their order.
      const steps = [...this.failed, step];
      this.failed = [];
      const before = meter.intervals();
      try {
        const records: VmUsageRecord[] = [];
        for (const s of steps) records.push(...(await s(meter)));
        const r = await this.store.commit(this.site, records, meter.intervals());
        this.ingested += r.accepted;
        this.duplicates += r.duplicates;
      } catch (e) {
        // Nothing was committed: back to the intervals of the last commit; the steps run again next time.
        this.meter = new VmUsageMeter(before);
        this.failed = steps;
        this.logger.warn(
          { err: toReservoirError(e).message, steps: steps.length },
          'usage not committed; retried next round',
        );
      }
    };
    const p = this.chain.then(run, run);
    this.chain = p;
    return p;
  }

  private async describe(vmId: string): Promise<MeteredVm | undefined> {
    const vm = await this.vms.vm(vmId);
    if (!vm || vm.labels[FEDERATED_FROM]) return undefined;
    // A VM outside any service is billed as its own line under "vms".
    const service = vm.labels['reservoir.service'] || STANDALONE_SERVICE;
    return {
      vmId,
      site: this.site,
      accountId: await this.accountOf(vm.organization, service),
      service,
      component: vm.labels['reservoir.component'] || (vm.labels['reservoir.service'] ? '' : vmId),
      vcpus: vm.vcpus,
      memoryMib: vm.memoryMib,
      diskMib: vm.diskMib,
    };
  }
}
