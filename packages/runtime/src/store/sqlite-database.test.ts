import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.js';
import { SqliteDatabase } from './sqlite-database.js';

const dir = mkdtempSync(join(tmpdir(), 'reservoir-sqlite-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const migrations = [
  { version: 1, name: 'notes', sql: 'CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT)' },
];

describe('SqliteDatabase', () => {
  it('keeps data across a reopen of the same file', async () => {
    const file = join(dir, 'nested', 'dirs', 'keep.db');
    const first = await openDatabase(`sqlite:${file}`);
    await first.migrate('notes', migrations);
    await first.exec('INSERT INTO notes (id, body) VALUES ($1, $2)', ['n1', 'kept']);
    await first.close();

    const second = await openDatabase(file);
    await second.migrate('notes', migrations);
    expect(await second.query('SELECT id, body FROM notes')).toEqual([{ id: 'n1', body: 'kept' }]);
    expect(await second.query("SELECT version FROM schema_migrations WHERE component = 'notes'")).toEqual([
      { version: 1 },
    ]);
    await second.close();
  });

  it('opens with WAL, synchronous=NORMAL, foreign keys on and a busy timeout', async () => {
    const db = new SqliteDatabase(join(dir, 'pragmas.db'), { busyTimeoutMs: 1234 });
    expect(await db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await db.query('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
    expect(await db.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    expect(await db.query('PRAGMA busy_timeout')).toEqual([{ timeout: 1234 }]);
    await db.close();
  });

  it('stores integer numbers as INTEGER, not REAL', async () => {
    const db = new SqliteDatabase(':memory:');
    await db.exec('CREATE TABLE t (untyped, words TEXT)');
    await db.exec('INSERT INTO t (untyped, words) VALUES ($1, $2)', [5, 7]);
    expect(await db.query('SELECT typeof(untyped) AS kind, words FROM t')).toEqual([
      { kind: 'integer', words: '7' },
    ]);
    await db.close();
  });

  it('refuses a parameter count that does not match the placeholders', async () => {
    const db = new SqliteDatabase(':memory:');
    await expect(db.query('SELECT $1 AS a', ['x', 'y'])).rejects.toThrow(/takes 1 parameter\(s\) but 2/);
    await expect(db.query('SELECT $1 AS a, $2 AS b', ['x'])).rejects.toThrow(/takes 2 parameter\(s\) but 1/);
    await db.close();
  });

  it('closes only after queued statements ran, and once', async () => {
    const db = new SqliteDatabase(':memory:');
    const pending = db.query<{ one: number }>('SELECT 1 AS one');
    await Promise.all([db.close(), db.close()]);
    expect(await pending).toEqual([{ one: 1 }]);
  });
});
