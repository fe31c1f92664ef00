// Input checks for every identity, each failure an INVALID_ARGUMENT naming the field, so an
// operator sees "quotas.vcpus: must be a non-negative integer or null" rather than a stack trace.

import { createPublicKey } from 'node:crypto';
import { errors } from '@reservoir/runtime';
import {
  ENTITY_STATES,
  QUOTA_KEYS,
  type EntityState,
  type FederationPeer,
  type Group,
  type Organization,
  type Quotas,
  type ServicePrincipal,
  type User,
} from './model.js';
import { GLOBAL, ROLES, checkGrant, isRole, uniqueGrants, type Role, type RoleGrant } from './roles.js';
import { NAME, SERVICE_ID, SITE, parseSubject } from './subjects.js';

export interface OrganizationInput {
  id: string;
  name?: string;
  state?: EntityState;
  requireSignedOvf?: boolean;
  /** Missing limits are unlimited. */
  quotas?: Partial<Quotas>;
}

export interface UserInput {
  organization: string;
  id: string;
  name?: string;
  state?: EntityState;
  roles?: RoleGrant[];
}

export interface GroupInput {
  organization: string;
  id: string;
  name?: string;
  roles?: Role[];
  members?: string[];
}

export interface ServicePrincipalInput {
  /** "service:<name>@<site>". */
  id: string;
  /** Default "system". */
  organization?: string;
  name?: string;
  roles?: RoleGrant[];
}

export interface PeerInput {
  site: string;
  organization: string;
  /** Ed25519 public key, SPKI PEM. */
  publicKey: string;
}

export interface PasswordPolicy {
  minLength: number;
  /** Longer inputs are refused before hashing: scrypt cost should not be chosen by the caller. */
  maxLength: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 12, maxLength: 1024 };

const NAME_MAX = 200;

export function checkName(value: unknown, field: string, pattern: RegExp = NAME): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw errors.invalid(
      field,
      pattern === SITE
        ? 'must be a site name: lower-case letters, digits, "." and "-", 1-63 characters'
        : 'must be lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, 1-63 characters',
    );
  }
  return value;
}

function displayName(value: unknown, field: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '' || value.length > NAME_MAX) {
    throw errors.invalid(field, `must be a non-empty text of at most ${NAME_MAX} characters`);
  }
  return value.trim();
}

export function checkState(value: unknown, field = 'state'): EntityState {
  if (value === undefined) return 'enabled';
  if (!ENTITY_STATES.includes(value as EntityState))
    throw errors.invalid(field, 'must be enabled or disabled');
  return value as EntityState;
}

export function checkQuotas(value: unknown, field = 'quotas'): Quotas {
  if (value === undefined) return { vms: null, vcpus: null, memoryMib: null, services: null };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw errors.invalid(field, `must be an object with ${QUOTA_KEYS.join(', ')}`);
  }
  const q = value as Record<string, unknown>;
  for (const key of Object.keys(q)) {
    if (!(QUOTA_KEYS as readonly string[]).includes(key)) {
      throw errors.invalid(`${field}.${key}`, `is not a quota (known: ${QUOTA_KEYS.join(', ')})`);
    }
  }
  const out = { vms: null, vcpus: null, memoryMib: null, services: null } as Quotas;
  for (const key of QUOTA_KEYS) {
    const v = q[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw errors.invalid(`${field}.${key}`, 'must be a non-negative integer, or null for unlimited');
    }
    out[key] = v;
  }
  return out;
}

export function checkGrants(value: unknown, field = 'roles'): RoleGrant[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw errors.invalid(field, 'must be a list of {role, organization}');
  return uniqueGrants(value.map((g, i) => checkGrant(g, `${field}[${i}]`)));
}

/** Group roles apply in the group's organization; system-admin is only ever granted directly. */
export function checkGroupRoles(value: unknown, field = 'roles'): Role[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw errors.invalid(field, 'must be a list of roles');
  value.forEach((r, i) => {
    if (!isRole(r)) throw errors.invalid(`${field}[${i}]`, `must be one of ${ROLES.join(', ')}`);
    if (r === 'system-admin')
      throw errors.invalid(`${field}[${i}]`, 'system-admin cannot be granted to a group');
  });
  return ROLES.filter((r) => (value as Role[]).includes(r));
}

/** A group member: a user or service principal id. */
export function checkMember(value: unknown, field = 'member'): string {
  const ref = parseSubject(value as string, field);
  if (ref.kind !== 'user' && ref.kind !== 'service') {
    throw errors.invalid(field, 'a group member is a user:<id>@<org> or service:<name>@<site>');
  }
  return value as string;
}

export function checkOrganization(input: OrganizationInput, now: number): Organization {
  const id = checkName(input.id, 'id');
  if (input.requireSignedOvf !== undefined && typeof input.requireSignedOvf !== 'boolean') {
    throw errors.invalid('requireSignedOvf', 'must be true or false');
  }
  return {
    id,
    name: displayName(input.name, 'name', id),
    state: checkState(input.state),
    requireSignedOvf: input.requireSignedOvf ?? false,
    quotas: checkQuotas(input.quotas),
    createdAt: now,
    updatedAt: now,
  };
}

export function checkUser(input: UserInput, now: number): User {
  const organization = checkName(input.organization, 'organization');
  const id = checkName(input.id, 'id');
  return {
    id,
    organization,
    name: displayName(input.name, 'name', id),
    state: checkState(input.state),
    roles: checkGrants(input.roles),
    mustChangePassword: false,
    createdAt: now,
    updatedAt: now,
  };
}

export function checkGroup(input: GroupInput, now: number): Group {
  const organization = checkName(input.organization, 'organization');
  const id = checkName(input.id, 'id');
  const members = (input.members ?? []).map((m, i) => checkMember(m, `members[${i}]`));
  return {
    id,
    organization,
    name: displayName(input.name, 'name', id),
    roles: checkGroupRoles(input.roles),
    members: [...new Set(members)].sort(),
    createdAt: now,
    updatedAt: now,
  };
}

export function checkServicePrincipal(input: ServicePrincipalInput, now: number): ServicePrincipal {
  if (typeof input.id !== 'string' || !SERVICE_ID.test(input.id)) {
    throw errors.invalid('id', 'must be service:<name>@<site>, e.g. service:veem@site-a');
  }
  const roles = checkGrants(input.roles);
  const organization = checkName(input.organization ?? 'system', 'organization');
  // The platform's own processes (organization "system") act for every organization; a tenant's
  // service never does.
  if (organization !== 'system' && roles.some((g) => g.organization === GLOBAL)) {
    throw errors.invalid('roles', 'only a service principal of the system organization can be system-admin');
  }
  return {
    id: input.id,
    organization,
    name: displayName(input.name, 'name', input.id.slice('service:'.length)),
    state: 'enabled',
    roles,
    createdAt: now,
    updatedAt: now,
  };
}

export function checkEd25519PublicKey(value: unknown, field = 'publicKey'): string {
  if (typeof value !== 'string' || value.length > 4096) throw errors.invalid(field, 'must be a PEM text');
  try {
    const key = createPublicKey(value);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${key.asymmetricKeyType} key`);
    return key.export({ type: 'spki', format: 'pem' }).toString();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw errors.invalid(field, `must be an Ed25519 public key in SPKI PEM (${reason})`);
  }
}

export function checkPeer(input: PeerInput, now: number): FederationPeer {
  return {
    site: checkName(input.site, 'site', SITE),
    organization: checkName(input.organization, 'organization'),
    publicKey: checkEd25519PublicKey(input.publicKey),
    state: 'enabled',
    createdAt: now,
    updatedAt: now,
  };
}

/** Minimum length, a bound on the length, and not the user's own id (in any case). */
export function checkPassword(
  password: unknown,
  userId: string,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
  field = 'password',
): string {
  if (typeof password !== 'string') throw errors.invalid(field, 'must be a string');
  if ([...password].length < policy.minLength) {
    throw errors.invalid(field, `must be at least ${policy.minLength} characters`);
  }
  if (password.length > policy.maxLength) {
    throw errors.invalid(field, `must be at most ${policy.maxLength} characters`);
  }
  if (password.toLowerCase() === userId.toLowerCase()) {
    throw errors.invalid(field, 'must not be the user id');
  }
  return password;
}
