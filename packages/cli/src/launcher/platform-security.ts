// The platform's security store under `reservoir up`: one SQLite file every process opens, the
// system administrator and demo organization made on first start, and a service principal per
// process with a fresh API key each start (the previous start's keys are revoked).

import { isReservoirError, setDefaultCredential } from '@reservoir/runtime';
import {
  CREDENTIAL_ENV,
  GLOBAL,
  openServiceSecurity,
  type BootstrapResult,
  type ServiceSecurity,
} from '@reservoir/security';

const KEY_NAME = 'reservoir-up';

export interface PlatformSecurity {
  /** The store's URL, for every process's --security. */
  database: string;
  /** Set on the first start only: the administrator's one-time password. */
  admin: BootstrapResult['admin'];
  /** The environment a process runs with: its own credential. */
  envFor(process: string, site: string): Promise<NodeJS.ProcessEnv>;
  close(): Promise<void>;
}

export async function platformSecurity(database: string): Promise<PlatformSecurity> {
  const security: ServiceSecurity = await openServiceSecurity({
    database,
    service: 'launcher',
    policyPollMs: 0,
  });
  const { identities } = security;
  const boot = await identities.bootstrap();

  const keyFor = async (name: string, site: string): Promise<string> => {
    const id = `service:${name}@${site}`;
    try {
      await identities.getServicePrincipal(id);
    } catch (e) {
      if (!isReservoirError(e) || e.code !== 'NOT_FOUND') throw e;
      // The platform's own processes act for every organization (placing, metering, bursting).
      await identities.createServicePrincipal({
        id,
        organization: 'system',
        name: `${name} of ${site}`,
        roles: [{ role: 'system-admin', organization: GLOBAL }],
      });
    }
    for (const k of await identities.listApiKeys({ organization: 'system', owner: id }))
      if (k.name === KEY_NAME && k.revokedAt === null) await identities.revokeApiKey(k.id);
    const created = await identities.createApiKey({ owner: id, name: KEY_NAME });
    return created.secret.reveal();
  };

  // The launcher's own calls (registering hosts, the public network) go as a service too.
  const own = await keyFor('launcher', 'platform');
  setDefaultCredential(() => `ApiKey ${own}`);

  return {
    database,
    admin: boot.admin,
    envFor: async (name, site) => ({
      RESERVOIR_SECURITY: database,
      [CREDENTIAL_ENV]: await keyFor(name, site),
    }),
    close: () => security.close(),
  };
}
