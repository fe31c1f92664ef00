// npm run bench:accounting — the accounting store on PostgreSQL and SQLite: (a) usage records
// ingested per second with deduplication (batches carrying ~5% records already delivered), and
// (b) an invoice run for 10,000 accounts: aggregate each account's usage for the period, price it
// at a flat per-unit rate, post one charge entry and store one invoice per account, in batches,
// idempotent by key (a second run changes nothing and is timed too).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, silentLogger, type SqlDatabase } from '@reservoir/runtime';
import { SqlAccountingStore } from '../packages/accounting/src/adapters/store/sql-accounting-store.js';
import { SqlPriceStore } from '../packages/accounting/src/adapters/store/sql-price-store.js';
import { Billing } from '../packages/accounting/src/app/billing.js';
import { ledgerAccounts } from '../packages/accounting/src/app/ledger.js';
import type { Account, UsageRecord } from '../packages/accounting/src/app/ports.js';
import { writeResult, type Check } from './lib.js';

const PG_URL =
  process.env.BENCH_PG_URL ?? process.env.RESERVOIR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const INGEST_RECORDS = Number(process.env.BENCH_INGEST_RECORDS ?? 300_000);
const BATCH_SIZES = (process.env.BENCH_BATCH_SIZES ?? '1000,5000').split(',').map(Number);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,2').split(',').map(Number);
const DUPLICATE_SHARE = 0.05;
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const RECORDS_PER_ACCOUNT = Number(process.env.BENCH_RECORDS_PER_ACCOUNT ?? 10);
const DATABASES = (process.env.BENCH_DATABASES ?? 'postgres,sqlite').split(',');

const HOUR = 3_600_000;
const PERIOD = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) };
/** Metrics the default price list rates. */
const METRICS = ['vm.hours', 'vcpu.hours', 'memory.gib_hours'];

const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

interface Target {
  name: 'postgres' | 'sqlite';
  open(): Promise<SqlDatabase>;
}

/** A fresh, empty database; PostgreSQL gets a schema of its own, dropped when closed. */
function target(name: string): Target {
  if (name === 'postgres') {
    return {
      name,
      open: async () => {
        const schema = `bench_accounting_${randomBytes(4).toString('hex')}`;
        const db = await openDatabase(PG_URL, { schema });
        const close = db.close.bind(db);
        db.close = async () => {
          await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await close();
        };
        return db;
      },
    };
  }
  return {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'bench-accounting-'));
      const db = await openDatabase(join(dir, 'accounting.db'));
      const close = db.close.bind(db);
      db.close = async () => {
        await close();
        rmSync(dir, { recursive: true, force: true });
      };
      return db;
    },
  };
}

function usage(n: number, accountId: string, start: number): UsageRecord {
  const metric = METRICS[n % METRICS.length] as string;
  return {
    key: `usage:vm-${n % 50_000}:${metric}:${n}`,
    accountId,
    service: `svc-${n % 7}`,
    component: n % 2 ? 'web' : 'db',
    vmId: `vm-${n % 50_000}`,
    site: n % 3 ? 'site-a' : 'site-b',
    metric,
    quantity: `${n % 5}.${String(n % 997).padStart(3, '0')}`,
    start,
    end: start + HOUR,
    recordedAt: start + HOUR + 1,
  };
}

/** Batches of fresh records, each topped up with ~5% records already delivered in earlier batches. */
function stream(total: number, batchSize: number): { batches: UsageRecord[][]; distinct: number } {
  const fresh = Math.round(batchSize * (1 - DUPLICATE_SHARE));
  const batches: UsageRecord[][] = [];
  let next = 0;
  let delivered = 0;
  while (delivered < total) {
    const batch: UsageRecord[] = [];
    for (let i = 0; i < fresh; i++, next++) {
      batch.push(usage(next, `acc-${next % ACCOUNTS}`, PERIOD.start + (next % 700) * HOUR));
    }
    for (let i = fresh; i < batchSize; i++) {
      const n = next > fresh ? Math.floor(Math.random() * (next - fresh)) : Math.floor(Math.random() * next);
      batch.push(usage(n, `acc-${n % ACCOUNTS}`, PERIOD.start + (n % 700) * HOUR));
    }
    batches.push(batch);
    delivered += batch.length;
  }
  return { batches, distinct: next };
}

interface IngestFigures {
  database: string;
  batchSize: number;
  concurrency: number;
  delivered: number;
  accepted: number;
  duplicates: number;
  seconds: number;
  recordsPerSecond: number;
}

async function ingestRun(t: Target, batchSize: number, concurrency: number): Promise<IngestFigures> {
  const { batches, distinct } = stream(INGEST_RECORDS, batchSize);
  const store = new SqlAccountingStore(await t.open());
  await store.migrate();
  let accepted = 0;
  let duplicates = 0;
  let i = 0;
  const worker = async () => {
    while (i < batches.length) {
      const r = await store.ingest(batches[i++] as UsageRecord[]);
      accepted += r.accepted;
      duplicates += r.duplicates;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  if (accepted !== distinct) throw new Error(`accepted ${accepted} records, expected ${distinct}`);
  await store.close();
  const delivered = accepted + duplicates;
  const f = {
    database: t.name,
    batchSize,
    concurrency,
    delivered,
    accepted,
    duplicates,
    seconds: round(seconds, 2),
    recordsPerSecond: Math.round(delivered / seconds),
  };
  log(
    `${t.name} ingest batch ${batchSize} × ${concurrency}: ${f.recordsPerSecond} records/s (${duplicates} duplicates)`,
  );
  return f;
}

/** One rounding point: each line's exact amount rounds half-up to a minor unit; the total sums the lines. */
interface InvoiceRunFigures {
  accounts: number;
  usageRecords: number;
  invoices: number;
  entriesPosted: number;
  seconds: number;
  recordsRatedPerSecond: number;
}

/**
 * The platform's own invoice run (Billing.run): every account's usage rated by the default price
 * list, its charge posted to the ledger and its invoice stored, each under its idempotency key.
 */
async function invoiceRun(
  store: SqlAccountingStore,
  billing: Billing,
): Promise<Omit<InvoiceRunFigures, 'usageRecords'>> {
  const charges = async () => (await store.entries({ kind: 'charge' })).length;
  const before = await charges();
  const t0 = performance.now();
  const r = await billing.run(PERIOD);
  const seconds = (performance.now() - t0) / 1000;
  return {
    accounts: r.accounts,
    invoices: r.invoices,
    entriesPosted: (await charges()) - before,
    seconds: round(seconds, 2),
    recordsRatedPerSecond: 0,
  };
}

async function invoiceBench(t: Target): Promise<{ first: InvoiceRunFigures; replay: InvoiceRunFigures }> {
  const db = await t.open();
  const store = new SqlAccountingStore(db);
  await store.migrate();
  const prices = new SqlPriceStore(db);
  await prices.migrate();
  log(`${t.name}: creating ${ACCOUNTS} accounts and ${ACCOUNTS * RECORDS_PER_ACCOUNT} usage records`);
  const accounts: Account[] = Array.from({ length: ACCOUNTS }, (_, n) => ({
    id: `acc-${String(n).padStart(6, '0')}`,
    customer: `cust-${n % 2000}`,
    name: `account ${n}`,
    kind: n % 2 ? 'postpaid' : 'prepaid',
    currency: 'EUR',
    onZero: 'suspend',
    organization: `org-${n % 100}`,
    createdAt: PERIOD.start,
    state: 'active',
  }));
  await Promise.all(accounts.map((a) => store.createAccount(a)));
  const records = accounts.flatMap((a, n) =>
    Array.from({ length: RECORDS_PER_ACCOUNT }, (_, k) =>
      usage(n * RECORDS_PER_ACCOUNT + k, a.id, PERIOD.start + k * 24 * HOUR),
    ),
  );
  for (let i = 0; i < records.length; i += 5000) await store.ingest(records.slice(i, i + 5000));
  const withRate = (f: Omit<InvoiceRunFigures, 'usageRecords'>): InvoiceRunFigures => ({
    ...f,
    usageRecords: records.length,
    recordsRatedPerSecond: Math.round(records.length / f.seconds),
  });
  const billing = new Billing({ store, prices, logger: silentLogger() });
  const first = withRate(await invoiceRun(store, billing));
  const replay = withRate(await invoiceRun(store, billing));
  const revenue = await store.balance(ledgerAccounts.revenue('EUR'));
  const billed = (await store.invoices()).reduce((s, inv) => s + inv.total, 0n);
  if (
    first.invoices !== ACCOUNTS ||
    replay.invoices !== 0 ||
    replay.entriesPosted !== 0 ||
    -revenue !== billed
  ) {
    throw new Error(`invoice run is not idempotent or not exact: revenue ${revenue}, billed ${billed}`);
  }
  log(
    `${t.name} invoice run: ${first.seconds} s for ${first.accounts} accounts (replay ${replay.seconds} s)`,
  );
  await store.close();
  return { first, replay };
}

async function main(): Promise<void> {
  const ingest: IngestFigures[] = [];
  const invoices: Record<string, { first: InvoiceRunFigures; replay: InvoiceRunFigures }> = {};
  for (const name of DATABASES) {
    const t = target(name);
    for (const batchSize of BATCH_SIZES) {
      for (const concurrency of CONCURRENCY) ingest.push(await ingestRun(t, batchSize, concurrency));
    }
    invoices[name] = await invoiceBench(t);
  }
  const best = (db: string) =>
    ingest
      .filter((f) => f.database === db)
      .reduce((a, b) => (b.recordsPerSecond > a.recordsPerSecond ? b : a));
  const checks: Check[] = [];
  for (const db of DATABASES) {
    const b = best(db);
    const inv = invoices[db]?.first;
    checks.push({
      name: `${db}: usage ingested with dedup (batch ${b.batchSize} × ${b.concurrency})`,
      value: b.recordsPerSecond,
      unit: 'records/s',
      target: db === 'postgres' ? '>= 50000' : 'reported',
      pass: db !== 'postgres' || b.recordsPerSecond >= 50_000,
    });
    if (inv) {
      checks.push({
        name: `${db}: invoices for ${inv.accounts} accounts`,
        value: inv.seconds,
        unit: 's',
        target: db === 'postgres' ? '< 10' : 'reported',
        pass: db !== 'postgres' || inv.seconds < 10,
      });
      checks.push({
        name: `${db}: usage records rated in the invoice run`,
        value: inv.recordsRatedPerSecond,
        unit: 'records/s',
        target: 'reported',
        pass: true,
      });
    }
  }
  writeResult(
    'accounting',
    {
      duplicateShare: DUPLICATE_SHARE,
      ingestRecords: INGEST_RECORDS,
      invoiceRun:
        'Billing.run: the default price list, charges and invoices written a thousand accounts at a time',
      recordsPerAccount: RECORDS_PER_ACCOUNT,
      ingest,
      invoices,
    },
    checks,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
