import { errors, setDefaultCredential } from '@reservoir/runtime';
import type { Logger } from 'pino';
import type { RateLimitOptions } from './rate-limiter.js';
import { openServiceSecurity, type ServiceSecurity } from './service-security.js';

/** The environment variable holding a service's own API key, presented on every call it makes. */
export const CREDENTIAL_ENV = 'RESERVOIR_CREDENTIAL';
/** Calls per second per principal, "<per second>[,<burst>]" or "off"; default 100,200. */
export const RATE_LIMIT_ENV = 'RESERVOIR_RATE_LIMIT';

/** RESERVOIR_RATE_LIMIT as the PEP's option; undefined for the default. */
export function rateLimitFromEnv(text = process.env[RATE_LIMIT_ENV]): RateLimitOptions | false | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  if (text.trim() === 'off') return false;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:,\s*(\d+)\s*)?$/.exec(text);
  const perSecond = Number(m?.[1]);
  if (!m || !(perSecond > 0))
    throw errors.invalid(RATE_LIMIT_ENV, `"${text}" is not "<calls per second>[,<burst>]" or "off"`);
  return { perSecond, burst: m[2] ? Math.max(1, Number(m[2])) : Math.max(1, Math.ceil(perSecond * 2)) };
}

/**
 * For a service's main: with a security store URL (its --security flag), opens it so the server
 * enforces access; either way, a credential in RESERVOIR_CREDENTIAL is presented on every call
 * this process makes to other services. Without a store the server enforces nothing, and says so.
 */
export async function securityForProcess(
  database: string | undefined,
  service: string,
  logger: Logger,
): Promise<ServiceSecurity | undefined> {
  const credential = process.env[CREDENTIAL_ENV];
  if (credential) setDefaultCredential(() => `ApiKey ${credential}`);
  if (!database) {
    logger.warn({ service }, 'no security store (--security): every caller is admitted unauthenticated');
    return undefined;
  }
  const rateLimit = rateLimitFromEnv();
  return openServiceSecurity({
    database,
    service,
    logger,
    ...(rateLimit === undefined ? {} : { rateLimit }),
  });
}
