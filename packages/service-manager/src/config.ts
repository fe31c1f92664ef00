import { delimiter } from 'node:path';
import { z } from 'zod';

const address = z.string().regex(/^[^\s]+:\d+$/, 'must be host:port');

export const smConfigSchema = z.object({
  site: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" or "-"')
    .default('site-a'),
  /** sqlite:<path>, sqlite::memory: or postgres://… */
  database: z.string().min(1),
  listen: address.default('127.0.0.1:7406'),
  metrics: z
    .object({
      listen: z
        .string()
        .regex(/^$|^[^\s]+:\d+$/, 'host:port, or empty for none')
        .default('127.0.0.1:0'),
    })
    .prefault({}),
  /** The site's VEEM. */
  veem: address,
  /** The site's Policy Engine, for admission. */
  policyEngine: address.optional(),
  /** The accounting service; its price list estimates manifests for the budget directive. */
  accounting: address.optional(),
  /** Broker for service events and KPIs; without it services do not scale by rule. */
  mqtt: z
    .string()
    .regex(/^mqtts?:\/\//, 'must start with mqtt:// or mqtts://')
    .optional(),
  /** Where instances push KPIs (the monitoring service), put in their OVF environment. */
  kpiEndpoint: z.string().default(''),
  provider: z.string().min(1).default('reservoir'),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as ES')
    .default('ES'),
  legalZone: z.string().min(1).default('EU'),
  prices: z
    .object({
      perVcpuHour: z.number().min(0).default(0.02),
      perGiBMemoryHour: z.number().min(0).default(0.005),
      perGiBDiskHour: z.number().min(0).default(0.0001),
      currency: z.string().min(1).default('EUR'),
    })
    .prefault({}),
  subnetBase: z
    .string()
    .regex(/^\d+\.\d+\.\d+\.0$/, 'an IPv4 address ending in .0')
    .default('10.128.0.0'),
  pollMs: z.number().int().min(10).max(60_000).default(200),
  instanceTimeoutMs: z.number().int().min(1000).default(600_000),
  concurrency: z.number().int().min(1).max(256).default(16),
  /**
   * PEM files of the certificates OVF package signers must chain to (SEC-4); in the environment
   * (RESERVOIR_SM_TRUST_STORE), several paths separated as in PATH.
   */
  trustStore: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(delimiter).filter((p) => p !== '') : v),
      z.array(z.string().min(1)),
    )
    .default([]),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type SmConfig = z.infer<typeof smConfigSchema>;
