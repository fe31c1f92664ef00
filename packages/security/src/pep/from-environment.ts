import { setDefaultCredential } from '@reservoir/runtime';
import type { Logger } from 'pino';
import { openServiceSecurity, type ServiceSecurity } from './service-security.js';

/** The environment variable holding a service's own API key, presented on every call it makes. */
export const CREDENTIAL_ENV = 'RESERVOIR_CREDENTIAL';

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
  return openServiceSecurity({ database, service, logger });
}
