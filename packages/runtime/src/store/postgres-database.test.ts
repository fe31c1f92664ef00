// What only PostgreSQL can show: several processes (here, database objects) sharing one server.

import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PG_URL_ENV, requireEnvInCi } from '../testing/databases.js';
import { PostgresDatabase } from './postgres-database.js';

const url = requireEnvInCi(TEST_PG_URL_ENV);

// Without a server (outside CI) there is nothing to run here; in CI the URL is required.
const suite = url === undefined ? () => undefined : describe;

suite('PostgresDatabase', () => {
  const schema = `test_${randomBytes(8).toString('hex')}`;
  const opened: PostgresDatabase[] = [];

  async function connect(): Promise<PostgresDatabase> {
    const db = await PostgresDatabase.connect(url as string, { schema });
    opened.push(db);
    return db;
  }

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
    const cleaner = await PostgresDatabase.connect(url as string);
    await cleaner.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await cleaner.close();
  });

  it('keeps tables in its own schema', async () => {
    const db = await connect();
    await db.exec('CREATE TABLE mine (id TEXT)');
    expect(await db.query('SELECT current_schema() AS s')).toEqual([{ s: schema }]);
    expect(
      await db.query('SELECT table_schema FROM information_schema.tables WHERE table_name = $1', ['mine']),
    ).toEqual([{ table_schema: schema }]);
  });

  it('gives a named lock to one database object until it closes', async () => {
    const [a, b] = [await connect(), await connect()];
    const name = `lock-${schema}`;
    expect(await a.tryLock(name)).toBe(true);
    expect(await a.tryLock(name)).toBe(true);
    expect(await b.tryLock(name)).toBe(false);
    expect(await b.tryLock(`${name}-other`)).toBe(true);
    await a.close();
    expect(await b.tryLock(name)).toBe(true);
  });

  it('applies a migration once when replicas migrate at the same time', async () => {
    const replicas = await Promise.all([connect(), connect(), connect(), connect()]);
    const migrations = [
      { version: 1, name: 'table', sql: 'CREATE TABLE runs (n INTEGER)' },
      { version: 2, name: 'row', sql: 'INSERT INTO runs (n) VALUES (1)' },
    ];
    await Promise.all(replicas.map((db) => db.migrate('race', migrations)));
    expect(await replicas[0]?.query('SELECT COUNT(*) AS c FROM runs')).toEqual([{ c: 1 }]);
    expect(
      await replicas[0]?.query(
        "SELECT version FROM schema_migrations WHERE component = 'race' ORDER BY version",
      ),
    ).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('refuses a schema name that would need quoting', async () => {
    await expect(PostgresDatabase.connect(url as string, { schema: 'Bad; DROP' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
