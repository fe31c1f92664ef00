import { Consumer, SlidingWindow } from '@reservoir/monitoring';
import type { Logger, MessageBus } from '@reservoir/runtime';

// Measured host load from the monitoring data plane: the VEEH's host probes (`host:<id>`,
// attribute cpu_used in % of the host's cores), averaged over a sliding window per host.

export interface HostLoadView {
  /** Mean measured CPU use in % over the window, by any of the host's names; undefined if unknown. */
  cpuPercent(keys: string[]): number | undefined;
}

export class MeasuredHostLoad implements HostLoadView {
  private readonly consumer: Consumer;
  private readonly windows = new Map<string, SlidingWindow>();

  constructor(private readonly o: { bus: MessageBus; site: string; windowMs: number; logger: Logger }) {
    this.consumer = new Consumer({ bus: o.bus, site: o.site, logger: o.logger });
  }

  async start(): Promise<void> {
    await this.consumer.start();
    this.consumer.subscribe({}, (m) => {
      if (!m.probeId.startsWith('host:')) return;
      const cpu = m.values.cpu_used;
      if (typeof cpu !== 'number') return;
      const host = m.probeId.slice('host:'.length);
      let w = this.windows.get(host);
      if (!w) this.windows.set(host, (w = new SlidingWindow(this.o.windowMs)));
      w.add(m.timeMs, cpu);
    });
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
  }

  cpuPercent(keys: string[]): number | undefined {
    for (const k of keys) {
      const w = this.windows.get(k);
      if (w && w.count() > 0) return w.mean();
    }
    return undefined;
  }
}
