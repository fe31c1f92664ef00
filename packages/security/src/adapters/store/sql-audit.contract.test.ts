// The audit log on both databases: the database refuses to change or remove an entry, the chain
// finds an entry edited or deleted behind the triggers' back, and replicas appending at the same
// time over one database still form a single chain.

import { openDatabase, type SqlDatabase } from '@reservoir/runtime';
import { TEST_PG_URL_ENV, testDatabases } from '@reservoir/runtime/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../app/audit-log.js';
import type { AuditDraft } from '../../domain/audit/index.js';
import { SqlSecurityStore } from './sql-security-store.js';

const T0 = 1_700_000_000_000;

function draft(n: number, o: Partial<AuditDraft> = {}): AuditDraft {
  return {
    at: T0 + n * 1000,
    principal: n % 2 ? 'user:alice@acme' : 'user:bob@globex',
    organization: n % 2 ? 'acme' : 'globex',
    action: n % 3 ? 'vm.start' : 'vm.delete',
    resource: { type: 'vm', id: `vm-${n}`, organization: n % 2 ? 'acme' : 'globex' },
    decision: n % 5 ? 'Permit' : 'Deny',
    policy: 'rbac',
    obligations: n % 4 ? [] : [{ id: 'notify', attributes: { to: 'ops' } }],
    outcome: n % 5 ? { status: 'ok', code: null } : null,
    requestId: `req-${n}`,
    detail: { n, tags: ['a', 'b'] },
    ...o,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * What another replica appends through: on PostgreSQL a store over a second pool on the same
 * schema. The embedded SQLite runs one replica per file (a second connection in the same process
 * would block the event loop while waiting for the file lock), so there the two appenders share
 * the store and only the batching is concurrent.
 */
async function otherReplica(db: SqlDatabase, store: SqlSecurityStore): Promise<SqlSecurityStore> {
  if (db.dialect !== 'postgres') return store;
  const [row] = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
  return new SqlSecurityStore(
    await openDatabase(process.env[TEST_PG_URL_ENV] as string, { schema: row?.schema as string }),
  );
}

/** What someone with the database's owner rights could do: remove the append-only triggers. */
async function dropTriggers(db: SqlDatabase): Promise<void> {
  if (db.dialect === 'postgres') {
    await db.exec('DROP TRIGGER security_audit_append_only ON security_audit');
  } else {
    await db.exec('DROP TRIGGER security_audit_no_update');
    await db.exec('DROP TRIGGER security_audit_no_delete');
  }
}

describe.each(testDatabases())('audit log contract: $name', ({ open }) => {
  let db: SqlDatabase;
  let store: SqlSecurityStore;
  let log: AuditLog;

  beforeEach(async () => {
    db = await open();
    store = new SqlSecurityStore(db);
    await store.migrate();
    log = new AuditLog({ store, clock: () => T0, verifyPageSize: 7 });
  });

  afterEach(async () => {
    await store.close();
  });

  it('stores entries as appended and chains them', async () => {
    const entries = await log.appendAll(range(1, 21).map((n) => draft(n)));
    expect(entries.map((e) => e.seq)).toEqual(range(1, 21));
    expect(await log.query({ limit: 1000 })).toEqual(entries);
    expect(await log.head()).toEqual({ seq: 20, hash: entries[19]?.hash });
    expect(await log.verifyChain()).toEqual({
      ok: true,
      from: 1,
      to: 20,
      checked: 20,
      head: { seq: 20, hash: entries[19]?.hash },
    });
    expect(await log.verifyChain(5, 9)).toMatchObject({ ok: true, from: 5, to: 9, checked: 5 });
  });

  it('answers queries by organization, principal, action, decision and time, with a limit', async () => {
    await log.appendAll(range(1, 31).map((n) => draft(n)));
    await log.append(
      draft(31, { organization: 'globex', resource: { type: 'vm', id: 'shared', organization: 'acme' } }),
    );
    const seqs = async (f: Parameters<AuditLog['query']>[0]) => (await log.query(f)).map((e) => e.seq);
    const acme = await seqs({ organization: 'acme', limit: 1000 });
    expect(acme).toEqual([...range(1, 31).filter((n) => n % 2 === 1), 31]);
    expect(await seqs({ principal: 'user:bob@globex', action: 'vm.delete' })).toEqual([6, 12, 18, 24, 30]);
    expect(await seqs({ decision: 'Deny', organization: 'globex' })).toEqual([10, 20, 30]);
    expect(await seqs({ from: T0 + 10_000, to: T0 + 13_000 })).toEqual([10, 11, 12]);
    expect(await seqs({ limit: 3, order: 'desc' })).toEqual([31, 30, 29]);
    expect(await seqs({ limit: 2, order: 'desc', afterSeq: 29 })).toEqual([28, 27]);
    expect(await seqs({ limit: 2, afterSeq: 29 })).toEqual([30, 31]);
    await expect(log.query({ limit: 0 })).rejects.toThrow('limit');
  });

  it('refuses to update, delete or truncate an entry', async () => {
    await log.appendAll([draft(1), draft(2)]);
    await expect(db.exec("UPDATE security_audit SET decision = 'Permit' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(db.exec('DELETE FROM security_audit WHERE seq = 2')).rejects.toThrow(/append-only/);
    if (db.dialect === 'postgres')
      await expect(db.exec('TRUNCATE security_audit')).rejects.toThrow(/append-only/);
    expect((await log.verifyChain()).ok).toBe(true);
  });

  it('finds an entry edited behind the triggers, even with its hash recomputed badly', async () => {
    await log.appendAll(range(1, 21).map((n) => draft(n)));
    await dropTriggers(db);
    await db.exec("UPDATE security_audit SET decision = 'Permit', outcome_status = 'ok' WHERE seq = 10");
    expect(await log.verifyChain()).toMatchObject({ ok: false, firstBroken: 10, reason: 'hash', checked: 9 });
    expect(await log.verifyChain(11)).toMatchObject({ ok: true, checked: 10 });
    expect(await log.verifyChain(1, 9)).toMatchObject({ ok: true });
  });

  it('finds a deleted entry, first or in the middle', async () => {
    await log.appendAll(range(1, 21).map((n) => draft(n)));
    await dropTriggers(db);
    await db.exec('DELETE FROM security_audit WHERE seq = 13');
    expect(await log.verifyChain()).toMatchObject({ ok: false, firstBroken: 13, reason: 'missing' });
    expect(await log.verifyChain(14)).toMatchObject({ ok: false, firstBroken: 13, reason: 'missing' });
    await db.exec('DELETE FROM security_audit WHERE seq = 1');
    expect(await log.verifyChain()).toMatchObject({
      ok: false,
      firstBroken: 1,
      reason: 'missing',
      checked: 0,
    });
  });

  it('batches appends issued together and keeps one chain across many batches', async () => {
    const batched = new AuditLog({ store, clock: () => T0, maxBatch: 50 });
    const entries = await Promise.all(range(1, 301).map((n) => batched.append(draft(n))));
    expect(entries.map((e) => e.seq)).toEqual(range(1, 301));
    const big = await log.appendAll(range(301, 801).map((n) => draft(n)));
    expect(big.at(-1)?.seq).toBe(800);
    expect(await log.verifyChain()).toMatchObject({ ok: true, checked: 800 });
  });

  it('keeps one valid chain when two replicas append at the same time', async () => {
    const other = await otherReplica(db, store);
    try {
      const logs = [log, new AuditLog({ store: other, clock: () => T0 })];
      const rounds = range(0, 8).map((round) =>
        logs.flatMap((l, i) => [
          ...range(0, 10).map((k) => l.append(draft(round * 100 + i * 50 + k))),
          l.appendAll(range(20, 25).map((k) => draft(round * 100 + i * 50 + k))),
        ]),
      );
      const results = (await Promise.all(rounds.flat())).flat();
      expect(results).toHaveLength(8 * 2 * 15);
      expect(new Set(results.map((e) => e.seq)).size).toBe(240);
      const stored = await store.auditRange(1, 10_000, 10_000);
      expect(stored.map((e) => e.seq)).toEqual(range(1, 241));
      expect(await log.verifyChain()).toMatchObject({ ok: true, checked: 240 });
    } finally {
      if (other !== store) await other.close();
    }
  });
});
