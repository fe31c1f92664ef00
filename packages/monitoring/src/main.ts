import { Command } from 'commander';
import { announceListening, createLogger, loadConfig, runMain, stopOnSignals } from '@reservoir/runtime';
import { securityForProcess } from '@reservoir/security';
import { monitorConfigSchema } from './config.js';
import { createMonitoring } from './create-monitoring.js';

// The monitoring service as its own process: `node --import tsx packages/monitoring/src/main.ts`.
// Environment variables RESERVOIR_MONITOR_<NAME> override the file (e.g. RESERVOIR_MONITOR_MQTT).
// The security store comes from --security or RESERVOIR_SECURITY; the Service Managers (--sm) tell
// which organization a service's KPIs and probes belong to.

const program = new Command('reservoir-monitor')
  .option('--config <file>', 'YAML or JSON configuration file')
  .option('--site <name>', 'site name')
  .option('--all-sites', "watch every site's data sources, not only this site's")
  .option('--mqtt <url>', 'MQTT broker URL of the monitoring planes')
  .option('--listen <address>', 'gRPC listen address (host:port)')
  .option('--control-timeout <ms>', "wait for a data source's answer to a control request, ms")
  .option('--metrics-listen <address>', "Prometheus metrics address (host:port; '' for none)")
  .option('--security <url>', 'security store (sqlite:<file> or postgres://…); absent: no access checks')
  .option(
    '--sm <address>',
    "a site's Service Manager (host:port), which knows the organization of its services; repeatable",
    (v: string, p: string[] = []) => [...p, v],
  )
  .parse();

const flags = program.opts<{
  config?: string;
  site?: string;
  allSites?: boolean;
  mqtt?: string;
  listen?: string;
  controlTimeout?: string;
  metricsListen?: string;
  security?: string;
  sm?: string[];
}>();

async function main(): Promise<void> {
  const config = loadConfig(monitorConfigSchema, {
    ...(flags.config ? { file: flags.config } : {}),
    envPrefix: 'RESERVOIR_MONITOR',
    overrides: {
      site: flags.site,
      allSites: flags.allSites,
      mqtt: flags.mqtt,
      listen: flags.listen,
      controlTimeoutMs: flags.controlTimeout,
      metricsListen: flags.metricsListen,
    },
  });
  const logger = createLogger({ service: 'monitor', level: config.logLevel, destination: 2 });
  const security = await securityForProcess(
    flags.security ?? (process.env.RESERVOIR_SECURITY || undefined),
    'monitoring',
    logger,
  );
  if (security && !flags.sm?.length) {
    logger.warn("no Service Manager (--sm): KPIs are reported in the caller's organization, unchecked");
  }
  const running = await createMonitoring({
    site: config.site,
    allSites: config.allSites,
    mqtt: config.mqtt,
    logger,
    listen: config.listen,
    controlTimeoutMs: config.controlTimeoutMs,
    ...(config.metricsListen ? { metricsListen: config.metricsListen } : {}),
    bridgeProbes: config.bridgeProbes,
    ...(security ? { enforce: security.enforce } : {}),
    ...(flags.sm?.length ? { serviceManagers: flags.sm } : {}),
  }).catch(async (e: unknown) => {
    await security?.close();
    throw e;
  });
  announceListening({
    service: 'monitor',
    site: config.site,
    address: running.address,
    ...(running.metrics ? { metrics: running.metrics } : {}),
  });
  stopOnSignals(logger, async () => {
    await running.stop();
    await security?.close();
  });
}

runMain('monitor', main);
