// Lattice probes of a host agent: one 'host' data source per host with a host probe, and a probe
// per domain added and removed as domains come and go.
//
// Every figure comes from the driver's status (HostStatus and its Domains).
//
// I/O: a driver that measures it (qemu) reports per-device counters with each domain
// (Domain.counters), counted since the domain's process started. net_rx/net_tx are then the sums
// over its NICs and disk_read/disk_write over its disks; a NIC the driver cannot measure (qemu's
// user-mode network) counts nothing. When one status misses them (a busy monitor, a stopped
// process) the last figures hold.
//
// A driver that measures nothing (sim) gets synthetic network counters and zero disk I/O: a
// running domain receives and sends at a steady rate of its own, derived from its vm id and its
// number of NICs (at least one), accumulating only while it runs. They are deterministic for a
// given history of states and say nothing about real traffic.
import type { Logger, MessageBus } from '@reservoir/runtime';
import { DataSource, type AttributeSpec, type Sample } from '@reservoir/monitoring';
import type { HostAgent } from '../app/agent.js';
import type { Domain, HostStatus } from '../domain/driver.js';

export const HOST_PROBE_ATTRIBUTES: AttributeSpec[] = [
  { field: 1, name: 'cpu_used', type: 'double', units: '%' },
  { field: 2, name: 'memory_used', type: 'int', units: 'MiB' },
  { field: 3, name: 'disk_used', type: 'int', units: 'MiB' },
  { field: 4, name: 'domains', type: 'int', units: '' },
];

export const VM_PROBE_ATTRIBUTES: AttributeSpec[] = [
  { field: 1, name: 'cpu_used', type: 'double', units: '%' },
  { field: 2, name: 'memory_used', type: 'int', units: 'MiB' },
  { field: 3, name: 'disk_used', type: 'int', units: 'MiB' },
  { field: 4, name: 'net_rx', type: 'int', units: 'B' },
  { field: 5, name: 'net_tx', type: 'int', units: 'B' },
  { field: 6, name: 'disk_read', type: 'int', units: 'B' },
  { field: 7, name: 'disk_write', type: 'int', units: 'B' },
];

export interface VeehMonitoringOptions {
  agent: HostAgent;
  bus: MessageBus;
  site: string;
  /** Time between measurements of every probe, and between looks at the hosts (default 5 s). */
  periodMs?: number;
  logger?: Logger;
}

export interface VeehMonitoring {
  /** Reads the hosts now and brings data sources and probes in line (the timer does it every period). */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

export const hostProbeId = (hostId: string) => `host:${hostId}`;
export const vmProbeId = (vmId: string) => `vm:${vmId}`;

/** A steady per-domain rate in bytes/s, from a hash of its vm id: 64 KiB/s to 1 MiB/s per NIC. */
export function syntheticRate(vmId: string, nics: number, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < vmId.length; i++) h = Math.imul(h ^ vmId.charCodeAt(i), 16777619);
  const perNic = 65_536 + ((h >>> 0) % (1_048_576 - 65_536));
  return perNic * Math.max(1, nics);
}

/** Cumulative I/O counters of one domain: measured when its driver reports them, else synthetic. */
export class NetCounters {
  rx = 0;
  tx = 0;
  diskRead = 0;
  diskWrite = 0;
  /** Set once the driver reported counters: from then on nothing is synthesised. */
  measured = false;
  private lastMs: number | undefined;

  constructor(private readonly vmId: string) {}

  /** Takes the domain's measured counters, or accrues synthetic bytes for the time it ran since the last call. */
  advance(domain: Domain, nowMs: number): void {
    const measured = domain.counters;
    if (measured) {
      this.measured = true;
      this.rx = sum(measured.nics.map((n) => n.rxBytes));
      this.tx = sum(measured.nics.map((n) => n.txBytes));
      this.diskRead = sum(measured.disks.map((x) => x.readBytes));
      this.diskWrite = sum(measured.disks.map((x) => x.writeBytes));
    } else if (
      !this.measured &&
      this.lastMs !== undefined &&
      domain.state === 'running' &&
      nowMs > this.lastMs
    ) {
      const s = (nowMs - this.lastMs) / 1000;
      this.rx += Math.round(syntheticRate(this.vmId, domain.spec.nics.length, 1) * s);
      this.tx += Math.round(syntheticRate(this.vmId, domain.spec.nics.length, 2) * s);
    }
    this.lastMs = nowMs;
  }
}

function sum(values: number[]): number {
  return values.reduce((s, n) => s + n, 0);
}

interface HostEntry {
  ds: DataSource;
  status: HostStatus | undefined;
  domains: Map<string, { domain: Domain; net: NetCounters }>;
}

export function hostSample(status: HostStatus | undefined, cores: number): Sample | undefined {
  if (!status?.reachable) return undefined;
  return {
    cpu_used: cores > 0 ? Math.round((status.cpuUsedPercent / cores) * 10) / 10 : 0,
    memory_used: Math.round(status.memoryUsedMib),
    disk_used: Math.round(status.allocated.diskMib),
    domains: status.domains.length,
  };
}

export function vmSample(domain: Domain, net: NetCounters, nowMs: number): Sample {
  net.advance(domain, nowMs);
  return {
    cpu_used: domain.cpuUsedPercent,
    memory_used: Math.round(domain.memoryUsedMib),
    disk_used: domain.spec.resources.diskMib,
    net_rx: net.rx,
    net_tx: net.tx,
    disk_read: net.diskRead,
    disk_write: net.diskWrite,
  };
}

/** Starts one data source per host of the agent; hosts and domains are followed every period. */
export async function startVeehMonitoring(o: VeehMonitoringOptions): Promise<VeehMonitoring> {
  const periodMs = o.periodMs ?? 5_000;
  const hosts = new Map<string, HostEntry>();
  let stopped = false;

  const addHost = async (hostId: string): Promise<HostEntry> => {
    const description = o.agent.driver(hostId).describe();
    const ds = new DataSource({
      id: hostId,
      name: description.hostname,
      site: o.site,
      kind: 'host',
      bus: o.bus,
      ...(o.logger ? { logger: o.logger } : {}),
    });
    const entry: HostEntry = { ds, status: undefined, domains: new Map() };
    ds.addProbe({
      id: hostProbeId(hostId),
      name: 'host',
      attributes: HOST_PROBE_ATTRIBUTES,
      periodMs,
      sample: () => hostSample(entry.status, description.capacity.vcpus),
    });
    hosts.set(hostId, entry);
    await ds.start();
    return entry;
  };

  const syncDomains = (entry: HostEntry, status: HostStatus): void => {
    if (!status.reachable) return;
    const present = new Set<string>();
    for (const domain of status.domains) {
      present.add(domain.vmId);
      const known = entry.domains.get(domain.vmId);
      if (known) {
        known.domain = domain;
        continue;
      }
      const slot = { domain, net: new NetCounters(domain.vmId) };
      entry.domains.set(domain.vmId, slot);
      entry.ds.addProbe({
        id: vmProbeId(domain.vmId),
        name: 'vm',
        attributes: VM_PROBE_ATTRIBUTES,
        periodMs,
        sample: () => vmSample(slot.domain, slot.net, Date.now()),
      });
    }
    for (const vmId of [...entry.domains.keys()]) {
      if (present.has(vmId)) continue;
      entry.domains.delete(vmId);
      entry.ds.removeProbe(vmProbeId(vmId));
    }
  };

  const refresh = async (): Promise<void> => {
    const ids = new Set(o.agent.hostIds());
    for (const [hostId, entry] of hosts) {
      if (ids.has(hostId)) continue;
      hosts.delete(hostId);
      await entry.ds.stop();
    }
    for (const id of ids) if (!hosts.has(id)) await addHost(id);
    const report = await o.agent.monitor();
    if (stopped) return;
    for (const status of report.hosts) {
      const entry = hosts.get(status.hostId);
      if (!entry) continue;
      entry.status = status;
      syncDomains(entry, status);
    }
  };

  await refresh();
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = refresh()
      .catch((e: unknown) => o.logger?.warn({ err: e }, 'host monitoring refresh failed'))
      .finally(() => (running = undefined));
  }, periodMs);
  timer.unref();

  return {
    refresh,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      await Promise.all([...hosts.values()].map((h) => h.ds.stop()));
      hosts.clear();
    },
  };
}
