// Usage measured on the monitoring data plane (ACC-5): a VM's network traffic from the cumulative
// rx/tx counters of its probe, and an application KPI that counts something (transactions) from
// the service's KPI probe. Pure: measurements come in, records go out, and the counters last seen
// are the whole state, saved with the records they produced.

import { FLAT_COMPONENT } from './rating.js';
import { decimalOf, type MeteredVm, type VmUsageRecord } from './vm-usage.js';

const GIB = 2n ** 30n;

/** The counters of one VM's probe as last billed. */
export interface NetCounter {
  vmId: string;
  rx: number;
  tx: number;
  at: number;
}

/**
 * Bytes since the last measurement become `network.gib` usage. The counters only grow while a
 * host agent runs; one that went down (a restarted agent) starts again from zero, so all it shows
 * is new. Measurements are best-effort (QoS 0): one lost is covered by the next.
 */
export class NetworkMeter {
  private readonly last = new Map<string, NetCounter>();

  constructor(restored: readonly NetCounter[] = []) {
    for (const c of restored) this.last.set(c.vmId, { ...c });
  }

  onSample(vm: MeteredVm, rx: number, tx: number, at: number): VmUsageRecord[] {
    const prev = this.last.get(vm.vmId);
    if (prev && at <= prev.at) return [];
    this.last.set(vm.vmId, { vmId: vm.vmId, rx, tx, at });
    // The first sample is the baseline: what came before it was not measured by this meter.
    if (!prev) return [];
    const bytes = grown(prev.rx, rx) + grown(prev.tx, tx);
    if (bytes === 0) return [];
    return [
      {
        key: `net:${vm.site}:${vm.vmId}:${prev.at}-${at}`,
        accountId: vm.accountId,
        service: vm.service,
        component: vm.component,
        vmId: vm.vmId,
        site: vm.site,
        metric: 'network.gib',
        quantity: decimalOf(BigInt(bytes), GIB),
        start: prev.at,
        end: at,
      },
    ];
  }

  has(vmId: string): boolean {
    return this.last.has(vmId);
  }

  /** Forgets a VM that is gone. */
  forget(vmId: string): void {
    this.last.delete(vmId);
  }

  counters(): NetCounter[] {
    return [...this.last.values()].map((c) => ({ ...c }));
  }
}

function grown(before: number, now: number): number {
  return now >= before ? now - before : now;
}

/** A KPI measurement of a service as a usage record of `kpi.<name>`; undefined if it counts nothing. */
export function kpiRecord(m: {
  site: string;
  dataSourceId: string;
  probeId: string;
  serviceId: string;
  kpi: string;
  seq: number;
  timeMs: number;
  value: number;
  accountId: string;
}): VmUsageRecord | undefined {
  if (!Number.isFinite(m.value) || m.value <= 0) return undefined;
  return {
    // Time and sequence number together: a restarted data source numbers its measurements afresh.
    key: `kpi:${m.site}:${m.dataSourceId}:${m.probeId}:${m.timeMs}:${m.seq}`,
    accountId: m.accountId,
    service: m.serviceId,
    // A KPI belongs to the whole service, like a flat fee.
    component: FLAT_COMPONENT,
    vmId: '',
    site: m.site,
    metric: `kpi.${m.kpi}`,
    quantity: decimalText(m.value),
    start: m.timeMs,
    end: m.timeMs,
  };
}

/** A positive float as exact decimal text with at most 12 decimals. */
function decimalText(v: number): string {
  const fixed = v.toFixed(12);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
