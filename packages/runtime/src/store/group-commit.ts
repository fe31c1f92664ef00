import type { SqlDatabase, SqlValue } from './sql-database.js';

export interface Statement {
  sql: string;
  params: readonly SqlValue[];
}

interface Unit {
  statements: readonly Statement[];
  resolve(): void;
  reject(e: unknown): void;
}

/**
 * Group commit: writes issued in the same turn of the event loop are committed in one
 * transaction, and each caller's promise resolves only once that transaction is durable. The
 * commit, not the statement, is what costs; a busy service pays it once per batch. A unit of
 * several statements stays atomic: if the batch fails, every unit is replayed in a transaction of
 * its own, so one bad write fails only its caller.
 */
export class GroupCommit {
  private queue: Unit[] = [];
  private scheduled = false;

  constructor(
    private readonly db: SqlDatabase,
    private readonly maxBatch = 1000,
  ) {}

  exec(sql: string, params: readonly SqlValue[]): Promise<void> {
    return this.execAll([{ sql, params }]);
  }

  /** Several statements that commit together or not at all. */
  execAll(statements: readonly Statement[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ statements, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.db.transaction(async (tx) => {
          for (const u of batch) for (const s of u.statements) await tx.exec(s.sql, s.params);
        });
        for (const u of batch) u.resolve();
      } catch {
        for (const u of batch) {
          try {
            await this.db.transaction(async (tx) => {
              for (const s of u.statements) await tx.exec(s.sql, s.params);
            });
            u.resolve();
          } catch (e) {
            u.reject(e);
          }
        }
      }
    }
  }
}
