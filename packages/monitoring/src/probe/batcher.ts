// Collects a data source's measurements into batches, one per (QoS, service), and flushes them
// every flushMs or as soon as one holds maxBatch measurements.
import { encodeBatch, type WireMeasurement } from '../codec/batch-codec.js';

export interface BatcherOptions {
  dataSourceId: string;
  flushMs: number;
  maxBatch: number;
  publish(payload: Uint8Array, qos: 0 | 1): Promise<void>;
  onError(e: unknown): void;
}

export interface BatcherStats {
  published: number;
  batches: number;
  bytes: number;
}

interface Pending {
  qos: 0 | 1;
  serviceId: string;
  measurements: WireMeasurement[];
}

export class Batcher {
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private readonly counters: BatcherStats = { published: 0, batches: 0, bytes: 0 };

  constructor(private readonly o: BatcherOptions) {}

  add(qos: 0 | 1, serviceId: string, m: WireMeasurement): void {
    const key = `${qos}|${serviceId}`;
    let p = this.pending.get(key);
    if (!p) {
      p = { qos, serviceId, measurements: [] };
      this.pending.set(key, p);
    }
    p.measurements.push(m);
    if (p.measurements.length >= this.o.maxBatch) {
      this.pending.delete(key);
      void this.send(p);
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.o.flushMs);
      this.timer.unref();
    }
  }

  /** Publishes everything pending now. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const all = [...this.pending.values()];
    this.pending.clear();
    await Promise.all(all.map((p) => this.send(p)));
  }

  /** Drops what is pending and cancels the timer. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  stats(): BatcherStats {
    return { ...this.counters };
  }

  private async send(p: Pending): Promise<void> {
    if (p.measurements.length === 0) return;
    const payload = encodeBatch({
      dataSourceId: this.o.dataSourceId,
      serviceId: p.serviceId,
      measurements: p.measurements,
    });
    this.counters.published += p.measurements.length;
    this.counters.batches++;
    this.counters.bytes += payload.length;
    try {
      await this.o.publish(payload, p.qos);
    } catch (e) {
      this.o.onError(e);
    }
  }
}
