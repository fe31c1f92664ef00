import { HostAgentDefinition } from '@reservoir/contracts';
import {
  createServiceMetrics,
  errors,
  GrpcServer,
  silentLogger,
  serveMetricsOrUndo,
  type Logger,
  type MetricsRegistry,
} from '@reservoir/runtime';
import { METRICS_ACCESS, type Enforcer } from '@reservoir/security';
import { veehAccess } from './adapters/grpc/access.js';
import { vhiHandlers } from './adapters/grpc/vhi-handlers.js';
import { GrpcPeerAgents } from './adapters/grpc/grpc-peer-agents.js';
import { systemClock } from './adapters/system-clock.js';
import { HostAgent } from './app/agent.js';
import type { PeerAgents } from './app/peer-agents.js';
import type { Clock } from './domain/clock.js';
import { LATENCY_PROFILES, type LatencyProfile, type LatencyProfileName } from './domain/latency.js';
import type { MigrationModel } from './domain/migration-plan.js';
import type { HypervisorDriver } from './domain/driver.js';
import { SimHost, type SimHostConfig, type SimEnvironment } from './domain/sim-host.js';
import { buildFleet, type HostFleet } from './fleet.js';
import { veehMetrics } from './veeh-metrics.js';

export const VHI_SERVICE = 'reservoir.veeh.v1.HostAgent';

export interface CreateVeehOptions {
  /** Explicit hosts, or a fleet generated from a count and a template. */
  hosts: SimHostConfig[] | HostFleet;
  logger?: Logger;
  /** Default 'none': every operation instant. */
  latencies?: LatencyProfileName | LatencyProfile;
  /** Seeds measurements and random faults; default 1. */
  seed?: number;
  /** Serve VHI on this address ("127.0.0.1:0" picks a port); without it, in-process only. */
  listen?: string;
  clock?: Clock;
  migration?: Partial<MigrationModel>;
  /** How to reach other agents; default VHI over gRPC. */
  peers?: PeerAgents;
  /** Serves Prometheus metrics (GET /metrics) on this address; port 0 picks a free one. Off when absent. */
  metricsListen?: string;
  /** The security enforcement point for every VHI call; without it none is checked. */
  enforce?: Enforcer;
  /** Real hosts (e.g. a QemuDriver) served beside the simulated ones; closed by stop() if they can be. */
  drivers?: HypervisorDriver[];
}

export interface Veeh {
  agent: HostAgent;
  server: GrpcServer | undefined;
  /** host:port others dial, when listening. */
  address: string | undefined;
  /** host:port of the Prometheus metrics, when metricsListen was given. */
  metrics?: string;
  /** The registry behind them. */
  registry?: MetricsRegistry;
  /** The simulated host, for its controls (faults, silence, crashes); NOT_FOUND for an unknown id. */
  host(hostId: string): SimHost;
  stop(): Promise<void>;
}

// A wildcard bind is reachable on loopback; the announced address must be one a peer can dial.
function dialable(listen: string, port: number): string {
  const host = listen.slice(0, listen.lastIndexOf(':'));
  return `${host === '0.0.0.0' || host === '[::]' || host === '' ? '127.0.0.1' : host}:${port}`;
}

/** A VEEH agent of simulated hosts, serving VHI when `listen` is given. */
export async function createVeeh(options: CreateVeehOptions): Promise<Veeh> {
  const logger = options.logger ?? silentLogger();
  const clock = options.clock ?? systemClock;
  const latencies =
    typeof options.latencies === 'object' ? options.latencies : LATENCY_PROFILES[options.latencies ?? 'none'];
  const env: SimEnvironment = { clock, latencies, seed: options.seed ?? 1 };
  const peers = options.peers ?? new GrpcPeerAgents();
  const agent = new HostAgent({
    logger,
    clock,
    peers,
    migration: options.migration,
    migrationTimeScale: latencies.migrationTimeScale,
  });
  const registry =
    options.metricsListen === undefined ? undefined : createServiceMetrics({ service: 'veeh' });
  const metrics = registry ? veehMetrics(registry) : undefined;
  const configs = Array.isArray(options.hosts) ? options.hosts : buildFleet(options.hosts);
  const sims = new Map<string, SimHost>();
  for (const config of configs) {
    const sim = new SimHost(config, env);
    // The agent calls the instrumented driver; host() hands out the simulation's controls.
    agent.addHost(metrics ? metrics.instrument(sim) : sim);
    sims.set(sim.hostId, sim);
  }
  const drivers = options.drivers ?? [];
  for (const driver of drivers) agent.addHost(metrics ? metrics.instrument(driver) : driver);
  // Real drivers let go of their guests on stop; the guests keep running for the next agent.
  const closeDrivers = async (): Promise<void> => {
    for (const driver of drivers) await (driver as { close?: () => Promise<void> }).close?.();
  };

  let server: GrpcServer | undefined;
  let address: string | undefined;
  if (options.listen !== undefined) {
    server = new GrpcServer({
      logger,
      ...(registry ? { metrics: registry } : {}),
      ...(options.enforce ? { guards: [options.enforce(veehAccess())] } : {}),
    });
    server.addService(VHI_SERVICE, HostAgentDefinition, vhiHandlers(agent));
    try {
      address = dialable(options.listen, await server.listen(options.listen));
    } catch (e) {
      peers.close();
      throw e;
    }
    logger.info({ address, hosts: sims.size + drivers.length }, 'VHI listening');
  }
  const metricsServer = await serveMetricsOrUndo({
    registry,
    listen: options.metricsListen,
    guard: options.enforce?.(METRICS_ACCESS),
    undo: async () => {
      if (server) await server.shutdown(1_000);
      peers.close();
    },
    logger,
  });

  return {
    agent,
    server,
    address,
    ...(metricsServer ? { metrics: metricsServer.address, registry } : {}),
    host: (hostId) => {
      agent.driver(hostId);
      const sim = sims.get(hostId);
      if (!sim) throw errors.precondition(`host ${hostId} is not simulated`);
      return sim;
    },
    stop: async () => {
      await metricsServer?.close();
      if (server) await server.shutdown(1_000);
      peers.close();
      await closeDrivers();
    },
  };
}
