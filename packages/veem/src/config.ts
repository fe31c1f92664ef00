import { z } from 'zod';
import { RANK_POLICIES } from './domain/scheduler.js';

export const veemConfigSchema = z.object({
  site: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" or "-"')
    .default('site-a'),
  /** sqlite:<path>, sqlite::memory: or postgres://… */
  database: z.string().min(1),
  mqtt: z.object({ url: z.string().regex(/^mqtts?:\/\//, 'must start with mqtt:// or mqtts://') }),
  grpc: z.object({ listen: z.string().default('127.0.0.1:7400') }).default({ listen: '127.0.0.1:7400' }),
  scheduler: z
    .object({
      policy: z.enum(RANK_POLICIES as unknown as [string, ...string[]]).default('packing'),
      intervalMs: z.number().int().min(10).default(1000),
      maxDispatch: z.number().int().min(1).max(100_000).default(512),
      maxCandidates: z.number().int().min(0).default(100),
      /** host:port of the Policy Engine that places VMs; '' keeps the built-in scheduler. */
      policyEngine: z
        .string()
        .regex(/^$|^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):\d{1,5}$/, 'host:port, or empty for none')
        .default(''),
      policyEngineTimeoutMs: z.number().int().min(100).default(10_000),
    })
    .default({
      policy: 'packing',
      intervalMs: 1000,
      maxDispatch: 512,
      maxCandidates: 100,
      policyEngine: '',
      policyEngineTimeoutMs: 10_000,
    }),
  monitor: z
    .object({
      intervalMs: z.number().int().min(50).default(2000),
      failureTimeoutMs: z.number().int().min(100).default(10_000),
      callTimeoutMs: z.number().int().min(50).default(5000),
    })
    .default({ intervalMs: 2000, failureTimeoutMs: 10_000, callTimeoutMs: 5000 }),
  hostCallRetries: z.number().int().min(0).max(10).default(3),
  hostCallTimeoutMs: z.number().int().min(100).default(15_000),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type VeemConfig = z.infer<typeof veemConfigSchema>;
