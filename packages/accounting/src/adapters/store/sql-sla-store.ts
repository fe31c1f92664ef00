import type { Migration, SqlDatabase } from '@reservoir/runtime';
import type { SlaStore, StoredSlaTransition } from '../../app/sla-sync.js';
import type { SlaTransition } from '../../domain/compensation.js';
import { chunks, placeholders } from './sql-text.js';

// The SM's SLA announcements as accounting has read them, keyed by (service, seq) of the SM's
// event log: reading the log again from any point stores each announcement once.
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sla transitions',
    sql: `CREATE TABLE IF NOT EXISTS sla_transitions (
  service TEXT NOT NULL,
  seq BIGINT NOT NULL,
  objective TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  met INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (service, seq)
);`,
  },
];

interface Row extends Record<string, unknown> {
  service: string;
  objective: string;
  at_ms: number;
  met: number;
  reason: string;
}

export class SqlSlaStore implements SlaStore {
  constructor(private readonly db: SqlDatabase) {}

  migrate(): Promise<void> {
    return this.db.migrate('accounting-sla', MIGRATIONS);
  }

  async lastSeq(service: string): Promise<number> {
    const rows = await this.db.query<{ seq: string | null }>(
      'SELECT CAST(MAX(seq) AS TEXT) AS seq FROM sla_transitions WHERE service = $1',
      [service],
    );
    return Number(rows[0]?.seq ?? 0);
  }

  async save(transitions: readonly StoredSlaTransition[]): Promise<void> {
    if (transitions.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const t of transitions)
        await tx.exec(
          `INSERT INTO sla_transitions (service, seq, objective, at_ms, met, reason)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (service, seq) DO NOTHING`,
          [t.service, t.seq, t.objective, t.at, t.met ? 1 : 0, t.reason],
        );
    });
  }

  async transitions(services: readonly string[], before: number): Promise<SlaTransition[]> {
    const rows: Row[] = [];
    for (const part of chunks(services, 500))
      rows.push(
        ...(await this.db.query<Row>(
          `SELECT service, objective, at_ms, met, reason FROM sla_transitions
           WHERE at_ms < $1 AND service IN (${placeholders(part.length, 2)}) ORDER BY service, seq`,
          [before, ...part],
        )),
      );
    return rows.map((r) => ({
      service: r.service,
      objective: r.objective,
      at: Number(r.at_ms),
      met: Number(r.met) === 1,
      reason: r.reason,
    }));
  }
}
