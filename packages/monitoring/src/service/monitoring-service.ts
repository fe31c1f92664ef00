// The monitoring service of a site: reads the information plane through a Directory, relays
// probe control to data sources, and publishes the KPIs services push through a 'service'
// data source of its own (one probe per service and KPI name).
import { errors, isErrorCode, ReservoirError, type Logger, type MessageBus } from '@reservoir/runtime';
import { CONTROL_ACTIONS, type ControlAction } from '../codec/control-codec.js';
import {
  DATA_SOURCE_KINDS,
  type DataSourceInfoJson,
  type DataSourceKind,
  type ProbeInfoJson,
} from '../codec/model.js';
import { controlProbe, type ControlProbeRequest } from '../control/control-client.js';
import { Directory } from '../directory/directory.js';
import { DataSource } from '../probe/data-source.js';

/** Period given to a probe added without one. */
export const DEFAULT_ADD_PERIOD_MS = 1_000;
/** Period recorded for KPI probes: they report when pushed, not on a timer. */
export const KPI_PERIOD_MS = 60_000;

const NAME = /^[A-Za-z0-9._-]+$/;

export interface MonitoringServiceOptions {
  bus: MessageBus;
  /** The service's own site: its KPI data source lives there, and control goes there by default. */
  site: string;
  /** Watch the data sources of every site instead of the own site only. */
  allSites?: boolean;
  /** Default wait for a data source's answer to a control request (default 5 s). */
  controlTimeoutMs?: number;
  /** Id of the data source that carries pushed KPIs (default kpi-<site>). */
  kpiSourceId?: string;
  logger: Logger;
}

export interface ControlProbeInput {
  dataSourceId: string;
  probeId?: string;
  action: string;
  periodMs?: number;
  probe?: Partial<ProbeInfoJson>;
  timeoutMs?: number;
  site?: string;
}

export interface PushKpiInput {
  serviceId: string;
  name: string;
  value: number;
  units?: string;
}

export class MonitoringService {
  private readonly directory: Directory;
  private readonly kpis: DataSource;
  private readonly controlTimeoutMs: number;

  constructor(private readonly o: MonitoringServiceOptions) {
    this.controlTimeoutMs = o.controlTimeoutMs ?? 5_000;
    this.directory = new Directory({ bus: o.bus, site: o.allSites ? '+' : o.site, logger: o.logger });
    const id = o.kpiSourceId ?? `kpi-${o.site}`;
    this.kpis = new DataSource({
      id,
      name: `KPIs pushed to the monitoring service of ${o.site}`,
      site: o.site,
      kind: 'service',
      bus: o.bus,
      logger: o.logger,
    });
  }

  get kpiSourceId(): string {
    return this.o.kpiSourceId ?? `kpi-${this.o.site}`;
  }

  async start(): Promise<void> {
    await this.directory.start();
    await this.kpis.start();
  }

  async stop(): Promise<void> {
    await this.kpis.stop();
    await this.directory.stop();
  }

  listSources(filter: { kind?: string; site?: string } = {}): DataSourceInfoJson[] {
    const kind = filter.kind || undefined;
    if (kind !== undefined && !DATA_SOURCE_KINDS.includes(kind as DataSourceKind)) {
      throw errors.invalid('kind', `"${kind}" is not one of ${DATA_SOURCE_KINDS.join(', ')}`);
    }
    return this.directory
      .sources()
      .filter((s) => (!kind || s.kind === kind) && (!filter.site || s.site === filter.site))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  listProbes(filter: { dataSourceId?: string; serviceId?: string } = {}): ProbeInfoJson[] {
    const sources = this.directory.sources();
    if (filter.dataSourceId && !sources.some((s) => s.id === filter.dataSourceId)) {
      throw errors.notFound('data source', filter.dataSourceId);
    }
    return sources
      .filter((s) => !filter.dataSourceId || s.id === filter.dataSourceId)
      .flatMap((s) => s.probes)
      .filter((p) => !filter.serviceId || p.serviceId === filter.serviceId)
      .sort((a, b) => a.dataSourceId.localeCompare(b.dataSourceId) || a.name.localeCompare(b.name));
  }

  /**
   * Relays a control request and returns the probe as the data source acknowledged it; its
   * refusal is thrown with its code, DEADLINE_EXCEEDED when it does not answer in time.
   */
  async controlProbe(input: ControlProbeInput): Promise<ProbeInfoJson> {
    const action = checkAction(input.action);
    if (!input.dataSourceId) throw errors.invalid('dataSourceId', 'is required');
    if (action !== 'add' && !input.probeId) throw errors.invalid('probeId', `is required for "${action}"`);
    if (action === 'rate' && !input.periodMs) throw errors.invalid('periodMs', 'is required for "rate"');
    if (action === 'add' && !input.probe?.name) throw errors.invalid('probe.name', 'is required for "add"');
    const timeoutMs = input.timeoutMs || this.controlTimeoutMs;
    const site =
      input.site || this.directory.sources().find((s) => s.id === input.dataSourceId)?.site || this.o.site;
    const req: ControlProbeRequest = { dataSourceId: input.dataSourceId, action };
    if (input.probeId) req.probeId = input.probeId;
    if (action === 'rate') req.periodMs = input.periodMs;
    if (action === 'add') {
      const periodMs = input.periodMs || input.probe?.periodMs || DEFAULT_ADD_PERIOD_MS;
      req.probe = { ...input.probe, periodMs, ...(input.probeId ? { id: input.probeId } : {}) };
    }
    const ack = await controlProbe(this.o.bus, site, req, timeoutMs);
    if (!ack.ok) {
      const code = ack.errorCode && isErrorCode(ack.errorCode) ? ack.errorCode : 'INTERNAL';
      throw new ReservoirError(
        code,
        ack.errorMessage || `data source "${input.dataSourceId}" refused "${action}"`,
      );
    }
    if (!ack.probe) {
      throw errors.internal(`data source "${input.dataSourceId}" acknowledged "${action}" without the probe`);
    }
    return ack.probe;
  }

  /** Publishes one KPI value; the first push of a (service, name) creates its probe. */
  pushKpi(input: PushKpiInput): ProbeInfoJson {
    if (!NAME.test(input.serviceId)) {
      throw errors.invalid(
        'serviceId',
        `"${input.serviceId}" may hold letters, digits, '.', '_' or '-' only`,
      );
    }
    if (!NAME.test(input.name)) {
      throw errors.invalid('name', `"${input.name}" may hold letters, digits, '.', '_' or '-' only`);
    }
    if (!Number.isFinite(input.value))
      throw errors.invalid('value', `must be a finite number, not ${input.value}`);
    const units = input.units ?? '';
    const id = `kpi:${input.serviceId}:${input.name}`;
    let probe = this.kpis.probes().find((p) => p.id === id);
    if (!probe) {
      probe = this.kpis.addProbe({
        id,
        name: input.name,
        serviceId: input.serviceId,
        attributes: [{ field: 1, name: 'value', type: 'double', units }],
        periodMs: KPI_PERIOD_MS,
        qos: 1,
      });
    } else if (units && probe.attributes[0]?.units !== units) {
      throw errors.invalid(
        'units',
        `KPI "${input.name}" of service "${input.serviceId}" is in "${probe.attributes[0]?.units ?? ''}", not "${units}"`,
      );
    }
    this.kpis.emit(id, { value: input.value });
    return probe;
  }
}

function checkAction(action: string): ControlAction {
  if (!(CONTROL_ACTIONS as readonly string[]).includes(action)) {
    throw errors.invalid('action', `"${action}" is not one of ${CONTROL_ACTIONS.join(', ')}`);
  }
  return action as ControlAction;
}
