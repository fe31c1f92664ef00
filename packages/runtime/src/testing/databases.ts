// Contract tests run every store-backed suite against both adapters. SQLite always runs;
// PostgreSQL runs when RESERVOIR_TEST_PG_URL names a server, and CI must name one.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../store/open-database.js';
import type { SqlDatabase, SqlExecutor, SqlValue } from '../store/sql-database.js';

export const TEST_PG_URL_ENV = 'RESERVOIR_TEST_PG_URL';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database; close() also deletes it. */
  open(): Promise<SqlDatabase>;
}

/** CI sets CI=true (or 1); some tools set CI=false to mean "not CI". */
function inCi(): boolean {
  const ci = process.env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

function missingInCi(name: string): Error {
  return new Error(`${name} is required in CI: set it so these tests run instead of being skipped`);
}

/**
 * The value of an environment variable a test suite needs, or undefined to skip it locally.
 * In CI a missing value throws, so the suite fails instead of silently skipping.
 */
export function requireEnvInCi(name: string): string | undefined {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  if (inCi()) throw missingInCi(name);
  return undefined;
}

/** The same database with extra cleanup after close; methods are forwarded so private fields keep working. */
function withCleanup(db: SqlDatabase, before: () => Promise<void>, after: () => Promise<void>): SqlDatabase {
  let closed = false;
  return {
    dialect: db.dialect,
    exec: (sql: string, params?: readonly SqlValue[]) => db.exec(sql, params),
    query: <T extends Record<string, unknown>>(sql: string, params?: readonly SqlValue[]) =>
      db.query<T>(sql, params),
    transaction: <T>(fn: (tx: SqlExecutor) => Promise<T>) => db.transaction(fn),
    migrate: (component, migrations) => db.migrate(component, migrations),
    tryLock: (name) => db.tryLock(name),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await before();
      } finally {
        try {
          await db.close();
        } finally {
          await after();
        }
      }
    },
  };
}

async function openSqlite(): Promise<SqlDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'reservoir-sqlite-'));
  const db = await openDatabase(join(dir, 'test.db'));
  return withCleanup(
    db,
    async () => undefined,
    async () => rmSync(dir, { recursive: true, force: true }),
  );
}

async function openPostgres(url: string): Promise<SqlDatabase> {
  const schema = `test_${randomBytes(8).toString('hex')}`;
  const db = await openDatabase(url, { schema });
  return withCleanup(
    db,
    async () => {
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
    async () => undefined,
  );
}

export function testDatabases(): TestDatabase[] {
  const databases: TestDatabase[] = [{ name: 'sqlite', open: openSqlite }];
  const url = process.env[TEST_PG_URL_ENV];
  if (url !== undefined && url !== '') {
    databases.push({ name: 'postgres', open: () => openPostgres(url) });
  } else if (inCi()) {
    // Kept in the list so the suite runs and fails loudly.
    databases.push({
      name: 'postgres',
      open: async () => {
        throw missingInCi(TEST_PG_URL_ENV);
      },
    });
  }
  return databases;
}
