// One behaviour, two adapters: every service may rely on exactly what this suite checks.
// All SQL here runs unchanged on SQLite and PostgreSQL.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isReservoirError, type ReservoirError } from '../errors.js';
import { testDatabases } from '../testing/databases.js';
import type { Migration, SqlDatabase, SqlExecutor } from './sql-database.js';

const SCHEMA: Migration[] = [
  {
    version: 1,
    name: 'items and counters',
    sql: {
      sqlite: `
        CREATE TABLE items (id TEXT PRIMARY KEY, label TEXT, n BIGINT, at BIGINT, ratio DOUBLE PRECISION,
          payload BLOB, flag INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE counters (id TEXT PRIMARY KEY, n BIGINT NOT NULL);`,
      postgres: `
        CREATE TABLE items (id TEXT PRIMARY KEY, label TEXT, n BIGINT, at BIGINT, ratio DOUBLE PRECISION,
          payload BYTEA, flag INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE counters (id TEXT PRIMARY KEY, n BIGINT NOT NULL);`,
    },
  },
  {
    version: 2,
    name: 'wide and children',
    sql: `
      CREATE TABLE wide (a1 TEXT, a2 TEXT, a3 TEXT, a4 TEXT, a5 TEXT, a6 TEXT, a7 TEXT, a8 TEXT, a9 TEXT,
        a10 TEXT, a11 TEXT, a12 TEXT);
      CREATE TABLE children (id TEXT PRIMARY KEY, item_id TEXT NOT NULL REFERENCES items (id));`,
  },
];

const INSERT_ITEM = 'INSERT INTO items (id, label) VALUES ($1, $2)';

async function ids(db: SqlExecutor): Promise<string[]> {
  const rows = await db.query<{ id: string }>('SELECT id FROM items ORDER BY id');
  return rows.map((r) => r.id);
}

async function rejection(promise: Promise<unknown>): Promise<ReservoirError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isReservoirError(e)) throw new Error(`expected a ReservoirError, got ${String(e)}`);
  return e;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each(testDatabases())('SqlDatabase contract: $name', ({ name, open }) => {
  let db: SqlDatabase;

  beforeEach(async () => {
    db = await open();
    await db.migrate('contract', SCHEMA);
  });

  afterEach(async () => {
    await db.close();
  });

  it('reports its dialect', () => {
    expect(db.dialect).toBe(name);
  });

  describe('exec and query', () => {
    it('round-trips text, integers, epoch milliseconds, doubles, null and blobs', async () => {
      const payload = Buffer.from([0, 1, 2, 254, 255]);
      const at = Date.UTC(2100, 0, 1, 12, 30, 45, 678);
      const changed = await db.exec(
        'INSERT INTO items (id, label, n, at, ratio, payload, flag) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        ['a', 'héllo ✓ \'quoted\' "double"', -42, at, 0.25, payload, 1],
      );
      expect(changed).toBe(1);
      await db.exec('INSERT INTO items (id, label, n, at, ratio, payload) VALUES ($1, $2, $3, $4, $5, $6)', [
        'b',
        null,
        Number.MAX_SAFE_INTEGER,
        10n,
        null,
        null,
      ]);

      const rows = await db.query('SELECT id, label, n, at, ratio, payload, flag FROM items ORDER BY id');
      expect(rows).toEqual([
        { id: 'a', label: 'héllo ✓ \'quoted\' "double"', n: -42, at, ratio: 0.25, payload, flag: 1 },
        { id: 'b', label: null, n: Number.MAX_SAFE_INTEGER, at: 10, ratio: null, payload: null, flag: 0 },
      ]);
      expect(Buffer.isBuffer(rows[0]?.payload)).toBe(true);
    });

    it('returns aggregates and BIGINT columns as numbers, under the column names written', async () => {
      await db.exec(INSERT_ITEM, ['a', 'x']);
      await db.exec(INSERT_ITEM, ['b', 'x']);
      const rows = await db.query<{ how_many: number; biggest: string }>(
        'SELECT COUNT(*) AS how_many, MAX(id) AS biggest FROM items WHERE label = $1',
        ['x'],
      );
      expect(rows).toEqual([{ how_many: 2, biggest: 'b' }]);
      expect(typeof rows[0]?.how_many).toBe('number');
    });

    it('exec counts changed rows and query of a statement without rows returns none', async () => {
      await db.exec(INSERT_ITEM, ['a', 'x']);
      await db.exec(INSERT_ITEM, ['b', 'x']);
      expect(await db.exec('UPDATE items SET flag = $1 WHERE label = $2', [1, 'x'])).toBe(2);
      expect(await db.exec('DELETE FROM items WHERE id = $1', ['none'])).toBe(0);
      expect(await db.query('UPDATE items SET flag = $1', [0])).toEqual([]);
    });

    it('binds $1..$12 to the right slots, reuses a number, and leaves $n inside quotes alone', async () => {
      const values = Array.from({ length: 12 }, (_, i) => `v${i + 1}`);
      await db.exec(
        `INSERT INTO wide (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12)
         VALUES ($12, $11, $10, $9, $8, $7, $6, $5, $4, $3, $2, $1)`,
        values,
      );
      const rows = await db.query(
        'SELECT a1, a2, a3, a10, a11, a12 FROM wide WHERE a12 = $1 AND a3 = $10 AND a1 = $12 AND a2 = $11 ' +
          'AND $2 = $2 AND $3 = $3 AND $4 = $4 AND $5 = $5 AND $6 = $6 AND $7 = $7 AND $8 = $8 AND $9 = $9',
        values,
      );
      expect(rows).toEqual([{ a1: 'v12', a2: 'v11', a3: 'v10', a10: 'v3', a11: 'v2', a12: 'v1' }]);

      await db.exec(INSERT_ITEM, ['$1', 'literal']);
      await db.exec(INSERT_ITEM, ['p', 'p']);
      const quoted = await db.query("SELECT id FROM items WHERE id = '$1' OR (id = $1 AND label = $1)", [
        'p',
      ]);
      expect(quoted.map((r) => r.id).sort()).toEqual(['$1', 'p']);
    });

    it('maps unique and primary-key violations to ALREADY_EXISTS', async () => {
      await db.exec(INSERT_ITEM, ['a', 'x']);
      const e = await rejection(db.exec(INSERT_ITEM, ['a', 'y']));
      expect(e.code).toBe('ALREADY_EXISTS');
      expect(e.message).toMatch(/unique/i);
      expect(e.cause).toBeDefined();
      expect((await rejection(db.query(`${INSERT_ITEM} RETURNING id`, ['a', 'z']))).code).toBe(
        'ALREADY_EXISTS',
      );
      expect(await ids(db)).toEqual(['a']);
    });

    it('enforces foreign keys', async () => {
      await expect(
        db.exec('INSERT INTO children (id, item_id) VALUES ($1, $2)', ['c', 'missing']),
      ).rejects.toThrow(/foreign key/i);
    });
  });

  describe('transaction', () => {
    it('commits everything fn did and returns its result', async () => {
      const result = await db.transaction(async (tx) => {
        await tx.exec(INSERT_ITEM, ['a', 'x']);
        await tx.exec(INSERT_ITEM, ['b', 'x']);
        return (await tx.query<{ id: string }>('SELECT id FROM items')).length;
      });
      expect(result).toBe(2);
      expect(await ids(db)).toEqual(['a', 'b']);
    });

    it('persists nothing when fn throws, and rethrows its error', async () => {
      const boom = new Error('boom');
      await expect(
        db.transaction(async (tx) => {
          await tx.exec(INSERT_ITEM, ['a', 'x']);
          await tx.exec(INSERT_ITEM, ['b', 'x']);
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await ids(db)).toEqual([]);
    });

    it('runs 20 concurrent read-increment-write transactions without losing an update', async () => {
      await db.exec('INSERT INTO counters (id, n) VALUES ($1, $2)', ['c', 0]);
      await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction(async (tx) => {
            // Claims the row before reading it: PostgreSQL (READ COMMITTED) then queues concurrent
            // writers behind this one; SQLite runs whole transactions one at a time anyway.
            await tx.exec('UPDATE counters SET n = n WHERE id = $1', ['c']);
            const [row] = await tx.query<{ n: number }>('SELECT n FROM counters WHERE id = $1', ['c']);
            await new Promise((r) => setTimeout(r, 1));
            await tx.exec('UPDATE counters SET n = $1 WHERE id = $2', [(row?.n ?? 0) + 1, 'c']);
          }),
        ),
      );
      expect(await db.query('SELECT n FROM counters')).toEqual([{ n: 20 }]);
    });

    it('keeps a statement issued outside an open transaction out of it', async () => {
      const inside = deferred();
      const gate = deferred();
      const tx = db.transaction(async (t) => {
        await t.exec(INSERT_ITEM, ['in-tx', 'x']);
        inside.resolve();
        await gate.promise;
        throw new Error('roll back');
      });
      await inside.promise;
      const outside = db.exec(INSERT_ITEM, ['outside', 'x']);
      gate.resolve();
      await expect(tx).rejects.toThrow('roll back');
      expect(await outside).toBe(1);
      expect(await ids(db)).toEqual(['outside']);
    });

    it('runs db.exec called inside fn as part of the transaction', async () => {
      await expect(
        db.transaction(async () => {
          await db.exec(INSERT_ITEM, ['a', 'x']);
          expect(await ids(db)).toEqual(['a']);
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await ids(db)).toEqual([]);
    });

    it('runs a nested transaction as a savepoint: its failure undoes only its own work', async () => {
      await db.transaction(async (tx) => {
        await tx.exec(INSERT_ITEM, ['outer', 'x']);
        await expect(
          db.transaction(async (inner) => {
            await inner.exec(INSERT_ITEM, ['inner-failed', 'x']);
            throw new Error('inner fails');
          }),
        ).rejects.toThrow('inner fails');
        await db.transaction(async (inner) => {
          await inner.exec(INSERT_ITEM, ['inner-kept', 'x']);
        });
      });
      expect(await ids(db)).toEqual(['inner-kept', 'outer']);
    });

    it('recovers from an expected unique violation only inside a nested transaction', async () => {
      await db.exec(INSERT_ITEM, ['taken', 'x']);
      await db.transaction(async (tx) => {
        const e = await rejection(db.transaction((inner) => inner.exec(INSERT_ITEM, ['taken', 'y'])));
        expect(e.code).toBe('ALREADY_EXISTS');
        await tx.exec(INSERT_ITEM, ['after', 'x']);
      });
      expect(await ids(db)).toEqual(['after', 'taken']);
    });

    it('aborts a transaction whose fn swallowed a failed statement, on both dialects alike', async () => {
      await db.exec(INSERT_ITEM, ['taken', 'x']);
      const e = await rejection(
        db.transaction(async (tx) => {
          await tx.exec(INSERT_ITEM, ['first', 'x']);
          await tx.exec(INSERT_ITEM, ['taken', 'y']).catch(() => undefined);
          expect((await rejection(tx.exec(INSERT_ITEM, ['third', 'x']))).code).toBe('ABORTED');
        }),
      );
      expect(e.code).toBe('ABORTED');
      expect(await ids(db)).toEqual(['taken']);
    });

    it('refuses statements on a transaction that has ended', async () => {
      let leaked: SqlExecutor | undefined;
      await db.transaction(async (tx) => {
        leaked = tx;
      });
      expect((await rejection(leaked!.exec(INSERT_ITEM, ['late', 'x']))).code).toBe('FAILED_PRECONDITION');
    });
  });

  describe('migrate', () => {
    const log = (version: number): Migration => ({
      version,
      name: `log v${version}`,
      sql: `INSERT INTO alpha_log (name, pos) SELECT 'v${version}', COUNT(*) FROM alpha_log`,
    });
    const alpha: Migration[] = [
      {
        version: 1,
        name: 'create log',
        sql: "CREATE TABLE alpha_log (name TEXT PRIMARY KEY, pos INTEGER NOT NULL); INSERT INTO alpha_log (name, pos) VALUES ('v1', 0)",
      },
      log(2),
      log(3),
    ];

    it('applies each migration once, in version order, per component', async () => {
      const [v1, v2, v3] = alpha as [Migration, Migration, Migration];
      await db.migrate('alpha', [v2, v1]);
      await db.migrate('alpha', [v3, v1, v2]);
      await db.migrate('alpha', [v1, v2, v3]);
      await db.migrate('beta', [
        { version: 1, name: 'beta table', sql: 'CREATE TABLE beta_things (id TEXT)' },
      ]);

      expect(await db.query('SELECT name, pos FROM alpha_log ORDER BY pos')).toEqual([
        { name: 'v1', pos: 0 },
        { name: 'v2', pos: 1 },
        { name: 'v3', pos: 2 },
      ]);
      const recorded = await db.query<{
        component: string;
        version: number;
        name: string;
        applied_at: string;
      }>(
        "SELECT component, version, name, applied_at FROM schema_migrations WHERE component IN ('alpha', 'beta') ORDER BY component, version",
      );
      expect(recorded.map(({ component, version, name }) => ({ component, version, name }))).toEqual([
        { component: 'alpha', version: 1, name: 'create log' },
        { component: 'alpha', version: 2, name: 'log v2' },
        { component: 'alpha', version: 3, name: 'log v3' },
        { component: 'beta', version: 1, name: 'beta table' },
      ]);
      expect(Number.isNaN(Date.parse(recorded[0]?.applied_at ?? ''))).toBe(false);
    });

    it('leaves a failing migration unrecorded and undone, naming component and version', async () => {
      const broken: Migration = {
        version: 7,
        name: 'broken',
        sql: 'CREATE TABLE gamma_half (id TEXT); INSERT INTO gamma_missing (id) VALUES (1)',
      };
      const e = await rejection(
        db.migrate('gamma', [{ version: 1, name: 'ok', sql: 'CREATE TABLE gamma_ok (id TEXT)' }, broken]),
      );
      expect(e.message).toContain('gamma');
      expect(e.message).toContain('migration 7');
      expect(e.message).toMatch(/gamma_missing/);

      const versions = await db.query("SELECT version FROM schema_migrations WHERE component = 'gamma'");
      expect(versions).toEqual([{ version: 1 }]);
      await expect(db.query('SELECT id FROM gamma_half')).rejects.toThrow();

      await db.migrate('gamma', [
        { version: 1, name: 'ok', sql: 'CREATE TABLE gamma_ok (id TEXT)' },
        { ...broken, sql: 'CREATE TABLE gamma_half (id TEXT)' },
      ]);
      expect(await db.query('SELECT id FROM gamma_half')).toEqual([]);
    });

    it('refuses duplicate versions before applying anything', async () => {
      const e = await rejection(
        db.migrate('delta', [
          { version: 1, name: 'first', sql: 'CREATE TABLE delta_a (id TEXT)' },
          { version: 1, name: 'second', sql: 'CREATE TABLE delta_b (id TEXT)' },
        ]),
      );
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toMatch(/"delta".*version 1 twice.*"first".*"second"/);
      await expect(db.query('SELECT id FROM delta_a')).rejects.toThrow();
    });
  });

  it('grants a free named lock', async () => {
    expect(await db.tryLock(`contract-${Math.random()}`)).toBe(true);
  });

  it('refuses work after close', async () => {
    const other = await open();
    await other.close();
    expect((await rejection(other.query('SELECT 1 AS one'))).code).toBe('FAILED_PRECONDITION');
  });
});
