// For tests of a service behind its PEP: a real security store (SQLite in memory), the default
// policy, and credentials for users of any organization with any roles, issued without the cost
// of password hashing.

import { GLOBAL, userPrincipalId, type Quotas, type Role } from '../domain/identity/index.js';
import type { RateLimitOptions } from '../pep/rate-limiter.js';
import { openServiceSecurity, type ServiceSecurity } from '../pep/service-security.js';

export interface SecurityFixture {
  security: ServiceSecurity;
  /**
   * "Bearer v1.…" for user `id` of `organization` holding `roles` there (system-admin is granted
   * globally). The organization is created on first use.
   */
  user(organization: string, roles: Role[], id?: string): Promise<string>;
  /** "ApiKey rsv_…" of a platform service principal (system-admin), as `reservoir up` creates them. */
  service(name: string, site?: string): Promise<string>;
  /** Creates the organization if needed and sets its quotas. */
  quotas(organization: string, quotas: Partial<Quotas>): Promise<void>;
  close(): Promise<void>;
}

export async function securityFixture(
  options: { service?: string; rateLimit?: RateLimitOptions | false; database?: string } = {},
): Promise<SecurityFixture> {
  const security = await openServiceSecurity({
    database: options.database ?? 'sqlite::memory:',
    service: options.service ?? 'test',
    rateLimit: options.rateLimit ?? false,
    policyPollMs: 0,
  });
  const { identities } = security;
  const ensureOrg = async (id: string) => {
    try {
      await identities.getOrganization(id);
    } catch {
      await identities.createOrganization({ id, name: id });
    }
  };
  let n = 0;
  return {
    security,
    async user(organization, roles, id = `user-${++n}`) {
      await ensureOrg(organization);
      await identities.createUser({
        organization,
        id,
        roles: roles.map((role) => ({ role, organization: role === 'system-admin' ? GLOBAL : organization })),
      });
      const principal = userPrincipalId(organization, id);
      const user = await identities.getUser(organization, id);
      const issued = await identities.tokens.issue({
        sub: principal,
        org: organization,
        roles: user.roles,
        kind: 'user',
      });
      return `Bearer ${issued.token.reveal()}`;
    },
    async service(name, site = 'test') {
      await ensureOrg('system');
      const id = `service:${name}@${site}`;
      await identities.createServicePrincipal({
        id,
        organization: 'system',
        roles: [{ role: 'system-admin', organization: GLOBAL }],
      });
      const key = await identities.createApiKey({ owner: id });
      return `ApiKey ${key.secret.reveal()}`;
    },
    async quotas(organization, quotas) {
      await ensureOrg(organization);
      await identities.updateOrganization(organization, { quotas });
    },
    close: () => security.close(),
  };
}
