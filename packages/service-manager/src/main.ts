import { Command } from 'commander';
import { announceListening, createLogger, loadConfig, runMain, stopOnSignals } from '@reservoir/runtime';
import { securityForProcess } from '@reservoir/security';
import { ovfSignaturePolicy } from './adapters/security/ovf-signatures.js';
import { smConfigSchema } from './config.js';
import { createServiceManager } from './create-service-manager.js';

// The Service Manager as its own process: `node --import tsx packages/service-manager/src/main.ts`.
// Environment variables RESERVOIR_SM_<NAME> override the file (e.g. RESERVOIR_SM_VEEM); the
// security store comes from --security or RESERVOIR_SECURITY, shared by every service of the site.

const program = new Command('reservoir-sm')
  .option('--config <file>', 'YAML or JSON configuration file')
  .option('--site <name>', 'site name')
  .option('--database <url>', 'sqlite:<path> or postgres://…')
  .option('--veem <address>', "the site's VEEM (host:port)")
  .option('--policy-engine <address>', "the site's Policy Engine (host:port), for admission")
  .option('--mqtt <url>', 'MQTT broker URL, for service events and KPIs')
  .option('--accounting <address>', 'the accounting service (host:port), whose prices estimate manifests')
  .option('--kpi-endpoint <address>', 'where instances push KPIs (the monitoring service host:port)')
  .option('--listen <address>', 'gRPC listen address (host:port)')
  .option('--metrics-listen <address>', "Prometheus metrics address (host:port; '' for none)")
  .option(
    '--trust-store <pem file>',
    'certificates OVF package signers must chain to (repeatable; default RESERVOIR_SM_TRUST_STORE)',
    (file: string, all: string[] = []) => [...all, file],
  )
  .option(
    '--security <url>',
    'the security store (sqlite:<path> or postgres://…; default RESERVOIR_SECURITY); access is enforced with it',
  )
  .parse();

const flags = program.opts<{
  config?: string;
  site?: string;
  database?: string;
  veem?: string;
  policyEngine?: string;
  mqtt?: string;
  accounting?: string;
  kpiEndpoint?: string;
  listen?: string;
  metricsListen?: string;
  security?: string;
  trustStore?: string[];
}>();

async function main(): Promise<void> {
  const config = loadConfig(smConfigSchema, {
    ...(flags.config ? { file: flags.config } : {}),
    envPrefix: 'RESERVOIR_SM',
    overrides: {
      site: flags.site,
      database: flags.database,
      veem: flags.veem,
      policyEngine: flags.policyEngine,
      mqtt: flags.mqtt,
      accounting: flags.accounting,
      kpiEndpoint: flags.kpiEndpoint,
      listen: flags.listen,
      trustStore: flags.trustStore,
      ...(flags.metricsListen !== undefined ? { metrics: { listen: flags.metricsListen } } : {}),
    },
  });
  const logger = createLogger({ service: 'sm', level: config.logLevel, destination: 2 });
  const security = await securityForProcess(
    flags.security ?? process.env.RESERVOIR_SECURITY,
    `sm@${config.site}`,
    logger,
  );
  const start = async () => {
    // An organization's requireSignedOvf lives in the security store; without one nobody requires it.
    const signatures = await ovfSignaturePolicy({
      trustStore: config.trustStore,
      ...(security ? { identities: security.identities } : {}),
    });
    if (security && config.trustStore.length === 0)
      logger.warn(
        'no trust store (--trust-store): organizations that require signed OVF packages can deploy none',
      );
    return createServiceManager({
      site: config.site,
      database: config.database,
      veem: config.veem,
      ...(config.policyEngine ? { policyEngine: config.policyEngine } : {}),
      ...(config.mqtt ? { mqtt: config.mqtt } : {}),
      ...(config.accounting ? { accounting: config.accounting } : {}),
      settings: {
        provider: config.provider,
        country: config.country,
        legalZone: config.legalZone,
        kpiEndpoint: config.kpiEndpoint,
        prices: config.prices,
        subnetBase: config.subnetBase,
        pollMs: config.pollMs,
        instanceTimeoutMs: config.instanceTimeoutMs,
        concurrency: config.concurrency,
      },
      logger,
      listen: config.listen,
      ...(config.metrics.listen ? { metricsListen: config.metrics.listen } : {}),
      ...(security ? { enforce: security.enforce } : {}),
      ...(signatures ? { signatures } : {}),
    });
  };
  const running = await start().catch(async (e: unknown) => {
    await security?.close();
    throw e;
  });
  announceListening({
    service: 'sm',
    site: config.site,
    address: running.address,
    ...(running.metrics ? { metrics: running.metrics } : {}),
  });
  stopOnSignals(logger, async () => {
    await running.stop();
    await security?.close();
  });
}

runMain('sm', main);
