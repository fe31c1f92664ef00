import { MonitoringServiceDefinition } from '@reservoir/contracts';
import { GrpcServer, MqttBus, type Logger, type MessageBus } from '@reservoir/runtime';
import { monitoringHandlers } from './service/grpc-handlers.js';
import { MonitoringService } from './service/monitoring-service.js';

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
}

export interface RunningMonitoring {
  service: MonitoringService;
  /** host:port of the MonitoringService. */
  address: string;
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
  const server = new GrpcServer({ logger }).addService(
    'reservoir.monitoring.v1.MonitoringService',
    MonitoringServiceDefinition,
    monitoringHandlers(service),
  );
  const listen = options.listen ?? '127.0.0.1:0';
  let port: number;
  try {
    port = await server.listen(listen);
  } catch (e) {
    await service.stop();
    if (typeof options.mqtt === 'string') await bus.close();
    throw e;
  }
  return {
    service,
    address: `${listen.slice(0, listen.lastIndexOf(':'))}:${port}`,
    stop: async () => {
      await server.shutdown(2000);
      await service.stop();
      if (typeof options.mqtt === 'string') await bus.close();
    },
  };
}
