// The accounting store on both databases: usage counted once, a ledger that only grows and always
// balances, and money that stays exact beyond 2^53.

import { isReservoirError, type ReservoirError, type SqlDatabase } from '@reservoir/runtime';
import { testDatabases } from '@reservoir/runtime/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, InvoiceRecord, NewJournalEntry, UsageRecord } from '../../app/ports.js';
import { SqlAccountingStore } from './sql-accounting-store.js';

const HOUR = 3_600_000;
const T0 = 1_700_000_000_000;

function rec(n: number, o: Partial<UsageRecord> = {}): UsageRecord {
  const r: UsageRecord = {
    key: `u-${String(n).padStart(6, '0')}`,
    accountId: `acc-${n % 3}`,
    service: 'shop',
    component: n % 2 ? 'web' : 'db',
    vmId: `vm-${n % 5}`,
    site: 'site-a',
    metric: 'vm.hours',
    quantity: '0.25',
    start: T0 + n * 1000,
    end: T0 + n * 1000 + 900,
    recordedAt: T0 + n * 1000 + 1000,
    ...o,
  };
  return { ...r, billedAt: o.billedAt ?? r.start };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function account(id: string, o: Partial<Account> = {}): Account {
  return {
    id,
    customer: 'cust-1',
    name: `Account ${id}`,
    kind: 'prepaid',
    currency: 'EUR',
    onZero: 'suspend',
    organization: 'acme',
    createdAt: T0,
    state: 'active',
    ...o,
  };
}

function entry(key: string, amount: bigint, o: Partial<NewJournalEntry> = {}): NewJournalEntry {
  return {
    key,
    at: T0,
    kind: 'charge',
    description: `charge ${key}`,
    postings: [
      { ledgerAccount: 'customer:a1', amount },
      { ledgerAccount: 'revenue:EUR', amount: -amount },
    ],
    ...o,
  };
}

function invoice(key: string, o: Partial<InvoiceRecord> = {}): InvoiceRecord {
  return {
    id: `inv-${key}`,
    key,
    accountId: 'a1',
    period: { start: T0, end: T0 + 720 * HOUR },
    currency: 'EUR',
    lines: [{ service: 'shop', component: 'web', metric: 'vm.hours', quantity: '1.5', amount: '150' }],
    subtotal: 150n,
    credits: 0n,
    total: 150n,
    issuedAt: T0 + 721 * HOUR,
    revision: 1,
    records: 1,
    creditLines: [],
    ...o,
  };
}

async function rejection(promise: Promise<unknown>): Promise<ReservoirError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isReservoirError(e)) throw new Error(`expected a ReservoirError, got ${String(e)}`);
  return e;
}

/** The same database, except that while `crash.armed` a transaction dies after its body ran, before COMMIT. */
function crashingBeforeCommit(db: SqlDatabase, crash: { armed: boolean }): SqlDatabase {
  return {
    dialect: db.dialect,
    exec: (sql, params) => db.exec(sql, params),
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) =>
      db.transaction(async (tx) => {
        const result = await fn(tx);
        if (crash.armed) throw new Error('process killed before commit');
        return result;
      }),
    migrate: (component, migrations) => db.migrate(component, migrations),
    tryLock: (name) => db.tryLock(name),
    close: () => db.close(),
  };
}

describe.each(testDatabases())('SqlAccountingStore contract: $name', ({ open }) => {
  let db: SqlDatabase;
  let store: SqlAccountingStore;

  beforeEach(async () => {
    db = await open();
    store = new SqlAccountingStore(db);
    await store.migrate();
  });

  afterEach(async () => {
    await store.close();
  });

  it('migrates again without losing data', async () => {
    await store.ingest([rec(1)]);
    await store.migrate();
    await new SqlAccountingStore(db).migrate();
    expect(await store.usage()).toEqual([rec(1)]);
  });

  describe('usage', () => {
    it('round-trips records, ordered by start, and filters them', async () => {
      const records = range(0, 12).map((n) => rec(n));
      expect(await store.ingest([...records].reverse())).toEqual({ accepted: 12, duplicates: 0 });
      expect(await store.usage()).toEqual(records);
      expect(await store.usage({ accountId: 'acc-1' })).toEqual(
        records.filter((r) => r.accountId === 'acc-1'),
      );
      expect(await store.usage({ from: T0 + 3000, to: T0 + 6000 })).toEqual(records.slice(3, 6));
      expect(await store.usage({ service: 'other' })).toEqual([]);
      expect(await store.usage({ limit: 2 })).toEqual(records.slice(0, 2));
    });

    it('counts a replayed batch once', async () => {
      const batch = range(0, 100).map((n) => rec(n));
      expect(await store.ingest(batch)).toEqual({ accepted: 100, duplicates: 0 });
      expect(await store.ingest(batch)).toEqual({ accepted: 0, duplicates: 100 });
      expect(await store.ingest([...batch.slice(50), rec(100)])).toEqual({ accepted: 1, duplicates: 50 });
      expect(await store.usage()).toHaveLength(101);
    });

    it('counts duplicates inside one batch once, the first delivery winning', async () => {
      const batch = [rec(1), rec(2), rec(1, { quantity: '9' }), rec(1), rec(3), rec(2)];
      expect(await store.ingest(batch)).toEqual({ accepted: 3, duplicates: 3 });
      expect((await store.usage()).map((r) => [r.key, r.quantity])).toEqual([
        ['u-000001', '0.25'],
        ['u-000002', '0.25'],
        ['u-000003', '0.25'],
      ]);
    });

    it('counts each record once when overlapping batches arrive concurrently', async () => {
      // Eight consumers deliver overlapping windows of the same stream, in different orders.
      const batches = range(0, 8).map((i) => {
        const b = range(i * 300, i * 300 + 900).map((n) => rec(n));
        return i % 2 ? b.reverse() : b;
      });
      const results = await Promise.all(batches.map((b) => store.ingest(b)));
      const distinct = new Set(batches.flat().map((r) => r.key)).size;
      expect(results.reduce((s, r) => s + r.accepted, 0)).toBe(distinct);
      expect(results.reduce((s, r) => s + r.accepted + r.duplicates, 0)).toBe(batches.flat().length);
      expect(await store.usage()).toHaveLength(distinct);
    });

    it('loses and doubles nothing when the consumer dies between batches and replays', async () => {
      const crash = { armed: false };
      const crashing = new SqlAccountingStore(crashingBeforeCommit(db, crash));
      const stream = range(0, 1000).map((n) => rec(n, { quantity: '0.001' }));
      const batches = range(0, 10).map((i) => stream.slice(i * 100, i * 100 + 100));
      // First life: batches 0–3 commit; batch 4 is written but the process dies before COMMIT.
      for (const b of batches.slice(0, 4)) await crashing.ingest(b);
      crash.armed = true;
      await expect(crashing.ingest(batches[4] as UsageRecord[])).rejects.toThrow('killed');
      crash.armed = false;
      // Second life: it had acknowledged only up to batch 2, so it replays from batch 3.
      let accepted = 0;
      for (const b of batches.slice(3)) accepted += (await crashing.ingest(b)).accepted;
      expect(accepted).toBe(600);
      expect(await store.usage()).toHaveLength(1000);
      const total = await store.aggregateUsage({ start: T0, end: T0 + 10_000_000 });
      expect(total.reduce((s, a) => s + a.records, 0)).toBe(1000);
      expect(new Set(total.map((a) => a.quantity))).toEqual(new Set(['0.166', '0.167']));
    });

    it('refuses a batch with an invalid record and stores none of it', async () => {
      for (const bad of [
        { quantity: '-1' },
        { quantity: '1e3' },
        { quantity: '0.1234567890123' },
        { quantity: '' },
        { key: '' },
        { end: T0 - 1, start: T0 },
        { start: 1.5 },
      ]) {
        const e = await rejection(store.ingest([rec(1), rec(2, bad)]));
        expect(e.code).toBe('INVALID_ARGUMENT');
        expect(e.field).toMatch(/^records\[1\]\./);
      }
      expect(await store.usage()).toEqual([]);
      expect(await store.ingest([])).toEqual({ accepted: 0, duplicates: 0 });
    });

    it('lists and sums a record in the period it is rated into (billedAt), not the one it ran in', async () => {
      const late = rec(1, { accountId: 'late', quantity: '3', billedAt: T0 + 9_000_000 });
      await store.ingest([late, rec(2, { accountId: 'late', quantity: '1' })]);
      const own = { start: T0, end: T0 + 6_000_000 };
      const next = { start: T0 + 6_000_000, end: T0 + 12_000_000 };
      expect(
        (await store.usage({ accountId: 'late', from: own.start, to: own.end })).map((r) => r.key),
      ).toEqual(['u-000002']);
      expect(await store.usage({ accountId: 'late', from: next.start, to: next.end })).toEqual([late]);
      expect((await store.aggregateUsage(next, { accountId: 'late' })).map((a) => a.quantity)).toEqual(['3']);
    });

    it('aggregates exactly per account, service, component and metric over a period', async () => {
      const records = [
        // 3,000 tiny quantities whose float sum drifts; the exact sum is 0.000000003 + 2999 × 0.1.
        ...range(0, 3000).map((n) =>
          rec(n, { accountId: 'a1', component: 'web', quantity: n === 0 ? '0.000000000003' : '0.1' }),
        ),
        rec(5000, { accountId: 'a1', component: 'web', metric: 'vcpu.hours', quantity: '2' }),
        rec(5001, { accountId: 'a2', component: 'db', quantity: '7.5' }),
        // Outside the period: starts exactly at its end.
        rec(5002, {
          accountId: 'a2',
          component: 'db',
          quantity: '100',
          start: T0 + 6_000_000,
          end: T0 + 6_000_900,
        }),
      ];
      await store.ingest(records);
      const period = { start: T0, end: T0 + 6_000_000 };
      expect(await store.aggregateUsage(period)).toEqual([
        {
          accountId: 'a1',
          service: 'shop',
          component: 'web',
          metric: 'vcpu.hours',
          quantity: '2',
          records: 1,
        },
        {
          accountId: 'a1',
          service: 'shop',
          component: 'web',
          metric: 'vm.hours',
          quantity: '299.900000000003',
          records: 3000,
        },
        {
          accountId: 'a2',
          service: 'shop',
          component: 'db',
          metric: 'vm.hours',
          quantity: '7.5',
          records: 1,
        },
      ]);
      expect(await store.aggregateUsage(period, { accountId: 'a2' })).toHaveLength(1);
      expect(await store.aggregateUsage({ start: T0 + 6_000_000, end: T0 + 7_000_000 })).toEqual([
        expect.objectContaining({ accountId: 'a2', quantity: '100' }),
      ]);
    });

    it('sums quantities beyond 2^53 exactly', async () => {
      const big = '999999999999999999.999999999999';
      await store.ingest(range(0, 3).map((n) => rec(n, { accountId: 'a1', component: 'x', quantity: big })));
      const [agg] = await store.aggregateUsage({ start: T0, end: T0 + HOUR });
      expect(agg?.quantity).toBe('2999999999999999999.999999999997');
    });
  });

  describe('accounts', () => {
    it('creates, reads, lists, updates and deletes', async () => {
      await store.createAccount(account('a1'));
      await store.createAccount(account('a2', { customer: 'cust-2', kind: 'postpaid', onZero: 'warn' }));
      expect(await store.getAccount('a1')).toEqual(account('a1'));
      expect(await store.getAccount('nope')).toBeUndefined();
      expect((await store.listAccounts({ customer: 'cust-2' })).map((a) => a.id)).toEqual(['a2']);
      expect((await store.listAccounts({ organization: 'acme' })).map((a) => a.id)).toEqual(['a1', 'a2']);
      await store.updateAccount({ ...account('a1'), state: 'suspended', createdAt: 1 });
      expect(await store.getAccount('a1')).toEqual(account('a1', { state: 'suspended' }));
      expect(await store.deleteAccount('a1')).toBe(true);
      expect(await store.deleteAccount('a1')).toBe(false);
      expect(await store.listAccounts()).toEqual([
        account('a2', { customer: 'cust-2', kind: 'postpaid', onZero: 'warn' }),
      ]);
    });

    it('refuses a taken id, an unknown account and invalid fields', async () => {
      await store.createAccount(account('a1'));
      expect((await rejection(store.createAccount(account('a1', { name: 'other' })))).code).toBe(
        'ALREADY_EXISTS',
      );
      expect((await rejection(store.updateAccount(account('zz')))).code).toBe('NOT_FOUND');
      const bad = { ...account('a3'), kind: 'credit' } as unknown as Account;
      expect((await rejection(store.createAccount(bad))).field).toBe('kind');
    });

    it('creates many accounts concurrently, one failure failing only its caller', async () => {
      await store.createAccount(account('a0005'));
      const ids = range(0, 500).map((n) => `a${String(n).padStart(4, '0')}`);
      const results = await Promise.allSettled(ids.map((id) => store.createAccount(account(id))));
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
      expect(await store.listAccounts()).toHaveLength(500);
    });
  });

  describe('ledger', () => {
    it('posts a balanced entry and derives balances from its postings', async () => {
      const posted = await store.post(entry('charge:a1:p1', 250n));
      expect(posted.id).toMatch(/^je-/);
      expect(await store.entry('charge:a1:p1')).toEqual(posted);
      await store.post(entry('charge:a1:p2', 100n));
      expect(await store.balance('customer:a1')).toBe(350n);
      expect(await store.balance('revenue:EUR')).toBe(-350n);
      expect(await store.balance('customer:unknown')).toBe(0n);
      expect(await store.balances('')).toEqual(
        new Map([
          ['customer:a1', 350n],
          ['revenue:EUR', -350n],
        ]),
      );
    });

    it('refuses unbalanced or malformed entries and stores nothing of them', async () => {
      const unbalanced = entry('k', 10n, {
        postings: [
          { ledgerAccount: 'customer:a1', amount: 10n },
          { ledgerAccount: 'revenue:EUR', amount: -9n },
        ],
      });
      const e = await rejection(store.post(unbalanced));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain('unbalanced');
      const one = entry('k', 0n, { postings: [{ ledgerAccount: 'x', amount: 0n }] });
      expect((await rejection(store.post(one))).field).toBe('postings');
      const notBig = entry('k', 1n, {
        postings: [
          { ledgerAccount: 'a', amount: 1 as unknown as bigint },
          { ledgerAccount: 'b', amount: -1n },
        ],
      });
      expect((await rejection(store.post(notBig))).field).toBe('postings[0].amount');
      expect((await rejection(store.post(entry('k', 2n ** 63n)))).field).toBe('postings[0].amount');
      expect((await rejection(store.post({ ...entry('k', 1n), kind: 'gift' as 'charge' }))).field).toBe(
        'kind',
      );
      // A batch with one bad entry stores none.
      await expect(store.postAll([entry('good', 1n), unbalanced])).rejects.toThrow('unbalanced');
      expect(await store.entries()).toEqual([]);
    });

    it('answers a second post of the same key with the first entry', async () => {
      const first = await store.post(entry('charge:a1:p1', 250n));
      const again = await store.post({ ...entry('charge:a1:p1', 250n), id: 'other-id', at: T0 + 99 });
      expect(again).toEqual(first);
      // Postings listed in another order are the same body.
      const [p0, p1] = entry('charge:a1:p1', 250n).postings;
      expect(await store.post({ ...entry('charge:a1:p1', 250n), postings: [p1!, p0!] })).toEqual(first);
      expect(await store.balance('customer:a1')).toBe(250n);
      expect(await store.entries()).toHaveLength(1);
    });

    it('refuses a different body under a used key', async () => {
      await store.post(entry('charge:a1:p1', 250n));
      for (const other of [
        entry('charge:a1:p1', 251n),
        entry('charge:a1:p1', 250n, { kind: 'adjustment' }),
        entry('charge:a1:p1', 250n, { description: 'else' }),
      ]) {
        const e = await rejection(store.post(other));
        expect(e.code).toBe('ALREADY_EXISTS');
        expect(e.message).toContain('charge:a1:p1');
      }
      await expect(store.postAll([entry('x', 1n), entry('x', 2n)])).rejects.toThrow('"x"');
      expect(await store.balance('customer:a1')).toBe(250n);
    });

    it('keeps one entry when the same key is posted concurrently', async () => {
      const posts = await Promise.all(range(0, 8).map(() => store.post(entry('charge:a1:p1', 5n))));
      expect(new Set(posts.map((p) => p.id)).size).toBe(1);
      expect(await store.balance('customer:a1')).toBe(5n);
    });

    it('posts many entries at once, known keys answered with their stored entry', async () => {
      const known = await store.post(entry('k-0001', 1n));
      const batch = range(0, 1200).map((n) => entry(`k-${String(n).padStart(4, '0')}`, BigInt(n)));
      const posted = await store.postAll([...batch, batch[7]!]);
      expect(posted).toHaveLength(1201);
      expect(posted[1]).toEqual(known);
      expect(posted[1200]).toEqual(posted[7]);
      expect(posted.map((p) => p.key)).toEqual([...batch, batch[7]!].map((e) => e.key));
      expect(await store.balance('customer:a1')).toBe(BigInt((1199 * 1200) / 2));
      // A whole batch replayed (a restarted run) changes nothing.
      expect(await store.postAll(batch)).toEqual(posted.slice(0, 1200));
      expect(await store.balance('customer:a1')).toBe(BigInt((1199 * 1200) / 2));
    });

    it('round-trips amounts beyond 2^53 exactly and sums them exactly', async () => {
      const huge = 2n ** 62n + 1n;
      const posted = await store.post(entry('big-1', huge));
      expect((await store.entry('big-1'))?.postings).toEqual(posted.postings);
      await store.post(entry('big-2', 2n ** 53n + 1n));
      expect(await store.balance('customer:a1')).toBe(huge + 2n ** 53n + 1n);
      expect((await store.balances('revenue:')).get('revenue:EUR')).toBe(-(huge + 2n ** 53n + 1n));
    });

    it('sums by prefix literally and case-sensitively', async () => {
      const post = (key: string, account: string) =>
        store.post({
          key,
          at: T0,
          kind: 'adjustment',
          description: key,
          postings: [
            { ledgerAccount: account, amount: 1n },
            { ledgerAccount: 'suspense', amount: -1n },
          ],
        });
      await post('1', 'customer:a%');
      await post('2', 'customer:ab');
      await post('3', 'Customer:ac');
      await post('4', 'customer:a_x');
      expect([...(await store.balances('customer:a%')).keys()]).toEqual(['customer:a%']);
      expect([...(await store.balances('customer:a_')).keys()]).toEqual(['customer:a_x']);
      expect([...(await store.balances('customer:')).keys()]).toEqual([
        'customer:a%',
        'customer:a_x',
        'customer:ab',
      ]);
    });

    it('lists entries by ledger account, kind and time', async () => {
      await store.post(entry('c1', 1n, { at: T0 + 2 }));
      await store.post(entry('c2', 2n, { at: T0 + 1 }));
      await store.post({
        key: 't1',
        at: T0 + 3,
        kind: 'topup',
        description: 'top-up',
        postings: [
          { ledgerAccount: 'cash:EUR', amount: 10n },
          { ledgerAccount: 'customer:a2', amount: -10n },
        ],
      });
      expect((await store.entries()).map((e) => e.key)).toEqual(['c2', 'c1', 't1']);
      expect((await store.entries({ ledgerAccount: 'customer:a2' })).map((e) => e.key)).toEqual(['t1']);
      const [t1] = await store.entries({ kind: 'topup' });
      expect(t1?.postings).toEqual([
        { ledgerAccount: 'cash:EUR', amount: 10n },
        { ledgerAccount: 'customer:a2', amount: -10n },
      ]);
      expect((await store.entries({ from: T0 + 2, to: T0 + 3 })).map((e) => e.key)).toEqual(['c1']);
    });

    it('is append-only in the database itself', async () => {
      await store.post(entry('c1', 1n));
      await expect(db.exec('UPDATE postings SET amount = 1000')).rejects.toThrow(/append-only/);
      await expect(db.exec('DELETE FROM postings')).rejects.toThrow(/append-only/);
      await expect(db.exec(`UPDATE journal_entries SET description = 'x'`)).rejects.toThrow(/append-only/);
      await expect(db.exec('DELETE FROM journal_entries')).rejects.toThrow(/append-only/);
      expect(await store.balance('customer:a1')).toBe(1n);
    });
  });

  describe('invoices', () => {
    it('round-trips an invoice with exact amounts, by id, key and account', async () => {
      const inv = invoice('invoice:a1:p1', { subtotal: 2n ** 60n, credits: 7n, total: 2n ** 60n - 7n });
      expect(await store.saveInvoice(inv)).toEqual(inv);
      expect(await store.getInvoice(inv.id)).toEqual(inv);
      expect(await store.invoiceByKey(inv.key)).toEqual(inv);
      await store.saveInvoice(invoice('invoice:a2:p1', { accountId: 'a2' }));
      expect((await store.invoices({ accountId: 'a1' })).map((i) => i.key)).toEqual(['invoice:a1:p1']);
      expect(await store.invoices({ from: T0 + 1 })).toEqual([]);
      expect(await store.invoices()).toHaveLength(2);
    });

    it('is idempotent by key and refuses a different bill under it', async () => {
      const first = await store.saveInvoice(invoice('invoice:a1:p1'));
      expect(
        await store.saveInvoice(invoice('invoice:a1:p1', { id: 'inv-retry', issuedAt: T0 + 1 })),
      ).toEqual(first);
      expect((await rejection(store.saveInvoice(invoice('invoice:a1:p1', { total: 151n })))).code).toBe(
        'ALREADY_EXISTS',
      );
      const many = range(0, 700).map((n) => invoice(`invoice:${n}`, { id: `inv-${n}` }));
      expect(await store.saveInvoices(many)).toEqual(many);
      expect(await store.saveInvoices(many)).toEqual(many);
      expect(await store.invoices()).toHaveLength(701);
    });
  });
});
