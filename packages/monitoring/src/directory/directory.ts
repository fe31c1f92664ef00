// The information plane seen from a consumer: every data source of a site (or of all sites),
// kept current from their retained DataSourceInfo.
import { parseTopic, topics } from '@reservoir/contracts';
import { silentLogger, type Logger, type MessageBus } from '@reservoir/runtime';
import { decodeDataSourceInfo } from '../codec/info-codec.js';
import type { DataSourceInfoJson, ProbeInfoJson } from '../codec/model.js';

export interface DirectoryOptions {
  bus: MessageBus;
  site: string | '+';
  logger?: Logger;
}

export interface DirectoryStats {
  updates: number;
  malformed: number;
}

export class Directory {
  /** By "<site>/<data source id>", with its probes by id. */
  private readonly bySource = new Map<
    string,
    { info: DataSourceInfoJson; probes: Map<string, ProbeInfoJson> }
  >();
  private readonly byProbe = new Map<string, ProbeInfoJson>();
  private readonly listeners = new Set<() => void>();
  private readonly counters: DirectoryStats = { updates: 0, malformed: 0 };
  private readonly logger: Logger;
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(private readonly o: DirectoryOptions) {
    this.logger = o.logger ?? silentLogger();
  }

  async start(): Promise<void> {
    if (this.unsubscribe) return;
    this.unsubscribe = await this.o.bus.subscribe(topics.allMonitoringInfo(this.o.site), (t, payload) =>
      this.onInfo(t, payload),
    );
  }

  async stop(): Promise<void> {
    const u = this.unsubscribe;
    this.unsubscribe = undefined;
    await u?.();
  }

  sources(): DataSourceInfoJson[] {
    return [...this.bySource.values()].map((s) => s.info);
  }

  /** A probe by id, whichever data source holds it (ids are unique unless chosen by hand). */
  probe(id: string): ProbeInfoJson | undefined {
    return this.byProbe.get(id);
  }

  /** A probe of one data source: what measurements are resolved with. */
  probeOf(site: string, dataSourceId: string, probeId: string): ProbeInfoJson | undefined {
    return this.bySource.get(`${site}/${dataSourceId}`)?.probes.get(probeId);
  }

  /** Calls cb after every change; returns a function that stops the calls. */
  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  stats(): DirectoryStats {
    return { ...this.counters };
  }

  private onInfo(t: string, payload: Buffer): void {
    const parsed = parseTopic(t);
    if (!parsed) return;
    const key = `${parsed.site}/${parsed.id}`;
    let info: DataSourceInfoJson | undefined;
    try {
      info = decodeDataSourceInfo(payload);
      if (info && info.id !== parsed.id)
        throw new Error(`info of "${info.id}" on the topic of "${parsed.id}"`);
    } catch (e) {
      this.counters.malformed++;
      this.logger.warn({ err: e, topic: t }, 'malformed data source info dropped');
      return;
    }
    const old = this.bySource.get(key);
    for (const p of old?.probes.values() ?? []) {
      if (this.byProbe.get(p.id) === p) this.byProbe.delete(p.id);
    }
    if (info) {
      this.bySource.set(key, { info, probes: new Map(info.probes.map((p) => [p.id, p])) });
      for (const p of info.probes) this.byProbe.set(p.id, p);
    } else if (old) {
      this.bySource.delete(key);
    } else {
      return;
    }
    this.counters.updates++;
    for (const l of this.listeners) {
      try {
        l();
      } catch (e) {
        this.logger.error({ err: e }, 'directory listener failed');
      }
    }
  }
}
