import { PolicyServiceDefinition, TaskServiceDefinition } from '@reservoir/contracts';
import {
  createServiceMetrics,
  GrpcServer,
  MqttBus,
  openSiteDatabase,
  siteSchema,
  SqlTaskStore,
  serveMetricsOrUndo,
  type Logger,
  type MetricsRegistry,
  type MetricsServer,
  type MessageBus,
  type SqlDatabase,
} from '@reservoir/runtime';
import { METRICS_ACCESS, type Enforcer } from '@reservoir/security';
import { PolicyEngine } from './app/policy-engine.js';
import { policyEngineAccess } from './adapters/grpc/access.js';
import { planTaskHandlers, policyHandlers } from './adapters/grpc/policy-handlers.js';
import { GrpcVeemGateway } from './adapters/grpc/veem-gateway.js';
import { MqttPolicyEvents } from './adapters/mqtt/policy-events.js';
import { MeasuredHostLoad } from './app/host-load.js';
import { SqlPolicyRepository } from './adapters/store/sql-policy-repository.js';
import { peMetrics } from './pe-metrics.js';

export interface CreatePolicyEngineOptions {
  site: string;
  /** A database URL or an open database. On PostgreSQL a URL keeps the tables in schema pe_<site>. */
  database: string | SqlDatabase;
  /** The site's VEEM (host:port), for optimization. */
  veem?: string;
  /** A broker URL or a connected bus, for policy change events and measured host load. */
  mqtt?: string | MessageBus;
  /**
   * Hosts whose measured CPU (monitoring host probes, mean over windowMs) is above cpuPercent
   * take no new VMs. Needs mqtt.
   */
  loadCutoff?: { cpuPercent: number; windowMs: number };
  logger: Logger;
  /** gRPC listen address; port 0 picks a free one. */
  listen?: string;
  /** Serves Prometheus metrics (GET /metrics) on this address; port 0 picks a free one. Off when absent. */
  metricsListen?: string;
  /** Checks every call against the site's access policy; absent admits every caller. */
  enforce?: Enforcer;
}

export interface RunningPolicyEngine {
  engine: PolicyEngine;
  /** host:port of the PolicyService (and the TaskService of its plans). */
  address: string;
  /** host:port of the Prometheus metrics, when metricsListen was given. */
  metrics?: string;
  /** The registry behind them. */
  registry?: MetricsRegistry;
  stop(): Promise<void>;
}

/** The schema of a site's engine in a shared PostgreSQL database. */
export function policyEngineSchema(site: string): string {
  return siteSchema('pe', site);
}

/** Wires a Policy Engine from its dependencies and serves it; main.ts and the tests both use it. */
export async function createPolicyEngine(options: CreatePolicyEngineOptions): Promise<RunningPolicyEngine> {
  const { site, logger } = options;
  const db =
    typeof options.database === 'string'
      ? await openSiteDatabase(options.database, 'pe', site)
      : options.database;
  const bus =
    typeof options.mqtt === 'string'
      ? await MqttBus.connect({
          url: options.mqtt,
          clientId: `pe-${site}-${process.pid}-${Date.now() % 100000}`,
          logger,
        })
      : options.mqtt;
  const repository = new SqlPolicyRepository(db);
  await repository.migrate();
  const taskStore = new SqlTaskStore(db);
  await taskStore.migrate();
  const veem = options.veem ? new GrpcVeemGateway(options.veem) : undefined;
  const load =
    bus && options.loadCutoff && options.loadCutoff.cpuPercent > 0
      ? new MeasuredHostLoad({ bus, site, windowMs: options.loadCutoff.windowMs, logger })
      : undefined;
  await load?.start();
  const engine = await PolicyEngine.open({
    ...(load && options.loadCutoff
      ? { load: { view: load, cpuPercent: options.loadCutoff.cpuPercent } }
      : {}),
    site,
    repository,
    taskStore,
    ...(bus ? { events: new MqttPolicyEvents(bus, site, logger) } : {}),
    ...(veem ? { veem } : {}),
    lock: { acquire: () => db.tryLock(`pe-optimizer:${site}`) },
    logger,
  });
  const registry =
    options.metricsListen === undefined
      ? undefined
      : createServiceMetrics({ service: 'pe', labels: { site } });
  const metrics = registry ? peMetrics(registry) : undefined;
  metrics?.observe(engine);
  const handlers = policyHandlers(engine);
  const server = new GrpcServer({
    logger,
    ...(registry ? { metrics: registry } : {}),
    ...(options.enforce ? { guards: [options.enforce(policyEngineAccess(site, engine.tasks))] } : {}),
  })
    .addService(
      'reservoir.pe.v1.PolicyService',
      PolicyServiceDefinition,
      metrics ? metrics.handlers(handlers) : handlers,
    )
    .addService('reservoir.common.v1.TaskService', TaskServiceDefinition, planTaskHandlers(engine.tasks));
  const listen = options.listen ?? '127.0.0.1:0';
  const port = await server.listen(listen);
  const address = `${listen.slice(0, listen.lastIndexOf(':'))}:${port}`;
  await engine.start();
  // Filled last; stop() may run before that (when serving the metrics fails).
  const served: { metrics: MetricsServer | undefined } = { metrics: undefined };
  const stop = async () => {
    await served.metrics?.close();
    await server.shutdown(2000);
    await engine.stop();
    await load?.stop();
    veem?.close();
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
  return {
    engine,
    address,
    ...(served.metrics ? { metrics: served.metrics.address, registry } : {}),
    stop,
  };
}
