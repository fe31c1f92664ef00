import {
  GroupCommit,
  SqlTaskStore,
  type Migration,
  type SqlDatabase,
  type SqlValue,
  type Task,
} from '@reservoir/runtime';
import type { VeemSnapshot, VeemStore, VmSet } from '../../app/ports.js';
import type { Host } from '../../domain/host.js';
import type { Image } from '../../domain/image.js';
import type { Lease, Network } from '../../domain/network.js';
import type { Quota } from '../../domain/quota.js';
import type { Vm } from '../../domain/vm.js';

// Entities are JSON documents beside the columns that queries and constraints need
// (as OpenNebula keeps an XML body per object); leases are rows so the database itself
// guarantees an address is never leased twice.
export const VEEM_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'veem core',
    sql: `CREATE TABLE IF NOT EXISTS vms (
  id TEXT PRIMARY KEY,
  organization TEXT NOT NULL,
  state TEXT NOT NULL,
  host TEXT NOT NULL,
  request_id TEXT UNIQUE,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS vms_state ON vms (state);
CREATE INDEX IF NOT EXISTS vms_org ON vms (organization);
CREATE TABLE IF NOT EXISTS hosts (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS images (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS networks (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ip_leases (
  network_id TEXT NOT NULL,
  ip TEXT NOT NULL,
  mac TEXT NOT NULL,
  vm_id TEXT NOT NULL,
  PRIMARY KEY (network_id, ip)
);
CREATE INDEX IF NOT EXISTS ip_leases_vm ON ip_leases (vm_id);
CREATE TABLE IF NOT EXISTS quotas (organization TEXT PRIMARY KEY, body TEXT NOT NULL);`,
  },
  {
    // A VM's placement travels in its body; a set admitted by CreateVmSet is a row of its own so a
    // retried request finds it by its request id.
    version: 2,
    name: 'vm sets',
    sql: `CREATE TABLE IF NOT EXISTS vm_sets (
  id TEXT PRIMARY KEY,
  organization TEXT NOT NULL,
  request_id TEXT UNIQUE,
  body TEXT NOT NULL
);`,
  },
];

interface BodyRow extends Record<string, unknown> {
  body: string;
}

const UPSERT_VM = `INSERT INTO vms (id, organization, state, host, request_id, body) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, host = excluded.host, body = excluded.body`;

const INSERT_VM =
  'INSERT INTO vms (id, organization, state, host, request_id, body) VALUES ($1, $2, $3, $4, $5, $6)';

const INSERT_LEASE = 'INSERT INTO ip_leases (network_id, ip, mac, vm_id) VALUES ($1, $2, $3, $4)';

function vmParams(vm: Vm): SqlValue[] {
  return [vm.id, vm.organization, vm.state, vm.host, vm.requestId || null, vmBody(vm)];
}

const parse = <T>(rows: BodyRow[]): T[] => rows.map((r) => JSON.parse(r.body) as T);

function vmBody(vm: Vm): string {
  // `op: undefined` must vanish rather than be stored as null.
  return JSON.stringify(vm);
}

export class SqlVeemStore implements VeemStore {
  private readonly tasks: SqlTaskStore;
  private readonly writes: GroupCommit;

  constructor(private readonly db: SqlDatabase) {
    this.writes = new GroupCommit(db);
    this.tasks = new SqlTaskStore(db, this.writes);
  }

  async migrate(): Promise<void> {
    await this.tasks.migrate();
    await this.db.migrate('veem', VEEM_MIGRATIONS);
  }

  async load(): Promise<VeemSnapshot> {
    const [vms, hosts, images, networks, leases, quotas] = await Promise.all([
      this.db.query<BodyRow>(`SELECT body FROM vms WHERE state <> 'done' ORDER BY id`),
      this.db.query<BodyRow>('SELECT body FROM hosts ORDER BY id'),
      this.db.query<BodyRow>('SELECT body FROM images ORDER BY id'),
      this.db.query<BodyRow>('SELECT body FROM networks ORDER BY id'),
      this.db.query<{ network_id: string; ip: string; mac: string; vm_id: string }>(
        'SELECT network_id, ip, mac, vm_id FROM ip_leases',
      ),
      this.db.query<BodyRow>('SELECT body FROM quotas'),
    ]);
    return {
      vms: parse<Vm>(vms),
      hosts: parse<Host>(hosts),
      images: parse<Image>(images),
      networks: parse<Network>(networks),
      leases: leases.map((l) => ({ networkId: l.network_id, ip: l.ip, mac: l.mac, vmId: l.vm_id })),
      quotas: parse<Quota>(quotas),
    };
  }

  async createVm(vm: Vm, leases: readonly Lease[]): Promise<void> {
    // A plain INSERT: a VM id that exists already is an error, never an overwrite.
    await this.writes.execAll([
      { sql: INSERT_VM, params: vmParams(vm) },
      ...leases.map((l) => ({ sql: INSERT_LEASE, params: [l.networkId, l.ip, l.mac, l.vmId] })),
    ]);
  }

  async createVmSet(set: VmSet, vms: readonly Vm[], leases: readonly Lease[]): Promise<void> {
    await this.writes.execAll([
      {
        sql: 'INSERT INTO vm_sets (id, organization, request_id, body) VALUES ($1, $2, $3, $4)',
        params: [set.id, set.organization, set.requestId || null, JSON.stringify(set)],
      },
      ...vms.map((vm) => ({ sql: INSERT_VM, params: vmParams(vm) })),
      ...leases.map((l) => ({ sql: INSERT_LEASE, params: [l.networkId, l.ip, l.mac, l.vmId] })),
    ]);
  }

  async getVmSetByRequest(requestId: string): Promise<VmSet | undefined> {
    return parse<VmSet>(
      await this.db.query<BodyRow>('SELECT body FROM vm_sets WHERE request_id = $1', [requestId]),
    )[0];
  }

  async saveVm(vm: Vm): Promise<void> {
    await this.writes.exec(UPSERT_VM, vmParams(vm));
  }

  async finishVm(vm: Vm): Promise<void> {
    await this.writes.execAll([
      { sql: UPSERT_VM, params: vmParams(vm) },
      { sql: 'DELETE FROM ip_leases WHERE vm_id = $1', params: [vm.id] },
    ]);
  }

  async getVm(id: string): Promise<Vm | undefined> {
    return parse<Vm>(await this.db.query<BodyRow>('SELECT body FROM vms WHERE id = $1', [id]))[0];
  }

  async listDoneVms(organization: string | undefined, limit: number): Promise<Vm[]> {
    const rows = organization
      ? await this.db.query<BodyRow>(
          `SELECT body FROM vms WHERE state = 'done' AND organization = $1 ORDER BY id DESC LIMIT $2`,
          [organization, limit],
        )
      : await this.db.query<BodyRow>(`SELECT body FROM vms WHERE state = 'done' ORDER BY id DESC LIMIT $1`, [
          limit,
        ]);
    return parse<Vm>(rows);
  }

  async saveHost(h: Host): Promise<void> {
    await this.db.exec(
      'INSERT INTO hosts (id, name, body) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body',
      [h.id, h.name, JSON.stringify(h)],
    );
  }

  async deleteHost(id: string): Promise<void> {
    await this.db.exec('DELETE FROM hosts WHERE id = $1', [id]);
  }

  async saveImage(i: Image): Promise<void> {
    await this.db.exec(
      'INSERT INTO images (id, body) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET body = excluded.body',
      [i.id, JSON.stringify(i)],
    );
  }

  async deleteImage(id: string): Promise<void> {
    await this.db.exec('DELETE FROM images WHERE id = $1', [id]);
  }

  async saveNetwork(n: Network): Promise<void> {
    await this.db.exec(
      'INSERT INTO networks (id, body) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET body = excluded.body',
      [n.id, JSON.stringify(n)],
    );
  }

  async deleteNetwork(id: string): Promise<void> {
    await this.db.exec('DELETE FROM networks WHERE id = $1', [id]);
  }

  async saveQuota(q: Quota): Promise<void> {
    await this.db.exec(
      'INSERT INTO quotas (organization, body) VALUES ($1, $2) ON CONFLICT (organization) DO UPDATE SET body = excluded.body',
      [q.organization, JSON.stringify(q)],
    );
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

  close(): Promise<void> {
    return this.db.close();
  }
}
