import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecurityServiceDefinition } from '@reservoir/contracts';
import {
  createClient,
  openDatabase,
  silentLogger,
  type CallOptions,
  type ClosableClient,
} from '@reservoir/runtime';
import { createSecurity, type RunningSecurity } from '../../create-security.js';
import { DEFAULT_POLICY_YAML, type DecisionRequest } from '../../domain/pdp/index.js';
import { openServiceSecurity } from '../../pep/service-security.js';

const dir = mkdtempSync(join(tmpdir(), 'security-service-'));
const database = `sqlite:${join(dir, 'security.db')}`;
let running: RunningSecurity;
let client: ClosableClient<typeof SecurityServiceDefinition>;
const as = (token: string): CallOptions => ({ metadata: { authorization: `Bearer ${token}` } });
let admin: CallOptions;
let alice: CallOptions;
let bob: CallOptions;

const PASSWORD = 'correct horse battery';

/** Everything but system admins denied: a policy whose effect no one can miss. */
const ADMINS_ONLY = `
policySet:
  id: admins-only
  combining: deny-unless-permit
  policies:
    - policy:
        id: system-admin
        combining: permit-overrides
        target:
          subject.roles: system-admin
        rules:
          - id: everything
            effect: Permit
`;

const viewerReadsVm: DecisionRequest = {
  subject: { id: 'user:v@acme', organization: 'acme', roles: ['viewer'] },
  resource: { type: 'vm', organization: 'acme' },
  action: { id: 'vm.read' },
};

/** A 64-bit field as a number: an unset one decodes as protobufjs's Long default. */
const n = (v: unknown): number => Number(String(v));

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return (e as { code: string }).code;
  }
}

beforeAll(async () => {
  running = await createSecurity({ database, logger: silentLogger(), rateLimit: false, policyPollMs: 0 });
  client = createClient(SecurityServiceDefinition, running.address);
}, 60_000);

afterAll(async () => {
  client?.close();
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('security service', () => {
  it('bootstraps an administrator whose one-time password logs in; a wrong one is UNAUTHENTICATED', async () => {
    const boot = running.bootstrap;
    expect(boot).toMatchObject({ organization: 'system', user: 'admin' });
    expect(String(boot?.password)).not.toContain(boot?.password.reveal());

    expect(
      await code(client.login({ organization: 'system', user: 'admin', password: 'not the password' })),
    ).toBe('UNAUTHENTICATED');
    const r = await client.login({
      organization: 'system',
      user: 'admin',
      password: boot!.password.reveal(),
    });
    expect(r.token).toMatch(/^v1\./);
    expect(r.mustChangePassword).toBe(true);
    expect(r.expiresAtMs).toBeGreaterThan(Date.now());
    expect(r.principal).toMatchObject({
      id: 'user:admin@system',
      kind: 'user',
      organization: 'system',
      roles: [{ role: 'system-admin', organization: '*' }],
    });
    admin = as(r.token);
    expect(await client.whoAmI({}, admin)).toMatchObject({
      id: 'user:admin@system',
      credentialType: 'token',
    });

    // The built-in policy is on record as version 1.
    const policy = await client.getPolicy({}, admin);
    expect(policy).toMatchObject({ version: 1, appliedBy: 'bootstrap', document: DEFAULT_POLICY_YAML });
  });

  it('refuses anonymous calls to every method but Login and ListSigningKeys', async () => {
    expect(await code(client.whoAmI({}))).toBe('UNAUTHENTICATED');
    expect(await code(client.listUsers({ organization: 'system' }))).toBe('UNAUTHENTICATED');
    expect(await code(client.getPolicy({}))).toBe('UNAUTHENTICATED');
    expect(await code(client.queryAudit({}))).toBe('UNAUTHENTICATED');
    expect(await code(client.whoAmI({}, as('v1.forged.token')))).toBe('UNAUTHENTICATED');
    const keys = await client.listSigningKeys({});
    expect(keys.keys.length).toBeGreaterThan(0);
    expect(keys.keys[0]?.publicKeyPem).toContain('BEGIN PUBLIC KEY');
  });

  it('lets the administrator create organizations and users, who log in', async () => {
    for (const id of ['acme', 'beta']) {
      const org = await client.createOrganization({ id, name: id.toUpperCase(), quotas: { vms: 10 } }, admin);
      expect(org).toMatchObject({ id, state: 'enabled', quotas: { vms: 10 } });
      expect(org.quotas?.vcpus ?? null).toBeNull();
    }
    await client.createUser(
      {
        organization: 'acme',
        id: 'alice',
        roles: [{ role: 'org-admin', organization: 'acme' }],
        password: PASSWORD,
      },
      admin,
    );
    await client.createUser(
      {
        organization: 'beta',
        id: 'bob',
        roles: [{ role: 'org-admin', organization: 'beta' }],
        password: PASSWORD,
        mustChangePassword: true,
      },
      admin,
    );
    alice = as((await client.login({ organization: 'acme', user: 'alice', password: PASSWORD })).token);
    const b = await client.login({ organization: 'beta', user: 'bob', password: PASSWORD });
    expect(b.mustChangePassword).toBe(true);
    bob = as(b.token);
    await client.createUser({ organization: 'beta', id: 'carol', roles: [] }, bob);

    const orgs = await client.listOrganizations({}, admin);
    expect(orgs.organizations.map((o) => o.id).sort()).toEqual(['acme', 'beta', 'demo', 'system']);
    // An organization's admin sees its own organization only.
    expect((await client.listOrganizations({}, alice)).organizations.map((o) => o.id)).toEqual(['acme']);
  });

  it("keeps an organization's admin out of another organization's users, grants and quotas", async () => {
    expect(await code(client.listUsers({ organization: 'beta' }, alice))).toBe('PERMISSION_DENIED');
    expect(await code(client.getUser({ organization: 'beta', id: 'bob' }, alice))).toBe('PERMISSION_DENIED');
    expect((await client.listUsers({}, alice)).users.map((u) => u.id)).toEqual(['alice']);

    await client.createUser({ organization: 'acme', id: 'dave', roles: [] }, alice);
    expect(
      await code(
        client.grantRole({ subject: 'user:dave@acme', role: 'org-admin', organization: 'beta' }, alice),
      ),
    ).toBe('PERMISSION_DENIED');
    expect(await code(client.grantRole({ subject: 'user:dave@acme', role: 'system-admin' }, alice))).toBe(
      'PERMISSION_DENIED',
    );
    const granted = await client.grantRole({ subject: 'user:dave@acme', role: 'viewer' }, alice);
    expect(granted.roles).toEqual([{ role: 'viewer', organization: 'acme' }]);

    expect(await code(client.updateOrganization({ id: 'acme', quotas: { vms: 1000 } }, alice))).toBe(
      'PERMISSION_DENIED',
    );
    expect((await client.updateOrganization({ id: 'acme', name: 'Acme Inc.' }, alice)).name).toBe(
      'Acme Inc.',
    );
    const raised = await client.updateOrganization({ id: 'acme', quotas: { vcpus: 64 } }, admin);
    expect(raised.quotas).toEqual({ vcpus: 64 });
  });

  it("answers a non-admin's audit query with its own organization's entries only", async () => {
    await running.security.audit.flush();
    const own = await client.queryAudit({ limit: 1000 }, alice);
    expect(own.entries.length).toBeGreaterThan(0);
    for (const e of own.entries)
      expect(e.organization === 'acme' || e.resource?.organization === 'acme', JSON.stringify(e)).toBe(true);
    expect(own.entries.some((e) => e.action === 'login' && e.principal === 'user:alice@acme')).toBe(true);
    expect(await code(client.queryAudit({ organization: 'beta' }, alice))).toBe('PERMISSION_DENIED');

    const all = await client.queryAudit({ limit: 1000 }, admin);
    expect(all.entries.some((e) => e.organization === 'beta')).toBe(true);
    // Changes carry their outcome next to the PEP's decision.
    expect(
      all.entries.some((e) => e.action === 'user.create' && e.outcome === 'ok' && e.resource?.id === 'carol'),
    ).toBe(true);
    const denied = await client.queryAudit({ decision: 'deny', principal: 'user:alice@acme' }, admin);
    expect(denied.entries.length).toBeGreaterThan(0);
    expect(denied.entries.every((e) => e.decision === 'Deny')).toBe(true);
  });

  it('checks a broken policy document and names every problem by its path', async () => {
    const broken = DEFAULT_POLICY_YAML.replace(
      'combining: deny-unless-permit',
      'combining: first-wins',
    ).replace(
      'effect: Deny\n                  condition: >-\n                    has(resource.organization)',
      'effect: Maybe\n                  condition: >-\n                    has(resource.organization)',
    );
    const r = await client.checkPolicy({ document: broken }, admin);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.path)).toEqual([
      'policySet.combining',
      'policySet.policies[0].policySet.policies[0].policy.rules[0].effect',
    ]);
    expect(r.problems[0]?.message).toMatch(/deny-unless-permit/);

    const syntax = await client.checkPolicy({ document: 'policySet: [unclosed' }, admin);
    expect(syntax.ok).toBe(false);
    expect(syntax.problems[0]).toMatchObject({ path: '' });
    expect(syntax.problems[0]?.message).toMatch(/^line 1, column/);

    const ok = await client.checkPolicy({ document: DEFAULT_POLICY_YAML }, admin);
    expect(ok).toMatchObject({ ok: true, problems: [], policyId: 'reservoir' });
    expect(ok.rules).toBeGreaterThan(10);

    expect(await code(client.checkPolicy({ document: broken }, alice))).toBe('PERMISSION_DENIED');
    expect(await code(client.applyPolicy({ document: broken }, admin))).toBe('INVALID_ARGUMENT');
  });

  it('applies a policy as the next version, which a fresh enforcement point on the same store decides under', async () => {
    const other = await openServiceSecurity({ database, service: 'other', policyPollMs: 0 });
    try {
      expect(other.policy.version).toBe(1);
      expect(other.policy.decisionPoint.decide(viewerReadsVm).decision).toBe('Permit');

      const applied = await client.applyPolicy({ document: ADMINS_ONLY, expectVersion: 1 }, admin);
      expect(applied).toMatchObject({ version: 2, appliedBy: 'user:admin@system' });
      expect(await code(client.applyPolicy({ document: ADMINS_ONLY, expectVersion: 1 }, admin))).toBe(
        'FAILED_PRECONDITION',
      );

      await other.policy.refresh();
      expect(other.policy.version).toBe(2);
      expect(other.policy.decisionPoint.decide(viewerReadsVm).decision).toBe('Deny');
      const fresh = await openServiceSecurity({ database, service: 'fresh', policyPollMs: 0 });
      expect(fresh.policy.version).toBe(2);
      expect(fresh.policy.decisionPoint.policyId).toBe('admins-only');
      await fresh.close();

      // The service itself switched at once: the organization admin is now refused.
      expect(await code(client.listUsers({}, alice))).toBe('PERMISSION_DENIED');
      const explained = await client.explainDecision(
        {
          requestJson: JSON.stringify(viewerReadsVm),
          subject: { roles: { list: { values: ['system-admin'] } } },
        },
        admin,
      );
      expect(explained).toMatchObject({ decision: 'Permit', version: 2, policyId: 'admins-only' });
      expect(explained.decidedBy).toEqual(['admins-only', 'system-admin', 'everything']);
      expect(JSON.parse(explained.traceJson).length).toBeGreaterThan(0);
    } finally {
      await client.applyPolicy({ document: DEFAULT_POLICY_YAML }, admin);
      await other.close();
    }
    expect((await client.listUsers({}, alice)).users.length).toBeGreaterThan(0);
  });

  it('reports an audit entry edited behind its back as the first broken one', async () => {
    await running.security.audit.flush();
    const before = await client.verifyAudit({}, admin);
    expect(before.ok).toBe(true);
    expect(n(before.firstBroken)).toBe(0);
    expect(n(before.checked)).toBeGreaterThan(5);
    expect(await code(client.verifyAudit({}, alice))).toBe('PERMISSION_DENIED');

    // What someone with the database file could do: drop the append-only triggers and edit a row.
    const db = await openDatabase(database);
    try {
      await db.exec('DROP TRIGGER security_audit_no_update');
      await db.exec("UPDATE security_audit SET principal = 'user:nobody@acme' WHERE seq = 3");
    } finally {
      await db.close();
    }
    const after = await client.verifyAudit({}, admin);
    expect(after).toMatchObject({ ok: false, firstBroken: 3, reason: 'hash', checked: 2, headSeq: 2 });
  });

  it('logs out: the token is revoked', async () => {
    const r = await client.login({ organization: 'beta', user: 'bob', password: PASSWORD });
    const token = as(r.token);
    await client.logout({}, token);
    // The enforcement point remembers a credential for a moment (2 s) before asking the store again.
    await new Promise((res) => setTimeout(res, 2100));
    expect(await code(client.whoAmI({}, token))).toBe('UNAUTHENTICATED');
  });
});
