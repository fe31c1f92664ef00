import type { SqlDatabase, SqlExecutor, SqlValue } from '@reservoir/runtime';
import type { IngestResult, Period, UsageAggregate, UsageFilter, UsageRecord } from '../../app/ports.js';
import { formatQuantity, splitQuantity, type SplitQuantity } from './quantity.js';
import { chunks, pgIntArray, pgTextArray, valuesRows } from './sql-text.js';
import { checkUsage } from './validate.js';

const COLUMNS =
  'key, account_id, service, component, vm_id, site, metric, quantity, q_int, q_frac, start_ms, end_ms, recorded_at, billed_ms';
const COLUMN_COUNT = 14;
/** SQLite binds ?NNN parameters by name, which slows down with their number: 100 rows measured fastest. */
const SQLITE_ROWS_PER_STATEMENT = 100;

// One statement for the whole batch in PostgreSQL: 14 array parameters, whatever the batch size,
// so neither the parameter limit nor per-value binding costs grow with it.
const PG_INSERT = `INSERT INTO usage_records (${COLUMNS})
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
  $8::text[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[])
ON CONFLICT (key) DO NOTHING`;

type Prepared = UsageRecord & { q: SplitQuantity };

/**
 * Validates, drops repeats within the batch (first wins) and sorts by key: concurrent batches
 * that share keys then take their row locks in the same order and cannot deadlock.
 */
function prepare(records: readonly UsageRecord[]): Prepared[] {
  const byKey = new Map<string, Prepared>();
  records.forEach((r, i) => {
    checkUsage(r, `records[${i}]`);
    const q = splitQuantity(r.quantity, `records[${i}].quantity`);
    if (!byKey.has(r.key)) byKey.set(r.key, { ...r, q });
  });
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function pgParams(rows: readonly Prepared[]): SqlValue[] {
  const col = <T>(f: (r: Prepared) => T) => rows.map(f);
  return [
    pgTextArray(col((r) => r.key)),
    pgTextArray(col((r) => r.accountId)),
    pgTextArray(col((r) => r.service)),
    pgTextArray(col((r) => r.component)),
    pgTextArray(col((r) => r.vmId)),
    pgTextArray(col((r) => r.site)),
    pgTextArray(col((r) => r.metric)),
    pgTextArray(col((r) => r.quantity)),
    pgIntArray(col((r) => r.q.int)),
    pgIntArray(col((r) => r.q.frac)),
    pgIntArray(col((r) => r.start)),
    pgIntArray(col((r) => r.end)),
    pgIntArray(col((r) => r.recordedAt)),
    pgIntArray(col((r) => r.billedAt ?? r.start)),
  ];
}

function rowParams(r: Prepared): SqlValue[] {
  return [
    r.key,
    r.accountId,
    r.service,
    r.component,
    r.vmId,
    r.site,
    r.metric,
    r.quantity,
    r.q.int,
    r.q.frac,
    r.start,
    r.end,
    r.recordedAt,
    r.billedAt ?? r.start,
  ];
}

async function insertSqlite(tx: SqlExecutor, rows: readonly Prepared[]): Promise<number> {
  let inserted = 0;
  for (const part of chunks(rows, SQLITE_ROWS_PER_STATEMENT)) {
    inserted += await tx.exec(
      `INSERT INTO usage_records (${COLUMNS}) VALUES ${valuesRows(part.length, COLUMN_COUNT)} ON CONFLICT (key) DO NOTHING`,
      part.flatMap(rowParams),
    );
  }
  return inserted;
}

/** The number of rows changed is the number of keys seen for the first time. */
export async function ingest(db: SqlDatabase, records: readonly UsageRecord[]): Promise<IngestResult> {
  const rows = prepare(records);
  if (rows.length === 0) return { accepted: 0, duplicates: records.length };
  const accepted = await db.transaction((tx) =>
    tx.dialect === 'postgres' ? tx.exec(PG_INSERT, pgParams(rows)) : insertSqlite(tx, rows),
  );
  return { accepted, duplicates: records.length - accepted };
}

interface UsageRow extends Record<string, unknown> {
  key: string;
  account_id: string;
  service: string;
  component: string;
  vm_id: string;
  site: string;
  metric: string;
  quantity: string;
  start_ms: number;
  end_ms: number;
  recorded_at: number;
  billed_ms: number;
}

function where(filter: UsageFilter): { sql: string; params: SqlValue[] } {
  const conds: string[] = [];
  const params: SqlValue[] = [];
  const add = (cond: string, value: SqlValue) => {
    params.push(value);
    conds.push(cond.replace('?', `$${params.length}`));
  };
  if (filter.accountId !== undefined) add('account_id = ?', filter.accountId);
  if (filter.service !== undefined) add('service = ?', filter.service);
  if (filter.from !== undefined) add('billed_ms >= ?', filter.from);
  if (filter.to !== undefined) add('billed_ms < ?', filter.to);
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

export async function usage(db: SqlExecutor, filter: UsageFilter = {}): Promise<UsageRecord[]> {
  const w = where(filter);
  const limit = filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '';
  const rows = await db.query<UsageRow>(
    `SELECT key, account_id, service, component, vm_id, site, metric, quantity, start_ms, end_ms, recorded_at,
       billed_ms
     FROM usage_records ${w.sql} ORDER BY billed_ms, key${limit}`,
    w.params,
  );
  return rows.map((r) => ({
    key: r.key,
    accountId: r.account_id,
    service: r.service,
    component: r.component,
    vmId: r.vm_id,
    site: r.site,
    metric: r.metric,
    quantity: r.quantity,
    start: Number(r.start_ms),
    end: Number(r.end_ms),
    recordedAt: Number(r.recorded_at),
    billedAt: Number(r.billed_ms),
  }));
}

interface AggregateRow extends Record<string, unknown> {
  account_id: string;
  service: string;
  component: string;
  metric: string;
  int_sum: string;
  frac_hi: string;
  frac_lo: string;
  records: number;
}

/**
 * The fraction (< 10^12 per record) is summed in two 6-digit halves so that even SQLite's 64-bit
 * SUM cannot overflow; sums come back as text because they may exceed 2^53.
 */
export async function aggregateUsage(
  db: SqlExecutor,
  period: Period,
  filter: Pick<UsageFilter, 'accountId' | 'service'> = {},
): Promise<UsageAggregate[]> {
  const w = where({ ...filter, from: period.start, to: period.end });
  const rows = await db.query<AggregateRow>(
    `SELECT account_id, service, component, metric,
       CAST(SUM(q_int) AS TEXT) AS int_sum,
       CAST(SUM(q_frac / 1000000) AS TEXT) AS frac_hi,
       CAST(SUM(q_frac % 1000000) AS TEXT) AS frac_lo,
       COUNT(*) AS records
     FROM usage_records ${w.sql}
     GROUP BY account_id, service, component, metric
     ORDER BY account_id, service, component, metric`,
    w.params,
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    service: r.service,
    component: r.component,
    metric: r.metric,
    quantity: formatQuantity(BigInt(r.int_sum), BigInt(r.frac_hi) * 1_000_000n + BigInt(r.frac_lo)),
    records: Number(r.records),
  }));
}
