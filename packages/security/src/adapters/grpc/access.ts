// What each RPC of the security service means to the decision point. Users, their roles and
// their API keys belong to the user's organization (API keys are "user" resources, so changing
// them needs what changing the user needs); service principals, federation peers, the policy,
// signing keys and the verification of the whole audit chain belong to no organization, which
// with the default policy leaves them to system admins.

import { SecurityServiceDefinition } from '@reservoir/contracts';
import { errors, type CallPrincipal, type ResourceAttributes } from '@reservoir/runtime';
import type { SecurityStore } from '../../app/ports.js';
import { parseSubject, userPrincipalId } from '../../domain/identity/index.js';
import { accessMap, AUTHENTICATED, PUBLIC, serviceAccess, type AccessMap } from '../../pep/access-map.js';

/** The one access policy document of a site, as a resource. */
export const POLICY_RESOURCE: ResourceAttributes = { type: 'policy', id: 'access-policy' };

export function organizationResource(id: string): ResourceAttributes {
  return { type: 'organization', id, organization: id };
}

/** A user is its own owner, so the ownership rules let a user read itself. */
export function userResource(organization: string, id: string): ResourceAttributes {
  return { type: 'user', id, organization, owner: userPrincipalId(organization, id) };
}

export function apiKeyResource(k: { id: string; organization: string; owner: string }): ResourceAttributes {
  return { type: 'user', id: k.id, organization: k.organization, owner: k.owner };
}

/** The subject of a role grant: a user or group in its organization, a service principal in none. */
export function grantSubjectResource(subject: string): ResourceAttributes {
  const ref = parseSubject(subject);
  switch (ref.kind) {
    case 'user':
      return userResource(ref.organization, ref.id);
    case 'group':
      return { type: 'user', id: subject, organization: ref.organization };
    case 'service':
      return { type: 'service-principal', id: subject };
    case 'peer':
      throw errors.invalid('subject', 'a federation peer holds federation-peer in its organization only');
  }
}

/**
 * The owner of a new API key: a user's keys are changes to the user; a service principal's keys
 * carry platform roles, so they are the service principal's (no organization: admins only).
 */
export async function apiKeyOwnerResource(
  owner: string,
  store: Pick<SecurityStore, 'getServicePrincipal'>,
): Promise<ResourceAttributes> {
  const ref = parseSubject(owner, 'owner');
  if (ref.kind === 'user')
    return {
      type: 'user',
      id: owner,
      organization: ref.organization,
      owner: userPrincipalId(ref.organization, ref.id),
    };
  if (ref.kind === 'service') {
    if (!(await store.getServicePrincipal(ref.id))) throw errors.notFound('service principal', ref.id);
    return { type: 'service-principal', id: owner, owner };
  }
  throw errors.invalid(
    'owner',
    'API keys belong to users (user:<id>@<org>) or services (service:<name>@<site>)',
  );
}

/** The organization an API key listing is about: the one asked for, the owner's, or the caller's. */
export function apiKeyListOrganization(
  req: { organization: string; owner: string },
  caller: CallPrincipal,
): string {
  if (req.organization) return req.organization;
  if (req.owner) {
    const ref = parseSubject(req.owner, 'owner');
    if (ref.kind === 'user') return ref.organization;
  }
  return caller.organization;
}

export function securityAccess(store: Pick<SecurityStore, 'getApiKey' | 'getServicePrincipal'>): AccessMap {
  const ownOr = (organization: string, caller: CallPrincipal) => organization || caller.organization;
  const admin = (type: string) => (): ResourceAttributes => ({ type });
  return accessMap(
    serviceAccess(SecurityServiceDefinition, {
      login: PUBLIC,
      logout: AUTHENTICATED,
      whoAmI: AUTHENTICATED,
      changePassword: AUTHENTICATED,

      createOrganization: { action: 'organization.create', resource: (req) => organizationResource(req.id) },
      getOrganization: { action: 'organization.read', resource: (req) => organizationResource(req.id) },
      // The caller's own organization; the handler keeps only those it may read.
      listOrganizations: { action: 'organization.list' },
      updateOrganization: { action: 'organization.update', resource: (req) => organizationResource(req.id) },

      createUser: { action: 'user.create', resource: (req) => userResource(req.organization, req.id) },
      getUser: { action: 'user.read', resource: (req) => userResource(req.organization, req.id) },
      listUsers: {
        action: 'user.list',
        resource: (req, caller) => ({ type: 'user', organization: ownOr(req.organization, caller) }),
      },
      updateUser: { action: 'user.update', resource: (req) => userResource(req.organization, req.id) },
      setPassword: { action: 'user.set-password', resource: (req) => userResource(req.organization, req.id) },
      grantRole: { action: 'user.update', resource: (req) => grantSubjectResource(req.subject) },
      revokeRole: { action: 'user.update', resource: (req) => grantSubjectResource(req.subject) },

      createApiKey: {
        action: 'apikey.create',
        resource: (req, caller) => apiKeyOwnerResource(req.owner || caller.id, store),
      },
      listApiKeys: {
        action: 'apikey.list',
        resource: (req, caller) => ({
          type: 'user',
          organization: apiKeyListOrganization(req, caller),
          owner: req.owner || null,
        }),
      },
      revokeApiKey: {
        action: 'apikey.revoke',
        // A missing key is NOT_FOUND, which the PEP answers as a denial.
        resource: async (req) => {
          const key = await store.getApiKey(req.id);
          if (!key) throw errors.notFound('API key', req.id);
          return apiKeyResource(key);
        },
      },
      createServicePrincipal: { action: 'service-principal.create', resource: admin('service-principal') },
      listServicePrincipals: { action: 'service-principal.list', resource: admin('service-principal') },

      getPolicy: { action: 'policy.read', resource: () => POLICY_RESOURCE },
      checkPolicy: { action: 'policy.read', resource: () => POLICY_RESOURCE },
      applyPolicy: { action: 'policy.update', resource: () => POLICY_RESOURCE },
      explainDecision: { action: 'policy.explain', resource: () => POLICY_RESOURCE },

      // A filter naming no organization is checked in the caller's; the handler then narrows a
      // caller who may not read every organization's entries to its own.
      queryAudit: {
        action: 'audit.list',
        resource: (req, caller) => ({ type: 'audit', organization: ownOr(req.organization, caller) }),
      },
      verifyAudit: { action: 'audit.verify', resource: admin('audit') },

      listSigningKeys: PUBLIC,
      rotateSigningKey: { action: 'signing-key.rotate', resource: admin('signing-key') },

      // A peer acts in every organization's federation steps, so registering one is the platform's.
      registerPeer: { action: 'peer.create', resource: (req) => ({ type: 'peer', id: req.site }) },
      listPeers: { action: 'peer.list', resource: admin('peer') },
      updatePeer: { action: 'peer.update', resource: (req) => ({ type: 'peer', id: req.site }) },
    }),
  );
}
