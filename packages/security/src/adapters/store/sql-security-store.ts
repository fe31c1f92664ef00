import { isReservoirError, type SqlDatabase } from '@reservoir/runtime';
import type { AuditEntry, AuditRecord, ChainHead } from '../../domain/audit/index.js';
import type {
  ApiKey,
  FederationPeer,
  Group,
  Organization,
  ServicePrincipal,
  SigningKey,
  StoredApiKey,
  StoredUser,
} from '../../domain/identity/index.js';
import type {
  ApiKeyFilter,
  AuditFilter,
  OrganizationFilter,
  SecuritySeed,
  SecurityStore,
  StoredPolicy,
} from '../../app/ports.js';
import * as policies from './policy-sql.js';
import { appendAudit, auditEntries, auditHead, auditRange } from './audit-sql.js';
import * as credentials from './credential-sql.js';
import * as groups from './group-sql.js';
import { ORGANIZATIONS, PEERS, SERVICE_PRINCIPALS, USERS } from './identity-tables.js';
import { SECURITY_MIGRATIONS } from './security-migrations.js';
import { getRow, insertRow, listRows, updateRow } from './sql-table.js';

const byOrganization = (filter: OrganizationFilter = {}) =>
  filter.organization === undefined ? undefined : { column: 'organization', value: filter.organization };

const organization = (id: string) => ({ kind: 'organization', id });

/** The security store over either SQL database (component "security"). */
export class SqlSecurityStore implements SecurityStore {
  constructor(private readonly db: SqlDatabase) {}

  migrate(): Promise<void> {
    return this.db.migrate('security', SECURITY_MIGRATIONS);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async initialize(seed: SecuritySeed): Promise<boolean> {
    try {
      return await this.db.transaction(async (tx) => {
        if ((await tx.query('SELECT id FROM security_organizations LIMIT 1')).length > 0) return false;
        for (const o of seed.organizations) await insertRow(tx, ORGANIZATIONS, o, organization(o.id));
        for (const u of seed.users) await insertRow(tx, USERS, u, organization(u.organization));
        return true;
      });
    } catch (e) {
      // Another replica initialized the store between our check and our insert.
      if (isReservoirError(e) && e.code === 'ALREADY_EXISTS') return false;
      throw e;
    }
  }

  createOrganization(o: Organization): Promise<void> {
    return insertRow(this.db, ORGANIZATIONS, o, organization(o.id));
  }

  getOrganization(id: string): Promise<Organization | undefined> {
    return getRow(this.db, ORGANIZATIONS, [id]);
  }

  listOrganizations(): Promise<Organization[]> {
    return listRows(this.db, ORGANIZATIONS);
  }

  updateOrganization(o: Organization): Promise<void> {
    return updateRow(this.db, ORGANIZATIONS, o);
  }

  createUser(u: StoredUser): Promise<void> {
    return insertRow(this.db, USERS, u, organization(u.organization));
  }

  getUser(org: string, id: string): Promise<StoredUser | undefined> {
    return getRow(this.db, USERS, [org, id]);
  }

  listUsers(filter?: OrganizationFilter): Promise<StoredUser[]> {
    return listRows(this.db, USERS, byOrganization(filter));
  }

  updateUser(u: StoredUser): Promise<void> {
    return updateRow(this.db, USERS, u);
  }

  createGroup(g: Group): Promise<void> {
    return groups.createGroup(this.db, g);
  }

  getGroup(org: string, id: string): Promise<Group | undefined> {
    return groups.getGroup(this.db, org, id);
  }

  listGroups(filter: OrganizationFilter = {}): Promise<Group[]> {
    return groups.listGroups(this.db, filter.organization);
  }

  updateGroup(g: Group): Promise<void> {
    return groups.updateGroup(this.db, g);
  }

  deleteGroup(org: string, id: string): Promise<boolean> {
    return groups.deleteGroup(this.db, org, id);
  }

  groupsOf(member: string): Promise<Group[]> {
    return groups.groupsOf(this.db, member);
  }

  createServicePrincipal(s: ServicePrincipal): Promise<void> {
    return insertRow(this.db, SERVICE_PRINCIPALS, s, organization(s.organization));
  }

  getServicePrincipal(id: string): Promise<ServicePrincipal | undefined> {
    return getRow(this.db, SERVICE_PRINCIPALS, [id]);
  }

  listServicePrincipals(filter?: OrganizationFilter): Promise<ServicePrincipal[]> {
    return listRows(this.db, SERVICE_PRINCIPALS, byOrganization(filter));
  }

  updateServicePrincipal(s: ServicePrincipal): Promise<void> {
    return updateRow(this.db, SERVICE_PRINCIPALS, s, organization(s.organization));
  }

  createPeer(p: FederationPeer): Promise<void> {
    return insertRow(this.db, PEERS, p, organization(p.organization));
  }

  getPeer(site: string): Promise<FederationPeer | undefined> {
    return getRow(this.db, PEERS, [site]);
  }

  listPeers(filter?: OrganizationFilter): Promise<FederationPeer[]> {
    return listRows(this.db, PEERS, byOrganization(filter));
  }

  updatePeer(p: FederationPeer): Promise<void> {
    return updateRow(this.db, PEERS, p, organization(p.organization));
  }

  createApiKey(k: StoredApiKey): Promise<void> {
    return credentials.createApiKey(this.db, k);
  }

  getApiKey(id: string): Promise<StoredApiKey | undefined> {
    return credentials.getApiKey(this.db, id);
  }

  listApiKeys(filter?: ApiKeyFilter): Promise<ApiKey[]> {
    return credentials.listApiKeys(this.db, filter);
  }

  revokeApiKey(id: string, at: number): Promise<boolean> {
    return credentials.revokeApiKey(this.db, id, at);
  }

  touchApiKey(id: string, at: number): Promise<void> {
    return credentials.touchApiKey(this.db, id, at);
  }

  signingKeys(): Promise<SigningKey[]> {
    return credentials.signingKeys(this.db);
  }

  addSigningKey(key: SigningKey, keep: number): Promise<void> {
    return credentials.addSigningKey(this.db, key, keep);
  }

  revokeToken(jti: string, expiresAt: number, now: number): Promise<void> {
    return credentials.revokeToken(this.db, jti, expiresAt, now);
  }

  isTokenRevoked(jti: string): Promise<boolean> {
    return credentials.isTokenRevoked(this.db, jti);
  }

  recordLoginFailure(subject: string, at: number, windowStart: number): Promise<number[]> {
    return credentials.recordLoginFailure(this.db, subject, at, windowStart);
  }

  loginFailures(subject: string, windowStart: number): Promise<number[]> {
    return credentials.loginFailures(this.db, subject, windowStart);
  }

  clearLoginFailures(subject: string): Promise<void> {
    return credentials.clearLoginFailures(this.db, subject);
  }

  appendAudit(records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    return appendAudit(this.db, records);
  }

  auditEntries(filter?: AuditFilter): Promise<AuditEntry[]> {
    return auditEntries(this.db, filter);
  }

  auditRange(fromSeq: number, toSeq: number, limit: number): Promise<AuditEntry[]> {
    return auditRange(this.db, fromSeq, toSeq, limit);
  }

  currentPolicy(): Promise<StoredPolicy | undefined> {
    return policies.currentPolicy(this.db);
  }

  policyVersion(): Promise<number> {
    return policies.policyVersion(this.db);
  }

  savePolicy(
    input: { document: string; digest: string; appliedBy: string; appliedAt: number },
    expectVersion?: number,
  ): Promise<StoredPolicy> {
    return policies.savePolicy(this.db, input, expectVersion);
  }

  auditHead(): Promise<ChainHead | undefined> {
    return auditHead(this.db);
  }
}
