// The transaction behaviour both adapters share: which transaction the calling code is in
// (so db.exec inside a transaction callback joins it instead of deadlocking or escaping it),
// savepoints for nested transaction calls, and refusing statements after a failed one.

import { AsyncLocalStorage } from 'node:async_hooks';
import { ReservoirError } from '../errors.js';
import { Mutex } from './mutex.js';
import type { SqlDialect, SqlExecutor, SqlValue } from './sql-database.js';
import { transactionAbortedError } from './sql-errors.js';

/** Statements on the one connection an open transaction owns, as the adapter runs them. */
export interface TransactionConnection {
  exec(sql: string, params: readonly SqlValue[]): Promise<number>;
  query<T extends Record<string, unknown>>(sql: string, params: readonly SqlValue[]): Promise<T[]>;
}

/** How the adapter ends the transaction it began. rollback must not throw. */
export interface TransactionEnd {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

class Transaction implements SqlExecutor {
  readonly dialect: SqlDialect;
  readonly #conn: TransactionConnection;
  #open = true;
  #failed = false;
  #failure: unknown;
  #savepoints = 0;

  constructor(dialect: SqlDialect, conn: TransactionConnection) {
    this.dialect = dialect;
    this.#conn = conn;
  }

  get open(): boolean {
    return this.#open;
  }

  get failed(): boolean {
    return this.#failed;
  }

  get failure(): unknown {
    return this.#failure;
  }

  close(): void {
    this.#open = false;
  }

  exec(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.#statement(() => this.#conn.exec(sql, params));
  }

  query<T extends Record<string, unknown>>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.#statement(() => this.#conn.query<T>(sql, params));
  }

  /** Runs fn inside a SAVEPOINT: if it throws, only its own statements roll back. */
  async savepoint<T>(fn: () => Promise<T>): Promise<T> {
    const name = `reservoir_sp_${++this.#savepoints}`;
    await this.exec(`SAVEPOINT ${name}`);
    let result: T;
    try {
      result = await fn();
    } catch (e) {
      await this.#rollbackTo(name);
      throw e;
    }
    if (this.#failed) {
      // fn swallowed a statement error; its work cannot be kept.
      const cause = this.#failure;
      await this.#rollbackTo(name);
      throw transactionAbortedError(cause);
    }
    await this.exec(`RELEASE SAVEPOINT ${name}`);
    return result;
  }

  async #statement<R>(run: () => Promise<R>): Promise<R> {
    if (!this.#open) {
      throw new ReservoirError(
        'FAILED_PRECONDITION',
        'transaction already ended: await every statement inside the transaction callback',
      );
    }
    if (this.#failed) throw transactionAbortedError(this.#failure);
    try {
      return await run();
    } catch (e) {
      this.#failed = true;
      this.#failure = e;
      throw e;
    }
  }

  /** Bypasses the failed check on purpose: rolling back to a savepoint is how a failed transaction recovers. */
  async #rollbackTo(name: string): Promise<void> {
    if (!this.#open) return;
    try {
      await this.#conn.exec(`ROLLBACK TO SAVEPOINT ${name}`, []);
      await this.#conn.exec(`RELEASE SAVEPOINT ${name}`, []);
      this.#failed = false;
      this.#failure = undefined;
    } catch (e) {
      // The whole transaction is gone (SQLite rolls back on some I/O errors); the outer end rolls back.
      if (!this.#failed) {
        this.#failed = true;
        this.#failure = e;
      }
    }
  }
}

interface Level {
  tx: Transaction;
  /** Nested transaction calls made at this level run one after another, so savepoints nest properly. */
  children: Mutex;
}

export class TransactionScope {
  readonly #current = new AsyncLocalStorage<Level>();

  /** The open transaction the calling code runs inside, if any. */
  active(): SqlExecutor | undefined {
    const level = this.#current.getStore();
    return level?.tx.open ? level.tx : undefined;
  }

  /** Runs fn as a savepoint of the caller's open transaction; undefined when the caller is in none. */
  nested<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> | undefined {
    const level = this.#current.getStore();
    if (!level?.tx.open) return undefined;
    const { tx } = level;
    return level.children.run(() =>
      this.#current.run({ tx, children: new Mutex() }, () => tx.savepoint(() => fn(tx))),
    );
  }

  /** Runs fn as the body of a transaction the adapter has just begun, then commits or rolls back. */
  async run<T>(
    dialect: SqlDialect,
    conn: TransactionConnection,
    end: TransactionEnd,
    fn: (tx: SqlExecutor) => Promise<T>,
  ): Promise<T> {
    const tx = new Transaction(dialect, conn);
    let result: T;
    try {
      result = await this.#current.run({ tx, children: new Mutex() }, () => fn(tx));
    } catch (e) {
      tx.close();
      await end.rollback();
      throw e;
    }
    tx.close();
    if (tx.failed) {
      // fn caught a statement error and returned; committing would keep half of its work.
      await end.rollback();
      throw transactionAbortedError(tx.failure);
    }
    await end.commit();
    return result;
  }
}
