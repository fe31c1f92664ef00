import { openDatabase } from '@reservoir/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqlSecurityStore } from '../adapters/store/sql-security-store.js';
import type { AuditDraft, AuditRecord } from '../domain/audit/index.js';
import { AuditLog } from './audit-log.js';
import type { AuditStore } from './ports.js';

const T0 = 1_700_000_000_000;

const draft = (n: number, o: Partial<AuditDraft> = {}): AuditDraft => ({
  principal: 'user:alice@acme',
  organization: 'acme',
  action: 'vm.start',
  resource: { type: 'vm', id: `vm-${n}`, organization: 'acme' },
  decision: 'Permit',
  ...o,
});

/** The store, counting the transactions appends take and failing them while `failing` is set. */
function counting(store: AuditStore) {
  const calls: number[] = [];
  const state = { failing: false };
  const wrapped: AuditStore = {
    appendAudit: async (records: readonly AuditRecord[]) => {
      calls.push(records.length);
      if (state.failing) throw new Error('database went away');
      return store.appendAudit(records);
    },
    auditEntries: (f) => store.auditEntries(f),
    auditRange: (a, b, c) => store.auditRange(a, b, c),
    auditHead: () => store.auditHead(),
  };
  return { wrapped, calls, state };
}

describe('AuditLog', () => {
  let store: SqlSecurityStore;

  beforeEach(async () => {
    store = new SqlSecurityStore(await openDatabase('sqlite::memory:'));
    await store.migrate();
  });

  afterEach(async () => {
    await store.close();
  });

  it('writes the appends of one turn in one transaction, in order, stamped with the clock', async () => {
    const { wrapped, calls } = counting(store);
    const log = new AuditLog({ store: wrapped, clock: () => T0 });
    const entries = await Promise.all([1, 2, 3, 4, 5].map((n) => log.append(draft(n))));
    expect(calls).toEqual([5]);
    expect(entries.map((e) => [e.seq, e.resource?.id, e.at])).toEqual([
      [1, 'vm-1', T0],
      [2, 'vm-2', T0],
      [3, 'vm-3', T0],
      [4, 'vm-4', T0],
      [5, 'vm-5', T0],
    ]);
    const next = await log.append(draft(6, { at: T0 + 5 }));
    expect([next.seq, next.at, next.prevHash]).toEqual([6, T0 + 5, entries[4]?.hash]);
    expect(calls).toEqual([5, 1]);
  });

  it('refuses a bad draft at once and keeps the others', async () => {
    const log = new AuditLog({ store, clock: () => T0 });
    const results = await Promise.allSettled([
      log.append(draft(1)),
      log.append(draft(2, { decision: 'Allow' as never })),
      log.append(draft(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await log.query()).map((e) => e.resource?.id)).toEqual(['vm-1', 'vm-3']);
    await expect(log.appendAll([draft(4), draft(5, { principal: '' })])).rejects.toThrow(
      'entries[1].principal',
    );
    expect((await log.head())?.seq).toBe(2);
  });

  it('fails the appends of a failed transaction and carries on with the next ones', async () => {
    const { wrapped, state } = counting(store);
    const log = new AuditLog({ store: wrapped, clock: () => T0 });
    state.failing = true;
    const lost = await Promise.allSettled([log.append(draft(1)), log.append(draft(2))]);
    expect(lost.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    state.failing = false;
    expect((await log.append(draft(3))).seq).toBe(1);
    await log.flush();
    expect(await log.verifyChain()).toMatchObject({ ok: true, checked: 1 });
  });

  it('splits a long queue into batches of maxBatch', async () => {
    const { wrapped, calls } = counting(store);
    const log = new AuditLog({ store: wrapped, clock: () => T0, maxBatch: 4 });
    const entries = await Promise.all(Array.from({ length: 10 }, (_, i) => log.append(draft(i))));
    expect(calls).toEqual([4, 4, 2]);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('verifies an empty log and refuses a bad range', async () => {
    const log = new AuditLog({ store });
    expect(await log.verifyChain()).toEqual({ ok: true, from: 1, to: 0, checked: 0 });
    await expect(log.verifyChain(0)).rejects.toThrow('from');
    await expect(log.verifyChain(5, 2)).rejects.toThrow('to');
  });
});
