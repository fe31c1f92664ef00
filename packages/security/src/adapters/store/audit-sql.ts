// The audit log's table: entries sealed into the hash chain inside the appending transaction,
// after taking the log's lock, so appends from any number of replicas form one chain.

import { errors, type SqlDatabase, type SqlExecutor, type SqlValue } from '@reservoir/runtime';
import {
  sealEntries,
  type AuditDecision,
  type AuditEntry,
  type AuditRecord,
  type ChainHead,
  type Json,
} from '../../domain/audit/index.js';
import type { AuditFilter } from '../../app/ports.js';
import { num, type Row } from './sql-table.js';

const COLUMNS = [
  'seq',
  'at',
  'principal',
  'organization',
  'action',
  'resource_type',
  'resource_id',
  'resource_organization',
  'decision',
  'policy',
  'obligations',
  'outcome_status',
  'outcome_code',
  'request_id',
  'detail',
  'prev_hash',
  'hash',
] as const;
const SELECT = `SELECT ${COLUMNS.join(', ')} FROM security_audit`;
/** 200 rows × 17 values stay far below both dialects' parameter limits. */
const ROWS_PER_INSERT = 200;
export const MAX_AUDIT_LIMIT = 10_000;

function toRow(e: AuditEntry): SqlValue[] {
  return [
    e.seq,
    e.at,
    e.principal,
    e.organization,
    e.action,
    e.resource?.type ?? null,
    e.resource?.id ?? null,
    e.resource?.organization ?? null,
    e.decision,
    e.policy,
    JSON.stringify(e.obligations),
    e.outcome?.status ?? null,
    e.outcome?.code ?? null,
    e.requestId,
    e.detail === null ? null : JSON.stringify(e.detail),
    e.prevHash,
    e.hash,
  ];
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toEntry(r: Row): AuditEntry {
  const resourceType = text(r.resource_type);
  const outcome = text(r.outcome_status);
  return {
    seq: num(r.seq),
    at: num(r.at),
    principal: String(r.principal),
    organization: String(r.organization),
    action: String(r.action),
    resource:
      resourceType === null
        ? null
        : { type: resourceType, id: String(r.resource_id), organization: text(r.resource_organization) },
    decision: text(r.decision) as AuditDecision | null,
    policy: text(r.policy),
    obligations: JSON.parse(String(r.obligations)) as Json[],
    outcome: outcome === null ? null : { status: outcome as 'ok' | 'error', code: text(r.outcome_code) },
    requestId: text(r.request_id),
    detail: r.detail === null ? null : (JSON.parse(String(r.detail)) as Json),
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  };
}

async function head(db: SqlExecutor): Promise<ChainHead | undefined> {
  const rows = await db.query<Row>('SELECT seq, hash FROM security_audit ORDER BY seq DESC LIMIT 1');
  return rows[0] && { seq: num(rows[0].seq), hash: String(rows[0].hash) };
}

/**
 * In PostgreSQL a transaction-scoped advisory lock (per schema) queues appenders, and the head is
 * read only after it is held; SQLite's BEGIN IMMEDIATE already admits one writer per file.
 */
async function lockLog(tx: SqlExecutor): Promise<void> {
  if (tx.dialect === 'postgres') {
    await tx.query(
      "SELECT pg_advisory_xact_lock(hashtext('reservoir.security.audit:' || coalesce(current_schema(), '')))",
    );
  }
}

export async function appendAudit(db: SqlDatabase, records: readonly AuditRecord[]): Promise<AuditEntry[]> {
  if (records.length === 0) return [];
  return db.transaction(async (tx) => {
    await lockLog(tx);
    const entries = sealEntries(await head(tx), records);
    for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
      const part = entries.slice(i, i + ROWS_PER_INSERT);
      const values = part
        .map((_, r) => `(${COLUMNS.map((__, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`)
        .join(', ');
      await tx.exec(
        `INSERT INTO security_audit (${COLUMNS.join(', ')}) VALUES ${values}`,
        part.flatMap(toRow),
      );
    }
    return entries;
  });
}

export function auditHead(db: SqlExecutor): Promise<ChainHead | undefined> {
  return head(db);
}

export async function auditRange(
  db: SqlExecutor,
  fromSeq: number,
  toSeq: number,
  limit: number,
): Promise<AuditEntry[]> {
  const rows = await db.query<Row>(`${SELECT} WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3`, [
    fromSeq,
    toSeq,
    limit,
  ]);
  return rows.map(toEntry);
}

export async function auditEntries(db: SqlExecutor, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const limit = filter.limit ?? 100;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_AUDIT_LIMIT) {
    throw errors.invalid('limit', `must be an integer from 1 to ${MAX_AUDIT_LIMIT}`);
  }
  const order = filter.order ?? 'asc';
  const conds: string[] = [];
  const params: SqlValue[] = [];
  const add = (cond: string, value: SqlValue) => {
    params.push(value);
    conds.push(cond.replaceAll('?', `$${params.length}`));
  };
  if (filter.organization !== undefined)
    add('(organization = ? OR resource_organization = ?)', filter.organization);
  if (filter.principal !== undefined) add('principal = ?', filter.principal);
  if (filter.action !== undefined) add('action = ?', filter.action);
  if (filter.decision !== undefined) add('decision = ?', filter.decision);
  if (filter.from !== undefined) add('at >= ?', filter.from);
  if (filter.to !== undefined) add('at < ?', filter.to);
  if (filter.afterSeq !== undefined) add(order === 'asc' ? 'seq > ?' : 'seq < ?', filter.afterSeq);
  params.push(limit);
  const rows = await db.query<Row>(
    `${SELECT} ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
      ORDER BY seq ${order === 'asc' ? 'ASC' : 'DESC'} LIMIT $${params.length}`,
    params,
  );
  return rows.map(toEntry);
}
