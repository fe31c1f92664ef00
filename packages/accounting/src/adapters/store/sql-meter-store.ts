import type { Migration, SqlDatabase } from '@reservoir/runtime';
import type { CounterStore } from '../../app/measured-usage-collector.js';
import type { MeterStore } from '../../app/vm-usage-collector.js';
import type { NetCounter } from '../../domain/measured-usage.js';
import type { OpenInterval, VmUsageRecord } from '../../domain/vm-usage.js';
import { billingInstant, DEFAULT_LATE_WINDOW_MS } from '../../domain/late-usage.js';
import { ingest } from './usage-sql.js';

// The VM meter's open intervals, one row per site, written in the same transaction as the usage
// records they produced: after a crash both are as of the last commit, never one without the other.
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'vm meter intervals',
    sql: 'CREATE TABLE IF NOT EXISTS meter_intervals (site TEXT PRIMARY KEY, body TEXT NOT NULL);',
  },
];

export class SqlMeterStore implements MeterStore, CounterStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => number = Date.now,
    private readonly lateWindowMs = DEFAULT_LATE_WINDOW_MS,
  ) {}

  migrate(): Promise<void> {
    return this.db.migrate('accounting-meter', MIGRATIONS);
  }

  intervals(site: string): Promise<OpenInterval[]> {
    return this.state<OpenInterval>(site);
  }

  /** The network counters a measured-usage meter saved under `key` (a row of the same table). */
  counters(key: string): Promise<NetCounter[]> {
    return this.state<NetCounter>(key);
  }

  private async state<T>(key: string): Promise<T[]> {
    const rows = await this.db.query<{ body: string }>('SELECT body FROM meter_intervals WHERE site = $1', [
      key,
    ]);
    return rows[0] ? (JSON.parse(rows[0].body) as T[]) : [];
  }

  commitCounters(
    key: string,
    records: readonly VmUsageRecord[],
    counters: readonly NetCounter[],
  ): Promise<{ accepted: number; duplicates: number }> {
    return this.commitState(key, records, counters);
  }

  commit(
    site: string,
    records: readonly VmUsageRecord[],
    intervals: readonly OpenInterval[],
  ): Promise<{ accepted: number; duplicates: number }> {
    return this.commitState(site, records, intervals);
  }

  /** The records and the meter's state that produced them, in one transaction. */
  private commitState(
    site: string,
    records: readonly VmUsageRecord[],
    state: unknown,
  ): Promise<{ accepted: number; duplicates: number }> {
    const recordedAt = this.now();
    const billed = (r: VmUsageRecord) => billingInstant(r, recordedAt, this.lateWindowMs);
    return this.db.transaction(async (tx) => {
      // The store's ingest runs inside this transaction (it joins the one in scope).
      const r = records.length
        ? await ingest(
            this.db,
            records.map((x) => ({ ...x, recordedAt, billedAt: billed(x) })),
          )
        : { accepted: 0, duplicates: 0 };
      await tx.exec(
        `INSERT INTO meter_intervals (site, body) VALUES ($1, $2)
         ON CONFLICT (site) DO UPDATE SET body = excluded.body`,
        [site, JSON.stringify(state)],
      );
      return r;
    });
  }
}
