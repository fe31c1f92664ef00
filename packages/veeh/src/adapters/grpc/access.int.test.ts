import { HostAgentDefinition } from '@reservoir/contracts';
import { createClient, type ClosableClient, type ReservoirError } from '@reservoir/runtime';
import { securityFixture, userPrincipalId, type SecurityFixture } from '@reservoir/security';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVeeh, type Veeh } from '../../create-veeh.js';

type Vhi = ClosableClient<typeof HostAgentDefinition>;

const spec = (vmId: string) => ({
  vmId,
  name: `${vmId}-name`,
  resources: { vcpus: 1, memoryMib: 512, diskMib: 0 },
  disks: [],
  nics: [],
});

async function failure(p: Promise<unknown>): Promise<ReservoirError> {
  try {
    await p;
  } catch (e) {
    return e as ReservoirError;
  }
  throw new Error('the call succeeded');
}

describe('the host agent behind its enforcement point', () => {
  let fx: SecurityFixture;
  let veeh: Veeh;
  const clients: Vhi[] = [];
  let site: Vhi;
  let anonymous: Vhi;
  let orgAdmin: Vhi;

  beforeAll(async () => {
    fx = await securityFixture({ service: 'veeh@acl' });
    veeh = await createVeeh({
      hosts: { prefix: 'h-', count: 2, template: { cores: 8, memoryMib: 16_384, diskMib: 100_000 } },
      listen: '127.0.0.1:0',
      enforce: fx.security.enforce,
    });
    const as = (credential?: string) => {
      const c = createClient(HostAgentDefinition, veeh.address!, {
        deadlineMs: 5_000,
        ...(credential ? { metadata: { authorization: credential } } : {}),
      });
      clients.push(c);
      return c;
    };
    site = as(await fx.user('system', ['system-admin'], 'veem'));
    anonymous = as();
    orgAdmin = as(await fx.user('acme', ['org-admin'], 'olga'));
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await veeh?.stop();
    await fx?.close();
  });

  it('refuses callers without a credential', async () => {
    expect((await failure(anonymous.listAgentHosts({}))).code).toBe('UNAUTHENTICATED');
    expect((await failure(anonymous.createDomain({ hostId: 'h-01', spec: spec('vm-a') }))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it("keeps the site's machines from an organization's administrator, and audits the refusals", async () => {
    const denied = [
      await failure(orgAdmin.listAgentHosts({})),
      await failure(orgAdmin.monitor({})),
      await failure(orgAdmin.createDomain({ hostId: 'h-01', spec: spec('vm-b') })),
      await failure(orgAdmin.batch({ ops: [{ destroy: { hostId: 'h-01', vmId: 'vm-b' } }] })),
    ];
    for (const e of denied) {
      expect(e.code).toBe('PERMISSION_DENIED');
      expect(e.message).toMatch(/audit entry \d+/);
    }
    const entries = await fx.security.audit.query({ principal: userPrincipalId('acme', 'olga'), limit: 10 });
    expect(entries.map((e) => [e.action, e.decision])).toEqual([
      ['host.list', 'Deny'],
      ['host.read', 'Deny'],
      ['domain.create', 'Deny'],
      ['domain.batch', 'Deny'],
    ]);
    expect(veeh.agent.hostIds()).toEqual(['h-01', 'h-02']);
    expect((await site.monitor({})).hosts.flatMap((h) => h.domains ?? [])).toEqual([]);
  });

  it('serves a site administrator, auditing what it changes', async () => {
    expect((await site.listAgentHosts({})).hosts.map((h) => h.hostId)).toEqual(['h-01', 'h-02']);
    const created = await site.createDomain({ hostId: 'h-01', spec: spec('vm-c') });
    expect(created.vmId).toBe('vm-c');
    const started = await site.startDomain({ hostId: 'h-01', vmId: 'vm-c' });
    expect(started.vmId).toBe('vm-c');
    const entries = await fx.security.audit.query({
      principal: userPrincipalId('system', 'veem'),
      limit: 10,
    });
    expect(entries.map((e) => [e.action, e.decision, e.resource?.id])).toEqual([
      ['domain.create', 'Permit', 'vm-c'],
      ['domain.start', 'Permit', 'vm-c'],
    ]);
  });
});
