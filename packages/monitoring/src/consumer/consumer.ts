// The data plane seen from a consumer: decodes batches, resolves field numbers through the
// directory and hands each measurement to the reporters whose filter it matches.
//
// A measurement of a probe the directory does not know (yet) is counted as unknownProbe and
// dropped: data sources publish their description before the probe's first batch, and the
// directory is subscribed before the data, so this only happens for foreign or stale data.
import { parseTopic, topics } from '@reservoir/contracts';
import { silentLogger, type Logger, type MessageBus } from '@reservoir/runtime';
import { decodeBatch, type WireBatch } from '../codec/batch-codec.js';
import type { MeasurementJson } from '../codec/model.js';
import { valuesToRecord } from '../codec/value-codec.js';
import { Directory } from '../directory/directory.js';
import { BoundedQueue } from './bounded-queue.js';
import type { Reporter } from './reporters.js';

export interface ConsumerOptions {
  bus: MessageBus;
  site: string | '+';
  dataSource?: string | '+';
  /** Only measurements of this service. */
  serviceId?: string;
  /** Measurements buffered for the reporters before the oldest are dropped (default 10 000). */
  maxQueue?: number;
  /** A directory to share; by default the consumer runs its own. */
  directory?: Directory;
  logger?: Logger;
}

export interface MeasurementFilter {
  probeId?: string;
  probeName?: string;
  serviceId?: string;
}

export interface ConsumerStats {
  received: number;
  malformed: number;
  unknownProbe: number;
  dropped: number;
}

interface Queued {
  m: MeasurementJson;
  probeName: string;
}

interface Subscription {
  filter: MeasurementFilter;
  reporter: Reporter;
}

/** Measurements handed to reporters per turn of the event loop. */
const DRAIN_CHUNK = 1000;

export class Consumer {
  readonly directory: Directory;
  private readonly ownsDirectory: boolean;
  private readonly queue: BoundedQueue<Queued>;
  private readonly subscriptions = new Set<Subscription>();
  private readonly counters: ConsumerStats = { received: 0, malformed: 0, unknownProbe: 0, dropped: 0 };
  private readonly logger: Logger;
  private unsubscribe: (() => Promise<void>) | undefined;
  private drainScheduled: NodeJS.Immediate | undefined;

  constructor(private readonly o: ConsumerOptions) {
    this.logger = o.logger ?? silentLogger();
    this.ownsDirectory = !o.directory;
    this.directory = o.directory ?? new Directory({ bus: o.bus, site: o.site, logger: this.logger });
    this.queue = new BoundedQueue(o.maxQueue ?? 10_000);
  }

  async start(): Promise<void> {
    if (this.unsubscribe) return;
    // The directory first, so retained descriptions arrive before the data they describe.
    if (this.ownsDirectory) await this.directory.start();
    this.unsubscribe = await this.o.bus.subscribe(
      topics.allMonitoringData(this.o.site, this.o.dataSource ?? '+'),
      (t, payload) => this.onData(t, payload),
    );
  }

  async stop(): Promise<void> {
    const u = this.unsubscribe;
    this.unsubscribe = undefined;
    if (this.drainScheduled) clearImmediate(this.drainScheduled);
    this.drainScheduled = undefined;
    await u?.();
    if (this.ownsDirectory) await this.directory.stop();
  }

  /** Every measurement matching the filter goes to the reporter; returns the unsubscribe. */
  subscribe(filter: MeasurementFilter, reporter: Reporter): () => void {
    const s: Subscription = { filter: { ...filter }, reporter };
    this.subscriptions.add(s);
    return () => this.subscriptions.delete(s);
  }

  stats(): ConsumerStats {
    return { ...this.counters };
  }

  private onData(t: string, payload: Buffer): void {
    const parsed = parseTopic(t);
    if (!parsed) return;
    let batch: WireBatch;
    try {
      batch = decodeBatch(payload);
      if (batch.dataSourceId !== parsed.id) {
        throw new Error(`batch of "${batch.dataSourceId}" on the topic of "${parsed.id}"`);
      }
    } catch (e) {
      this.counters.malformed++;
      this.logger.warn({ err: e, topic: t }, 'malformed measurement batch dropped');
      return;
    }
    if (this.o.serviceId !== undefined && batch.serviceId && batch.serviceId !== this.o.serviceId) return;
    for (const w of batch.measurements) {
      const probe = this.directory.probeOf(parsed.site, batch.dataSourceId, w.probeId);
      if (!probe) {
        this.counters.unknownProbe++;
        continue;
      }
      const serviceId = probe.serviceId || batch.serviceId;
      if (this.o.serviceId !== undefined && serviceId !== this.o.serviceId) continue;
      this.counters.received++;
      const m: MeasurementJson = {
        probeId: w.probeId,
        dataSourceId: batch.dataSourceId,
        serviceId,
        seq: w.seq,
        timeMs: w.timeMs,
        values: valuesToRecord(probe.attributes, w.values),
        site: parsed.site,
      };
      if (this.queue.push({ m, probeName: probe.name })) this.counters.dropped++;
    }
    this.scheduleDrain();
  }

  private scheduleDrain(): void {
    if (this.drainScheduled || this.queue.length === 0) return;
    this.drainScheduled = setImmediate(() => {
      this.drainScheduled = undefined;
      this.drain();
    });
  }

  private drain(): void {
    for (let n = 0; n < DRAIN_CHUNK; n++) {
      const q = this.queue.shift();
      if (!q) break;
      for (const s of this.subscriptions) {
        if (!matches(s.filter, q)) continue;
        try {
          s.reporter(q.m);
        } catch (e) {
          this.logger.error({ err: e, probe: q.m.probeId }, 'reporter failed');
        }
      }
    }
    this.scheduleDrain();
  }
}

function matches(f: MeasurementFilter, q: Queued): boolean {
  return (
    (f.probeId === undefined || f.probeId === q.m.probeId) &&
    (f.probeName === undefined || f.probeName === q.probeName) &&
    (f.serviceId === undefined || f.serviceId === q.m.serviceId)
  );
}
