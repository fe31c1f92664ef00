import type { SqlDatabase, SqlValue } from './sql-database.js';

interface Write {
  sql: string;
  params: readonly SqlValue[];
  resolve(): void;
  reject(e: unknown): void;
}

/**
 * Group commit: single-row writes issued in the same turn of the event loop are committed in one
 * transaction, and each caller's promise resolves only once that transaction is durable. The
 * commit, not the statement, is what costs; a busy service pays it once per batch.
 */
export class GroupCommit {
  private queue: Write[] = [];
  private scheduled = false;

  constructor(
    private readonly db: SqlDatabase,
    private readonly maxBatch = 1000,
  ) {}

  exec(sql: string, params: readonly SqlValue[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ sql, params, resolve, reject });
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
          for (const w of batch) await tx.exec(w.sql, w.params);
        });
        for (const w of batch) w.resolve();
      } catch {
        // One bad write must not fail its neighbours: replay them one by one.
        for (const w of batch) {
          try {
            await this.db.exec(w.sql, w.params);
            w.resolve();
          } catch (e) {
            w.reject(e);
          }
        }
      }
    }
  }
}
