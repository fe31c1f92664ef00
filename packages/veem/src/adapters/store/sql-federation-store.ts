import type { Migration, SqlDatabase } from '@reservoir/runtime';
import type { FederationStore } from '../../app/federation/ports.js';
import type { Incoming, Transfer } from '../../app/federation/types.js';

// Transfers and incoming VMs are JSON bodies beside the columns their lookups need, in the
// VEEM's own database (a component of its own, so its migrations version separately).
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'federation transfers',
    sql: `CREATE TABLE IF NOT EXISTS fed_transfers (
  id TEXT PRIMARY KEY,
  vm_id TEXT NOT NULL,
  state TEXT NOT NULL,
  request_id TEXT UNIQUE,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS fed_transfers_vm ON fed_transfers (vm_id);
CREATE TABLE IF NOT EXISTS fed_incoming (transfer_id TEXT PRIMARY KEY, body TEXT NOT NULL);`,
  },
];

interface BodyRow extends Record<string, unknown> {
  body: string;
}

export class SqlFederationStore implements FederationStore {
  constructor(private readonly db: SqlDatabase) {}

  async migrate(): Promise<void> {
    await this.db.migrate('veem-federation', MIGRATIONS);
  }

  async saveTransfer(t: Transfer): Promise<void> {
    await this.db.exec(
      `INSERT INTO fed_transfers (id, vm_id, state, request_id, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, body = excluded.body`,
      [t.id, t.vmId, t.state, t.requestId || null, JSON.stringify(t)],
    );
  }

  async transfers(filter: { vmId?: string; active?: boolean } = {}): Promise<Transfer[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.vmId) {
      params.push(filter.vmId);
      where.push(`vm_id = $${params.length}`);
    }
    if (filter.active) where.push(`state = 'running'`);
    const rows = await this.db.query<BodyRow>(
      `SELECT body FROM fed_transfers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`,
      params,
    );
    return rows.map((r) => JSON.parse(r.body) as Transfer);
  }

  async transfer(id: string): Promise<Transfer | undefined> {
    const rows = await this.db.query<BodyRow>('SELECT body FROM fed_transfers WHERE id = $1', [id]);
    return rows[0] ? (JSON.parse(rows[0].body) as Transfer) : undefined;
  }

  async transferByRequest(requestId: string): Promise<Transfer | undefined> {
    const rows = await this.db.query<BodyRow>('SELECT body FROM fed_transfers WHERE request_id = $1', [
      requestId,
    ]);
    return rows[0] ? (JSON.parse(rows[0].body) as Transfer) : undefined;
  }

  async saveIncoming(i: Incoming): Promise<void> {
    await this.db.exec(
      `INSERT INTO fed_incoming (transfer_id, body) VALUES ($1, $2)
       ON CONFLICT (transfer_id) DO UPDATE SET body = excluded.body`,
      [i.transferId, JSON.stringify(i)],
    );
  }

  async incoming(transferId: string): Promise<Incoming | undefined> {
    const rows = await this.db.query<BodyRow>('SELECT body FROM fed_incoming WHERE transfer_id = $1', [
      transferId,
    ]);
    return rows[0] ? (JSON.parse(rows[0].body) as Incoming) : undefined;
  }

  async incomings(): Promise<Incoming[]> {
    const rows = await this.db.query<BodyRow>('SELECT body FROM fed_incoming ORDER BY transfer_id');
    return rows.map((r) => JSON.parse(r.body) as Incoming);
  }
}
