import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

export { Counter, Gauge, Histogram, Registry as MetricsRegistry };

export interface ServiceMetricsOptions {
  /** The service name, set as the `service` label of every series (veem, veeh, pe). */
  service: string;
  /** More labels on every series, e.g. { site: 'site-a' }. Keep them few and fixed. */
  labels?: Record<string, string>;
  /** Default true: the process metrics (CPU, memory, event loop, GC) of prom-client. */
  processMetrics?: boolean;
}

const MISNAMED_DEFAULT_METRICS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/**
 * A service's own registry, never prom-client's global one: several services can run in one
 * process (the tests) and each must show only its own series. Every series carries the service
 * label, so the process metrics keep their standard names (process_cpu_seconds_total, …).
 */
export function createServiceMetrics(options: ServiceMetricsOptions): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ ...options.labels, service: options.service });
  if (options.processMetrics ?? true) {
    collectDefaultMetrics({ register: registry });
    // Gauges named like counters, which promtool's lint refuses; the same figures remain by type
    // in nodejs_active_handles, nodejs_active_requests and nodejs_active_resources.
    for (const name of MISNAMED_DEFAULT_METRICS) registry.removeSingleMetric(name);
  }
  return registry;
}

/** Buckets in seconds for calls from a millisecond to a minute. */
export const DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Buckets in seconds for slow operations (VM tasks, migrations, solver runs), up to an hour. */
export const SLOW_DURATION_BUCKETS = [0.01, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600];

/**
 * The metric of this name in the registry, or a new one registered there: components that share
 * a registry (two gRPC servers, a factory started twice on one registry) then share their series.
 */
function getOrCreate<M>(
  registry: Registry,
  name: string,
  kind: abstract new (...args: never[]) => M,
  make: () => M,
): M {
  const existing = registry.getSingleMetric(name);
  if (existing === undefined) return make();
  if (!(existing instanceof kind)) throw new Error(`metric ${name} is already registered with another type`);
  return existing;
}

export function counter<T extends string = string>(
  registry: Registry,
  config: Omit<CounterConfiguration<T>, 'registers'>,
): Counter<T> {
  return getOrCreate(
    registry,
    config.name,
    Counter<T>,
    () => new Counter<T>({ ...config, registers: [registry] }),
  );
}

export function gauge<T extends string = string>(
  registry: Registry,
  config: Omit<GaugeConfiguration<T>, 'registers'>,
): Gauge<T> {
  return getOrCreate(
    registry,
    config.name,
    Gauge<T>,
    () => new Gauge<T>({ ...config, registers: [registry] }),
  );
}

export function histogram<T extends string = string>(
  registry: Registry,
  config: Omit<HistogramConfiguration<T>, 'registers'>,
): Histogram<T> {
  return getOrCreate(
    registry,
    config.name,
    Histogram<T>,
    () => new Histogram<T>({ ...config, registers: [registry] }),
  );
}
