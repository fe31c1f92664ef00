import type { Migration, SqlDialect } from '@reservoir/runtime';

// Keys and ledger account names compare byte-wise in PostgreSQL ("C"): cheaper than the locale's
// collation on every insert, and prefix sums mean exactly what they say. SQLite is byte-wise already.
const key = (d: SqlDialect) => (d === 'postgres' ? 'TEXT COLLATE "C"' : 'TEXT');

// Money and quantities are exact integers: BIGINT in PostgreSQL, INTEGER (64-bit) in SQLite. A
// quantity is kept as delivered and as its integer part plus 12 fractional digits, so both
// dialects can sum it exactly in SQL.
function core(d: SqlDialect): string {
  return `CREATE TABLE IF NOT EXISTS usage_records (
  key ${key(d)} PRIMARY KEY,
  account_id TEXT NOT NULL,
  service TEXT NOT NULL,
  component TEXT NOT NULL,
  vm_id TEXT NOT NULL,
  site TEXT NOT NULL,
  metric TEXT NOT NULL,
  quantity TEXT NOT NULL,
  q_int BIGINT NOT NULL,
  q_frac BIGINT NOT NULL,
  start_ms BIGINT NOT NULL,
  end_ms BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS usage_account_start ON usage_records (account_id, start_ms);
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  customer TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('prepaid', 'postpaid')),
  currency TEXT NOT NULL,
  on_zero TEXT NOT NULL CHECK (on_zero IN ('warn', 'suspend', 'abort')),
  organization TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('active', 'suspended'))
);
CREATE INDEX IF NOT EXISTS accounts_customer ON accounts (customer);
CREATE TABLE IF NOT EXISTS journal_entries (
  id TEXT PRIMARY KEY,
  key ${key(d)} NOT NULL UNIQUE,
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  description TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS journal_entries_at ON journal_entries (at);
CREATE TABLE IF NOT EXISTS postings (
  entry_id TEXT NOT NULL REFERENCES journal_entries (id),
  seq INTEGER NOT NULL,
  ledger_account ${key(d)} NOT NULL,
  amount BIGINT NOT NULL,
  PRIMARY KEY (entry_id, seq)
);
CREATE INDEX IF NOT EXISTS postings_account ON postings (ledger_account, amount);
CREATE TABLE IF NOT EXISTS invoices (
  id TEXT PRIMARY KEY,
  key ${key(d)} NOT NULL UNIQUE,
  account_id TEXT NOT NULL,
  period_start BIGINT NOT NULL,
  period_end BIGINT NOT NULL,
  currency TEXT NOT NULL,
  lines TEXT NOT NULL,
  subtotal BIGINT NOT NULL,
  credits BIGINT NOT NULL,
  total BIGINT NOT NULL,
  issued_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS invoices_account ON invoices (account_id, period_start);`;
}

const LEDGER_TABLES = ['journal_entries', 'postings'];

// The database itself refuses to change or remove a ledger row, whoever asks.
function appendOnly(d: SqlDialect): string {
  if (d === 'sqlite') {
    return LEDGER_TABLES.map(
      (t) => `CREATE TRIGGER IF NOT EXISTS ${t}_no_update BEFORE UPDATE ON ${t}
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: ${t} rows cannot be updated'); END;
CREATE TRIGGER IF NOT EXISTS ${t}_no_delete BEFORE DELETE ON ${t}
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: ${t} rows cannot be deleted'); END;`,
    ).join('\n');
  }
  return `CREATE OR REPLACE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;
${LEDGER_TABLES.map(
  (t) => `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t}
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t}
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();`,
).join('\n')}`;
}

// Late usage (docs/accounting.md): a record is rated into the period of billed_ms, its start unless
// it arrived later than the late window. Invoices are revised when late usage or a compensation
// changes a period already invoiced; each revision is a row of its own, the last one counts.
const LATE_USAGE = `ALTER TABLE usage_records ADD COLUMN billed_ms BIGINT;
UPDATE usage_records SET billed_ms = start_ms WHERE billed_ms IS NULL;
CREATE INDEX IF NOT EXISTS usage_account_billed ON usage_records (account_id, billed_ms);
DROP INDEX IF EXISTS usage_account_start;
ALTER TABLE invoices ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE invoices ADD COLUMN records INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invoices ADD COLUMN credit_lines TEXT NOT NULL DEFAULT '[]';`;

export const ACCOUNTING_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'accounting core', sql: { sqlite: core('sqlite'), postgres: core('postgres') } },
  {
    version: 2,
    name: 'append-only ledger',
    sql: { sqlite: appendOnly('sqlite'), postgres: appendOnly('postgres') },
  },
  { version: 3, name: 'late usage and invoice revisions', sql: LATE_USAGE },
];
