import { Command } from 'commander';
import { announceListening, createLogger, loadConfig, runMain, stopOnSignals } from '@reservoir/runtime';
import { securityForProcess } from '@reservoir/security';
import { peConfigSchema } from './config.js';
import { createPolicyEngine } from './create-policy-engine.js';

// The Policy Engine as its own process: `node --import tsx packages/policy-engine/src/main.ts`.
// Environment variables RESERVOIR_PE_<NAME> override the file (e.g. RESERVOIR_PE_VEEM,
// RESERVOIR_PE_METRICS__LISTEN). The security store comes from --security or RESERVOIR_SECURITY;
// the engine's own API key, presented to the VEEM, from RESERVOIR_CREDENTIAL.

const program = new Command('reservoir-pe')
  .option('--config <file>', 'YAML or JSON configuration file')
  .option('--site <name>', 'site name')
  .option('--database <url>', 'sqlite:<path> or postgres://…')
  .option('--veem <address>', "the site's VEEM (host:port), for optimization")
  .option('--mqtt <url>', 'MQTT broker URL, for policy change events')
  .option('--listen <address>', 'gRPC listen address (host:port)')
  .option(
    '--metrics-listen <address>',
    "Prometheus metrics address (host:port, default 127.0.0.1:0; '' for none)",
  )
  .option('--security <url>', 'security store (sqlite:<file> or postgres://…); absent: no access checks')
  .parse();

const flags = program.opts<{
  config?: string;
  site?: string;
  database?: string;
  veem?: string;
  mqtt?: string;
  listen?: string;
  metricsListen?: string;
  security?: string;
}>();

async function main(): Promise<void> {
  const config = loadConfig(peConfigSchema, {
    ...(flags.config ? { file: flags.config } : {}),
    envPrefix: 'RESERVOIR_PE',
    overrides: {
      site: flags.site,
      database: flags.database,
      veem: flags.veem,
      mqtt: flags.mqtt,
      listen: flags.listen,
      ...(flags.metricsListen !== undefined ? { metrics: { listen: flags.metricsListen } } : {}),
    },
  });
  const logger = createLogger({ service: 'pe', level: config.logLevel, destination: 2 });
  const security = await securityForProcess(
    flags.security ?? (process.env.RESERVOIR_SECURITY || undefined),
    `pe@${config.site}`,
    logger,
  );
  const running = await createPolicyEngine({
    site: config.site,
    database: config.database,
    ...(config.veem ? { veem: config.veem } : {}),
    ...(config.mqtt ? { mqtt: config.mqtt } : {}),
    logger,
    listen: config.listen,
    ...(config.metrics.listen ? { metricsListen: config.metrics.listen } : {}),
    ...(config.load.cpuPercent > 0 ? { loadCutoff: config.load } : {}),
    ...(security ? { enforce: security.enforce } : {}),
  }).catch(async (e: unknown) => {
    await security?.close();
    throw e;
  });
  announceListening({
    service: 'pe',
    site: config.site,
    address: running.address,
    ...(running.metrics ? { metrics: running.metrics } : {}),
  });
  stopOnSignals(logger, async () => {
    await running.stop();
    await security?.close();
  });
}

runMain('pe', main);
