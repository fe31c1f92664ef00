import { DURATION_BUCKETS, gauge, histogram, type MetricsRegistry } from '@reservoir/runtime';
import type { HostStatus, HypervisorDriver } from './domain/driver.js';

// The agent's own series: its drivers' operation durations, and per host what the host's last
// status report said (the VEEM's monitor asks for it every few seconds). Labels name operations
// and the agent's hosts, a fixed set; never a VM.

/** The HypervisorDriver calls that are timed: every one but the static describe(). */
const DRIVER_OPS = new Set<string>([
  'status',
  'list',
  'get',
  'create',
  'start',
  'shutdown',
  'destroy',
  'suspend',
  'resume',
  'reboot',
  'snapshot',
  'revert',
  'deleteSnapshot',
  'resize',
  'attachDisk',
  'detachDisk',
  'attachNic',
  'detachNic',
  'prepareIncoming',
  'completeIncoming',
  'abortIncoming',
  'beginOutgoing',
  'completeOutgoing',
  'cancelOutgoing',
] satisfies (keyof HypervisorDriver)[]);

export interface VeehMetrics {
  /** The driver with its operations timed and its status reports kept for the host gauges. */
  instrument<D extends HypervisorDriver>(driver: D): D;
}

export function veehMetrics(registry: MetricsRegistry): VeehMetrics {
  /** Per host: its last successful status report, and whether the last request got one. */
  const last = new Map<string, { status?: HostStatus; reachable?: boolean }>();
  const opSeconds = histogram(registry, {
    name: 'veeh_driver_operation_duration_seconds',
    help: 'Duration of hypervisor driver operations, by operation and outcome (ok or error).',
    labelNames: ['op', 'outcome'],
    buckets: DURATION_BUCKETS,
  });
  const perHost = (name: string, help: string, value: (s: HostStatus) => number) =>
    gauge(registry, {
      name,
      help,
      labelNames: ['host'],
      collect() {
        this.reset();
        for (const [host, { status }] of last) if (status) this.set({ host }, value(status));
      },
    });
  perHost('veeh_host_domains', 'Domains on the host, as of its last status report.', (s) => s.domains.length);
  perHost(
    'veeh_host_cpu_used_percent',
    'CPU the host uses, percent of one core summed over its domains, as of its last status report.',
    (s) => s.cpuUsedPercent,
  );
  perHost(
    'veeh_host_memory_used_bytes',
    'Memory the host uses, as of its last status report.',
    (s) => s.memoryUsedMib * 1024 * 1024,
  );
  gauge(registry, {
    name: 'veeh_hosts',
    help: 'Hosts this agent serves.',
    collect() {
      this.set(last.size);
    },
  });
  gauge(registry, {
    name: 'veeh_host_reachable',
    help: 'Whether the host answered its last status request (1) or not (0); absent before the first.',
    labelNames: ['host'],
    collect() {
      this.reset();
      for (const [host, { status, reachable }] of last)
        if (reachable !== undefined) this.set({ host }, reachable && status?.reachable !== false ? 1 : 0);
    },
  });

  return {
    instrument: (driver) => {
      const host: { status?: HostStatus; reachable?: boolean } = {};
      last.set(driver.hostId, host);
      return new Proxy(driver, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (typeof prop !== 'string' || !DRIVER_OPS.has(prop) || typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            const end = opSeconds.startTimer({ op: prop });
            try {
              const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(
                target,
                args,
              );
              end({ outcome: 'ok' });
              if (prop === 'status') {
                host.status = result as HostStatus;
                host.reachable = true;
              }
              return result;
            } catch (e) {
              end({ outcome: 'error' });
              if (prop === 'status') host.reachable = false;
              throw e;
            }
          };
        },
      });
    },
  };
}
