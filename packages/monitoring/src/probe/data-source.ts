// A Lattice data source: holds probes, batches their measurements onto the data plane, keeps
// its description retained on the info plane and obeys control requests.
import { topics } from '@reservoir/contracts';
import { errors, silentLogger, toReservoirError, type Logger, type MessageBus } from '@reservoir/runtime';
import { decodeControl, encodeAck, type ControlAck, type ControlRequest } from '../codec/control-codec.js';
import { encodeDataSourceInfo } from '../codec/info-codec.js';
import type { DataSourceInfoJson, DataSourceKind, ProbeInfoJson, Sample } from '../codec/model.js';
import { sampleToValues } from '../codec/value-codec.js';
import { Batcher, type BatcherStats } from './batcher.js';
import { ProbeRunner } from './probe-runner.js';
import { checkPeriod, probeInfoOf, type ProbeSpec } from './probe-spec.js';

export interface DataSourceOptions {
  id: string;
  name: string;
  site: string;
  kind: DataSourceKind;
  bus: MessageBus;
  /** Longest a measurement waits before its batch is published (default 50 ms). */
  flushMs?: number;
  /** Measurements per batch that trigger an immediate publish (default 500). */
  maxBatch?: number;
  /** Builds the sampler of a probe added over the control plane (by its name); undefined refuses the add. */
  probeFactory?: (info: ProbeInfoJson) => ProbeSpec['sample'] | undefined;
  logger?: Logger;
}

export class DataSource {
  private readonly runners = new Map<string, ProbeRunner>();
  private readonly batcher: Batcher;
  private readonly logger: Logger;
  private running = false;
  private cleanups: Array<() => unknown> = [];

  constructor(private readonly o: DataSourceOptions) {
    this.logger = o.logger ?? silentLogger();
    const dataTopic = topics.monitoringData(o.site, o.id);
    this.batcher = new Batcher({
      dataSourceId: o.id,
      flushMs: o.flushMs ?? 50,
      maxBatch: o.maxBatch ?? 500,
      publish: (payload, qos) => o.bus.publish(dataTopic, payload, { qos }),
      onError: (e) => this.logger.warn({ err: e, dataSource: o.id }, 'measurement batch not published'),
    });
  }

  /** Publishes the description (retained), serves control requests and starts the probes. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const ackTopic = topics.monitoringControlAck(this.o.site, this.o.id);
    const unsubscribe = await this.o.bus.subscribe(
      topics.monitoringControl(this.o.site, this.o.id),
      (_t, payload) => {
        const ack = this.handleControl(payload);
        if (ack)
          // QoS 0 like the request: the answer is the acknowledgement, and a lost one ends in the
          // caller's deadline rather than a broker round trip on every control operation.
          void this.o.bus.publish(ackTopic, encodeAck(ack), { qos: 0 }).catch((e) => this.warn(e, 'ack'));
      },
    );
    this.cleanups.push(unsubscribe);
    // A restarted broker may have lost the retained description.
    const off = this.o.bus.onReconnect?.(() => void this.publishInfo());
    if (off) this.cleanups.push(off);
    for (const r of this.runners.values()) r.restart();
    await this.publishInfo();
  }

  /** Stops the probes, publishes what is pending and clears the retained description. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const r of this.runners.values()) r.stop();
    await this.batcher.flush();
    const cleanups = this.cleanups;
    this.cleanups = [];
    await Promise.all(cleanups.map((c) => c()));
    await this.o.bus
      .publish(topics.monitoringInfo(this.o.site, this.o.id), new Uint8Array(0), { qos: 1, retain: true })
      .catch((e) => this.warn(e, 'info clear'));
  }

  addProbe(spec: ProbeSpec): ProbeInfoJson {
    const info = probeInfoOf(spec, this.o.id);
    if (this.runners.has(info.id)) throw errors.exists('probe', info.id);
    const runner = new ProbeRunner(info, spec.sample, (p, s) => this.record(p, s), this.logger);
    this.runners.set(info.id, runner);
    if (this.running) runner.restart();
    this.changed();
    return { ...info };
  }

  removeProbe(id: string): void {
    this.runner(id).stop();
    this.runners.delete(id);
    this.changed();
  }

  setOn(id: string, on: boolean): ProbeInfoJson {
    const r = this.runner(id);
    r.info = { ...r.info, on };
    if (this.running) r.restart();
    this.changed();
    return { ...r.info };
  }

  setPeriod(id: string, periodMs: number): ProbeInfoJson {
    const r = this.runner(id);
    r.info = { ...r.info, periodMs: checkPeriod(periodMs) };
    if (this.running) r.restart();
    this.changed();
    return { ...r.info };
  }

  probes(): ProbeInfoJson[] {
    return [...this.runners.values()].map((r) => ({ ...r.info }));
  }

  info(): DataSourceInfoJson {
    return {
      id: this.o.id,
      name: this.o.name,
      site: this.o.site,
      kind: this.o.kind,
      probes: this.probes(),
      updatedAtMs: Date.now(),
    };
  }

  /**
   * Reports a measurement now (event-driven probes, KPI ingress). Dropped while the data source
   * is stopped or the probe is off; throws NOT_FOUND or INVALID_ARGUMENT for a bad probe or sample.
   */
  emit(probeId: string, sample: Sample): void {
    this.record(this.runner(probeId), sample);
  }

  stats(): BatcherStats {
    return this.batcher.stats();
  }

  private record(r: ProbeRunner, sample: Sample): void {
    const values = sampleToValues(r.info.attributes, sample);
    if (!this.running || !r.info.on) return;
    this.batcher.add(r.info.qos, r.info.serviceId, {
      probeId: r.info.id,
      seq: r.nextSeq(),
      timeMs: Date.now(),
      values,
    });
  }

  private runner(id: string): ProbeRunner {
    const r = this.runners.get(id);
    if (!r) throw errors.notFound('probe', id);
    return r;
  }

  private changed(): void {
    if (this.running) void this.publishInfo();
  }

  private async publishInfo(): Promise<void> {
    if (!this.running) return;
    const payload = encodeDataSourceInfo(this.info());
    await this.o.bus
      .publish(topics.monitoringInfo(this.o.site, this.o.id), payload, { qos: 1, retain: true })
      .catch((e) => this.warn(e, 'info'));
  }

  /** Applies one control request; undefined when the payload is not one (nothing to answer). */
  private handleControl(payload: Buffer): ControlAck | undefined {
    let req: ControlRequest;
    try {
      req = decodeControl(payload);
    } catch (e) {
      this.logger.warn({ err: e, dataSource: this.o.id }, 'malformed control request dropped');
      return undefined;
    }
    try {
      return { correlationId: req.correlationId, ok: true, probe: this.apply(req) };
    } catch (e) {
      const err = toReservoirError(e);
      return { correlationId: req.correlationId, ok: false, errorCode: err.code, errorMessage: err.message };
    }
  }

  private apply(req: ControlRequest): ProbeInfoJson {
    if (req.action === 'add') return this.addFromControl(req.probe);
    if (!req.probeId) throw errors.invalid('probeId', `is required for "${req.action}"`);
    switch (req.action) {
      case 'on':
      case 'off':
        return this.setOn(req.probeId, req.action === 'on');
      case 'rate':
        return this.setPeriod(req.probeId, req.periodMs ?? 0);
      case 'remove': {
        const info = { ...this.runner(req.probeId).info };
        this.removeProbe(req.probeId);
        return info;
      }
    }
  }

  private addFromControl(p: Partial<ProbeInfoJson> | undefined): ProbeInfoJson {
    if (!p?.name) throw errors.invalid('probe.name', 'is required to add a probe');
    const spec: ProbeSpec = {
      name: p.name,
      attributes: p.attributes ?? [],
      periodMs: p.periodMs ?? 0,
      on: p.on ?? true,
      qos: p.qos ?? 0,
    };
    if (p.id) spec.id = p.id;
    if (p.serviceId) spec.serviceId = p.serviceId;
    const info = probeInfoOf(spec, this.o.id);
    if (this.runners.has(info.id)) throw errors.exists('probe', info.id);
    const sample = this.o.probeFactory?.(info);
    if (!sample)
      throw errors.precondition(`data source "${this.o.id}" cannot sample probes named "${info.name}"`);
    return this.addProbe({ ...spec, id: info.id, sample });
  }

  private warn(e: unknown, what: string): void {
    this.logger.warn({ err: e, dataSource: this.o.id }, `${what} not published`);
  }
}
