import { ReservoirError, type SqlDatabase, type SqlExecutor, type SqlValue } from '@reservoir/runtime';
import type { InvoiceRecord, InvoiceFilter, Json } from '../../app/ports.js';
import { chunks, placeholders, valuesRows } from './sql-text.js';
import { checkInvoice } from './validate.js';

const INVOICES_PER_STATEMENT = 500;
const COLUMNS =
  'id, key, account_id, period_start, period_end, currency, lines, subtotal, credits, total, issued_at, revision, records, credit_lines';
const SELECT = `SELECT id, key, account_id, period_start, period_end, currency, lines,
  CAST(subtotal AS TEXT) AS subtotal, CAST(credits AS TEXT) AS credits, CAST(total AS TEXT) AS total, issued_at,
  revision, records, credit_lines
  FROM invoices`;

interface InvoiceRow extends Record<string, unknown> {
  id: string;
  key: string;
  account_id: string;
  period_start: number;
  period_end: number;
  currency: string;
  lines: string;
  subtotal: string;
  credits: string;
  total: string;
  issued_at: number;
  revision: number;
  records: number;
  credit_lines: string;
}

function toInvoice(r: InvoiceRow): InvoiceRecord {
  return {
    id: r.id,
    key: r.key,
    accountId: r.account_id,
    period: { start: Number(r.period_start), end: Number(r.period_end) },
    currency: r.currency,
    lines: JSON.parse(r.lines) as Json,
    subtotal: BigInt(r.subtotal),
    credits: BigInt(r.credits),
    total: BigInt(r.total),
    issuedAt: Number(r.issued_at),
    revision: Number(r.revision),
    records: Number(r.records),
    creditLines: JSON.parse(r.credit_lines) as Json,
  };
}

/** The same bill for the same key; id and issue time may differ on a retry. */
function sameBill(a: InvoiceRecord, b: InvoiceRecord): boolean {
  return (
    a.accountId === b.accountId &&
    a.period.start === b.period.start &&
    a.period.end === b.period.end &&
    a.currency === b.currency &&
    a.subtotal === b.subtotal &&
    a.credits === b.credits &&
    a.total === b.total &&
    a.revision === b.revision &&
    a.records === b.records &&
    JSON.stringify(a.creditLines) === JSON.stringify(b.creditLines) &&
    JSON.stringify(a.lines) === JSON.stringify(b.lines)
  );
}

function keyReused(key: string): ReservoirError {
  return new ReservoirError(
    'ALREADY_EXISTS',
    `invoice key "${key}" was already used for a different invoice`,
    {
      field: 'key',
    },
  );
}

function params(inv: InvoiceRecord): SqlValue[] {
  return [
    inv.id,
    inv.key,
    inv.accountId,
    inv.period.start,
    inv.period.end,
    inv.currency,
    JSON.stringify(inv.lines),
    inv.subtotal,
    inv.credits,
    inv.total,
    inv.issuedAt,
    inv.revision,
    inv.records,
    JSON.stringify(inv.creditLines),
  ];
}

/** Like the ledger: new keys are inserted, known keys must hold the same bill and return it. */
export async function saveInvoices(
  db: SqlDatabase,
  invoices: readonly InvoiceRecord[],
): Promise<InvoiceRecord[]> {
  const unique = new Map<string, InvoiceRecord>();
  for (const inv of invoices) {
    checkInvoice(inv);
    const seen = unique.get(inv.key);
    if (seen && !sameBill(seen, inv)) throw keyReused(inv.key);
    if (!seen) unique.set(inv.key, inv);
  }
  const sorted = [...unique.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const stored = await db.transaction(async (tx) => {
    const inserted = new Set<string>();
    for (const part of chunks(sorted, INVOICES_PER_STATEMENT)) {
      const rows = await tx.query<{ key: string }>(
        `INSERT INTO invoices (${COLUMNS}) VALUES ${valuesRows(part.length, 14)}
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        part.flatMap(params),
      );
      for (const r of rows) inserted.add(r.key);
    }
    const known = sorted.filter((inv) => !inserted.has(inv.key)).map((inv) => inv.key);
    for (const part of chunks(known, INVOICES_PER_STATEMENT)) {
      const rows = await tx.query<InvoiceRow>(`${SELECT} WHERE key IN (${placeholders(part.length)})`, part);
      for (const existing of rows.map(toInvoice)) {
        if (!sameBill(existing, unique.get(existing.key) as InvoiceRecord)) throw keyReused(existing.key);
        unique.set(existing.key, existing);
      }
    }
    return unique;
  });
  return invoices.map((inv) => stored.get(inv.key) as InvoiceRecord);
}

export async function invoiceWhere(
  db: SqlExecutor,
  column: 'id' | 'key',
  value: string,
): Promise<InvoiceRecord | undefined> {
  const rows = await db.query<InvoiceRow>(`${SELECT} WHERE ${column} = $1`, [value]);
  return rows[0] && toInvoice(rows[0]);
}

export async function listInvoices(db: SqlExecutor, filter: InvoiceFilter = {}): Promise<InvoiceRecord[]> {
  const conds: string[] = [];
  const values: SqlValue[] = [];
  const add = (cond: string, value: SqlValue) => {
    values.push(value);
    conds.push(cond.replace('?', `$${values.length}`));
  };
  if (filter.accountId !== undefined) add('account_id = ?', filter.accountId);
  if (filter.from !== undefined) add('period_start >= ?', filter.from);
  if (filter.to !== undefined) add('period_start < ?', filter.to);
  const rows = await db.query<InvoiceRow>(
    `${SELECT} ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY period_start, account_id, revision`,
    values,
  );
  return rows.map(toInvoice);
}
