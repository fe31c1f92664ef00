// The shared store: a pg.Pool. Each transaction owns one pooled client from BEGIN to
// COMMIT; named locks live on one extra session kept open for the life of the object.

import pg from 'pg';
import type { QueryResult } from 'pg';
import { ReservoirError } from '../errors.js';
import { applyMigrations } from './migrations.js';
import type { Migration, SqlDatabase, SqlExecutor, SqlValue } from './sql-database.js';
import { isConnectionError, toStoreError, transactionAbortedError } from './sql-errors.js';
import { TransactionScope, type TransactionConnection } from './transaction-scope.js';

export interface PostgresDatabaseOptions {
  /** Keep every table in this schema: created if missing and the only entry of each session's search_path. */
  schema?: string;
  /** Pool size. Default 10. */
  maxConnections?: number;
  /** How long to wait for a connection before failing with UNAVAILABLE. Default 10000. */
  connectionTimeoutMs?: number;
}

const INT8_OID = 20;
/** Lower-case so it needs no quoting and cannot be case-folded into another name. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** Schema creation racing another process's fails with one of these although the schema then exists. */
const SCHEMA_EXISTS_CODES = new Set(['23505', '42P06']);

/**
 * BIGINT columns hold counters and epoch milliseconds, all far below 2^53, so they come back
 * as numbers like every other integer instead of pg's default strings.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

type Queryable = Pick<pg.Pool, 'query'>;

/** A multi-statement text run without parameters yields one result per statement. */
function resultsOf(result: QueryResult | QueryResult[]): QueryResult[] {
  return Array.isArray(result) ? result : [result];
}

/** "host:port/database" without credentials, for messages. */
function describeServer(url: string): string {
  try {
    const u = new URL(url);
    const host = decodeURIComponent(u.hostname) || u.searchParams.get('host') || 'localhost';
    const database = decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username) || 'postgres';
    return `${host}:${u.port || '5432'}/${database}`;
  } catch {
    return 'the configured server';
  }
}

/** Sets search_path through the startup "options" parameter, so every new pooled session gets it. */
function withSearchPath(url: string, schema: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch (e) {
    throw new ReservoirError('INVALID_ARGUMENT', `not a valid PostgreSQL URL: ${describeServer(url)}`, {
      cause: e,
    });
  }
  const options = [u.searchParams.get('options'), `-c search_path=${schema}`].filter(Boolean).join(' ');
  u.searchParams.set('options', options);
  return u.toString();
}

function unavailable(server: string, e: unknown): ReservoirError {
  const reason = (e instanceof Error && e.message) || (e as { code?: string } | null)?.code || String(e);
  return new ReservoirError('UNAVAILABLE', `cannot connect to PostgreSQL at ${server}: ${reason}`, {
    cause: e,
  });
}

export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #clientConfig: pg.ClientConfig;
  readonly #server: string;
  readonly #scope = new TransactionScope();
  #lockSession: Promise<pg.Client> | undefined;
  #closed = false;

  private constructor(pool: pg.Pool, clientConfig: pg.ClientConfig, server: string) {
    this.#pool = pool;
    this.#clientConfig = clientConfig;
    this.#server = server;
  }

  /** Connects once to fail fast: an unreachable server is UNAVAILABLE naming the host. */
  static async connect(url: string, options: PostgresDatabaseOptions = {}): Promise<PostgresDatabase> {
    const { schema } = options;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
      throw new ReservoirError(
        'INVALID_ARGUMENT',
        `schema "${schema}" must be lower-case letters, digits and underscores, starting with a letter or underscore`,
        { field: 'schema' },
      );
    }
    const server = describeServer(url);
    const clientConfig: pg.ClientConfig = {
      connectionString: schema === undefined ? url : withSearchPath(url, schema),
      types,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    };
    const pool = new pg.Pool({ ...clientConfig, max: options.maxConnections ?? 10 });
    // An idle client losing its connection is dropped by the pool and the next checkout reconnects;
    // without a listener the 'error' event would crash the process.
    pool.on('error', () => undefined);
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      await pool.end();
      throw unavailable(server, e);
    }
    try {
      if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code !== 'string' || !SCHEMA_EXISTS_CODES.has(code)) {
        client.release();
        await pool.end();
        throw toStoreError(e);
      }
    }
    client.release();
    return new PostgresDatabase(pool, clientConfig, server);
  }

  async exec(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const tx = this.#scope.active();
    if (tx) return tx.exec(sql, params);
    this.#assertOpen();
    return this.#exec(this.#pool, sql, params);
  }

  async query<T extends Record<string, unknown>>(
    sql: string,
    params: readonly SqlValue[] = [],
  ): Promise<T[]> {
    const tx = this.#scope.active();
    if (tx) return tx.query<T>(sql, params);
    this.#assertOpen();
    return this.#query<T>(this.#pool, sql, params);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const nested = this.#scope.nested(fn);
    if (nested) return nested;
    this.#assertOpen();
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (e) {
      throw unavailable(this.#server, e);
    }
    // A client whose connection failed mid-transaction must not go back to the pool.
    let broken: Error | undefined;
    const noteBroken = (e: unknown): void => {
      if (isConnectionError(e)) broken = e instanceof Error ? e : new Error(String(e));
    };
    try {
      try {
        await client.query('BEGIN');
      } catch (e) {
        noteBroken(e);
        throw this.#mapError(e);
      }
      const connection: TransactionConnection = {
        exec: (sql, params) =>
          this.#exec(client, sql, params).catch((e: unknown) => {
            noteBroken((e as { cause?: unknown }).cause ?? e);
            throw e;
          }),
        query: <R extends Record<string, unknown>>(sql: string, params: readonly SqlValue[]) =>
          this.#query<R>(client, sql, params).catch((e: unknown) => {
            noteBroken((e as { cause?: unknown }).cause ?? e);
            throw e;
          }),
      };
      return await this.#scope.run(
        this.dialect,
        connection,
        {
          commit: async () => {
            let result: QueryResult;
            try {
              result = await client.query('COMMIT');
            } catch (e) {
              noteBroken(e);
              throw this.#mapError(e);
            }
            // PostgreSQL answers COMMIT of an aborted transaction by rolling it back.
            if (result.command === 'ROLLBACK') throw transactionAbortedError();
          },
          rollback: async () => {
            try {
              await client.query('ROLLBACK');
            } catch (e) {
              broken = e instanceof Error ? e : new Error(String(e));
            }
          },
        },
        fn,
      );
    } finally {
      client.release(broken);
    }
  }

  migrate(component: string, migrations: readonly Migration[]): Promise<void> {
    return applyMigrations(
      {
        dialect: this.dialect,
        transaction: (fn) => this.transaction(fn),
        // Held until the transaction ends, so replicas starting together apply each migration once.
        lockMigrations: async (tx) => {
          await tx.query(
            "SELECT pg_advisory_xact_lock(hashtext('reservoir.schema_migrations:' || coalesce(current_schema(), '')))",
          );
        },
        // Without parameters pg uses the simple protocol, which runs several statements in one text.
        runScript: async (tx, sql) => {
          await tx.exec(sql);
        },
      },
      component,
      migrations,
    );
  }

  /**
   * A session-level advisory lock on the dedicated lock session. If that session's connection
   * drops, PostgreSQL releases its locks; the next tryLock reconnects and competes again.
   */
  async tryLock(name: string): Promise<boolean> {
    this.#assertOpen();
    const session = await this.#lockClient();
    try {
      const result = await session.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [name],
      );
      return result.rows[0]?.locked === true;
    } catch (e) {
      throw this.#mapError(e);
    }
  }

  async close(): Promise<void> {
    if (this.#scope.active()) {
      throw new ReservoirError(
        'FAILED_PRECONDITION',
        'cannot close the database inside one of its transactions',
      );
    }
    if (this.#closed) return;
    this.#closed = true;
    const session = this.#lockSession;
    this.#lockSession = undefined;
    // Ending the session releases every advisory lock it holds.
    if (session) await session.then((client) => client.end()).catch(() => undefined);
    await this.#pool.end();
  }

  #lockClient(): Promise<pg.Client> {
    if (!this.#lockSession) {
      const client = new pg.Client(this.#clientConfig);
      const session = client.connect().then(() => client);
      const forget = (): void => {
        if (this.#lockSession === session) this.#lockSession = undefined;
      };
      client.on('error', forget);
      client.on('end', forget);
      session.catch(forget);
      this.#lockSession = session;
    }
    return this.#lockSession.catch((e: unknown) => {
      throw unavailable(this.#server, e);
    });
  }

  /** No closed check here: transactions already running when close() is called may finish. */
  async #exec(on: Queryable, sql: string, params: readonly SqlValue[]): Promise<number> {
    try {
      const result = await on.query(sql, params as unknown[]);
      return resultsOf(result).reduce((sum, r) => sum + (r.rowCount ?? 0), 0);
    } catch (e) {
      throw this.#mapError(e);
    }
  }

  async #query<T extends Record<string, unknown>>(
    on: Queryable,
    sql: string,
    params: readonly SqlValue[],
  ): Promise<T[]> {
    try {
      const result = await on.query(sql, params as unknown[]);
      return (resultsOf(result).at(-1)?.rows ?? []) as T[];
    } catch (e) {
      throw this.#mapError(e);
    }
  }

  #mapError(e: unknown): unknown {
    return isConnectionError(e) ? unavailable(this.#server, e) : toStoreError(e);
  }

  #assertOpen(): void {
    if (this.#closed) throw new ReservoirError('FAILED_PRECONDITION', `database ${this.#server} is closed`);
  }
}
