// The store port every stateful service builds on: a small SQL surface that both the
// embedded SQLite and the shared PostgreSQL adapters implement identically.

export type SqlDialect = 'sqlite' | 'postgres';

/** A value bound to a placeholder. Booleans are stored as 0/1 integers in both dialects. */
export type SqlValue = string | number | bigint | null | Buffer;

export interface SqlExecutor {
  readonly dialect: SqlDialect;
  /** Runs a statement with $1..$n placeholders; returns how many rows it changed. */
  exec(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs a query with $1..$n placeholders; column names come back as written in the SQL. */
  query<T extends Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
}

export interface Migration {
  /** Applied in ascending order, once; never edit a migration that has shipped. */
  version: number;
  name: string;
  /** One SQL text for both dialects, or one per dialect. May hold several statements. */
  sql: string | Record<SqlDialect, string>;
}

export interface SqlDatabase extends SqlExecutor {
  /** Runs fn in one transaction: all its statements commit together or none do. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Applies the migrations of one component (its own version table row), idempotently. */
  migrate(component: string, migrations: readonly Migration[]): Promise<void>;
  /**
   * Tries to take a named lock held for the life of this connection (PostgreSQL advisory lock;
   * in SQLite, a single process owns the file, so it always succeeds). For singleton loops.
   */
  tryLock(name: string): Promise<boolean>;
  close(): Promise<void>;
}
