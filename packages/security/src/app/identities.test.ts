// Identities over the real store on both databases: logins, tokens, API keys, lockout,
// isolation of organizations, bootstrap, service principals and federation peers.

import { inspect } from 'node:util';
import { isReservoirError, openDatabase, type ReservoirError, type SqlDatabase } from '@reservoir/runtime';
import { testDatabases } from '@reservoir/runtime/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqlSecurityStore } from '../adapters/store/sql-security-store.js';
import { LoginLockedError, type RoleGrant } from '../domain/identity/index.js';
import { Identities, TokenService } from './identities.js';

const T0 = 1_700_000_000_000;
const FAST = { N: 2 ** 14, r: 8, p: 1 };
const PASSWORD = 'alice-password-1';
const viewer = (organization: string): RoleGrant => ({ role: 'viewer', organization });

async function rejection(promise: Promise<unknown>): Promise<ReservoirError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isReservoirError(e)) throw new Error(`expected a ReservoirError, got ${String(e)}`);
  return e;
}

/** "CODE: message" of the rejection. */
async function failure(promise: Promise<unknown>): Promise<string> {
  return String(await rejection(promise));
}

describe.each(testDatabases())('Identities: $name', ({ open }) => {
  let db: SqlDatabase;
  let store: SqlSecurityStore;
  let clock: { now: number };
  let ids: Identities;

  const identities = (s: SqlSecurityStore = store) =>
    new Identities({
      store: s,
      clock: () => clock.now,
      scrypt: FAST,
      lockout: { maxFailures: 3, windowMs: 60_000 },
    });

  beforeEach(async () => {
    db = await open();
    store = new SqlSecurityStore(db);
    await store.migrate();
    clock = { now: T0 };
    ids = identities();
    await ids.createOrganization({ id: 'acme', name: 'ACME' });
    await ids.createOrganization({ id: 'globex' });
    await ids.createUser({ organization: 'acme', id: 'alice', password: PASSWORD, roles: [viewer('acme')] });
  });

  afterEach(async () => {
    await store.close();
  });

  it('logs a user in and authenticates the token with the roles of her groups', async () => {
    await ids.createGroup({
      organization: 'acme',
      id: 'ops',
      roles: ['org-admin'],
      members: ['user:alice@acme'],
    });
    await ids.createGroup({ organization: 'globex', id: 'auditors', roles: ['viewer'] });
    await ids.addMember('globex', 'auditors', 'user:alice@acme');
    const login = await ids.login('acme', 'alice', PASSWORD);
    const token = login.token.reveal();
    expect(token).toMatch(/^v1\./);
    expect(JSON.stringify(login)).not.toContain(token);
    expect(inspect(login)).not.toContain(token);
    const roles = [
      { role: 'org-admin', organization: 'acme' },
      { role: 'viewer', organization: 'acme' },
      { role: 'viewer', organization: 'globex' },
    ];
    expect(login.principal).toMatchObject({
      id: 'user:alice@acme',
      kind: 'user',
      organization: 'acme',
      roles,
    });
    expect(login.mustChangePassword).toBe(false);
    const principal = await ids.authenticate(`Bearer ${token}`);
    expect(principal).toEqual({
      id: 'user:alice@acme',
      kind: 'user',
      organization: 'acme',
      roles,
      credential: { type: 'token', id: login.principal.credential.id, expiresAt: login.expiresAt },
    });
    expect(await ids.authenticate(token)).toEqual(principal);
  });

  it('refuses a wrong password, an unknown user and an unknown organization with one message', async () => {
    await ids.createUser({ organization: 'acme', id: 'nopass' });
    const messages = await Promise.all([
      failure(ids.login('acme', 'alice', 'wrong-password-1')),
      failure(ids.login('acme', 'mallory', PASSWORD)),
      failure(ids.login('initech', 'alice', PASSWORD)),
      failure(ids.login('acme', 'nopass', '')),
      failure(ids.login('ACME!', 'alice', PASSWORD)),
    ]);
    expect(new Set(messages)).toEqual(new Set(['UNAUTHENTICATED: invalid organization, user or password']));
  });

  it('locks a login out after repeated failures, whatever the password, until the window passes', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await rejection(ids.login('acme', 'alice', `wrong-password-${i}`))).code).toBe(
        'UNAUTHENTICATED',
      );
      clock.now += 1000;
    }
    const locked = await rejection(ids.login('acme', 'alice', PASSWORD));
    expect(locked).toBeInstanceOf(LoginLockedError);
    expect(locked.code).toBe('RESOURCE_EXHAUSTED');
    expect((locked as LoginLockedError).retryAfterMs).toBe(57_000);
    // Another replica over the same store sees the same lock.
    expect((await rejection(identities().login('acme', 'alice', PASSWORD))).code).toBe('RESOURCE_EXHAUSTED');
    // Unknown users are locked the same way, so the lock tells nothing about who exists.
    for (let i = 0; i < 3; i++) await rejection(ids.login('acme', 'ghost', 'whatever-password'));
    expect((await rejection(ids.login('acme', 'ghost', 'whatever-password'))).code).toBe(
      'RESOURCE_EXHAUSTED',
    );
    clock.now += 57_000;
    expect((await ids.login('acme', 'alice', PASSWORD)).principal.id).toBe('user:alice@acme');
    expect(await store.loginFailures('acme/alice', 0)).toEqual([]);
  });

  it('refuses an expired token, a bad signature and a revoked token', async () => {
    const { token } = await ids.login('acme', 'alice', PASSWORD);
    const t = token.reveal();
    const flipped = `${t.slice(0, -2)}${t.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await failure(ids.authenticate(flipped))).toBe('UNAUTHENTICATED: invalid token signature');
    clock.now += 3_600_000 + 59_000;
    expect((await ids.authenticate(t)).id).toBe('user:alice@acme');
    clock.now += 2000;
    expect(await failure(ids.authenticate(t))).toBe('UNAUTHENTICATED: token expired');
    const second = (await ids.login('acme', 'alice', PASSWORD)).token.reveal();
    await ids.logout(second);
    expect(await failure(ids.authenticate(second))).toBe('UNAUTHENTICATED: token revoked');
    expect(await failure(identities().authenticate(second))).toBe('UNAUTHENTICATED: token revoked');
  });

  it('verifies tokens on every replica and across a key rotation', async () => {
    const replica = identities();
    const before = (await ids.login('acme', 'alice', PASSWORD)).token.reveal();
    expect((await replica.authenticate(before)).id).toBe('user:alice@acme');
    const { kid } = await ids.tokens.rotate();
    const after = await ids.tokens.issue({ sub: 'user:alice@acme', org: 'acme', roles: [], kind: 'user' });
    expect(after.claims.kid).toBe(kid);
    clock.now += 2000; // the replica re-reads the keys when it meets an unknown kid
    expect((await replica.authenticate(after.token.reveal())).id).toBe('user:alice@acme');
    expect((await ids.authenticate(before)).id).toBe('user:alice@acme');
    // A second rotation retires the key that signed `before`.
    await ids.tokens.rotate();
    expect(await failure(ids.authenticate(before))).toBe(
      'UNAUTHENTICATED: token signed by an unknown or retired key',
    );
    expect((await ids.authenticate(after.token.reveal())).id).toBe('user:alice@acme');
    expect((await ids.tokens.publicKeys()).map((k) => k.kid)).toHaveLength(2);
  });

  it('shows an API key once, verifies it, restricts its roles and refuses it revoked or expired', async () => {
    await ids.grantRole('user:alice@acme', { role: 'org-admin', organization: 'acme' });
    const created = await ids.createApiKey({
      owner: 'user:alice@acme',
      name: 'ci',
      roles: [viewer('acme')],
      expiresAt: T0 + 3_600_000,
    });
    const secret = created.secret.reveal();
    expect(secret).toMatch(new RegExp(`^rsv_${created.apiKey.id}_[A-Za-z0-9_-]{43}$`));
    expect(JSON.stringify(created)).not.toContain(secret.slice(-43));
    const listed = await ids.listApiKeys({ organization: 'acme' });
    expect(listed).toEqual([created.apiKey]);
    expect(JSON.stringify(listed)).not.toContain('scrypt');

    const principal = await ids.authenticate(`ApiKey ${secret}`);
    expect(principal).toEqual({
      id: 'user:alice@acme',
      kind: 'user',
      organization: 'acme',
      roles: [viewer('acme')],
      credential: { type: 'api-key', id: created.apiKey.id, expiresAt: T0 + 3_600_000 },
    });
    expect((await store.getApiKey(created.apiKey.id))?.lastUsedAt).toBe(T0);
    const wrong = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect(await failure(ids.authenticate(wrong))).toBe('UNAUTHENTICATED: invalid API key');
    expect(await failure(ids.createApiKey({ owner: 'user:alice@acme', roles: [viewer('globex')] }))).toBe(
      'INVALID_ARGUMENT: roles: user:alice@acme does not hold viewer@globex',
    );

    const replica = identities();
    expect((await replica.authenticate(secret)).id).toBe('user:alice@acme');
    await ids.revokeApiKey(created.apiKey.id);
    expect(await failure(ids.authenticate(secret))).toBe('UNAUTHENTICATED: API key revoked');
    expect(await failure(replica.authenticate(secret))).toBe('UNAUTHENTICATED: API key revoked');

    const other = await ids.createApiKey({ owner: 'user:alice@acme', expiresAt: T0 + 1000 });
    expect((await ids.authenticate(other.secret.reveal())).roles).toEqual([
      { role: 'org-admin', organization: 'acme' },
      viewer('acme'),
    ]);
    clock.now += 1000;
    expect(await failure(ids.authenticate(other.secret.reveal()))).toBe('UNAUTHENTICATED: API key expired');
  });

  it('applies a disabled user or organization and a withdrawn role at once', async () => {
    const token = (await ids.login('acme', 'alice', PASSWORD)).token.reveal();
    await ids.updateUser('acme', 'alice', { state: 'disabled' });
    const gone = 'UNAUTHENTICATED: the principal of this credential is unknown or disabled';
    expect(await failure(ids.authenticate(token))).toBe(gone);
    expect((await rejection(ids.login('acme', 'alice', PASSWORD))).code).toBe('UNAUTHENTICATED');
    await ids.updateUser('acme', 'alice', { state: 'enabled' });
    expect((await ids.authenticate(token)).roles).toEqual([viewer('acme')]);
    expect(await ids.revokeRole('user:alice@acme', viewer('acme'))).toEqual([]);
    expect((await ids.authenticate(token)).roles).toEqual([]);
    await ids.updateOrganization('acme', { state: 'disabled' });
    expect(await failure(ids.authenticate(token))).toBe(gone);
  });

  it('keeps organizations apart in every listing', async () => {
    await ids.createUser({ organization: 'globex', id: 'alice', password: 'globex-password' });
    await ids.createUser({ organization: 'globex', id: 'bob' });
    await ids.createGroup({ organization: 'acme', id: 'ops' });
    await ids.createGroup({ organization: 'globex', id: 'finance' });
    await ids.createApiKey({ owner: 'user:alice@acme' });
    await ids.createApiKey({ owner: 'user:bob@globex' });
    expect((await ids.listUsers('acme')).map((u) => `${u.id}@${u.organization}`)).toEqual(['alice@acme']);
    expect((await ids.listUsers('globex')).map((u) => `${u.id}@${u.organization}`)).toEqual([
      'alice@globex',
      'bob@globex',
    ]);
    expect((await ids.listGroups('acme')).map((g) => g.id)).toEqual(['ops']);
    expect((await ids.listApiKeys({ organization: 'globex' })).map((k) => k.owner)).toEqual([
      'user:bob@globex',
    ]);
    expect(await ids.listUsers('initech')).toEqual([]);
    expect(JSON.stringify(await ids.listUsers('globex'))).not.toContain('scrypt');
    // Same user id, different tenants: each password opens only its own account.
    expect((await ids.login('globex', 'alice', 'globex-password')).principal.id).toBe('user:alice@globex');
    expect((await rejection(ids.login('globex', 'alice', PASSWORD))).code).toBe('UNAUTHENTICATED');
  });

  it('checks input with field errors and refers only to what exists', async () => {
    const short = await rejection(ids.createUser({ organization: 'acme', id: 'bob', password: 'short' }));
    expect([short.code, short.field]).toEqual(['INVALID_ARGUMENT', 'password']);
    const same = await rejection(
      ids.createUser({ organization: 'acme', id: 'administrator', password: 'Administrator' }),
    );
    expect(same.message).toBe('password: must not be the user id');
    expect(await failure(ids.createUser({ organization: 'initech', id: 'bob' }))).toBe(
      'NOT_FOUND: organization "initech" not found',
    );
    expect((await rejection(ids.createUser({ organization: 'acme', id: 'alice' }))).code).toBe(
      'ALREADY_EXISTS',
    );
    expect(await failure(ids.grantRole('user:alice@acme', viewer('initech')))).toBe(
      'NOT_FOUND: organization "initech" not found',
    );
    expect(await failure(ids.addMember('acme', 'nogroup', 'user:alice@acme'))).toBe(
      'NOT_FOUND: group "nogroup@acme" not found',
    );
    expect(
      (await rejection(ids.createGroup({ organization: 'acme', id: 'g', members: ['user:x@acme'] }))).code,
    ).toBe('NOT_FOUND');
    expect((await rejection(ids.updateOrganization('acme', { quotas: { vms: -1 } }))).field).toBe(
      'quotas.vms',
    );
    expect((await ids.updateOrganization('acme', { quotas: { vms: 10 } })).quotas).toEqual({
      vms: 10,
      vcpus: null,
      memoryMib: null,
      services: null,
    });
  });

  it('changes a password only with the current one', async () => {
    expect(await failure(ids.changePassword('acme', 'alice', 'not-the-password', 'brand-new-password'))).toBe(
      'UNAUTHENTICATED: invalid organization, user or password',
    );
    expect(await store.loginFailures('acme/alice', 0)).toEqual([T0]);
    await ids.changePassword('acme', 'alice', PASSWORD, 'brand-new-password');
    expect((await rejection(ids.login('acme', 'alice', PASSWORD))).code).toBe('UNAUTHENTICATED');
    expect((await ids.login('acme', 'alice', 'brand-new-password')).principal.id).toBe('user:alice@acme');
  });

  it('authenticates service principals by API key and by service token', async () => {
    await ids.createServicePrincipal({
      id: 'service:veem@site-a',
      organization: 'acme',
      roles: [{ role: 'service-provider', organization: 'acme' }],
    });
    const key = await ids.createApiKey({ owner: 'service:veem@site-a' });
    expect(key.apiKey.organization).toBe('acme');
    const byKey = await ids.authenticate(key.secret.reveal());
    expect(byKey).toMatchObject({
      id: 'service:veem@site-a',
      kind: 'service',
      roles: [{ role: 'service-provider', organization: 'acme' }],
    });
    const issued = await ids.issueServiceToken('service:veem@site-a', 60_000);
    expect(issued.claims).toMatchObject({
      kind: 'service',
      sub: 'service:veem@site-a',
      roles: ['service-provider@acme'],
    });
    expect((await ids.authenticate(issued.token.reveal())).kind).toBe('service');
    await ids.setServicePrincipalState('service:veem@site-a', 'disabled');
    expect((await rejection(ids.authenticate(key.secret.reveal()))).code).toBe('UNAUTHENTICATED');
  });

  it('authenticates a federation peer by a token its own site signed', async () => {
    const siteB = new SqlSecurityStore(await openDatabase('sqlite::memory:'));
    await siteB.migrate();
    const siteC = new SqlSecurityStore(await openDatabase('sqlite::memory:'));
    await siteC.migrate();
    try {
      const b = identities(siteB);
      const { publicKey } = await b.tokens.rotate();
      await ids.registerPeer({ site: 'site-b', organization: 'globex', publicKey });
      const token = (await b.issuePeerToken('site-b')).token.reveal();
      expect(await ids.authenticate(token)).toMatchObject({
        id: 'peer:site-b',
        kind: 'peer',
        organization: 'globex',
        roles: [{ role: 'federation-peer', organization: 'globex' }],
      });
      // Another site claiming to be site-b signs with a key site-a does not know.
      const forged = (await identities(siteC).issuePeerToken('site-b')).token.reveal();
      expect(await failure(ids.authenticate(forged))).toBe('UNAUTHENTICATED: invalid token signature');
      await ids.updatePeer('site-b', { state: 'disabled' });
      expect(await failure(ids.authenticate(token))).toBe(
        'UNAUTHENTICATED: token of an unknown or disabled federation peer',
      );
    } finally {
      await siteB.close();
      await siteC.close();
    }
  });

  it('keeps signing keys encrypted when a passphrase is set', async () => {
    const sealed = new TokenService({
      store,
      clock: () => clock.now,
      keyPassphrase: 'keep me out of backups',
    });
    const issued = await sealed.issue({ sub: 'user:alice@acme', org: 'acme', roles: [], kind: 'user' });
    expect((await store.signingKeys())[0]?.privateKey).toContain('ENCRYPTED PRIVATE KEY');
    const noPassphrase = new TokenService({ store, clock: () => clock.now });
    expect((await noPassphrase.verify(issued.token.reveal())).sub).toBe('user:alice@acme');
    expect(
      (await rejection(noPassphrase.issue({ sub: 's', org: 'acme', roles: [], kind: 'user' }))).code,
    ).toBe('FAILED_PRECONDITION');
  });

  it('refuses a missing or unknown kind of credential', async () => {
    expect(await failure(ids.authenticate(undefined))).toBe(
      'UNAUTHENTICATED: no credential: send a bearer token or an API key',
    );
    expect((await rejection(ids.authenticate('Basic YWxpY2U6cHc='))).code).toBe('UNAUTHENTICATED');
    expect(await failure(ids.authenticate('rsv_nope'))).toBe('UNAUTHENTICATED: invalid API key');
    expect(await failure(ids.authenticate('v1.x.y'))).toBe('UNAUTHENTICATED: malformed token');
  });

  describe('bootstrap', () => {
    it('creates the system administrator and the demo organization once', async () => {
      const fresh = new SqlSecurityStore(await open());
      await fresh.migrate();
      try {
        const [a, b] = [identities(fresh), identities(fresh)];
        const results = await Promise.all([a.bootstrap(), b.bootstrap()]);
        const created = results.filter((r) => r.created);
        expect(created).toHaveLength(1);
        expect(results.find((r) => !r.created)).toEqual({ created: false });
        expect(await a.bootstrap()).toEqual({ created: false });
        const admin = created[0]?.admin;
        const password = admin?.password.reveal() as string;
        expect(password).toHaveLength(24);
        expect(JSON.stringify(created[0])).not.toContain(password);
        expect((await a.listOrganizations()).map((o) => o.id)).toEqual(['demo', 'system']);
        const login = await b.login('system', 'admin', password);
        expect(login.mustChangePassword).toBe(true);
        expect(login.principal.roles).toEqual([{ role: 'system-admin', organization: '*' }]);
      } finally {
        await fresh.close();
      }
    });

    it('does nothing on a store that already has organizations', async () => {
      expect(await ids.bootstrap()).toEqual({ created: false });
      expect(await store.getOrganization('system')).toBeUndefined();
    });
  });
});
