import { MonitoringServiceDefinition } from '@reservoir/contracts';
import {
  createServiceMetrics,
  GrpcServer,
  MqttBus,
  serveMetricsOrUndo,
  type Logger,
  type MessageBus,
  type MetricsServer,
} from '@reservoir/runtime';
import { METRICS_ACCESS, type Enforcer } from '@reservoir/security';
import { monitoringAccess } from './service/access.js';
import { monitoringHandlers } from './service/grpc-handlers.js';
import { MonitoringService } from './service/monitoring-service.js';
import { PrometheusBridge } from './service/prometheus-bridge.js';
import {
  serviceManagerLookup,
  ServiceOrganizations,
  type OrganizationLookup,
} from './service/service-organizations.js';

export interface CreateMonitoringOptions {
  site: string;
  /** Watch the data sources of every site, not only this one's. */
  allSites?: boolean;
  /** A broker URL or a connected bus. */
  mqtt: string | MessageBus;
  logger: Logger;
  /** gRPC listen address; port 0 picks a free one. */
  listen?: string;
  /** Default wait for a data source's answer to a control request (default 5 s). */
  controlTimeoutMs?: number;
  /** Prometheus metrics address (port 0 picks one); absent serves none. */
  metricsListen?: string;
  /** Probe id prefixes whose measurements the metrics expose (default: host probes and KPIs). */
  bridgeProbes?: string[];
  /** Checks every call against the site's access policy; absent admits every caller. */
  enforce?: Enforcer;
  /** Service Managers (host:port) that tell the organization of a service, for access decisions. */
  serviceManagers?: string[];
  /** Tells a service's organization instead of asking serviceManagers. */
  serviceOrganization?: OrganizationLookup;
}

export interface RunningMonitoring {
  service: MonitoringService;
  /** host:port of the MonitoringService. */
  address: string;
  /** host:port of the Prometheus metrics, when metricsListen was given. */
  metrics?: string;
  stop(): Promise<void>;
}

/** Wires the monitoring service from its dependencies and serves it; main.ts and the tests both use it. */
export async function createMonitoring(options: CreateMonitoringOptions): Promise<RunningMonitoring> {
  const { site, logger } = options;
  const bus =
    typeof options.mqtt === 'string'
      ? await MqttBus.connect({
          url: options.mqtt,
          clientId: `monitor-${site}-${process.pid}-${Date.now() % 100000}`,
          logger,
        })
      : options.mqtt;
  const service = new MonitoringService({
    bus,
    site,
    logger,
    ...(options.allSites ? { allSites: true } : {}),
    ...(options.controlTimeoutMs ? { controlTimeoutMs: options.controlTimeoutMs } : {}),
  });
  await service.start();
  const registry =
    options.metricsListen === undefined
      ? undefined
      : createServiceMetrics({ service: 'monitoring', labels: { site } });
  const bridge = registry
    ? new PrometheusBridge({
        bus,
        site: options.allSites ? '+' : site,
        registry,
        probes: options.bridgeProbes ?? ['host:', 'kpi:'],
        logger,
      })
    : undefined;
  await bridge?.start();
  const sms =
    !options.serviceOrganization && options.serviceManagers?.length
      ? serviceManagerLookup(options.serviceManagers)
      : undefined;
  const lookup = options.serviceOrganization ?? sms?.lookup;
  const organizations = lookup ? new ServiceOrganizations(lookup) : undefined;
  const server = new GrpcServer({
    logger,
    ...(registry ? { metrics: registry } : {}),
    ...(options.enforce ? { guards: [options.enforce(monitoringAccess(organizations))] } : {}),
  }).addService(
    'reservoir.monitoring.v1.MonitoringService',
    MonitoringServiceDefinition,
    monitoringHandlers(service, organizations),
  );
  const listen = options.listen ?? '127.0.0.1:0';
  let port: number;
  try {
    port = await server.listen(listen);
  } catch (e) {
    sms?.close();
    await bridge?.stop();
    await service.stop();
    if (typeof options.mqtt === 'string') await bus.close();
    throw e;
  }
  // Filled last; stop() may run before that (when serving the metrics fails).
  const served: { metrics: MetricsServer | undefined } = { metrics: undefined };
  const stop = async () => {
    await served.metrics?.close();
    await server.shutdown(2000);
    sms?.close();
    await bridge?.stop();
    await service.stop();
    if (typeof options.mqtt === 'string') await bus.close();
  };
  served.metrics = await serveMetricsOrUndo({
    registry,
    listen: options.metricsListen,
    undo: stop,
    logger,
    guard: options.enforce?.(METRICS_ACCESS),
  });
  return {
    service,
    address: `${listen.slice(0, listen.lastIndexOf(':'))}:${port}`,
    ...(served.metrics ? { metrics: served.metrics.address } : {}),
    stop,
  };
}
