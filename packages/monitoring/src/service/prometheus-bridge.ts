import { Counter, Gauge, type Logger, type MessageBus, type MetricsRegistry } from '@reservoir/runtime';
import { Consumer } from '../consumer/consumer.js';

// Selected measurements as Prometheus gauges (the last value of each numeric attribute), and the
// bridge's own consumer counts, so a scraper sees host load and service KPIs next to the
// services' own metrics. Selection is by probe id prefix, which keeps the series bounded.

export interface BridgeOptions {
  bus: MessageBus;
  site: string | '+';
  registry: MetricsRegistry;
  /** Probe id prefixes to expose, e.g. "host:" (VEEH hosts) and "kpi:" (service KPIs). */
  probes: string[];
  logger: Logger;
}

export class PrometheusBridge {
  private readonly consumer: Consumer;
  private readonly values: Gauge;

  constructor(private readonly o: BridgeOptions) {
    this.consumer = new Consumer({ bus: o.bus, site: o.site, maxQueue: 100_000, logger: o.logger });
    this.values = new Gauge({
      name: 'reservoir_measurement',
      help: 'Last value of a bridged probe attribute (units in the monitoring directory).',
      labelNames: ['site', 'data_source', 'probe', 'attribute'],
      registers: [o.registry],
    });
    const consumer = this.consumer;
    const counts: [string, string, keyof ReturnType<Consumer['stats']>][] = [
      ['received', 'Measurements the bridge received.', 'received'],
      ['malformed', 'Payloads on monitoring topics that could not be decoded, dropped.', 'malformed'],
      ['unknown_probe', 'Measurements of probes the directory does not know, dropped.', 'unknownProbe'],
      ['dropped', 'Measurements dropped because the bridge fell behind.', 'dropped'],
    ];
    for (const [name, help, key] of counts)
      new Counter({
        name: `monitoring_bridge_${name}_total`,
        help,
        registers: [o.registry],
        collect() {
          this.reset();
          this.inc(consumer.stats()[key]);
        },
      });
  }

  async start(): Promise<void> {
    await this.consumer.start();
    this.consumer.subscribe({}, (m) => {
      if (!this.o.probes.some((prefix) => m.probeId.startsWith(prefix))) return;
      for (const [attribute, v] of Object.entries(m.values)) {
        if (typeof v === 'string') continue;
        this.values.set(
          { site: m.site, data_source: m.dataSourceId, probe: m.probeId, attribute },
          typeof v === 'boolean' ? (v ? 1 : 0) : v,
        );
      }
    });
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
  }
}
