import { describe, expect, it } from 'vitest';
import { isReservoirError } from '@reservoir/runtime';
import { RoleDirectory } from './role-directory.js';

describe('RoleDirectory (casbin RBAC with domains)', () => {
  it('follows users → groups → roles transitively within an organization', async () => {
    const roles = await RoleDirectory.create([
      { member: 'alice', group: 'ops', organization: 'acme' },
      { member: 'ops', group: 'on-call', organization: 'acme' },
      { member: 'on-call', group: 'service-provider', organization: 'acme' },
      { member: 'bob', group: 'viewer', organization: 'acme' },
    ]);
    expect(roles.rolesOf('alice', 'acme')).toEqual(['on-call', 'ops', 'service-provider']);
    expect(roles.rolesOf('bob', 'acme')).toEqual(['viewer']);
    expect(roles.rolesOf('carol', 'acme')).toEqual([]);
  });

  it('keeps organizations apart: a grant in one is no grant in another', async () => {
    const roles = await RoleDirectory.create([
      { member: 'alice', group: 'org-admin', organization: 'acme' },
      { member: 'alice', group: 'viewer', organization: 'globex' },
    ]);
    expect(roles.rolesOf('alice', 'acme')).toEqual(['org-admin']);
    expect(roles.rolesOf('alice', 'globex')).toEqual(['viewer']);
    expect(roles.rolesOf('alice', 'initech')).toEqual([]);
    expect(roles.rolesOf('alice')).toEqual([]);
  });

  it('applies global links in every organization, also through an organization’s groups', async () => {
    const roles = await RoleDirectory.create([
      { member: 'root', group: 'system-admin' },
      { member: 'admins', group: 'system-admin' },
      { member: 'dave', group: 'admins', organization: 'acme' },
    ]);
    expect(roles.rolesOf('root', 'acme')).toEqual(['system-admin']);
    expect(roles.rolesOf('root', 'globex')).toEqual(['system-admin']);
    expect(roles.rolesOf('root')).toEqual(['system-admin']);
    expect(roles.rolesOf('dave', 'acme')).toEqual(['admins', 'system-admin']);
    expect(roles.rolesOf('dave', 'globex')).toEqual([]);
  });

  it('removes links and forgets cached answers', async () => {
    const roles = await RoleDirectory.create();
    await roles.addGrouping({ member: 'alice', group: 'ops', organization: 'acme' });
    await roles.addGrouping({ member: 'ops', group: 'org-admin', organization: 'acme' });
    await roles.addGrouping({ member: 'ops', group: 'org-admin', organization: 'acme' });
    expect(roles.rolesOf('alice', 'acme')).toEqual(['ops', 'org-admin']);
    await roles.removeGrouping({ member: 'ops', group: 'org-admin', organization: 'acme' });
    expect(roles.rolesOf('alice', 'acme')).toEqual(['ops']);
    await roles.removeGrouping({ member: 'nobody', group: 'ops', organization: 'acme' });
    expect(roles.groupings()).toEqual([{ member: 'alice', group: 'ops', organization: 'acme' }]);
  });

  it('hands out copies, so a caller cannot change the cache', async () => {
    const roles = await RoleDirectory.create([{ member: 'alice', group: 'viewer', organization: 'acme' }]);
    roles.rolesOf('alice', 'acme').push('system-admin');
    expect(roles.rolesOf('alice', 'acme')).toEqual(['viewer']);
  });

  it('refuses empty names and the reserved global domain as an organization', async () => {
    const roles = await RoleDirectory.create();
    for (const g of [
      { member: '', group: 'x' },
      { member: 'a', group: ' ' },
      { member: 'a', group: 'b', organization: '*' },
    ]) {
      const error = await roles.addGrouping(g).catch((e: unknown) => e);
      expect(isReservoirError(error) && error.code).toBe('INVALID_ARGUMENT');
    }
  });
});
