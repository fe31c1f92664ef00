// The embedded store: one better-sqlite3 connection behind the async port. The library is
// synchronous, but transaction callbacks are not, so a mutex hands the single connection to
// one transaction at a time and makes every other statement wait until it commits.

import Database from 'better-sqlite3';
import { ReservoirError } from '../errors.js';
import { applyMigrations } from './migrations.js';
import { Mutex } from './mutex.js';
import type { Migration, SqlDatabase, SqlExecutor, SqlValue } from './sql-database.js';
import { toStoreError } from './sql-errors.js';
import { toSqlitePlaceholders } from './sqlite-placeholders.js';
import { TransactionScope, type TransactionConnection } from './transaction-scope.js';

export interface SqliteDatabaseOptions {
  /** How long a write waits for another process holding the file's write lock. Default 5000. */
  busyTimeoutMs?: number;
}

interface Prepared {
  statement: Database.Statement;
  parameterCount: number;
}

/** Enough for every static statement of a service; bounds memory if someone builds SQL dynamically. */
const STATEMENT_CACHE_SIZE = 500;

/** better-sqlite3 binds every JS number as REAL; integers must stay INTEGER (a TEXT column would get "5.0"). */
function toSqliteValue(value: SqlValue): unknown {
  return typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : value;
}

export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite' as const;
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Prepared>();
  readonly #lock = new Mutex();
  readonly #scope = new TransactionScope();
  readonly #connection: TransactionConnection = {
    exec: async (sql, params) => this.#exec(sql, params),
    query: async <T extends Record<string, unknown>>(sql: string, params: readonly SqlValue[]) =>
      this.#query<T>(sql, params),
  };

  /** filename is a path or ":memory:"; its directory must exist. */
  constructor(filename: string, options: SqliteDatabaseOptions = {}) {
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
      throw new ReservoirError(
        'INVALID_ARGUMENT',
        `busyTimeoutMs must be a non-negative integer, got ${busyTimeoutMs}`,
      );
    }
    let db: Database.Database | undefined;
    try {
      db = new Database(filename);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    } catch (e) {
      db?.close();
      const reason = e instanceof Error ? e.message : String(e);
      throw new ReservoirError('UNAVAILABLE', `cannot open SQLite database ${filename}: ${reason}`, {
        cause: e,
      });
    }
    this.#db = db;
  }

  exec(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const tx = this.#scope.active();
    if (tx) return tx.exec(sql, params);
    return this.#lock.run(() => this.#exec(sql, params));
  }

  query<T extends Record<string, unknown>>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const tx = this.#scope.active();
    if (tx) return tx.query<T>(sql, params);
    return this.#lock.run(() => this.#query<T>(sql, params));
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#scope.nested(fn) ?? this.#lock.run(() => this.#transaction(fn));
  }

  migrate(component: string, migrations: readonly Migration[]): Promise<void> {
    return applyMigrations(
      {
        dialect: this.dialect,
        transaction: (fn) => this.transaction(fn),
        // BEGIN IMMEDIATE already holds the file's write lock against other processes.
        lockMigrations: async () => undefined,
        // Prepared statements hold one statement; a migration script may hold several.
        runScript: async (_tx, sql) => {
          this.#assertOpen();
          try {
            this.#db.exec(sql);
          } catch (e) {
            throw toStoreError(e);
          }
        },
      },
      component,
      migrations,
    );
  }

  /** One process owns the file, so every named lock is already this process's. */
  async tryLock(_name: string): Promise<boolean> {
    this.#assertOpen();
    return true;
  }

  close(): Promise<void> {
    if (this.#scope.active()) {
      return Promise.reject(
        new ReservoirError('FAILED_PRECONDITION', 'cannot close the database inside one of its transactions'),
      );
    }
    return this.#lock.run(() => {
      if (!this.#db.open) return;
      this.#statements.clear();
      this.#db.close();
    });
  }

  async #transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.#assertOpen();
    try {
      // IMMEDIATE takes the write lock up front, so a later write cannot fail with SQLITE_BUSY mid-way.
      this.#db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      throw toStoreError(e);
    }
    return this.#scope.run(
      this.dialect,
      this.#connection,
      {
        commit: async () => {
          try {
            this.#db.exec('COMMIT');
          } catch (e) {
            this.#rollback();
            throw toStoreError(e);
          }
        },
        rollback: async () => this.#rollback(),
      },
      fn,
    );
  }

  #rollback(): void {
    // SQLite ends the transaction itself after some errors; ROLLBACK would then fail.
    if (!this.#db.open || !this.#db.inTransaction) return;
    try {
      this.#db.exec('ROLLBACK');
    } catch {
      // Nothing left to undo: the connection has no transaction after a failed ROLLBACK either.
    }
  }

  #exec(sql: string, params: readonly SqlValue[]): number {
    try {
      const { statement, parameterCount } = this.#prepare(sql);
      return statement.run(this.#bind(sql, parameterCount, params)).changes;
    } catch (e) {
      throw toStoreError(e);
    }
  }

  #query<T>(sql: string, params: readonly SqlValue[]): T[] {
    try {
      const { statement, parameterCount } = this.#prepare(sql);
      const values = this.#bind(sql, parameterCount, params);
      if (statement.reader) return statement.all(values) as T[];
      statement.run(values);
      return [];
    } catch (e) {
      throw toStoreError(e);
    }
  }

  #prepare(sql: string): Prepared {
    this.#assertOpen();
    const cached = this.#statements.get(sql);
    if (cached) {
      // Re-insert so the Map's order is least recently used first.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const text = toSqlitePlaceholders(sql);
    const prepared = { statement: this.#db.prepare(text.sql), parameterCount: text.parameterCount };
    this.#statements.set(sql, prepared);
    if (this.#statements.size > STATEMENT_CACHE_SIZE) {
      const oldest = this.#statements.keys().next().value as string;
      this.#statements.delete(oldest);
    }
    return prepared;
  }

  /** ?NNN placeholders are named parameters to better-sqlite3, so values go in an object keyed by number. */
  #bind(sql: string, parameterCount: number, params: readonly SqlValue[]): Record<number, unknown> {
    if (params.length !== parameterCount) {
      throw new ReservoirError(
        'INTERNAL',
        `statement takes ${parameterCount} parameter(s) but ${params.length} were given: ${sql}`,
      );
    }
    const values: Record<number, unknown> = {};
    params.forEach((value, i) => {
      values[i + 1] = toSqliteValue(value);
    });
    return values;
  }

  #assertOpen(): void {
    if (!this.#db.open)
      throw new ReservoirError('FAILED_PRECONDITION', `SQLite database ${this.#db.name} is closed`);
  }
}
