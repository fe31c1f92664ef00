import { describe, expect, it } from 'vitest';
import type { Attributes, DecisionRequest } from './attributes.js';
import { compilePolicy } from './compile-policy.js';
import { DEFAULT_POLICY_YAML } from './default-policy.js';
import { parsePolicyDocument } from './policy-document.js';

const pdp = compilePolicy(parsePolicyDocument(DEFAULT_POLICY_YAML));

const TYPES = [
  'vm',
  'service',
  'image',
  'network',
  'host',
  'bill',
  'account',
  'audit',
  'user',
  'organization',
  'policy',
];
const ACTIONS = [
  'vm.create',
  'vm.read',
  'vm.delete',
  'service.deploy',
  'service.scale',
  'service.undeploy',
  'bill.read',
  'audit.read',
  'user.create',
  'user.delete',
  'policy.update',
  'host.create',
  'federation.transfer',
];

function ask(subject: Attributes, action: string, resource: Attributes = {}) {
  const type = action.slice(0, action.indexOf('.'));
  const req: DecisionRequest = {
    subject,
    action: { id: action },
    resource: { type, organization: 'acme', ...resource },
  };
  return pdp.decide(req);
}
const user = (roles: string[], extra: Attributes = {}): Attributes => ({
  id: 'alice',
  organization: 'acme',
  roles,
  ...extra,
});

describe('default policy', () => {
  it('compiles', () => {
    expect(pdp.policyId).toBe('reservoir');
    expect(pdp.stats.rules).toBeGreaterThan(10);
  });

  describe('organization isolation', () => {
    it.each(['org-admin', 'service-provider', 'viewer'])('keeps a %s out of another organization', (role) => {
      for (const action of ['vm.read', 'vm.delete', 'service.deploy', 'bill.read']) {
        const r = ask(user([role], { mfa: true }), action, { organization: 'globex' });
        expect(r.decision).toBe('Deny');
        expect(r.decidedBy).toEqual([
          'reservoir',
          'platform',
          'organization-isolation',
          'other-organization',
        ]);
      }
    });

    it('denies a subject without an organization acting on an organization’s resource', () => {
      expect(ask({ id: 'x', roles: ['viewer'] }, 'vm.read').decision).toBe('Deny');
    });
  });

  describe('viewer', () => {
    it('reads within its own organization', () => {
      for (const action of ['vm.read', 'bill.read', 'audit.read', 'image.list'])
        expect(ask(user(['viewer']), action).decision).toBe('Permit');
    });

    it('cannot change anything', () => {
      for (const action of ['vm.create', 'vm.delete', 'service.deploy', 'user.create', 'image.update']) {
        const r = ask(user(['viewer'], { mfa: true }), action);
        expect(r.decision).toBe('Deny');
        expect(r.obligations).toEqual([]);
      }
    });
  });

  describe('service-provider', () => {
    it('deploys, scales and undeploys services with audit, and quota checks on growth', () => {
      const deploy = ask(user(['service-provider']), 'service.deploy');
      expect(deploy.decision).toBe('Permit');
      expect(deploy.obligations).toEqual([
        { id: 'audit', attributes: { action: 'service.deploy', subject: 'alice' } },
        { id: 'check-quota', attributes: { organization: 'acme', action: 'service.deploy' } },
      ]);
      expect(ask(user(['service-provider']), 'service.undeploy').obligations.map((o) => o.id)).toEqual([
        'audit',
      ]);
    });

    it('creates and manages VMs and reads its organization’s bills', () => {
      for (const action of ['vm.create', 'vm.stop', 'vm.delete', 'vm.read', 'bill.read'])
        expect(ask(user(['service-provider']), action).decision).toBe('Permit');
    });

    it('does not manage users, read the audit log or touch hosts', () => {
      for (const action of ['user.create', 'audit.read', 'host.create', 'account.update'])
        expect(ask(user(['service-provider'], { mfa: true }), action).decision).toBe('Deny');
    });
  });

  describe('org-admin', () => {
    it('does everything within its organization, users included (with MFA)', () => {
      for (const action of [
        'vm.create',
        'service.deploy',
        'user.create',
        'user.delete',
        'account.update',
        'audit.read',
      ])
        expect(ask(user(['org-admin'], { mfa: true }), action).decision).toBe('Permit');
    });

    it('cannot change hosts or the site policy', () => {
      expect(
        ask(user(['org-admin'], { mfa: true }), 'host.create', { organization: undefined }).decision,
      ).toBe('Deny');
      expect(ask(user(['org-admin'], { mfa: true }), 'policy.update').decision).toBe('Deny');
    });

    it('gets advice to notify the owner when changing someone else’s resource', () => {
      const other = ask(user(['org-admin']), 'vm.delete', { owner: 'bob' });
      expect(other.decision).toBe('Permit');
      expect(other.obligations).toEqual([
        { id: 'audit', attributes: { action: 'vm.delete', subject: 'alice' } },
      ]);
      expect(other.advice).toEqual([
        { id: 'notify-owner', attributes: { owner: 'bob', action: 'vm.delete', by: 'alice' } },
      ]);
      expect(ask(user(['org-admin']), 'vm.delete', { owner: 'alice' }).advice).toEqual([]);
    });
  });

  describe('strong authentication', () => {
    it('denies user and policy changes without an interactive login or MFA, with advice saying why', () => {
      const r = ask(user(['org-admin']), 'user.create');
      expect(r.decision).toBe('Deny');
      expect(r.decidedBy).toEqual([
        'reservoir',
        'platform',
        'strong-authentication',
        'interactive-login-for-user-and-policy-changes',
      ]);
      expect(r.advice).toEqual([
        {
          id: 'require-mfa',
          attributes: {
            reason: 'changing users or policies needs an interactive login or multi-factor authentication',
            action: 'user.create',
          },
        },
      ]);
      expect(ask(user(['org-admin']), 'user.read').decision).toBe('Permit');
      expect(ask(user(['org-admin'], { interactive: true }), 'user.create').decision).toBe('Permit');
    });
  });

  describe('system-admin', () => {
    it('can do every action on every type in every organization, with audit on changes', () => {
      for (const type of TYPES)
        for (const verb of ['create', 'read', 'list', 'update', 'delete'])
          for (const organization of ['acme', 'globex', undefined]) {
            const r = ask(user(['system-admin'], { mfa: true }), `${type}.${verb}`, { organization });
            expect(r.decision, `${type}.${verb} in ${organization}`).toBe('Permit');
            expect(r.obligations.map((o) => o.id)).toEqual(
              verb === 'read' || verb === 'list' ? [] : ['audit'],
            );
          }
    });

    it('can do the platform’s named actions, where other roles cannot', () => {
      for (const action of ACTIONS) {
        expect(ask(user(['system-admin'], { mfa: true }), action, { organization: 'globex' }).decision).toBe(
          'Permit',
        );
        expect(ask(user(['viewer'], { mfa: true }), action, { organization: 'globex' }).decision).toBe(
          'Deny',
        );
      }
    });
  });

  describe('sharing and ownership', () => {
    const globexViewer = { id: 'gina', organization: 'globex', roles: ['viewer'] };

    it('lets the organization or the user a resource is shared with read it', () => {
      expect(ask(globexViewer, 'image.read', { sharedWith: ['globex'] }).decision).toBe('Permit');
      expect(ask({ ...globexViewer, roles: [] }, 'image.read', { sharedWith: ['gina'] }).decision).toBe(
        'Permit',
      );
      expect(ask(globexViewer, 'image.read', { sharedWith: 'globex' }).decision).toBe('Permit');
      expect(ask(globexViewer, 'image.read', { sharedWith: ['initech'] }).decision).toBe('Deny');
    });

    it('does not let a share change anything', () => {
      const r = ask({ ...globexViewer, roles: ['org-admin'] }, 'image.delete', { sharedWith: ['globex'] });
      expect(r.decision).toBe('Deny');
      expect(r.decidedBy.at(-1)).toBe('other-organization');
    });

    it('lets owners read what they own, without a role', () => {
      expect(ask(user([]), 'vm.read', { owner: 'alice' }).decision).toBe('Permit');
      expect(ask(user([]), 'vm.read', { owner: 'bob' }).decision).toBe('Deny');
      expect(ask(user([]), 'vm.delete', { owner: 'alice' }).decision).toBe('Deny');
    });
  });

  describe('federation-peer', () => {
    const peer = { id: 'site-b', roles: ['federation-peer'] };

    it('performs the federation actions on any organization’s resources, audited', () => {
      const r = ask(peer, 'federation.transfer', { organization: 'acme' });
      expect(r.decision).toBe('Permit');
      expect(r.obligations.map((o) => o.id)).toEqual(['audit']);
    });

    it('does nothing else', () => {
      for (const action of ['vm.read', 'vm.create', 'service.deploy'])
        expect(ask(peer, action).decision).toBe('Deny');
    });
  });

  it('answers Permit or Deny to anything, even empty or odd requests', () => {
    const odd: DecisionRequest[] = [
      { subject: {}, resource: {}, action: {} },
      { subject: { roles: 'viewer' }, resource: { organization: 3 }, action: { id: 7 } },
      {
        subject: { id: 'x', organization: 'acme', roles: [] },
        resource: { type: 'vm' },
        action: { id: 'vm.create' },
      },
      {} as DecisionRequest,
    ];
    for (const req of odd) expect(['Permit', 'Deny']).toContain(pdp.decide(req).decision);
    expect(pdp.decide({} as DecisionRequest).decision).toBe('Deny');
  });
});
