import { isReservoirError, type ReservoirError } from '@reservoir/runtime';
import { testDatabases } from '@reservoir/runtime/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqlAccountingStore } from '../adapters/store/sql-accounting-store.js';
import { Ledger, ledgerAccounts } from './ledger.js';
import type { Account } from './ports.js';

const T0 = 1_700_000_000_000;

function account(id: string, kind: Account['kind']): Account {
  return {
    id,
    customer: 'cust-1',
    name: id,
    kind,
    currency: 'EUR',
    onZero: 'suspend',
    organization: 'acme',
    createdAt: T0,
    state: 'active',
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

describe.each(testDatabases())('Ledger: $name', ({ open }) => {
  let store: SqlAccountingStore;
  let ledger: Ledger;

  beforeEach(async () => {
    store = new SqlAccountingStore(await open());
    await store.migrate();
    await store.createAccount(account('pre', 'prepaid'));
    await store.createAccount(account('post', 'postpaid'));
    ledger = new Ledger(store, () => T0);
  });

  afterEach(async () => {
    await store.close();
  });

  it('keeps prepaid credit: top-ups add, charges spend, compensations give back', async () => {
    await ledger.topUp('pre', 10_000n, 'topup:pre:1');
    await ledger.charge('pre', 2_550n, 'charge:pre:2026-01');
    await ledger.credit('pre', 300n, 'compensation:pre:2026-01');
    expect(await ledger.accountBalance('pre')).toBe(7_750n);
    expect(await store.balance(ledgerAccounts.customer('pre'))).toBe(-7_750n);
    expect(await store.balance(ledgerAccounts.revenue('EUR'))).toBe(-2_550n);
    expect(await store.balance(ledgerAccounts.cash('EUR'))).toBe(10_000n);
    expect(await store.balance(ledgerAccounts.compensationExpense('EUR'))).toBe(300n);
  });

  it('goes below zero when a prepaid charge exceeds the credit: the caller applies onZero', async () => {
    await ledger.topUp('pre', 100n, 'topup:pre:1');
    await ledger.charge('pre', 150n, 'charge:pre:1');
    expect(await ledger.accountBalance('pre')).toBe(-50n);
  });

  it('tracks what a postpaid customer owes on its receivable', async () => {
    await ledger.charge('post', 4_000n, 'charge:post:2026-01');
    await ledger.credit('post', 500n, 'compensation:post:2026-01');
    expect(await ledger.accountBalance('post')).toBe(-3_500n);
    await ledger.topUp('post', 3_500n, 'payment:post:1');
    expect(await ledger.accountBalance('post')).toBe(0n);
    expect(await store.balance(ledgerAccounts.receivable('post'))).toBe(0n);
  });

  it('charges once however often a charge is retried', async () => {
    const first = await ledger.charge('pre', 700n, 'charge:pre:2026-01', { at: T0 });
    const retries = await Promise.all(
      [1, 2, 3].map((i) => ledger.charge('pre', 700n, 'charge:pre:2026-01', { at: T0 + i })),
    );
    expect(retries).toEqual([first, first, first]);
    expect(await ledger.accountBalance('pre')).toBe(-700n);
    expect((await rejection(ledger.charge('pre', 701n, 'charge:pre:2026-01'))).code).toBe('ALREADY_EXISTS');
  });

  it('keeps every entry balanced: all ledger accounts sum to zero', async () => {
    await ledger.topUp('pre', 2n ** 60n, 'topup:pre:big');
    await ledger.charge('pre', 2n ** 55n + 3n, 'charge:pre:big');
    await ledger.charge('post', 17n, 'charge:post:1');
    await ledger.credit('post', 2n, 'credit:post:1');
    const all = await store.balances('');
    expect([...all.values()].reduce((s, b) => s + b, 0n)).toBe(0n);
    expect(await ledger.accountBalance('pre')).toBe(2n ** 60n - 2n ** 55n - 3n);
  });

  it('refuses non-positive amounts and unknown accounts', async () => {
    expect((await rejection(ledger.topUp('pre', 0n, 'k'))).field).toBe('amount');
    expect((await rejection(ledger.charge('pre', -5n, 'k'))).field).toBe('amount');
    expect((await rejection(ledger.credit('nope', 5n, 'k'))).code).toBe('NOT_FOUND');
    expect((await rejection(ledger.accountBalance('nope'))).code).toBe('NOT_FOUND');
    expect(await store.entries()).toEqual([]);
  });
});
