// The fixed role set (VCD-1). system-admin is the one global role; every other role is granted in
// one organization, which is how tenants stay isolated (SEC-4) and how sharing is expressed: a
// user of one organization granted "viewer" in another.

import { errors } from '@reservoir/runtime';

export const ROLES = ['system-admin', 'org-admin', 'service-provider', 'viewer', 'federation-peer'] as const;
export type Role = (typeof ROLES)[number];

/** The organization of a global grant: only system-admin is granted here, and only here. */
export const GLOBAL = '*';

export interface RoleGrant {
  role: Role;
  /** An organization id, or GLOBAL for system-admin. */
  organization: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A grant checked for shape and scope; field names the input for the error. */
export function checkGrant(value: unknown, field: string): RoleGrant {
  const g = value as Partial<RoleGrant> | null;
  if (typeof g !== 'object' || g === null) throw errors.invalid(field, 'must be {role, organization}');
  if (!isRole(g.role)) throw errors.invalid(`${field}.role`, `must be one of ${ROLES.join(', ')}`);
  if (typeof g.organization !== 'string' || g.organization === '') {
    throw errors.invalid(`${field}.organization`, 'must be an organization id or "*"');
  }
  if (g.role === 'system-admin' && g.organization !== GLOBAL) {
    throw errors.invalid(`${field}.organization`, 'system-admin is global: its organization must be "*"');
  }
  if (g.role !== 'system-admin' && g.organization === GLOBAL) {
    throw errors.invalid(`${field}.organization`, `${g.role} is granted in one organization, not "*"`);
  }
  return { role: g.role, organization: g.organization };
}

/** "org-admin@acme", "system-admin@*": the form tokens carry. */
export function formatGrant(g: RoleGrant): string {
  return `${g.role}@${g.organization}`;
}

export function parseGrant(text: string, field = 'role'): RoleGrant {
  const at = text.lastIndexOf('@');
  if (at <= 0) throw errors.invalid(field, `"${text}" is not <role>@<organization>`);
  return checkGrant({ role: text.slice(0, at), organization: text.slice(at + 1) }, field);
}

/** Grants without repeats, in a stable order (organization, then role). */
export function uniqueGrants(grants: readonly RoleGrant[]): RoleGrant[] {
  const byKey = new Map<string, RoleGrant>();
  for (const g of grants) byKey.set(formatGrant(g), { role: g.role, organization: g.organization });
  return [...byKey.values()].sort(
    (a, b) => compare(a.organization, b.organization) || compare(a.role, b.role),
  );
}

export function hasGrant(grants: readonly RoleGrant[], g: RoleGrant): boolean {
  return grants.some((x) => x.role === g.role && x.organization === g.organization);
}

/** The roles that apply in an organization: its own grants plus the global system-admin. */
export function rolesIn(grants: readonly RoleGrant[], organization: string): Role[] {
  const roles = new Set<Role>();
  for (const g of grants) if (g.organization === organization || g.organization === GLOBAL) roles.add(g.role);
  return ROLES.filter((r) => roles.has(r));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
