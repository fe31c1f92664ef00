import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { announceListening, createLogger, loadConfig, runMain, stopOnSignals } from '@reservoir/runtime';
import { securityForProcess } from '@reservoir/security';
import { veemConfigSchema } from './config.js';
import { createVeem } from './create-veem.js';

// The VEEM as its own process: `node --import tsx packages/veem/src/main.ts --config veem.yaml`.
// Environment variables RESERVOIR_VEEM_<PATH> override the file (e.g. RESERVOIR_VEEM_GRPC__LISTEN,
// RESERVOIR_VEEM_METRICS__LISTEN). Access is enforced against the security store named by --security
// (or RESERVOIR_SECURITY); calls to agents, partners and the Policy Engine present RESERVOIR_CREDENTIAL,
// except partners with peerAuth, which get a federation peer token signed by that store's key.

const program = new Command('reservoir-veem')
  .option('--config <file>', 'YAML or JSON configuration file')
  .option('--site <name>', 'site name')
  .option('--database <url>', 'sqlite:<path> or postgres://…')
  .option('--mqtt <url>', 'MQTT broker URL')
  .option('--listen <address>', 'gRPC listen address (host:port)')
  .option(
    '--metrics-listen <address>',
    "Prometheus metrics address (host:port, default 127.0.0.1:0; '' for none)",
  )
  .option(
    '--security <url>',
    'security store database URL (default: RESERVOIR_SECURITY; none: no access checks)',
  )
  .parse();

const flags = program.opts<{
  config?: string;
  site?: string;
  database?: string;
  mqtt?: string;
  listen?: string;
  metricsListen?: string;
  security?: string;
}>();

async function main(): Promise<void> {
  const config = loadConfig(veemConfigSchema, {
    ...(flags.config ? { file: flags.config } : {}),
    envPrefix: 'RESERVOIR_VEEM',
    overrides: {
      site: flags.site,
      database: flags.database,
      ...(flags.mqtt ? { mqtt: { url: flags.mqtt } } : {}),
      ...(flags.listen ? { grpc: { listen: flags.listen } } : {}),
      ...(flags.metricsListen !== undefined ? { metrics: { listen: flags.metricsListen } } : {}),
    },
  });
  const logger = createLogger({ service: 'veem', level: config.logLevel, destination: 2 });
  const security = await securityForProcess(
    flags.security ?? process.env.RESERVOIR_SECURITY,
    `veem@${config.site}`,
    logger,
  );
  const running = await createVeem({
    site: config.site,
    database: config.database,
    mqtt: config.mqtt.url,
    logger,
    ...(security ? { enforce: security.enforce, peerTokens: security.identities } : {}),
    listen: config.grpc.listen,
    ...(config.metrics.listen ? { metricsListen: config.metrics.listen } : {}),
    ...(config.probes.periodMs > 0 ? { monitoring: { periodMs: config.probes.periodMs } } : {}),
    settings: {
      scheduler: { ...config.scheduler, policy: config.scheduler.policy as 'packing' },
      monitor: config.monitor,
      hostCallRetries: config.hostCallRetries,
      hostCallTimeoutMs: config.hostCallTimeoutMs,
      burstMaxRatio: config.burst.maxRatio,
    },
    federation: {
      ...config.federation,
      imageDir:
        config.federation.imageDir ||
        (config.database.startsWith('sqlite:') && !config.database.includes(':memory:')
          ? join(dirname(config.database.slice('sqlite:'.length)), 'images')
          : ''),
    },
  });
  announceListening({
    service: 'veem',
    site: config.site,
    address: running.address,
    ...(running.metrics ? { metrics: running.metrics } : {}),
  });
  stopOnSignals(logger, async () => {
    await running.stop();
    await security?.close();
  });
}

runMain('veem', main);
