import { Command } from 'commander';
import { announceListening, createLogger, runMain, stopOnSignals } from '@reservoir/runtime';
import { securityForProcess } from '@reservoir/security';
import { createAccounting } from './create-accounting.js';

// The accounting service as its own process: one for the platform, metering every site it is told
// about (`--site NAME=VEEM_ADDRESS`, repeatable) from the VM events on the broker.

const program = new Command('reservoir-accounting')
  .requiredOption('--database <url>', 'sqlite:<path> or postgres://…')
  .option('--mqtt <url>', 'MQTT broker URL, for the VM events of the sites')
  .option(
    '--mqtt-client-id <id>',
    'MQTT client id prefix of the per-site sessions that keep events across restarts',
    'reservoir-accounting',
  )
  .option(
    '--site <name=veem>',
    'a site to meter and its VEEM (host:port); repeatable',
    (v: string, p: string[] = []) => [...p, v],
  )
  .option(
    '--sm <address>',
    "a site's Service Manager (host:port), to suspend and resume services; repeatable",
    (v: string, p: string[] = []) => [...p, v],
  )
  .option('--listen <address>', 'gRPC listen address (host:port)', '127.0.0.1:0')
  .option('--checkpoint-ms <ms>', 'bill running VMs up to now this often', '60000')
  .option(
    '--late-window-ms <ms>',
    'usage arriving at most this long after it ended is rated into its own period',
    String(24 * 3600_000),
  )
  .option('--log-level <level>', 'log level', 'info')
  .option(
    '--security <url>',
    'the security store (sqlite:<path> or postgres://…; default RESERVOIR_SECURITY); access is enforced with it',
  )
  .parse();

const flags = program.opts<{
  database: string;
  mqtt?: string;
  mqttClientId: string;
  site?: string[];
  sm?: string[];
  listen: string;
  checkpointMs: string;
  lateWindowMs: string;
  logLevel: string;
  security?: string;
}>();

async function main(): Promise<void> {
  const logger = createLogger({ service: 'accounting', level: flags.logLevel as 'info', destination: 2 });
  const sites = (flags.site ?? []).map((s, i) => {
    const m = /^([A-Za-z0-9._-]+)=(.+:\d+)$/.exec(s);
    if (!m) throw new Error(`--site[${i}]: "${s}" must be NAME=HOST:PORT`);
    return { site: m[1]!, veem: m[2]! };
  });
  const checkpointMs = Number(flags.checkpointMs);
  if (!Number.isInteger(checkpointMs) || checkpointMs < 0)
    throw new Error(`--checkpoint-ms: "${flags.checkpointMs}" must be a whole number of ms`);
  const lateWindowMs = Number(flags.lateWindowMs);
  if (!Number.isInteger(lateWindowMs) || lateWindowMs < 0)
    throw new Error(`--late-window-ms: "${flags.lateWindowMs}" must be a whole number of ms`);
  const security = await securityForProcess(
    flags.security ?? process.env.RESERVOIR_SECURITY,
    'accounting',
    logger,
  );
  const running = await createAccounting({
    database: flags.database,
    logger,
    listen: flags.listen,
    sites,
    ...(flags.mqtt ? { mqtt: flags.mqtt } : {}),
    mqttClientId: flags.mqttClientId,
    checkpointMs,
    lateWindowMs,
    serviceManagers: flags.sm ?? [],
    ...(security ? { enforce: security.enforce } : {}),
  }).catch(async (e: unknown) => {
    await security?.close();
    throw e;
  });
  announceListening({ service: 'accounting', address: running.address });
  stopOnSignals(logger, async () => {
    await running.stop();
    await security?.close();
  });
}

runMain('accounting', main);
