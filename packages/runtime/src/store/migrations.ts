// Applies a component's migrations the same way on both dialects; the adapter supplies only
// how to run a multi-statement script and how to keep other processes out while it does.

import { ReservoirError } from '../errors.js';
import type { Migration, SqlDialect, SqlExecutor } from './sql-database.js';

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  component TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (component, version)
)`;

export interface MigrationHost {
  readonly dialect: SqlDialect;
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Keeps other migrators, in any process, out until tx ends. */
  lockMigrations(tx: SqlExecutor): Promise<void>;
  /** Runs a script that may hold several statements inside tx. */
  runScript(tx: SqlExecutor, sql: string): Promise<void>;
}

function sqlFor(migration: Migration, dialect: SqlDialect): string | undefined {
  return typeof migration.sql === 'string' ? migration.sql : migration.sql[dialect];
}

/** Checks the list before touching the database, so a bad list changes nothing. */
function ordered(component: string, migrations: readonly Migration[], dialect: SqlDialect): Migration[] {
  if (component.trim() === '')
    throw new ReservoirError('INVALID_ARGUMENT', 'migration component name is empty');
  const byVersion = new Map<number, Migration>();
  for (const m of migrations) {
    if (!Number.isSafeInteger(m.version) || m.version < 1) {
      throw new ReservoirError(
        'INVALID_ARGUMENT',
        `component "${component}": migration "${m.name}" has version ${m.version}; versions are positive integers`,
      );
    }
    const clash = byVersion.get(m.version);
    if (clash) {
      throw new ReservoirError(
        'INVALID_ARGUMENT',
        `component "${component}" declares migration version ${m.version} twice ("${clash.name}" and "${m.name}")`,
      );
    }
    if (typeof sqlFor(m, dialect) !== 'string') {
      throw new ReservoirError(
        'INVALID_ARGUMENT',
        `component "${component}": migration ${m.version} "${m.name}" has no SQL for ${dialect}`,
      );
    }
    byVersion.set(m.version, m);
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}

export async function applyMigrations(
  host: MigrationHost,
  component: string,
  migrations: readonly Migration[],
): Promise<void> {
  const pending = ordered(component, migrations, host.dialect);
  await host.transaction(async (tx) => {
    await host.lockMigrations(tx);
    await tx.exec(CREATE_TABLE);
  });
  const applied = await host.transaction((tx) =>
    tx.query<{ version: number }>('SELECT version FROM schema_migrations WHERE component = $1', [component]),
  );
  const done = new Set(applied.map((row) => Number(row.version)));
  for (const migration of pending) {
    if (done.has(migration.version)) continue;
    try {
      await host.transaction(async (tx) => {
        await host.lockMigrations(tx);
        // Another process may have applied it while this one waited for the lock.
        const rows = await tx.query(
          'SELECT version FROM schema_migrations WHERE component = $1 AND version = $2',
          [component, migration.version],
        );
        if (rows.length > 0) return;
        await host.runScript(tx, sqlFor(migration, host.dialect) as string);
        await tx.exec(
          'INSERT INTO schema_migrations (component, version, name, applied_at) VALUES ($1, $2, $3, $4)',
          [component, migration.version, migration.name, new Date().toISOString()],
        );
      });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new ReservoirError(
        'INTERNAL',
        `migration ${migration.version} "${migration.name}" of component "${component}" failed: ${reason}`,
        { cause: e },
      );
    }
  }
}
