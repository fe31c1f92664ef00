import { toReservoirError, type Logger } from '@reservoir/runtime';
import { kpiRecord, NetworkMeter, type NetCounter } from '../domain/measured-usage.js';
import type { MeteredVm, VmUsageRecord } from '../domain/vm-usage.js';
import { describeVm, type AccountOf, type VmLookup } from './vm-usage-collector.js';

/** A measurement of the monitoring data plane, as its consumer resolves it. */
export interface Measurement {
  site: string;
  dataSourceId: string;
  probeId: string;
  serviceId: string;
  seq: number;
  timeMs: number;
  values: Record<string, number | string | boolean>;
}

/** Where measured usage goes: records committed with the counters they were measured from. */
export interface CounterStore {
  counters(key: string): Promise<NetCounter[]>;
  commitCounters(
    key: string,
    records: readonly VmUsageRecord[],
    counters: readonly NetCounter[],
  ): Promise<{ accepted: number; duplicates: number }>;
}

/** The organization a service belongs to (its Service Manager knows). */
export type ServiceOwner = (service: string) => Promise<string | undefined>;

/** Whether usage of the metric is priced for the organization: only priced KPIs are metered. */
export type Priced = (metric: string, organization: string) => Promise<boolean>;

/** Descriptions of VMs and owners of services are read once a minute at most. */
const CACHE_MS = 60_000;

/**
 * Turns a site's monitoring measurements into usage (ACC-5): VM network traffic from the VM
 * probes' counters, and application KPIs (kpi:<service>:<name> probes) that the price list prices,
 * each report a count. Measurements are handled one at a time; each one's records are committed
 * with the network counters, so a restart goes on from the last counters committed.
 */
export class MeasuredUsageCollector {
  private meter: NetworkMeter | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly vmCache = new Map<string, { vm: MeteredVm | undefined; until: number }>();
  private readonly ownerCache = new Map<string, { org: string | undefined; until: number }>();
  ingested = 0;

  constructor(
    private readonly site: string,
    private readonly vms: VmLookup,
    private readonly store: CounterStore,
    private readonly accountOf: AccountOf,
    private readonly ownerOf: ServiceOwner,
    private readonly priced: Priced,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  private get key(): string {
    return `net@${this.site}`;
  }

  async start(): Promise<void> {
    this.meter = new NetworkMeter(await this.store.counters(this.key));
  }

  /**
   * Queues one measurement; settles once its usage, if any, is committed. A commit that fails puts
   * the counters back to the last committed ones, so the next measurement bills the traffic again.
   */
  onMeasurement(m: Measurement): Promise<void> {
    this.chain = this.chain
      .then(() => this.apply(m))
      .catch(async (err: unknown) => {
        this.logger.warn({ err: toReservoirError(err).message, probe: m.probeId }, 'measurement not metered');
        this.meter = new NetworkMeter(
          await this.store.counters(this.key).catch(() => this.meter?.counters() ?? []),
        );
      });
    return this.chain.then(() => undefined);
  }

  idle(): Promise<void> {
    return this.chain.then(() => undefined);
  }

  private async apply(m: Measurement): Promise<void> {
    const meter = this.meter;
    if (!meter) throw new Error('the collector is not started');
    let records: VmUsageRecord[];
    if (m.probeId.startsWith('vm:')) {
      const rx = m.values['net_rx'];
      const tx = m.values['net_tx'];
      if (typeof rx !== 'number' || typeof tx !== 'number') return;
      const vm = await this.vm(m.probeId.slice(3));
      if (!vm) return;
      const baseline = !meter.has(vm.vmId);
      records = meter.onSample(vm, rx, tx, m.timeMs);
      // Nothing to bill and no new baseline: the counters saved last still hold.
      if (records.length === 0 && !baseline) return;
    } else if (m.probeId.startsWith(`kpi:${m.serviceId}:`) && m.serviceId) {
      const kpi = m.probeId.slice(`kpi:${m.serviceId}:`.length);
      const value = m.values['value'];
      const org = await this.owner(m.serviceId);
      if (typeof value !== 'number' || org === undefined) return;
      if (!(await this.priced(`kpi.${kpi}`, org))) return;
      const r = kpiRecord({
        ...m,
        kpi,
        value,
        accountId: await this.accountOf(org, m.serviceId),
      });
      if (!r) return;
      records = [r];
    } else return;
    const result = await this.store.commitCounters(this.key, records, meter.counters());
    this.ingested += result.accepted;
  }

  private async vm(vmId: string): Promise<MeteredVm | undefined> {
    const hit = this.vmCache.get(vmId);
    if (hit && hit.until > this.now()) return hit.vm;
    const vm = await describeVm(this.vms, this.accountOf, this.site, vmId);
    this.vmCache.set(vmId, { vm, until: this.now() + CACHE_MS });
    if (!vm) this.meter?.forget(vmId);
    return vm;
  }

  private async owner(service: string): Promise<string | undefined> {
    const hit = this.ownerCache.get(service);
    if (hit && hit.until > this.now()) return hit.org;
    const org = await this.ownerOf(service);
    this.ownerCache.set(service, { org, until: this.now() + CACHE_MS });
    return org;
  }
}
