import { z } from 'zod';
import { RANK_POLICIES } from './domain/scheduler.js';
import { DEFAULT_FEDERATION as F } from './app/federation/settings.js';
import { DEFAULT_SETTINGS as S } from './settings.js';

export const veemConfigSchema = z.object({
  site: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" or "-"')
    .default('site-a'),
  /** sqlite:<path>, sqlite::memory: or postgres://… */
  database: z.string().min(1),
  mqtt: z.object({ url: z.string().regex(/^mqtts?:\/\//, 'must start with mqtt:// or mqtts://') }),
  grpc: z.object({ listen: z.string().default('127.0.0.1:7400') }).prefault({}),
  /** Platform probes on the monitoring data plane; periodMs 0 publishes none. */
  probes: z.object({ periodMs: z.number().int().min(0).default(5000) }).prefault({}),
  /** Prometheus metrics (GET /metrics); port 0 picks a free one, '' serves none. */
  metrics: z
    .object({
      listen: z
        .string()
        .regex(/^$|^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]*):\d{1,5}$/, 'host:port, or empty for none')
        .default('127.0.0.1:0'),
    })
    .prefault({}),
  scheduler: z
    .object({
      policy: z.enum(RANK_POLICIES as unknown as [string, ...string[]]).default(S.scheduler.policy),
      intervalMs: z.number().int().min(10).default(S.scheduler.intervalMs),
      maxDispatch: z.number().int().min(1).max(100_000).default(S.scheduler.maxDispatch),
      maxCandidates: z.number().int().min(0).default(S.scheduler.maxCandidates),
      /** host:port of the Policy Engine that places VMs; '' keeps the built-in scheduler. */
      policyEngine: z
        .string()
        .regex(/^$|^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):\d{1,5}$/, 'host:port, or empty for none')
        .default(S.scheduler.policyEngine),
      policyEngineTimeoutMs: z.number().int().min(100).default(S.scheduler.policyEngineTimeoutMs),
    })
    .prefault({}),
  monitor: z
    .object({
      intervalMs: z.number().int().min(50).default(S.monitor.intervalMs),
      failureTimeoutMs: z.number().int().min(100).default(S.monitor.failureTimeoutMs),
      callTimeoutMs: z.number().int().min(50).default(S.monitor.callTimeoutMs),
    })
    .prefault({}),
  hostCallRetries: z.number().int().min(0).max(10).default(S.hostCallRetries),
  hostCallTimeoutMs: z.number().int().min(100).default(S.hostCallTimeoutMs),
  /** A VM's burst allowance as a share of its guarantee at most; 1 is the seed's 100%. */
  burst: z
    .object({
      maxRatio: z
        .number()
        .min(0)
        .max(1)
        .default(S.burstMaxRatio ?? 1),
    })
    .prefault({}),
  /** Federation with partner sites (agreements), and the site's image repository. */
  federation: z
    .object({
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as DE')
        .default(F.country),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
        .default(F.currency),
      pricePerVcpuHour: z.number().int().min(0).default(F.pricePerVcpuHour),
      pricePerGibHour: z.number().int().min(0).default(F.pricePerGibHour),
      licences: z.array(z.string().min(1)).default([]),
      allowedCountries: z.array(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code')).default([]),
      /** Where image files live; '' puts them beside an SQLite database (images/), else a temporary directory. */
      imageDir: z.string().default(''),
      partners: z
        .array(
          z.object({
            site: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" or "-"'),
            endpoint: z.string().regex(/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):\d{1,5}$/, 'host:port'),
            token: z.string().min(16, 'at least 16 characters'),
            /**
             * The partner runs its own security store (another platform): present this site's
             * federation peer token, which it verifies with the key it registered for this site.
             */
            peerAuth: z.boolean().default(false),
            cap: z
              .object({
                vcpus: z.number().int().min(0).default(0),
                memoryMib: z.number().int().min(0).default(0),
                diskMib: z.number().int().min(0).default(0),
              })
              .prefault({}),
          }),
        )
        .default([]),
      chunkBytes: z
        .number()
        .int()
        .min(4096)
        .max(16 * 1024 * 1024)
        .default(F.chunkBytes),
      partnerRetryMs: z.number().int().min(0).default(F.partnerRetryMs),
      startTimeoutMs: z.number().int().min(100).default(F.startTimeoutMs),
      sourceOpTimeoutMs: z.number().int().min(100).default(F.sourceOpTimeoutMs),
    })
    .prefault({}),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type VeemConfig = z.infer<typeof veemConfigSchema>;
