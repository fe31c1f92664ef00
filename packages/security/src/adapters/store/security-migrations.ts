import type { Migration, SqlDialect } from '@reservoir/runtime';

// Ids compare byte-wise in PostgreSQL ("C"), as in SQLite, so both list in the same order.
const id = (d: SqlDialect) => (d === 'postgres' ? 'TEXT COLLATE "C"' : 'TEXT');
const STATE = `TEXT NOT NULL CHECK (state IN ('enabled', 'disabled'))`;

// Roles, quotas and scopes are JSON text: they are read whole and never queried inside.
function identities(d: SqlDialect): string {
  return `CREATE TABLE IF NOT EXISTS security_organizations (
  id ${id(d)} PRIMARY KEY,
  name TEXT NOT NULL,
  state ${STATE},
  require_signed_ovf INTEGER NOT NULL,
  quotas TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS security_users (
  organization ${id(d)} NOT NULL REFERENCES security_organizations (id),
  id ${id(d)} NOT NULL,
  name TEXT NOT NULL,
  state ${STATE},
  roles TEXT NOT NULL,
  password_hash TEXT,
  must_change_password INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (organization, id)
);
CREATE TABLE IF NOT EXISTS security_groups (
  organization ${id(d)} NOT NULL REFERENCES security_organizations (id),
  id ${id(d)} NOT NULL,
  name TEXT NOT NULL,
  roles TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (organization, id)
);
CREATE TABLE IF NOT EXISTS security_group_members (
  organization ${id(d)} NOT NULL,
  group_id ${id(d)} NOT NULL,
  member ${id(d)} NOT NULL,
  PRIMARY KEY (organization, group_id, member),
  FOREIGN KEY (organization, group_id) REFERENCES security_groups (organization, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS security_group_members_member ON security_group_members (member);
CREATE TABLE IF NOT EXISTS security_service_principals (
  id ${id(d)} PRIMARY KEY,
  organization ${id(d)} NOT NULL REFERENCES security_organizations (id),
  name TEXT NOT NULL,
  state ${STATE},
  roles TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS security_peers (
  site ${id(d)} PRIMARY KEY,
  organization ${id(d)} NOT NULL REFERENCES security_organizations (id),
  public_key TEXT NOT NULL,
  state ${STATE},
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS security_api_keys (
  id ${id(d)} PRIMARY KEY,
  owner ${id(d)} NOT NULL,
  organization ${id(d)} NOT NULL,
  name TEXT NOT NULL,
  roles TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX IF NOT EXISTS security_api_keys_organization ON security_api_keys (organization, owner);
CREATE TABLE IF NOT EXISTS security_signing_keys (
  kid ${id(d)} PRIMARY KEY,
  public_key TEXT NOT NULL,
  private_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  retired_at BIGINT
);
CREATE TABLE IF NOT EXISTS security_revoked_tokens (
  jti ${id(d)} PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS security_revoked_tokens_expiry ON security_revoked_tokens (expires_at);
CREATE TABLE IF NOT EXISTS security_login_failures (
  subject ${id(d)} NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS security_login_failures_subject ON security_login_failures (subject, at);`;
}

// seq is the primary key: two appends that computed the same next seq cannot both commit, so even
// a broken lock could not fork the chain.
function audit(d: SqlDialect): string {
  return `CREATE TABLE IF NOT EXISTS security_audit (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  principal ${id(d)} NOT NULL,
  organization ${id(d)} NOT NULL,
  action ${id(d)} NOT NULL,
  resource_type TEXT,
  resource_id TEXT,
  resource_organization ${id(d)},
  decision TEXT,
  policy TEXT,
  obligations TEXT NOT NULL,
  outcome_status TEXT,
  outcome_code TEXT,
  request_id TEXT,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS security_audit_organization ON security_audit (organization, seq);
CREATE INDEX IF NOT EXISTS security_audit_resource_organization ON security_audit (resource_organization, seq);
CREATE INDEX IF NOT EXISTS security_audit_principal ON security_audit (principal, seq);
CREATE INDEX IF NOT EXISTS security_audit_action ON security_audit (action, seq);
CREATE INDEX IF NOT EXISTS security_audit_at ON security_audit (at);
${appendOnly(d)}`;
}

// The database itself refuses to change or remove an audit entry, whoever asks.
function appendOnly(d: SqlDialect): string {
  if (d === 'sqlite') {
    return `CREATE TRIGGER IF NOT EXISTS security_audit_no_update BEFORE UPDATE ON security_audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be updated'); END;
CREATE TRIGGER IF NOT EXISTS security_audit_no_delete BEFORE DELETE ON security_audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted'); END;`;
  }
  return `CREATE OR REPLACE FUNCTION security_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER security_audit_append_only BEFORE UPDATE OR DELETE ON security_audit
  FOR EACH ROW EXECUTE FUNCTION security_audit_append_only();
CREATE TRIGGER security_audit_no_truncate BEFORE TRUNCATE ON security_audit
  FOR EACH STATEMENT EXECUTE FUNCTION security_audit_append_only();`;
}

// Every applied version is kept: the newest is in force, the others say who changed what when.
function policies(d: SqlDialect): string {
  return `CREATE TABLE IF NOT EXISTS security_policies (
  version BIGINT PRIMARY KEY,
  document TEXT NOT NULL,
  digest TEXT NOT NULL,
  applied_by ${id(d)} NOT NULL,
  applied_at BIGINT NOT NULL
);`;
}

export const SECURITY_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'organizations, users, groups, principals, peers and credentials',
    sql: { sqlite: identities('sqlite'), postgres: identities('postgres') },
  },
  {
    version: 2,
    name: 'append-only audit log',
    sql: { sqlite: audit('sqlite'), postgres: audit('postgres') },
  },
  {
    version: 3,
    name: 'access policy versions',
    sql: { sqlite: policies('sqlite'), postgres: policies('postgres') },
  },
];
