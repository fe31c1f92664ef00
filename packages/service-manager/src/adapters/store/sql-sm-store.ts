import { GroupCommit, SqlTaskStore, type Migration, type SqlDatabase, type Task } from '@reservoir/runtime';
import { errors, isReservoirError } from '@reservoir/runtime';
import type { SmStore } from '../../app/ports.js';
import type { Service, ServiceEvent } from '../../domain/service.js';

// Services are JSON documents beside the columns listings and constraints need; events are
// rows keyed by (service, seq) so the log is append-only and read in order.
export const SM_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'service manager core',
    sql: `CREATE TABLE IF NOT EXISTS services (
  id TEXT PRIMARY KEY,
  organization TEXT NOT NULL,
  state TEXT NOT NULL,
  request_id TEXT UNIQUE,
  subnet_index INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS services_state ON services (state);
CREATE TABLE IF NOT EXISTS service_events (
  service_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (service_id, seq)
);`,
  },
];

const ENDED = `('finished', 'rejected')`;

interface BodyRow extends Record<string, unknown> {
  body: string;
}

const parse = <T>(rows: BodyRow[]): T[] => rows.map((r) => JSON.parse(r.body) as T);

export class SqlSmStore implements SmStore {
  private readonly tasks: SqlTaskStore;
  private readonly writes: GroupCommit;
  /** Last event seq per service; one SM writes a site's events. */
  private readonly seqs = new Map<string, number>();

  constructor(private readonly db: SqlDatabase) {
    this.writes = new GroupCommit(db);
    this.tasks = new SqlTaskStore(db, this.writes);
  }

  async migrate(): Promise<void> {
    await this.tasks.migrate();
    await this.db.migrate('sm', SM_MIGRATIONS);
  }

  async loadActive(): Promise<Service[]> {
    return parse<Service>(
      await this.db.query<BodyRow>(`SELECT body FROM services WHERE state NOT IN ${ENDED} ORDER BY id`),
    );
  }

  async createService(s: Service): Promise<void> {
    try {
      await this.db.exec(
        'INSERT INTO services (id, organization, state, request_id, subnet_index, body) VALUES ($1, $2, $3, $4, $5, $6)',
        [s.id, s.organization, s.state, s.requestId || null, s.subnetIndex, JSON.stringify(s)],
      );
    } catch (e) {
      if (isReservoirError(e) && e.code === 'ALREADY_EXISTS')
        throw errors.exists('service request', s.requestId || s.id);
      throw e;
    }
  }

  async saveService(s: Service): Promise<void> {
    await this.writes.exec('UPDATE services SET state = $2, subnet_index = $3, body = $4 WHERE id = $1', [
      s.id,
      s.state,
      s.subnetIndex,
      JSON.stringify(s),
    ]);
  }

  async getService(id: string): Promise<Service | undefined> {
    return parse<Service>(await this.db.query<BodyRow>('SELECT body FROM services WHERE id = $1', [id]))[0];
  }

  async getServiceByRequest(requestId: string): Promise<Service | undefined> {
    return parse<Service>(
      await this.db.query<BodyRow>('SELECT body FROM services WHERE request_id = $1', [requestId]),
    )[0];
  }

  async listServices(filter: { organization?: string; includeEnded: boolean }): Promise<Service[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (!filter.includeEnded) where.push(`state NOT IN ${ENDED}`);
    if (filter.organization) {
      params.push(filter.organization);
      where.push(`organization = $${params.length}`);
    }
    const sql = `SELECT body FROM services${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    return parse<Service>(await this.db.query<BodyRow>(sql, params));
  }

  async appendEvent(e: Omit<ServiceEvent, 'seq'>): Promise<ServiceEvent> {
    let last = this.seqs.get(e.serviceId);
    if (last === undefined) {
      const rows = await this.db.query<{ m: number | string | null }>(
        'SELECT MAX(seq) AS m FROM service_events WHERE service_id = $1',
        [e.serviceId],
      );
      last = Number(rows[0]?.m ?? 0);
    }
    const event: ServiceEvent = { ...e, seq: last + 1 };
    this.seqs.set(e.serviceId, event.seq);
    await this.writes.exec('INSERT INTO service_events (service_id, seq, body) VALUES ($1, $2, $3)', [
      e.serviceId,
      event.seq,
      JSON.stringify(event),
    ]);
    return event;
  }

  async listEvents(serviceId: string, afterSeq: number, limit: number): Promise<ServiceEvent[]> {
    return parse<ServiceEvent>(
      await this.db.query<BodyRow>(
        'SELECT body FROM service_events WHERE service_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [serviceId, afterSeq, limit],
      ),
    );
  }

  async maxSubnetIndex(): Promise<number> {
    const rows = await this.db.query<{ m: number | string | null }>(
      'SELECT MAX(subnet_index) AS m FROM services',
    );
    return Number(rows[0]?.m ?? -1);
  }

  putTask(t: Task): Promise<void> {
    return this.tasks.putTask(t);
  }
  getTask(id: string): Promise<Task | undefined> {
    return this.tasks.getTask(id);
  }
  listActiveTasks(): Promise<Task[]> {
    return this.tasks.listActiveTasks();
  }
  listTasks(filter: Parameters<SqlTaskStore['listTasks']>[0]): Promise<Task[]> {
    return this.tasks.listTasks(filter);
  }

  async close(): Promise<void> {
    // The database belongs to the caller; writes are awaited by their callers.
  }
}
