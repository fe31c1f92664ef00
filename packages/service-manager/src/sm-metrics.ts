import { counter, gauge, type MetricsRegistry } from '@reservoir/runtime';
import type { ServiceEventSink } from './app/ports.js';
import { SERVICE_STATES } from './domain/service-state.js';
import type { ServiceManager } from './app/service-manager.js';

// The SM's own series: services per state and instances per state, read from its services at
// each scrape, and the service events it logged, by kind (scale-out, scale-in, blocked, …).

const EVENT_KINDS = [
  'state',
  'deployed',
  'scale-out',
  'scale-in',
  'blocked',
  'refused',
  'rule',
  'sla',
  'rules-updated',
  'error',
  'package.admitted',
  'package.unverified',
];

/** Registers the series; the returned sink counts the events it is given. */
export function smMetrics(registry: MetricsRegistry, sm: ServiceManager): ServiceEventSink {
  const events = counter(registry, {
    name: 'sm_service_events_total',
    help: 'Service events logged, by kind: state changes, deployments, scaling actions and the decisions that blocked or refused one.',
    labelNames: ['kind'],
  });
  for (const kind of EVENT_KINDS) events.inc({ kind }, 0);
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
  return { published: (e) => events.inc({ kind: e.kind }) };
}
