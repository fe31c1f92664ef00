import { Command } from 'commander';
import { z } from 'zod';
import { announceListening, createLogger, loadConfig, runMain, stopOnSignals } from '@reservoir/runtime';
import { createSecurity } from './create-security.js';

// The security service as its own process: `node --import tsx packages/security/src/main.ts
// --database sqlite:security.db`. Environment variables RESERVOIR_SECURITY_<PATH> override the
// file (RESERVOIR_SECURITY_DATABASE, RESERVOIR_SECURITY_GRPC__LISTEN,
// RESERVOIR_SECURITY_METRICS__LISTEN); RESERVOIR_SECURITY, the store every other service is
// given, serves when no database is named. On the start that creates the store's first
// organizations, the administrator's one-time password is in the "listening" line on stdout and
// nowhere else.

const address = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]*):\d{1,5}$/;

const securityConfigSchema = z.object({
  /** sqlite:<path>, sqlite::memory: or postgres://… */
  database: z.string().min(1),
  grpc: z.object({ listen: z.string().regex(address, 'host:port').default('127.0.0.1:7411') }).prefault({}),
  /** Prometheus metrics (GET /metrics); port 0 picks a free one, '' serves none. */
  metrics: z
    .object({
      listen: z
        .string()
        .regex(new RegExp(`^$|${address.source}`), 'host:port, or empty for none')
        .default('127.0.0.1:0'),
    })
    .prefault({}),
  /** How often the policy version in the store is checked, ms. */
  policyPollMs: z.number().int().min(0).default(2000),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const program = new Command('reservoir-security')
  .option('--config <file>', 'YAML or JSON configuration file')
  .option('--database <url>', 'the security store: sqlite:<path> or postgres://…')
  .option('--listen <address>', 'gRPC listen address (host:port, default 127.0.0.1:7411)')
  .option(
    '--metrics-listen <address>',
    "Prometheus metrics address (host:port, default 127.0.0.1:0; '' for none)",
  )
  .parse();

const flags = program.opts<{
  config?: string;
  database?: string;
  listen?: string;
  metricsListen?: string;
}>();

async function main(): Promise<void> {
  const config = loadConfig(securityConfigSchema, {
    ...(flags.config ? { file: flags.config } : {}),
    envPrefix: 'RESERVOIR_SECURITY',
    overrides: {
      database:
        flags.database ??
        (process.env.RESERVOIR_SECURITY_DATABASE ? undefined : process.env.RESERVOIR_SECURITY || undefined),
      ...(flags.listen ? { grpc: { listen: flags.listen } } : {}),
      ...(flags.metricsListen !== undefined ? { metrics: { listen: flags.metricsListen } } : {}),
    },
  });
  const logger = createLogger({ service: 'security', level: config.logLevel, destination: 2 });
  const running = await createSecurity({
    database: config.database,
    listen: config.grpc.listen,
    logger,
    policyPollMs: config.policyPollMs,
    ...(config.metrics.listen ? { metricsListen: config.metrics.listen } : {}),
  });
  const admin = running.bootstrap;
  announceListening({
    service: 'security',
    address: running.address,
    ...(running.metrics ? { metrics: running.metrics } : {}),
    ...(admin
      ? {
          bootstrap: {
            organization: admin.organization,
            user: admin.user,
            password: admin.password.reveal(),
          },
        }
      : {}),
  });
  if (admin)
    logger.info({ organization: admin.organization, user: admin.user }, 'created the system administrator');
  stopOnSignals(logger, () => running.stop());
}

runMain('security', main);
