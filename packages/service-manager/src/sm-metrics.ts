import { gauge, type MetricsRegistry } from '@reservoir/runtime';
import { SERVICE_STATES } from './domain/service-state.js';
import type { ServiceManager } from './app/service-manager.js';

// The SM's own series, read from its services at each scrape: how many services are in each
// state and how many instances they hold per instance state.

export function smMetrics(registry: MetricsRegistry, sm: ServiceManager): void {
  gauge(registry, {
    name: 'sm_services',
    help: 'Services the SM is running, by state (finished and rejected ones are not counted).',
    labelNames: ['state'],
    collect() {
      const counts = new Map<string, number>(SERVICE_STATES.map((s) => [s, 0]));
      for (const s of sm.activeServices()) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
      this.reset();
      for (const [state, n] of counts)
        if (state !== 'finished' && state !== 'rejected') this.set({ state }, n);
    },
  });
  gauge(registry, {
    name: 'sm_instances',
    help: 'Instances (VMs) of running services, by instance state (creating, running, failed, deleting).',
    labelNames: ['state'],
    collect() {
      const counts = new Map<string, number>([
        ['creating', 0],
        ['running', 0],
        ['failed', 0],
        ['deleting', 0],
      ]);
      for (const s of sm.activeServices())
        for (const i of s.instances)
          if (counts.has(i.state)) counts.set(i.state, (counts.get(i.state) ?? 0) + 1);
      this.reset();
      for (const [state, n] of counts) this.set({ state }, n);
    },
  });
}
