import { generateKeyPairSync } from 'node:crypto';
import { isReservoirError } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import { parseGrant, rolesIn, uniqueGrants } from './roles.js';
import { parseSubject } from './subjects.js';
import {
  checkGroup,
  checkOrganization,
  checkPassword,
  checkPeer,
  checkServicePrincipal,
  checkUser,
} from './validate.js';

/** "field: message" of the INVALID_ARGUMENT fn throws. */
function invalid(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isReservoirError(e) && e.code === 'INVALID_ARGUMENT') return `${e.field}: ${e.message}`;
    throw e;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('organizations', () => {
  it('fills defaults: enabled, unsigned OVF allowed, every quota unlimited', () => {
    expect(checkOrganization({ id: 'acme', quotas: { vcpus: 64 } }, 5)).toEqual({
      id: 'acme',
      name: 'acme',
      state: 'enabled',
      requireSignedOvf: false,
      quotas: { vms: null, vcpus: 64, memoryMib: null, services: null },
      createdAt: 5,
      updatedAt: 5,
    });
  });

  it('names the field at fault', () => {
    expect(invalid(() => checkOrganization({ id: 'Acme Corp' }, 0))).toMatch(/^id: id: must be lower-case/);
    expect(invalid(() => checkOrganization({ id: 'acme', quotas: { vcpus: -1 } }, 0))).toBe(
      'quotas.vcpus: quotas.vcpus: must be a non-negative integer, or null for unlimited',
    );
    expect(invalid(() => checkOrganization({ id: 'acme', quotas: { cpus: 1 } as never }, 0))).toMatch(
      /^quotas.cpus: .*is not a quota/,
    );
    expect(invalid(() => checkOrganization({ id: 'acme', state: 'paused' as never }, 0))).toMatch(/^state: /);
    expect(invalid(() => checkOrganization({ id: 'acme', name: ' ' }, 0))).toMatch(/^name: /);
  });
});

describe('roles', () => {
  it('keeps system-admin global and every other role in one organization', () => {
    expect(parseGrant('org-admin@acme')).toEqual({ role: 'org-admin', organization: 'acme' });
    expect(invalid(() => parseGrant('system-admin@acme'))).toMatch(/system-admin is global/);
    expect(invalid(() => parseGrant('viewer@*'))).toMatch(/granted in one organization/);
    expect(invalid(() => parseGrant('root@acme'))).toMatch(/^role.role: .*must be one of/);
  });

  it('lists the roles that apply in an organization, system-admin everywhere', () => {
    const grants = uniqueGrants([
      { role: 'viewer', organization: 'globex' },
      { role: 'org-admin', organization: 'acme' },
      { role: 'org-admin', organization: 'acme' },
      { role: 'system-admin', organization: '*' },
    ]);
    expect(grants).toHaveLength(3);
    expect(rolesIn(grants, 'acme')).toEqual(['system-admin', 'org-admin']);
    expect(rolesIn(grants, 'globex')).toEqual(['system-admin', 'viewer']);
    expect(rolesIn(grants.slice(1), 'initech')).toEqual([]);
  });
});

describe('users, groups, principals and peers', () => {
  it('checks a user and its grants', () => {
    const u = checkUser(
      { organization: 'acme', id: 'alice', roles: [{ role: 'viewer', organization: 'acme' }] },
      1,
    );
    expect(u).toMatchObject({ id: 'alice', name: 'alice', state: 'enabled', mustChangePassword: false });
    expect(invalid(() => checkUser({ organization: 'acme', id: 'al ice' }, 1))).toMatch(/^id: /);
    expect(
      invalid(() => checkUser({ organization: 'acme', id: 'bob', roles: [{ role: 'viewer' }] as never }, 1)),
    ).toMatch(/^roles\[0\]\.organization: /);
  });

  it('keeps group roles in the group organization and members to users and services', () => {
    const g = checkGroup(
      {
        organization: 'acme',
        id: 'ops',
        roles: ['viewer', 'org-admin'],
        members: ['user:b@acme', 'user:a@acme'],
      },
      1,
    );
    expect(g.roles).toEqual(['org-admin', 'viewer']);
    expect(g.members).toEqual(['user:a@acme', 'user:b@acme']);
    expect(
      invalid(() => checkGroup({ organization: 'acme', id: 'ops', roles: ['system-admin'] }, 1)),
    ).toMatch(/^roles\[0\]: .*cannot be granted to a group/);
    expect(
      invalid(() => checkGroup({ organization: 'acme', id: 'ops', members: ['peer:site-b'] }, 1)),
    ).toMatch(/^members\[0\]: /);
  });

  it('parses every principal id form', () => {
    expect(parseSubject('user:alice@acme')).toEqual({ kind: 'user', organization: 'acme', id: 'alice' });
    expect(parseSubject('service:veem@site-a')).toEqual({ kind: 'service', id: 'service:veem@site-a' });
    expect(parseSubject('peer:site-b')).toEqual({ kind: 'peer', site: 'site-b' });
    expect(parseSubject('group:ops@acme')).toEqual({ kind: 'group', organization: 'acme', id: 'ops' });
    for (const bad of ['alice', 'user:alice', 'user:@acme', 'service:veem', 'robot:x@y', 'peer:Site B']) {
      expect(invalid(() => parseSubject(bad))).toMatch(/^subject: /);
    }
  });

  it('checks service principal ids and peer keys', () => {
    expect(checkServicePrincipal({ id: 'service:veem@site-a' }, 1)).toMatchObject({
      organization: 'system',
      name: 'veem@site-a',
    });
    expect(invalid(() => checkServicePrincipal({ id: 'veem' }, 1))).toMatch(/^id: .*service:<name>@<site>/);
    const { publicKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(checkPeer({ site: 'site-b', organization: 'partners', publicKey: pem }, 1).publicKey).toBe(pem);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    expect(
      invalid(() => checkPeer({ site: 'site-b', organization: 'p', publicKey: rsa.toString() }, 1)),
    ).toMatch(/^publicKey: .*Ed25519/);
  });
});

describe('password policy', () => {
  it('wants at least 12 characters that are not the user id', () => {
    expect(checkPassword('twelve chars', 'alice')).toBe('twelve chars');
    expect(invalid(() => checkPassword('short', 'alice'))).toBe(
      'password: password: must be at least 12 characters',
    );
    expect(invalid(() => checkPassword('Administrator', 'administrator'))).toBe(
      'password: password: must not be the user id',
    );
    expect(invalid(() => checkPassword('x'.repeat(1025), 'alice'))).toMatch(/at most 1024/);
  });
});
