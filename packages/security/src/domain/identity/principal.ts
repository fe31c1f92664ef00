// Who is calling, as every enforcement point sees it after authentication: one shape for users,
// service principals and federation peers, whatever credential they presented.

import type { Group } from './model.js';
import { GLOBAL, hasGrant, rolesIn, uniqueGrants, type Role, type RoleGrant } from './roles.js';
import type { PrincipalKind } from './subjects.js';

export interface Principal {
  /** "user:<id>@<org>", "service:<name>@<site>" or "peer:<site>". */
  id: string;
  kind: PrincipalKind;
  /** The principal's own organization. */
  organization: string;
  /** Effective grants: direct ones and those of its groups, cut down to an API key's roles. */
  roles: RoleGrant[];
  /** How it authenticated: the token's jti or the API key's id, for the audit log. */
  credential: { type: 'token' | 'api-key'; id: string; expiresAt: number | null };
}

/** Direct grants plus, for every group the principal belongs to, the group's roles in its organization. */
export function effectiveGrants(
  direct: readonly RoleGrant[],
  groups: readonly Pick<Group, 'organization' | 'roles'>[],
): RoleGrant[] {
  const fromGroups = groups.flatMap((g) => g.roles.map((role) => ({ role, organization: g.organization })));
  return uniqueGrants([...direct, ...fromGroups]);
}

/** The grants of held that allowed also names; an empty allowed list keeps them all. */
export function restrictGrants(held: readonly RoleGrant[], allowed: readonly RoleGrant[]): RoleGrant[] {
  if (allowed.length === 0) return uniqueGrants(held);
  return uniqueGrants(held.filter((g) => hasGrant(allowed, g)));
}

/** The roles a principal holds in an organization (system-admin holds it everywhere). */
export function principalRoles(principal: Pick<Principal, 'roles'>, organization: string): Role[] {
  return rolesIn(principal.roles, organization);
}

export function isSystemAdmin(principal: Pick<Principal, 'roles'>): boolean {
  return hasGrant(principal.roles, { role: 'system-admin', organization: GLOBAL });
}
