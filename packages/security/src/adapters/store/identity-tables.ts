// Row mappings of the identity tables.

import type {
  EntityState,
  FederationPeer,
  Group,
  Organization,
  Quotas,
  Role,
  RoleGrant,
  ServicePrincipal,
  StoredUser,
} from '../../domain/identity/index.js';
import { json, num, parse, type Row, type Table } from './sql-table.js';

export const ORGANIZATIONS: Table<Organization> = {
  name: 'security_organizations',
  kind: 'organization',
  columns: ['id', 'name', 'state', 'require_signed_ovf', 'quotas', 'created_at', 'updated_at'],
  keyColumns: 1,
  immutable: ['created_at'],
  orderBy: 'id',
  toRow: (o) => [o.id, o.name, o.state, o.requireSignedOvf ? 1 : 0, json(o.quotas), o.createdAt, o.updatedAt],
  fromRow: (r: Row) => ({
    id: String(r.id),
    name: String(r.name),
    state: r.state as EntityState,
    requireSignedOvf: num(r.require_signed_ovf) === 1,
    quotas: parse<Quotas>(r.quotas),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  }),
};

export const USERS: Table<StoredUser> = {
  name: 'security_users',
  kind: 'user',
  columns: [
    'organization',
    'id',
    'name',
    'state',
    'roles',
    'password_hash',
    'must_change_password',
    'created_at',
    'updated_at',
  ],
  keyColumns: 2,
  immutable: ['created_at'],
  orderBy: 'organization, id',
  toRow: (u) => [
    u.organization,
    u.id,
    u.name,
    u.state,
    json(u.roles),
    u.passwordHash,
    u.mustChangePassword ? 1 : 0,
    u.createdAt,
    u.updatedAt,
  ],
  fromRow: (r: Row) => ({
    organization: String(r.organization),
    id: String(r.id),
    name: String(r.name),
    state: r.state as EntityState,
    roles: parse<RoleGrant[]>(r.roles),
    passwordHash: r.password_hash === null ? null : String(r.password_hash),
    mustChangePassword: num(r.must_change_password) === 1,
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  }),
};

/** Members live in security_group_members; fromRow leaves them empty for the caller to fill. */
export const GROUPS: Table<Group> = {
  name: 'security_groups',
  kind: 'group',
  columns: ['organization', 'id', 'name', 'roles', 'created_at', 'updated_at'],
  keyColumns: 2,
  immutable: ['created_at'],
  orderBy: 'organization, id',
  toRow: (g) => [g.organization, g.id, g.name, json(g.roles), g.createdAt, g.updatedAt],
  fromRow: (r: Row) => ({
    organization: String(r.organization),
    id: String(r.id),
    name: String(r.name),
    roles: parse<Role[]>(r.roles),
    members: [],
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  }),
};

export const SERVICE_PRINCIPALS: Table<ServicePrincipal> = {
  name: 'security_service_principals',
  kind: 'service principal',
  columns: ['id', 'organization', 'name', 'state', 'roles', 'created_at', 'updated_at'],
  keyColumns: 1,
  immutable: ['created_at'],
  orderBy: 'id',
  toRow: (s) => [s.id, s.organization, s.name, s.state, json(s.roles), s.createdAt, s.updatedAt],
  fromRow: (r: Row) => ({
    id: String(r.id),
    organization: String(r.organization),
    name: String(r.name),
    state: r.state as EntityState,
    roles: parse<RoleGrant[]>(r.roles),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  }),
};

export const PEERS: Table<FederationPeer> = {
  name: 'security_peers',
  kind: 'federation peer',
  columns: ['site', 'organization', 'public_key', 'state', 'created_at', 'updated_at'],
  keyColumns: 1,
  immutable: ['created_at'],
  orderBy: 'site',
  toRow: (p) => [p.site, p.organization, p.publicKey, p.state, p.createdAt, p.updatedAt],
  fromRow: (r: Row) => ({
    site: String(r.site),
    organization: String(r.organization),
    publicKey: String(r.public_key),
    state: r.state as EntityState,
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  }),
};
