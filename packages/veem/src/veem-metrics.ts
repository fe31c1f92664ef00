import {
  counter,
  DURATION_BUCKETS,
  gauge,
  histogram,
  isTerminal,
  SLOW_DURATION_BUCKETS,
  type MetricsRegistry,
} from '@reservoir/runtime';
import type { EventSink } from './app/ports.js';
import type { Veem } from './app/veem.js';
import { hostState } from './domain/host.js';
import { VM_STATES } from './domain/vm-state.js';

// The VEEM's own series. Counts come from the inventory when scraped; durations and placements
// are recorded as they happen. No label names a VM or a host: states and operations only.

/** The states hostState() shows, so every one has a series from the start. */
const HOST_STATES = ['init', 'monitored', 'error', 'disabled', 'maintenance'];
/** The inventory drops VMs that reached done; they are not counted. */
const LIVE_VM_STATES = VM_STATES.filter((s) => s !== 'done');

export interface VeemMetrics {
  /** Wraps the VEEM's event sink to count placements. */
  events(inner: EventSink): EventSink;
  /** Reads the VEEM's inventory at each scrape and times its scheduler passes and tasks. */
  observe(veem: Veem): void;
}

export function veemMetrics(registry: MetricsRegistry): VeemMetrics {
  const placements = counter(registry, {
    name: 'veem_placements_total',
    help: 'VMs the scheduler placed on a host (pending to prolog).',
  });
  const passSeconds = histogram(registry, {
    name: 'veem_scheduler_pass_duration_seconds',
    help: 'Duration of one scheduler pass over the pending VMs, placer call and dispatch included.',
    buckets: DURATION_BUCKETS,
  });
  const taskSeconds = histogram(registry, {
    name: 'veem_task_duration_seconds',
    help: 'Duration of VEEM tasks from creation to their end, by operation and final state.',
    labelNames: ['operation', 'state'],
    buckets: SLOW_DURATION_BUCKETS,
  });

  return {
    events: (inner) => ({
      vmStateChanged: (e) => {
        if (e.from === 'pending' && e.vm.state === 'prolog') placements.inc();
        inner.vmStateChanged(e);
      },
      hostStateChanged: (e) => inner.hostStateChanged(e),
      taskChanged: (t) => inner.taskChanged(t),
    }),
    observe: (veem) => {
      const inv = veem.ctx.inv;
      gauge(registry, {
        name: 'veem_vms',
        help: 'VMs known to the VEEM (done ones excluded), by state.',
        labelNames: ['state'],
        collect() {
          const n = new Map<string, number>(LIVE_VM_STATES.map((s) => [s, 0]));
          for (const vm of inv.vms.values()) n.set(vm.state, (n.get(vm.state) ?? 0) + 1);
          for (const [state, count] of n) this.set({ state }, count);
        },
      });
      gauge(registry, {
        name: 'veem_hosts',
        help: 'Registered hosts, by state (init, monitored, error, disabled, maintenance).',
        labelNames: ['state'],
        collect() {
          const n = new Map<string, number>(HOST_STATES.map((s) => [s, 0]));
          for (const h of inv.hosts.values()) n.set(hostState(h), (n.get(hostState(h)) ?? 0) + 1);
          for (const [state, count] of n) this.set({ state }, count);
        },
      });
      gauge(registry, {
        name: 'veem_scheduler_queue_length',
        help: 'VMs waiting for a host (state pending).',
        collect() {
          let n = 0;
          for (const vm of inv.vms.values()) if (vm.state === 'pending') n++;
          this.set(n);
        },
      });
      // The scheduler's passes are timed by wrapping its pass() on this instance.
      const scheduler = veem.scheduler;
      const pass = scheduler.pass.bind(scheduler);
      scheduler.pass = async () => {
        const end = passSeconds.startTimer();
        try {
          await pass();
        } finally {
          end();
        }
      };
      veem.tasks.onChange((t) => {
        if (!isTerminal(t.state) || t.endedAtMs === undefined) return;
        taskSeconds.observe(
          { operation: t.operation, state: t.state },
          Math.max(0, t.endedAtMs - t.createdAtMs) / 1000,
        );
      });
    },
  };
}
