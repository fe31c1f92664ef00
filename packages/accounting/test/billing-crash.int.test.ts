import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, type SqlDatabase } from '@reservoir/runtime';
import { testDatabases } from '@reservoir/runtime/testing';
import { SqlAccountingStore } from '../src/adapters/store/sql-accounting-store.js';
import { SqlPriceStore } from '../src/adapters/store/sql-price-store.js';
import { Billing } from '../src/app/billing.js';
import type { AccountingStore, UsageRecord } from '../src/app/ports.js';

const ACCOUNTS = 2500; // three batches of the invoice run
const PERIOD = { start: Date.UTC(2026, 9, 1), end: Date.UTC(2026, 10, 1) };

// The invoice run stopped in the middle (the database connection lost while a batch of charges
// and invoices was being written) and run again: no charge lost, none doubled.
describe.each(testDatabases())('an invoice run that crashes midway, on $name', ({ open }) => {
  let db: SqlDatabase | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it('charges every account exactly once when the run is repeated', async () => {
    db = await open();
    const store = new SqlAccountingStore(db);
    await store.migrate();
    const prices = new SqlPriceStore(db);
    await prices.migrate();
    const usage: UsageRecord[] = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const id = `crash-${String(i).padStart(5, '0')}`;
      await store.createAccount({
        id,
        customer: id,
        name: id,
        kind: 'postpaid',
        currency: 'EUR',
        onZero: 'warn',
        organization: 'default',
        createdAt: PERIOD.start - 1,
        state: 'active',
      });
      usage.push({
        key: `u-${id}`,
        accountId: id,
        service: 'svc',
        component: 'web',
        vmId: `vm-${i}`,
        site: 'a',
        metric: 'vm.hours',
        quantity: `${1 + (i % 7)}.5`,
        start: PERIOD.start + i * 1000,
        end: PERIOD.start + i * 1000 + 5400_000,
        recordedAt: PERIOD.start + i * 1000 + 5400_000,
      });
    }
    await store.ingest(usage);

    // The second batch fails inside its transaction, after its ledger entries were written.
    let batches = 0;
    const crashing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop !== 'issue') return Reflect.get(target, prop, receiver) as unknown;
        const issue: AccountingStore['issue'] = async (entries, invoices) => {
          if (++batches < 2) return target.issue(entries, invoices);
          await db!.transaction(async () => {
            await target.postAll(entries);
            throw new Error('connection lost');
          });
        };
        return issue;
      },
    });
    const logger = silentLogger();
    await expect(new Billing({ store: crashing, prices, logger }).run(PERIOD)).rejects.toThrow(
      'connection lost',
    );
    const partial = await store.invoices({ from: PERIOD.start, to: PERIOD.end });
    expect(partial).toHaveLength(1000);
    expect(await store.entries({ kind: 'charge' })).toHaveLength(1000);

    const again = await new Billing({ store, prices, logger }).run(PERIOD);
    expect(again).toMatchObject({ invoices: ACCOUNTS - 1000, revised: 0 });
    const invoices = await store.invoices({ from: PERIOD.start, to: PERIOD.end });
    const charges = await store.entries({ kind: 'charge' });
    expect(invoices).toHaveLength(ACCOUNTS);
    expect(charges).toHaveLength(ACCOUNTS);
    expect(new Set(charges.map((c) => c.key)).size).toBe(ACCOUNTS);
    const invoiced = invoices.reduce((s, i) => s + i.total, 0n);
    expect(-(await store.balance('revenue:EUR'))).toBe(invoiced);
    // 0.01 EUR a VM-hour over k.5 hours is k.5 cents, rounded half to even once per invoice.
    const cents = (q: string) => {
      const k = Math.floor(Number(q));
      return BigInt(k % 2 === 0 ? k : k + 1);
    };
    expect(invoiced).toBe(usage.reduce((s, u) => s + cents(u.quantity), 0n));

    // A third run finds nothing to do.
    expect(await new Billing({ store, prices, logger }).run(PERIOD)).toMatchObject({ invoices: 0 });
  }, 120_000);
});
