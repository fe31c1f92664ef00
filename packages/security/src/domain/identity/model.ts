// The identities of VCD-1 and SEC-1: organizations (tenants), their users and groups, service
// principals for service-to-service calls, federation peers and API keys. Plain data; the checks
// live in validate.ts and the secrets (hashes) never leave the store through the app service.

import type { Role, RoleGrant } from './roles.js';

export type EntityState = 'enabled' | 'disabled';
export const ENTITY_STATES: readonly EntityState[] = ['enabled', 'disabled'];

/** Per-organization limits; null means unlimited. */
export interface Quotas {
  vms: number | null;
  vcpus: number | null;
  memoryMib: number | null;
  services: number | null;
}

export const QUOTA_KEYS = ['vms', 'vcpus', 'memoryMib', 'services'] as const;

export const UNLIMITED: Quotas = { vms: null, vcpus: null, memoryMib: null, services: null };

export interface Organization {
  id: string;
  name: string;
  state: EntityState;
  /** Refuse OVF packages without a valid signature (SEC-5) in this organization. */
  requireSignedOvf: boolean;
  quotas: Quotas;
  createdAt: number;
  updatedAt: number;
}

export interface User {
  /** The login name, unique within the organization. */
  id: string;
  organization: string;
  /** Display name. */
  name: string;
  state: EntityState;
  /** Roles granted directly, each in one organization (its own or another that shares with it). */
  roles: RoleGrant[];
  /** Set for a generated one-time password: the user should choose a new one at first login. */
  mustChangePassword: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A user as the store keeps it: with the scrypt hash of the password, null when none is set. */
export interface StoredUser extends User {
  passwordHash: string | null;
}

export interface Group {
  id: string;
  organization: string;
  name: string;
  /** Roles every member holds in the group's organization. */
  roles: Role[];
  /** Principal ids: "user:<id>@<org>" or "service:<name>@<site>". */
  members: string[];
  createdAt: number;
  updatedAt: number;
}

/** A non-human caller, e.g. "service:veem@site-a", authenticating with API keys or service tokens. */
export interface ServicePrincipal {
  id: string;
  organization: string;
  name: string;
  state: EntityState;
  roles: RoleGrant[];
  createdAt: number;
  updatedAt: number;
}

/** A partner site: its calls carry tokens it signs with the private half of publicKey. */
export interface FederationPeer {
  site: string;
  /** The organization the partner acts in here (with the federation-peer role). */
  organization: string;
  /** Ed25519 public key, SPKI PEM. */
  publicKey: string;
  state: EntityState;
  createdAt: number;
  updatedAt: number;
}

export type ApiKeyOwnerKind = 'user' | 'service';

export interface ApiKey {
  id: string;
  /** Principal id of the owner: "user:<id>@<org>" or "service:<name>@<site>". */
  owner: string;
  organization: string;
  name: string;
  /** The roles the key may use; empty means all of the owner's (never more than the owner holds now). */
  roles: RoleGrant[];
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface StoredApiKey extends ApiKey {
  secretHash: string;
}

/** An Ed25519 token-signing key; the newest active one signs, every active one verifies. */
export interface SigningKey {
  kid: string;
  /** SPKI PEM. */
  publicKey: string;
  /** PKCS#8 PEM, encrypted ("ENCRYPTED PRIVATE KEY") when a key passphrase is configured. */
  privateKey: string;
  createdAt: number;
  retiredAt: number | null;
}
