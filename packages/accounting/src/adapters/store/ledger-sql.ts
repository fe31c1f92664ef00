import { ReservoirError, newId, type SqlDatabase, type SqlExecutor, type SqlValue } from '@reservoir/runtime';
import type { EntryFilter, EntryKind, JournalEntry, NewJournalEntry, Posting } from '../../app/ports.js';
import { chunks, placeholders, valuesRows } from './sql-text.js';
import { checkEntry, text } from './validate.js';

/** 500 entries × 5 values and their postings stay far below both dialects' parameter limits. */
const ENTRIES_PER_STATEMENT = 500;
const POSTINGS_PER_STATEMENT = 1_000;

interface EntryRow extends Record<string, unknown> {
  id: string;
  key: string;
  at: number;
  kind: string;
  description: string;
  ledger_account: string;
  /** Text: an amount may exceed 2^53, which neither driver returns exactly as a number. */
  amount: string;
}

const SELECT_ENTRIES = `SELECT e.id, e.key, e.at, e.kind, e.description, p.ledger_account, CAST(p.amount AS TEXT) AS amount
  FROM journal_entries e JOIN postings p ON p.entry_id = e.id`;

function toEntries(rows: readonly EntryRow[]): JournalEntry[] {
  const byId = new Map<string, JournalEntry>();
  for (const r of rows) {
    let e = byId.get(r.id);
    if (!e) {
      e = {
        id: r.id,
        key: r.key,
        at: Number(r.at),
        kind: r.kind as EntryKind,
        description: r.description,
        postings: [],
      };
      byId.set(r.id, e);
    }
    e.postings.push({ ledgerAccount: r.ledger_account, amount: BigInt(r.amount) });
  }
  return [...byId.values()];
}

/** What an idempotency key promises: the same operation. id and at may differ on a retry. */
function sameBody(a: NewJournalEntry, b: NewJournalEntry): boolean {
  const norm = (ps: readonly Posting[]) =>
    ps.map((p) => `${p.ledgerAccount}\u0000${p.amount}`).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const pa = norm(a.postings);
  const pb = norm(b.postings);
  return (
    a.kind === b.kind &&
    a.description === b.description &&
    pa.length === pb.length &&
    pa.every((p, i) => p === pb[i])
  );
}

function keyReused(key: string): ReservoirError {
  return new ReservoirError(
    'ALREADY_EXISTS',
    `ledger entry key "${key}" was already used for a different entry (kind, description or postings differ)`,
    { field: 'key' },
  );
}

async function byKeys(tx: SqlExecutor, keys: readonly string[]): Promise<Map<string, JournalEntry>> {
  const out = new Map<string, JournalEntry>();
  for (const part of chunks(keys, ENTRIES_PER_STATEMENT)) {
    const rows = await tx.query<EntryRow>(
      `${SELECT_ENTRIES} WHERE e.key IN (${placeholders(part.length)}) ORDER BY e.id, p.seq`,
      part,
    );
    for (const e of toEntries(rows)) out.set(e.key, e);
  }
  return out;
}

/**
 * Inserts the entries whose keys are new (ON CONFLICT DO NOTHING … RETURNING tells which), then
 * their postings; every other key must already hold the same body. Keys are taken in sorted order
 * so concurrent batches never wait on each other in a cycle.
 */
export async function postAll(db: SqlDatabase, entries: readonly NewJournalEntry[]): Promise<JournalEntry[]> {
  const unique = new Map<string, JournalEntry>();
  for (const e of entries) {
    checkEntry(e);
    const seen = unique.get(e.key);
    if (seen && !sameBody(seen, e)) throw keyReused(e.key);
    if (!seen) unique.set(e.key, { ...e, id: e.id ?? newId('je'), postings: [...e.postings] });
  }
  const sorted = [...unique.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const stored = await db.transaction(async (tx) => {
    const inserted = new Set<string>();
    for (const part of chunks(sorted, ENTRIES_PER_STATEMENT)) {
      const rows = await tx.query<{ key: string }>(
        `INSERT INTO journal_entries (id, key, at, kind, description) VALUES ${valuesRows(part.length, 5)}
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        part.flatMap((e): SqlValue[] => [e.id, e.key, e.at, e.kind, e.description]),
      );
      for (const r of rows) inserted.add(r.key);
    }
    const postings = sorted
      .filter((e) => inserted.has(e.key))
      .flatMap((e) => e.postings.map((p, seq): SqlValue[] => [e.id, seq, p.ledgerAccount, p.amount]));
    for (const part of chunks(postings, POSTINGS_PER_STATEMENT)) {
      await tx.exec(
        `INSERT INTO postings (entry_id, seq, ledger_account, amount) VALUES ${valuesRows(part.length, 4)}`,
        part.flat(),
      );
    }
    const existing = await byKeys(
      tx,
      sorted.filter((e) => !inserted.has(e.key)).map((e) => e.key),
    );
    for (const [key, e] of existing) {
      if (!sameBody(e, unique.get(key) as JournalEntry)) throw keyReused(key);
      unique.set(key, e);
    }
    return unique;
  });
  return entries.map((e) => stored.get(e.key) as JournalEntry);
}

export async function entry(db: SqlExecutor, key: string): Promise<JournalEntry | undefined> {
  return (await byKeys(db, [key])).get(key);
}

export async function listEntries(db: SqlExecutor, filter: EntryFilter = {}): Promise<JournalEntry[]> {
  const conds: string[] = [];
  const params: SqlValue[] = [];
  const add = (cond: string, value: SqlValue) => {
    params.push(value);
    conds.push(cond.replace('?', `$${params.length}`));
  };
  if (filter.ledgerAccount !== undefined) {
    add('e.id IN (SELECT entry_id FROM postings WHERE ledger_account = ?)', filter.ledgerAccount);
  }
  if (filter.kind !== undefined) add('e.kind = ?', filter.kind);
  if (filter.from !== undefined) add('e.at >= ?', filter.from);
  if (filter.to !== undefined) add('e.at < ?', filter.to);
  const rows = await db.query<EntryRow>(
    `${SELECT_ENTRIES} ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY e.at, e.key, p.seq`,
    params,
  );
  return toEntries(rows);
}

/** Derived, never stored: the sum of the account's postings. */
export async function balance(db: SqlExecutor, ledgerAccount: string): Promise<bigint> {
  text(ledgerAccount, 'ledgerAccount');
  const rows = await db.query<{ total: string }>(
    'SELECT CAST(COALESCE(SUM(amount), 0) AS TEXT) AS total FROM postings WHERE ledger_account = $1',
    [ledgerAccount],
  );
  return BigInt(rows[0]?.total ?? '0');
}

/** substr rather than LIKE: SQLite's LIKE ignores case and both treat % and _ as wildcards. */
export async function balances(db: SqlExecutor, prefix: string): Promise<Map<string, bigint>> {
  const rows = await db.query<{ ledger_account: string; total: string }>(
    `SELECT ledger_account, CAST(SUM(amount) AS TEXT) AS total FROM postings
     WHERE substr(ledger_account, 1, $2) = $1 GROUP BY ledger_account ORDER BY ledger_account`,
    [prefix, [...prefix].length],
  );
  return new Map(rows.map((r) => [r.ledger_account, BigInt(r.total)]));
}
