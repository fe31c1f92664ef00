import { z } from 'zod';

const address = z.string().regex(/^[^\s]+:\d+$/, 'must be host:port');

export const peConfigSchema = z.object({
  site: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" or "-"')
    .default('site-a'),
  /** sqlite:<path>, sqlite::memory: or postgres://… */
  database: z.string().min(1),
  /** gRPC listen address. */
  listen: address.default('127.0.0.1:7402'),
  /** Prometheus metrics (GET /metrics); port 0 picks a free one, '' serves none. */
  metrics: z
    .object({
      listen: z
        .string()
        .regex(/^$|^[^\s]+:\d+$/, 'host:port, or empty for none')
        .default('127.0.0.1:0'),
    })
    .prefault({}),
  /** The site's VEEM, for optimization; without it the engine places and solves only. */
  veem: address.optional(),
  /** Broker for policy change events. */
  mqtt: z
    .string()
    .regex(/^mqtts?:\/\//, 'must start with mqtt:// or mqtts://')
    .optional(),
  /** Load-aware placement: hosts whose measured CPU mean is above cpuPercent take no new VMs (0: off). */
  load: z
    .object({
      cpuPercent: z.number().min(0).max(10_000).default(0),
      windowMs: z.number().int().min(1000).default(60_000),
    })
    .prefault({}),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type PeConfig = z.infer<typeof peConfigSchema>;
