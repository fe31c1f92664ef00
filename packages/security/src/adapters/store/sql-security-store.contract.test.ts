// The security store on both databases: identities round-trip, keys are unique, a user cannot
// exist outside an organization, and credentials (API keys, signing keys, the revocation list,
// login failures) behave the same on SQLite and PostgreSQL.

import { isReservoirError, type ReservoirError, type SqlDatabase } from '@reservoir/runtime';
import { testDatabases } from '@reservoir/runtime/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkGroup,
  checkOrganization,
  checkServicePrincipal,
  checkUser,
  generateSigningKey,
  type StoredApiKey,
  type StoredUser,
} from '../../domain/identity/index.js';
import { SqlSecurityStore } from './sql-security-store.js';

const T0 = 1_700_000_000_000;

async function rejection(promise: Promise<unknown>): Promise<ReservoirError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isReservoirError(e)) throw new Error(`expected a ReservoirError, got ${String(e)}`);
  return e;
}

function user(organization: string, id: string, o: Partial<StoredUser> = {}): StoredUser {
  return { ...checkUser({ organization, id }, T0), passwordHash: 'scrypt$16384$8$1$salt$hash', ...o };
}

function apiKey(id: string, o: Partial<StoredApiKey> = {}): StoredApiKey {
  return {
    id,
    owner: 'user:alice@acme',
    organization: 'acme',
    name: 'ci',
    roles: [{ role: 'viewer', organization: 'acme' }],
    secretHash: 'scrypt$16384$8$1$salt$hash',
    createdAt: T0,
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    ...o,
  };
}

describe.each(testDatabases())('SqlSecurityStore contract: $name', ({ open }) => {
  let db: SqlDatabase;
  let store: SqlSecurityStore;

  beforeEach(async () => {
    db = await open();
    store = new SqlSecurityStore(db);
    await store.migrate();
    for (const id of ['acme', 'globex']) await store.createOrganization(checkOrganization({ id }, T0));
  });

  afterEach(async () => {
    await store.close();
  });

  it('migrates again without losing data', async () => {
    await store.migrate();
    await new SqlSecurityStore(db).migrate();
    expect((await store.listOrganizations()).map((o) => o.id)).toEqual(['acme', 'globex']);
  });

  it('round-trips organizations and refuses a taken id', async () => {
    const org = checkOrganization(
      { id: 'initech', name: 'Initech', requireSignedOvf: true, quotas: { vms: 10, memoryMib: 65_536 } },
      T0,
    );
    await store.createOrganization(org);
    expect(await store.getOrganization('initech')).toEqual(org);
    expect((await rejection(store.createOrganization(org))).code).toBe('ALREADY_EXISTS');
    const updated = {
      ...org,
      state: 'disabled' as const,
      quotas: { ...org.quotas, vms: null },
      updatedAt: T0 + 1,
    };
    await store.updateOrganization(updated);
    expect(await store.getOrganization('initech')).toEqual(updated);
    expect((await rejection(store.updateOrganization({ ...org, id: 'nobody' }))).code).toBe('NOT_FOUND');
    expect(await store.getOrganization('nobody')).toBeUndefined();
  });

  it('keeps users inside an existing organization and lists them per organization', async () => {
    const alice = user('acme', 'alice', { roles: [{ role: 'viewer', organization: 'globex' }] });
    await store.createUser(alice);
    await store.createUser(user('globex', 'alice'));
    await store.createUser(user('acme', 'bob', { passwordHash: null }));
    expect(await store.getUser('acme', 'alice')).toEqual(alice);
    expect((await store.getUser('acme', 'bob'))?.passwordHash).toBeNull();
    expect((await store.listUsers({ organization: 'acme' })).map((u) => u.id)).toEqual(['alice', 'bob']);
    expect((await store.listUsers({ organization: 'globex' })).map((u) => u.id)).toEqual(['alice']);
    expect(await store.listUsers()).toHaveLength(3);
    expect((await rejection(store.createUser(alice))).code).toBe('ALREADY_EXISTS');
    const orphan = await rejection(store.createUser(user('nowhere', 'carol')));
    expect([orphan.code, orphan.message]).toEqual(['NOT_FOUND', 'organization "nowhere" not found']);
    await store.updateUser({ ...alice, state: 'disabled', mustChangePassword: true });
    expect(await store.getUser('acme', 'alice')).toMatchObject({
      state: 'disabled',
      mustChangePassword: true,
    });
  });

  it('keeps group members and finds the groups of a member in every organization', async () => {
    await store.createGroup(
      checkGroup({ organization: 'acme', id: 'ops', roles: ['org-admin'], members: ['user:alice@acme'] }, T0),
    );
    await store.createGroup(
      checkGroup(
        {
          organization: 'globex',
          id: 'auditors',
          roles: ['viewer'],
          members: ['user:alice@acme', 'user:x@globex'],
        },
        T0,
      ),
    );
    expect(await store.getGroup('acme', 'ops')).toMatchObject({
      roles: ['org-admin'],
      members: ['user:alice@acme'],
    });
    expect((await store.groupsOf('user:alice@acme')).map((g) => `${g.id}@${g.organization}`)).toEqual([
      'ops@acme',
      'auditors@globex',
    ]);
    expect((await store.listGroups({ organization: 'globex' }))[0]?.members).toEqual([
      'user:alice@acme',
      'user:x@globex',
    ]);
    const ops = (await store.getGroup('acme', 'ops'))!;
    await store.updateGroup({ ...ops, members: ['user:bob@acme'], roles: ['viewer'] });
    expect(await store.groupsOf('user:alice@acme')).toHaveLength(1);
    expect(await store.getGroup('acme', 'ops')).toMatchObject({
      roles: ['viewer'],
      members: ['user:bob@acme'],
    });
    expect(await store.deleteGroup('acme', 'ops')).toBe(true);
    expect(await store.deleteGroup('acme', 'ops')).toBe(false);
    expect(await store.groupsOf('user:bob@acme')).toEqual([]);
  });

  it('round-trips service principals and peers', async () => {
    const veem = checkServicePrincipal(
      {
        id: 'service:veem@site-a',
        organization: 'acme',
        roles: [{ role: 'service-provider', organization: 'acme' }],
      },
      T0,
    );
    await store.createServicePrincipal(veem);
    expect(await store.getServicePrincipal('service:veem@site-a')).toEqual(veem);
    expect(await store.listServicePrincipals({ organization: 'globex' })).toEqual([]);
    const peer = {
      site: 'site-b',
      organization: 'globex',
      publicKey: generateSigningKey(T0).publicKey,
      state: 'enabled' as const,
      createdAt: T0,
      updatedAt: T0,
    };
    await store.createPeer(peer);
    expect(await store.getPeer('site-b')).toEqual(peer);
    await store.updatePeer({ ...peer, state: 'disabled' });
    expect((await store.listPeers({ organization: 'globex' }))[0]?.state).toBe('disabled');
    expect(
      (await rejection(store.createPeer({ ...peer, site: 'site-c', organization: 'nowhere' }))).code,
    ).toBe('NOT_FOUND');
  });

  it('stores API keys, hides their hash in listings, revokes once and records use', async () => {
    await store.createApiKey(apiKey('ak-0001'));
    await store.createApiKey(apiKey('ak-0002', { organization: 'globex', owner: 'user:bob@globex' }));
    expect(await store.getApiKey('ak-0001')).toEqual(apiKey('ak-0001'));
    const listed = await store.listApiKeys({ organization: 'acme' });
    expect(listed.map((k) => k.id)).toEqual(['ak-0001']);
    expect(listed[0]).not.toHaveProperty('secretHash');
    expect(await store.listApiKeys({ owner: 'user:bob@globex' })).toHaveLength(1);
    expect((await rejection(store.createApiKey(apiKey('ak-0001')))).code).toBe('ALREADY_EXISTS');
    expect(await store.revokeApiKey('ak-0001', T0 + 5)).toBe(true);
    expect(await store.revokeApiKey('ak-0001', T0 + 9)).toBe(false);
    expect((await store.getApiKey('ak-0001'))?.revokedAt).toBe(T0 + 5);
    await store.touchApiKey('ak-0002', T0 + 10);
    await store.touchApiKey('ak-0002', T0 + 7);
    expect((await store.getApiKey('ak-0002'))?.lastUsedAt).toBe(T0 + 10);
  });

  it('keeps the newest signing keys active and retires the rest', async () => {
    const keys = [1, 2, 3].map((n) => generateSigningKey(T0 + n));
    for (const k of keys) await store.addSigningKey(k, 2);
    expect((await store.signingKeys()).map((k) => k.kid)).toEqual([keys[2]?.kid, keys[1]?.kid]);
    expect((await store.signingKeys())[0]).toEqual(keys[2]);
  });

  it('keeps a revoked jti until it expires', async () => {
    await store.revokeToken('jti-1', T0 + 1000, T0);
    await store.revokeToken('jti-1', T0 + 1000, T0);
    expect(await store.isTokenRevoked('jti-1')).toBe(true);
    expect(await store.isTokenRevoked('jti-2')).toBe(false);
    await store.revokeToken('jti-2', T0 + 5000, T0 + 2000);
    expect(await store.isTokenRevoked('jti-1')).toBe(false);
  });

  it('counts login failures in the window', async () => {
    expect(await store.recordLoginFailure('acme/alice', T0, T0 - 100)).toEqual([T0]);
    expect(await store.recordLoginFailure('acme/alice', T0 + 50, T0 - 50)).toEqual([T0 + 50, T0]);
    expect(await store.recordLoginFailure('acme/alice', T0 + 200, T0 + 100)).toEqual([T0 + 200]);
    expect(await store.loginFailures('acme/bob', 0)).toEqual([]);
    await store.clearLoginFailures('acme/alice');
    expect(await store.loginFailures('acme/alice', 0)).toEqual([]);
  });

  it('initializes an empty store once, even when two replicas race', async () => {
    const fresh = new SqlSecurityStore(await open());
    await fresh.migrate();
    try {
      const seed = {
        organizations: [checkOrganization({ id: 'system' }, T0)],
        users: [user('system', 'admin')],
      };
      const results = await Promise.all([fresh.initialize(seed), fresh.initialize(seed)]);
      expect(results.sort()).toEqual([false, true]);
      expect(await fresh.getUser('system', 'admin')).toEqual(user('system', 'admin'));
      expect(await store.initialize(seed)).toBe(false);
      expect(await store.getOrganization('system')).toBeUndefined();
    } finally {
      await fresh.close();
    }
  });
});
