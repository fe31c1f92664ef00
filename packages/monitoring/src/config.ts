import { z } from 'zod';

const address = z.string().regex(/^[^\s]+:\d+$/, 'must be host:port');

export const monitorConfigSchema = z.object({
  site: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" or "-"')
    .default('site-a'),
  /** Watch the data sources of every site on the broker, not only this site's. */
  allSites: z.boolean().default(false),
  /** gRPC listen address. */
  listen: address.default('127.0.0.1:7409'),
  /** The broker of the monitoring planes. */
  mqtt: z.string().regex(/^mqtts?:\/\//, 'must start with mqtt:// or mqtts://'),
  /** Default wait for a data source's answer to a control request, ms. */
  controlTimeoutMs: z.coerce.number().int().min(10).max(600_000).default(5_000),
  /** Prometheus metrics address ('' serves none; port 0 picks one). */
  metricsListen: z
    .string()
    .regex(/^$|^[^\s]+:\d+$/, 'host:port, or empty for none')
    .default('127.0.0.1:0'),
  /** Probe id prefixes whose measurements the metrics expose. */
  bridgeProbes: z.array(z.string().min(1)).default(['host:', 'kpi:']),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type MonitorConfig = z.infer<typeof monitorConfigSchema>;
