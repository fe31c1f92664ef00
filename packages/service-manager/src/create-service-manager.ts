import { ServiceManagerServiceDefinition, TaskServiceDefinition } from '@reservoir/contracts';
import {
  createServiceMetrics,
  GrpcServer,
  MqttBus,
  openSiteDatabase,
  siteSchema,
  serveMetricsOrUndo,
  TaskRegistry,
  type Logger,
  type MessageBus,
  type MetricsRegistry,
  type MetricsServer,
  type SqlDatabase,
} from '@reservoir/runtime';
import { METRICS_ACCESS, type Enforcer } from '@reservoir/security';
import { smAccess } from './adapters/grpc/access.js';
import { smiHandlers, smTaskHandlers } from './adapters/grpc/smi-handlers.js';
import { AccountingQuoter } from './adapters/grpc/accounting-quoter.js';
import { PolicyEngineAdmission } from './adapters/grpc/pe-admission.js';
import { GrpcVeemGateway } from './adapters/grpc/veem-gateway.js';
import { MonitoringKpiSource } from './adapters/monitoring/monitoring-kpi-source.js';
import { MqttServiceEvents } from './adapters/mqtt/service-events.js';
import { SqlSmStore } from './adapters/store/sql-sm-store.js';
import { ElasticityDriver } from './app/elasticity-driver.js';
import type { ServiceEventSink, SignaturePolicy } from './app/ports.js';
import { ServiceManager } from './app/service-manager.js';
import { defaultSettings, type SmSettings } from './app/settings.js';
import { smMetrics } from './sm-metrics.js';

export interface CreateServiceManagerOptions {
  site: string;
  /** A database URL or an open database. On PostgreSQL a URL keeps the tables in schema sm_<site>. */
  database: string | SqlDatabase;
  /** The site's VEEM (host:port). */
  veem: string;
  /** The site's Policy Engine, for admission; without it every service that fits the rules is admitted. */
  policyEngine?: string;
  /** The accounting service: its price list estimates manifests for the budget directive. */
  accounting?: string;
  /** A broker URL or a connected bus: service events out, KPIs in. Without it nothing scales by rule. */
  mqtt?: string | MessageBus;
  settings?: Partial<Omit<SmSettings, 'site'>>;
  logger: Logger;
  /** gRPC listen address; port 0 picks a free one. */
  listen?: string;
  /** Serves Prometheus metrics (GET /metrics) on this address. Off when absent. */
  metricsListen?: string;
  now?: () => number;
  /** The security enforcement point; without it every caller is admitted. */
  enforce?: Enforcer;
  /** Which organizations require signed OVF packages, and whom to trust; without it none does. */
  signatures?: SignaturePolicy;
}

export interface RunningServiceManager {
  sm: ServiceManager;
  address: string;
  metrics?: string;
  registry?: MetricsRegistry;
  stop(): Promise<void>;
}

/** The schema of a site's Service Manager in a shared PostgreSQL database. */
export function serviceManagerSchema(site: string): string {
  return siteSchema('sm', site);
}

/** Wires a Service Manager from its dependencies and serves the SMI; main.ts and tests use it. */
export async function createServiceManager(
  options: CreateServiceManagerOptions,
): Promise<RunningServiceManager> {
  const { site, logger } = options;
  const db =
    typeof options.database === 'string'
      ? await openSiteDatabase(options.database, 'sm', site)
      : options.database;
  const bus =
    typeof options.mqtt === 'string'
      ? await MqttBus.connect({
          url: options.mqtt,
          clientId: `sm-${site}-${process.pid}-${Date.now() % 100000}`,
          logger,
        })
      : options.mqtt;
  const store = new SqlSmStore(db);
  await store.migrate();
  const veem = new GrpcVeemGateway(options.veem);
  const admission = options.policyEngine ? new PolicyEngineAdmission(options.policyEngine) : undefined;
  const quoter = options.accounting ? new AccountingQuoter(options.accounting) : undefined;
  const now = options.now ?? Date.now;
  const tasks = new TaskRegistry(store, now);
  const sinks: ServiceEventSink[] = bus ? [new MqttServiceEvents(bus, site, logger)] : [];
  const sm = new ServiceManager({
    settings: { ...defaultSettings(site), ...options.settings, site },
    store,
    veem,
    ...(admission ? { admission } : {}),
    ...(quoter ? { quoter } : {}),
    ...(options.signatures ? { signatures: options.signatures } : {}),
    tasks,
    events: { published: (e, s) => sinks.forEach((sink) => sink.published(e, s)) },
    logger,
    now,
  });
  const kpis = bus ? new MonitoringKpiSource(bus, site, logger) : undefined;
  await kpis?.start();
  const driver = kpis ? new ElasticityDriver(sm, kpis, logger) : undefined;
  if (driver) sm.observe(driver);
  await sm.start();

  const registry =
    options.metricsListen === undefined
      ? undefined
      : createServiceMetrics({ service: 'sm', labels: { site } });
  if (registry) sinks.push(smMetrics(registry, sm));
  const server = new GrpcServer({
    logger,
    ...(registry ? { metrics: registry } : {}),
    ...(options.enforce ? { guards: [options.enforce(smAccess(sm, tasks))] } : {}),
  })
    .addService('reservoir.sm.v1.ServiceManagerService', ServiceManagerServiceDefinition, smiHandlers(sm))
    .addService('reservoir.common.v1.TaskService', TaskServiceDefinition, smTaskHandlers(tasks));
  const listen = options.listen ?? '127.0.0.1:0';
  const port = await server.listen(listen);
  const address = `${listen.slice(0, listen.lastIndexOf(':'))}:${port}`;
  const served: { metrics: MetricsServer | undefined } = { metrics: undefined };
  const stop = async () => {
    await served.metrics?.close();
    await server.shutdown(2000);
    driver?.stop();
    await sm.stop();
    await kpis?.stop();
    veem.close();
    admission?.close();
    quoter?.close();
    if (typeof options.mqtt === 'string') await bus?.close();
    if (typeof options.database === 'string') await db.close();
  };
  served.metrics = await serveMetricsOrUndo({
    registry,
    listen: options.metricsListen,
    undo: stop,
    logger,
    guard: options.enforce?.(METRICS_ACCESS),
  });
  return { sm, address, ...(served.metrics ? { metrics: served.metrics.address, registry } : {}), stop };
}
