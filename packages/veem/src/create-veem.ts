import {
  createServiceMetrics,
  GrpcServer,
  MqttBus,
  openDatabase,
  serveMetricsOrUndo,
  type Logger,
  type MetricsRegistry,
  type MetricsServer,
  type MessageBus,
  type SqlDatabase,
} from '@reservoir/runtime';
import { METRICS_ACCESS, type Enforcer } from '@reservoir/security';
import {
  HostServiceDefinition,
  ImageServiceDefinition,
  NetworkServiceDefinition,
  QuotaServiceDefinition,
  FederationServiceDefinition,
  TaskServiceDefinition,
  VmServiceDefinition,
} from '@reservoir/contracts';
import { veemAccess, veemGuard } from './adapters/grpc/access.js';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiskTool } from './app/disk-tool.js';
import { Federation } from './app/federation/federation.js';
import { InteropTests } from './app/federation/interop-test.js';
import { DEFAULT_FEDERATION, type FederationSettings } from './app/federation/settings.js';
import { ImageContent } from './app/image-content.js';
import { ImageRepository } from './adapters/disk/image-repository.js';
import { QemuImg } from './adapters/disk/qemu-img.js';
import { federationHandlers } from './adapters/grpc/federation-handlers.js';
import {
  GrpcPartner,
  PeerTokenSource,
  type ConfiguredPartner,
  type PeerTokenIssuer,
} from './adapters/grpc/grpc-partner.js';
import { RoutingAgentGateway } from './adapters/grpc/partner-agent.js';
import { registerPartnerHosts } from './adapters/grpc/partner-hosts.js';
import { policyEngineSiteChooser } from './adapters/grpc/pe-site-chooser.js';
import { PARTNER_LABEL } from './app/scheduler-loop.js';
import { SqlFederationStore } from './adapters/store/sql-federation-store.js';
import type { VeemSettings } from './app/context.js';
import type { AgentGateway, Placer } from './app/ports.js';
import { Veem } from './app/veem.js';
import { GrpcAgentGateway } from './adapters/grpc/agent-gateway.js';
import { PolicyEnginePlacer } from './adapters/grpc/policy-engine-placer.js';
import {
  hostHandlers,
  imageHandlers,
  networkHandlers,
  quotaHandlers,
  taskServiceHandlers,
  vmHandlers,
} from './adapters/grpc/vmi-handlers.js';
import { MqttEventPublisher } from './adapters/mqtt/event-publisher.js';
import { startVeemMonitoring } from './probes/veem-monitoring.js';
import { SqlVeemStore } from './adapters/store/sql-veem-store.js';
import { veemMetrics } from './veem-metrics.js';

export interface CreateVeemOptions {
  site: string;
  /** A database URL or an open database. */
  database: string | SqlDatabase;
  /** A broker URL or a connected bus. */
  mqtt: string | MessageBus;
  logger: Logger;
  /** gRPC listen address; port 0 picks a free one. */
  listen?: string;
  settings?: Partial<Omit<VeemSettings, 'site'>>;
  agents?: AgentGateway;
  /** Overrides the placer chosen by settings.scheduler.policyEngine. */
  placer?: Placer;
  /** Serves Prometheus metrics (GET /metrics) on this address; port 0 picks a free one. Off when absent. */
  metricsListen?: string;
  /** Federation agreements and the image repository; a temporary repository when imageDir is ''. */
  federation?: Partial<Omit<FederationSettings, 'partners'>> & { partners?: ConfiguredPartner[] };
  /** The disk tool (qemu-img by default). */
  disks?: DiskTool;
  /** Publish the platform probes (VMs per state, queue, tasks) on the monitoring data plane. */
  monitoring?: { periodMs: number };
  /** The security enforcement point for every VMI, federation and task call; without it none is checked. */
  enforce?: Enforcer;
  /**
   * Issues this site's federation peer tokens (the security store's Identities): partners with
   * peerAuth are called with one instead of the process credential.
   */
  peerTokens?: PeerTokenIssuer;
}

export interface RunningVeem {
  veem: Veem;
  federation: Federation;
  /** host:port of the VMI. */
  address: string;
  /** host:port of the Prometheus metrics, when metricsListen was given. */
  metrics?: string;
  /** The registry behind them. */
  registry?: MetricsRegistry;
  stop(): Promise<void>;
}

import { DEFAULT_SETTINGS } from './settings.js';

export { DEFAULT_SETTINGS };

/** Wires a VEEM from its dependencies and serves the VMI; main.ts and the tests both use it. */
export async function createVeem(options: CreateVeemOptions): Promise<RunningVeem> {
  const db = typeof options.database === 'string' ? await openDatabase(options.database) : options.database;
  const bus =
    typeof options.mqtt === 'string'
      ? await MqttBus.connect({
          url: options.mqtt,
          clientId: `veem-${options.site}-${process.pid}-${Date.now() % 100000}`,
          logger: options.logger,
        })
      : options.mqtt;
  const settings: VeemSettings = {
    site: options.site,
    ...DEFAULT_SETTINGS,
    ...options.settings,
    scheduler: { ...DEFAULT_SETTINGS.scheduler, ...options.settings?.scheduler },
    monitor: { ...DEFAULT_SETTINGS.monitor, ...options.settings?.monitor },
  };
  // Partner sites registered as large hosts are reached through the federation, the rest over VHI.
  const agents = new RoutingAgentGateway(options.agents ?? new GrpcAgentGateway(settings.hostCallTimeoutMs));
  const store = new SqlVeemStore(db);
  // With a Policy Engine configured, it decides every placement; otherwise the built-in scheduler.
  const { policyEngine, policyEngineTimeoutMs } = settings.scheduler;
  const placer =
    options.placer ??
    (policyEngine ? new PolicyEnginePlacer(policyEngine, { timeoutMs: policyEngineTimeoutMs }) : undefined);
  const registry =
    options.metricsListen === undefined
      ? undefined
      : createServiceMetrics({ service: 'veem', labels: { site: options.site } });
  const metrics = registry ? veemMetrics(registry) : undefined;
  const events = new MqttEventPublisher(bus, options.site, options.logger);
  const veem = await Veem.open({
    settings,
    store,
    agents,
    events: metrics ? metrics.events(events) : events,
    logger: options.logger,
    ...(placer ? { placer } : {}),
  });
  if (policyEngine && !options.placer)
    options.logger.info({ policyEngine }, 'placement by the policy engine');
  metrics?.observe(veem);
  const fedSettings: FederationSettings = { ...DEFAULT_FEDERATION, ...options.federation };
  const ownImageDir = !fedSettings.imageDir;
  if (ownImageDir) fedSettings.imageDir = await mkdtemp(join(tmpdir(), `reservoir-images-${options.site}-`));
  await mkdir(fedSettings.imageDir, { recursive: true });
  const peerToken = options.peerTokens ? new PeerTokenSource(options.peerTokens, options.site) : undefined;
  const unsigned = fedSettings.partners.filter((p: ConfiguredPartner) => p.peerAuth && !peerToken);
  if (unsigned.length > 0)
    options.logger.warn(
      { partners: unsigned.map((p) => p.site) },
      'peerAuth without a security store: these partners get the process credential instead of a peer token',
    );
  const files = new ImageRepository(fedSettings.imageDir);
  await files.sweepTemp();
  const disks = options.disks ?? new QemuImg();
  const federation = new Federation({
    veem,
    store: new SqlFederationStore(db),
    settings: fedSettings,
    files,
    disks,
    connect: (agreement: ConfiguredPartner) =>
      new GrpcPartner(agreement, options.site, undefined, agreement.peerAuth ? peerToken : undefined),
    ...(policyEngine
      ? { chooseSite: policyEngineSiteChooser(policyEngine, options.site, policyEngineTimeoutMs) }
      : {}),
  });
  agents.federation = federation;
  veem.scheduler.burst = (vms, hosts) =>
    federation.chooseBurstSites(
      vms,
      hosts.map((h) => h.host.labels[PARTNER_LABEL] ?? ''),
    );
  const content = new ImageContent(veem, files, disks);
  const server = new GrpcServer({
    logger: options.logger,
    ...(registry ? { metrics: registry } : {}),
    ...(options.enforce ? { guards: [veemGuard(options.enforce, veemAccess(veem, federation))] } : {}),
  })
    .addService('reservoir.veem.v1.VmService', VmServiceDefinition, vmHandlers(veem))
    .addService('reservoir.veem.v1.HostService', HostServiceDefinition, hostHandlers(veem))
    .addService('reservoir.veem.v1.ImageService', ImageServiceDefinition, imageHandlers(veem, content))
    .addService(
      'reservoir.veem.v1.FederationService',
      FederationServiceDefinition,
      federationHandlers(federation, new InteropTests(federation)),
    )
    .addService('reservoir.veem.v1.NetworkService', NetworkServiceDefinition, networkHandlers(veem))
    .addService('reservoir.veem.v1.QuotaService', QuotaServiceDefinition, quotaHandlers(veem))
    .addService('reservoir.common.v1.TaskService', TaskServiceDefinition, taskServiceHandlers(veem));
  const listen = options.listen ?? '127.0.0.1:0';
  const port = await server.listen(listen);
  const address = `${listen.slice(0, listen.lastIndexOf(':'))}:${port}`;
  await federation.start();
  await veem.start();
  const partnerHosts = registerPartnerHosts(veem, fedSettings, options.logger);
  // Filled last; stop() may run before that (when serving the metrics fails).
  const served: { metrics: MetricsServer | undefined } = { metrics: undefined };
  const probes = options.monitoring
    ? await startVeemMonitoring({
        veem,
        bus,
        site: options.site,
        periodMs: options.monitoring.periodMs,
        logger: options.logger,
      })
    : undefined;
  const stop = async () => {
    await probes?.stop();
    await served.metrics?.close();
    await server.shutdown(2000);
    partnerHosts.stop();
    federation.stop();
    await veem.stop();
    if (!options.placer) placer?.close();
    agents.close();
    if (typeof options.mqtt === 'string') await bus.close();
    if (typeof options.database === 'string') await db.close();
    if (ownImageDir) await rm(fedSettings.imageDir, { recursive: true, force: true });
  };
  served.metrics = await serveMetricsOrUndo({
    registry,
    listen: options.metricsListen,
    undo: stop,
    logger: options.logger,
    guard: options.enforce?.(METRICS_ACCESS),
  });
  return {
    veem,
    federation,
    address,
    ...(served.metrics ? { metrics: served.metrics.address, registry } : {}),
    stop,
  };
}
