// API keys, token-signing keys, the token revocation list and failed-login counters.

import {
  errors,
  isReservoirError,
  type SqlDatabase,
  type SqlExecutor,
  type SqlValue,
} from '@reservoir/runtime';
import type { ApiKey, RoleGrant, SigningKey, StoredApiKey } from '../../domain/identity/index.js';
import type { ApiKeyFilter } from '../../app/ports.js';
import { json, num, numOrNull, parse, type Row } from './sql-table.js';

const KEY_COLUMNS =
  'id, owner, organization, name, roles, secret_hash, created_at, expires_at, last_used_at, revoked_at';

function toApiKey(r: Row): StoredApiKey {
  return {
    id: String(r.id),
    owner: String(r.owner),
    organization: String(r.organization),
    name: String(r.name),
    roles: parse<RoleGrant[]>(r.roles),
    secretHash: String(r.secret_hash),
    createdAt: num(r.created_at),
    expiresAt: numOrNull(r.expires_at),
    lastUsedAt: numOrNull(r.last_used_at),
    revokedAt: numOrNull(r.revoked_at),
  };
}

export async function createApiKey(db: SqlExecutor, k: StoredApiKey): Promise<void> {
  try {
    await db.exec(
      `INSERT INTO security_api_keys (${KEY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        k.id,
        k.owner,
        k.organization,
        k.name,
        json(k.roles),
        k.secretHash,
        k.createdAt,
        k.expiresAt,
        k.lastUsedAt,
        k.revokedAt,
      ],
    );
  } catch (e) {
    if (isReservoirError(e) && e.code === 'ALREADY_EXISTS') throw errors.exists('API key', k.id);
    throw e;
  }
}

export async function getApiKey(db: SqlExecutor, id: string): Promise<StoredApiKey | undefined> {
  const rows = await db.query<Row>(`SELECT ${KEY_COLUMNS} FROM security_api_keys WHERE id = $1`, [id]);
  return rows[0] && toApiKey(rows[0]);
}

/** Listings never carry the secret's hash. */
export async function listApiKeys(db: SqlExecutor, filter: ApiKeyFilter = {}): Promise<ApiKey[]> {
  const conds: string[] = [];
  const params: SqlValue[] = [];
  for (const [column, value] of [
    ['organization', filter.organization],
    ['owner', filter.owner],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    conds.push(`${column} = $${params.length}`);
  }
  const rows = await db.query<Row>(
    `SELECT ${KEY_COLUMNS} FROM security_api_keys ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
      ORDER BY organization, id`,
    params,
  );
  return rows.map((r) => {
    const { secretHash: _hash, ...key } = toApiKey(r);
    return key;
  });
}

export async function revokeApiKey(db: SqlExecutor, id: string, at: number): Promise<boolean> {
  return (
    (await db.exec('UPDATE security_api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [
      id,
      at,
    ])) > 0
  );
}

export async function touchApiKey(db: SqlExecutor, id: string, at: number): Promise<void> {
  await db.exec(
    'UPDATE security_api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)',
    [id, at],
  );
}

function toSigningKey(r: Row): SigningKey {
  return {
    kid: String(r.kid),
    publicKey: String(r.public_key),
    privateKey: String(r.private_key),
    createdAt: num(r.created_at),
    retiredAt: numOrNull(r.retired_at),
  };
}

export async function signingKeys(db: SqlExecutor): Promise<SigningKey[]> {
  const rows = await db.query<Row>(
    `SELECT kid, public_key, private_key, created_at, retired_at FROM security_signing_keys
      WHERE retired_at IS NULL ORDER BY created_at DESC, kid DESC`,
  );
  return rows.map(toSigningKey);
}

export async function addSigningKey(db: SqlDatabase, key: SigningKey, keep: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec(
      'INSERT INTO security_signing_keys (kid, public_key, private_key, created_at, retired_at) VALUES ($1, $2, $3, $4, NULL)',
      [key.kid, key.publicKey, key.privateKey, key.createdAt],
    );
    const active = await signingKeys(tx);
    for (const old of active.slice(Math.max(1, keep))) {
      await tx.exec('UPDATE security_signing_keys SET retired_at = $2 WHERE kid = $1', [
        old.kid,
        key.createdAt,
      ]);
    }
  });
}

export async function revokeToken(
  db: SqlDatabase,
  jti: string,
  expiresAt: number,
  now: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec('DELETE FROM security_revoked_tokens WHERE expires_at < $1', [now]);
    await tx.exec(
      'INSERT INTO security_revoked_tokens (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING',
      [jti, expiresAt],
    );
  });
}

export async function isTokenRevoked(db: SqlExecutor, jti: string): Promise<boolean> {
  return (await db.query('SELECT 1 AS one FROM security_revoked_tokens WHERE jti = $1', [jti])).length > 0;
}

export async function loginFailures(
  db: SqlExecutor,
  subject: string,
  windowStart: number,
): Promise<number[]> {
  const rows = await db.query<{ at: number }>(
    'SELECT at FROM security_login_failures WHERE subject = $1 AND at >= $2 ORDER BY at DESC',
    [subject, windowStart],
  );
  return rows.map((r) => num(r.at));
}

/** Inserts the failure and forgets the subject's failures older than the window. */
export async function recordLoginFailure(
  db: SqlDatabase,
  subject: string,
  at: number,
  windowStart: number,
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.exec('DELETE FROM security_login_failures WHERE subject = $1 AND at < $2', [
      subject,
      windowStart,
    ]);
    await tx.exec('INSERT INTO security_login_failures (subject, at) VALUES ($1, $2)', [subject, at]);
    return loginFailures(tx, subject, windowStart);
  });
}

export async function clearLoginFailures(db: SqlExecutor, subject: string): Promise<void> {
  await db.exec('DELETE FROM security_login_failures WHERE subject = $1', [subject]);
}
