// The security store port: identities, credentials and the audit log, kept in one database so
// every replica of every service authenticates the same callers and appends to one chain.
// Adapters: SqlSecurityStore over SQLite (embedded) and PostgreSQL (shared).

import type { AuditDecision, AuditEntry, AuditRecord, ChainHead } from '../domain/audit/index.js';
import type {
  ApiKey,
  FederationPeer,
  Group,
  Organization,
  ServicePrincipal,
  SigningKey,
  StoredApiKey,
  StoredUser,
} from '../domain/identity/index.js';

export interface OrganizationFilter {
  organization?: string;
}

export interface ApiKeyFilter {
  organization?: string;
  owner?: string;
}

export interface AuditFilter {
  /** Entries of this organization or about a resource it owns. */
  organization?: string;
  principal?: string;
  action?: string;
  decision?: AuditDecision;
  /** at >= from (epoch ms). */
  from?: number;
  /** at < to (epoch ms). */
  to?: number;
  /** seq > afterSeq (ascending) or seq < afterSeq (descending): a page cursor. */
  afterSeq?: number;
  /** Default ascending by seq. */
  order?: 'asc' | 'desc';
  /** Default 100, at most 10000. */
  limit?: number;
}

/** What bootstrap stores when, and only when, the store holds no organization yet. */
export interface SecuritySeed {
  organizations: Organization[];
  users: StoredUser[];
}

export interface IdentityStore {
  /** Stores the seed in one transaction if there is no organization yet; false when there was one. */
  initialize(seed: SecuritySeed): Promise<boolean>;

  /** ALREADY_EXISTS when the id is taken. */
  createOrganization(o: Organization): Promise<void>;
  getOrganization(id: string): Promise<Organization | undefined>;
  listOrganizations(): Promise<Organization[]>;
  /** Replaces all but id and createdAt; NOT_FOUND when missing. */
  updateOrganization(o: Organization): Promise<void>;

  /** ALREADY_EXISTS when (organization, id) is taken; NOT_FOUND when the organization is missing. */
  createUser(u: StoredUser): Promise<void>;
  getUser(organization: string, id: string): Promise<StoredUser | undefined>;
  /** Users of one organization (or all), ordered by organization then id. */
  listUsers(filter?: OrganizationFilter): Promise<StoredUser[]>;
  updateUser(u: StoredUser): Promise<void>;

  /** Members included. ALREADY_EXISTS / NOT_FOUND as for users. */
  createGroup(g: Group): Promise<void>;
  getGroup(organization: string, id: string): Promise<Group | undefined>;
  listGroups(filter?: OrganizationFilter): Promise<Group[]>;
  /** Replaces name, roles and members. */
  updateGroup(g: Group): Promise<void>;
  deleteGroup(organization: string, id: string): Promise<boolean>;
  /** Every group, in any organization, that has the principal as a member. */
  groupsOf(member: string): Promise<Group[]>;

  createServicePrincipal(s: ServicePrincipal): Promise<void>;
  getServicePrincipal(id: string): Promise<ServicePrincipal | undefined>;
  listServicePrincipals(filter?: OrganizationFilter): Promise<ServicePrincipal[]>;
  updateServicePrincipal(s: ServicePrincipal): Promise<void>;

  createPeer(p: FederationPeer): Promise<void>;
  getPeer(site: string): Promise<FederationPeer | undefined>;
  listPeers(filter?: OrganizationFilter): Promise<FederationPeer[]>;
  updatePeer(p: FederationPeer): Promise<void>;
}

export interface CredentialStore {
  createApiKey(k: StoredApiKey): Promise<void>;
  getApiKey(id: string): Promise<StoredApiKey | undefined>;
  listApiKeys(filter?: ApiKeyFilter): Promise<ApiKey[]>;
  /** Sets revokedAt once; false when there is no such key or it was revoked already. */
  revokeApiKey(id: string, at: number): Promise<boolean>;
  /** Records a use; a no-op unless at is later than the stored lastUsedAt. */
  touchApiKey(id: string, at: number): Promise<void>;

  /** Active (not retired) signing keys, newest first. */
  signingKeys(): Promise<SigningKey[]>;
  /** Adds a key and, in the same transaction, retires every active key beyond the newest `keep`. */
  addSigningKey(key: SigningKey, keep: number): Promise<void>;

  /** Adds a jti to the revocation list until expiresAt (epoch ms); drops entries expired before now. */
  revokeToken(jti: string, expiresAt: number, now: number): Promise<void>;
  isTokenRevoked(jti: string): Promise<boolean>;

  /** Records a failed login and returns the failure times (epoch ms) since windowStart, newest first. */
  recordLoginFailure(subject: string, at: number, windowStart: number): Promise<number[]>;
  loginFailures(subject: string, windowStart: number): Promise<number[]>;
  clearLoginFailures(subject: string): Promise<void>;
}

export interface AuditStore {
  /**
   * Seals the records after the current head and stores them in one transaction; appends from
   * every replica are serialized so the chain never forks.
   */
  appendAudit(records: readonly AuditRecord[]): Promise<AuditEntry[]>;
  auditEntries(filter?: AuditFilter): Promise<AuditEntry[]>;
  /** Entries with fromSeq <= seq <= toSeq, ascending, at most limit. */
  auditRange(fromSeq: number, toSeq: number, limit: number): Promise<AuditEntry[]>;
  /** The newest entry's seq and hash, undefined for an empty log. */
  auditHead(): Promise<ChainHead | undefined>;
}

/** One applied version of the access policy document. */
export interface StoredPolicy {
  version: number;
  /** The YAML or JSON text, as the site admin wrote it. */
  document: string;
  /** SHA-256 (hex) of the document. */
  digest: string;
  appliedBy: string;
  appliedAt: number;
}

export interface PolicyStore {
  /** The version in force (the newest), undefined before the first apply. */
  currentPolicy(): Promise<StoredPolicy | undefined>;
  /** The newest version number only: what replicas poll to notice a change. */
  policyVersion(): Promise<number>;
  /**
   * Stores the document as the next version. With expectVersion, FAILED_PRECONDITION unless the
   * version in force is still that one, so two admins' applies cannot silently overwrite each other.
   */
  savePolicy(
    input: { document: string; digest: string; appliedBy: string; appliedAt: number },
    expectVersion?: number,
  ): Promise<StoredPolicy>;
}

export interface SecurityStore extends IdentityStore, CredentialStore, AuditStore, PolicyStore {
  migrate(): Promise<void>;
  close(): Promise<void>;
}
