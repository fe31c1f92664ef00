// What a service process needs to enforce access: the shared security store (identities,
// credentials, the policy in force, the audit chain), opened once per process.

import { openDatabase, type CallGuard } from '@reservoir/runtime';
import type { Logger } from 'pino';
import { SqlSecurityStore } from '../adapters/store/sql-security-store.js';
import { AuditLog } from '../app/audit-log.js';
import { Identities } from '../app/identities.js';
import type { AccessMap } from './access-map.js';
import { cachedAuthenticator } from './credential-cache.js';
import { enforcementPoint, type EnforcementOptions, type Enforcer } from './enforcement-point.js';
import { PolicySource } from './policy-source.js';
import type { RateLimitOptions } from './rate-limiter.js';

export interface ServiceSecurityOptions {
  /** The security store: "sqlite:<file>" shared by the processes of one machine, or a PostgreSQL URL. */
  database: string;
  /** e.g. "veem@site-a". */
  service: string;
  logger?: Logger;
  rateLimit?: RateLimitOptions | false;
  /** How often the policy version is checked; default 2 s. */
  policyPollMs?: number;
}

export interface ServiceSecurity {
  readonly store: SqlSecurityStore;
  readonly identities: Identities;
  readonly audit: AuditLog;
  readonly policy: PolicySource;
  /** The PEP for a server with this access map. */
  readonly enforce: Enforcer;
  close(): Promise<void>;
}

export async function openServiceSecurity(o: ServiceSecurityOptions): Promise<ServiceSecurity> {
  const store = new SqlSecurityStore(await openDatabase(o.database));
  await store.migrate();
  const identities = new Identities({ store });
  const audit = new AuditLog({ store });
  const policy = await PolicySource.open(store, {
    ...(o.policyPollMs === undefined ? {} : { pollMs: o.policyPollMs }),
    ...(o.logger ? { logger: o.logger } : {}),
  });
  const options: EnforcementOptions = {
    service: o.service,
    authenticate: cachedAuthenticator((c) => identities.authenticate(c)),
    decide: (r) => policy.decisionPoint.decide(r),
    audit,
    quotas: async (organization) => (await identities.getOrganization(organization)).quotas,
    ...(o.rateLimit === undefined ? {} : { rateLimit: o.rateLimit }),
    ...(o.logger ? { logger: o.logger } : {}),
  };
  return {
    store,
    identities,
    audit,
    policy,
    enforce: (access: AccessMap): CallGuard => enforcementPoint(access, options),
    close: async () => {
      policy.close();
      await audit.flush();
      await store.close();
    },
  };
}
