import { Consumer } from '@reservoir/monitoring';
import type { Logger, MessageBus } from '@reservoir/runtime';
import type { KpiSource } from '../../app/kpi-source.js';

/**
 * KPIs from the monitoring data plane: one consumer for the site, one subscription per service.
 * KPI probes are named after the KPI and carry the service id (the monitoring service's KPI
 * ingress publishes them so); their `value` attribute is the sample.
 */
export class MonitoringKpiSource implements KpiSource {
  private readonly consumer: Consumer;

  constructor(bus: MessageBus, site: string, logger: Logger) {
    this.consumer = new Consumer({ bus, site, logger });
  }

  start(): Promise<void> {
    return this.consumer.start();
  }

  stop(): Promise<void> {
    return this.consumer.stop();
  }

  subscribe(serviceId: string, onSample: (kpi: string, value: number, timeMs: number) => void): () => void {
    return this.consumer.subscribe({ serviceId }, (m) => {
      const value = m.values['value'];
      if (typeof value !== 'number' || !Number.isFinite(value)) return;
      // Probe ids of KPIs are kpi:<service>:<name>; other probes of the service name themselves.
      const kpi = m.probeId.startsWith(`kpi:${serviceId}:`)
        ? m.probeId.slice(`kpi:${serviceId}:`.length)
        : m.probeId;
      onSample(kpi, value, m.timeMs);
    });
  }
}
