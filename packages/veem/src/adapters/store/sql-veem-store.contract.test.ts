// The VEEM store on both databases: what the VEEM relies on when it restarts from it.

import {
  isReservoirError,
  type ReservoirError,
  type SqlDatabase,
  type SqlExecutor,
  type Task,
} from '@reservoir/runtime';
import { testDatabases } from '@reservoir/runtime/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Host } from '../../domain/host.js';
import type { Image } from '../../domain/image.js';
import type { Lease, Network } from '../../domain/network.js';
import type { Quota } from '../../domain/quota.js';
import type { Vm } from '../../domain/vm.js';
import type { VmSet } from '../../app/ports.js';
import { SqlVeemStore } from './sql-veem-store.js';
import { testHost, testVm } from '../../testing/fixtures.js';

function vm(id: string, o: Partial<Vm> = {}): Vm {
  return testVm(id, {
    imageId: 'img-1',
    diskFormat: 'qcow2',
    labels: { tier: 'web', ünïcode: 'ok "quoted"' },
    requirements: { zone: 'a' },
    createdAtMs: 1_700_000_000_000,
    stateSinceMs: 1_700_000_000_123,
    op: { kind: 'deploy' },
    taskId: `task-${id}`,
    ...o,
  });
}

function lease(vmId: string, ip: string, networkId = 'net-1'): Lease {
  return { networkId, ip, mac: `02:00:0a:00:00:${ip.split('.')[3]!.padStart(2, '0')}`, vmId };
}

const host: Host = testHost('host-1', {
  name: 'node-1',
  agentHostId: 'agent-host-1',
  overcommit: { cpu: 4, memory: 1.5, disk: 1 },
  profile: {
    hypervisorVersion: '8.2',
    maxVcpusPerVm: 240,
    maxMemoryMibPerVm: 4_194_304,
    memoryHotplug: false,
  },
  labels: { zone: 'a' },
  cpuUsedPercent: 123.4,
  memoryUsedMib: 2048,
  lastSeenMs: 1_700_000_000_000,
  createdAtMs: 1_699_000_000_000,
});

const image: Image = {
  id: 'img-1',
  name: 'ubuntu',
  format: 'qcow2',
  sizeMib: 2048,
  checksum: `sha256:${'ab'.repeat(32)}`,
  organization: 'acme',
  owner: 'alice',
  state: 'ready',
  source: 'file:///images/ubuntu.qcow2',
  createdAtMs: 1,
};

const network: Network = {
  id: 'net-1',
  name: 'lan',
  cidr: '10.0.0.0/24',
  gateway: '10.0.0.1',
  rangeStart: '10.0.0.2',
  rangeEnd: '10.0.0.254',
  organization: 'acme',
  scope: 'organization',
  vlan: 42,
  createdAtMs: 2,
};

const quota: Quota = { organization: 'acme', maxVms: 10, maxVcpus: 40, maxMemoryMib: 65_536, maxDiskMib: 0 };

function task(id: string, o: Partial<Task> = {}): Task {
  return {
    id,
    operation: 'vm.create',
    targetKind: 'vm',
    targetId: 'vm-1',
    state: 'queued',
    progress: 0,
    message: 'queued',
    organization: 'acme',
    owner: 'alice',
    site: 'site-a',
    createdAtMs: 1,
    ...o,
  };
}

async function rejection(promise: Promise<unknown>): Promise<ReservoirError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isReservoirError(e)) throw new Error(`expected a ReservoirError, got ${String(e)}`);
  return e;
}

/** The same database, except that a statement matching `fails` throws inside transactions. */
function failingInTransactions(db: SqlDatabase, fails: RegExp): SqlDatabase {
  return {
    dialect: db.dialect,
    exec: (sql, params) => db.exec(sql, params),
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) =>
      db.transaction((tx) => {
        const wrapped: SqlExecutor = {
          dialect: tx.dialect,
          exec: async (sql, params) => {
            if (fails.test(sql)) throw new Error('injected failure');
            return tx.exec(sql, params);
          },
          query: (sql, params) => tx.query(sql, params),
        };
        return fn(wrapped);
      }),
    migrate: (component, migrations) => db.migrate(component, migrations),
    tryLock: (name) => db.tryLock(name),
    close: () => db.close(),
  };
}

const sortLeases = (ls: Lease[]) =>
  [...ls].sort((a, b) => `${a.networkId} ${a.ip}`.localeCompare(`${b.networkId} ${b.ip}`));

describe.each(testDatabases())('SqlVeemStore contract: $name', ({ open }) => {
  let db: SqlDatabase;
  let store: SqlVeemStore;

  beforeEach(async () => {
    db = await open();
    store = new SqlVeemStore(db);
    await store.migrate();
  });

  afterEach(async () => {
    await store.close();
  });

  describe('migrate', () => {
    it('can run again on a migrated database without losing data', async () => {
      await store.createVm(vm('vm-1'), []);
      await store.saveHost(host);
      await store.migrate();
      await new SqlVeemStore(db).migrate();
      expect(await store.getVm('vm-1')).toEqual(vm('vm-1'));
      expect((await store.load()).hosts).toEqual([host]);
    });

    it('starts empty', async () => {
      expect(await store.load()).toEqual({
        vms: [],
        hosts: [],
        images: [],
        networks: [],
        leases: [],
        quotas: [],
      });
    });
  });

  describe('VMs', () => {
    it('round-trips a pending VM with a one-time deploy host', async () => {
      const v = vm('vm-1', {
        deployHost: 'host-1',
        requestId: 'req-1',
        reason: 'no host fits: excluded on 1 host',
      });
      await store.createVm(v, []);
      expect(await store.getVm('vm-1')).toEqual(v);
      const placed: Vm = { ...v, state: 'prolog', host: 'host-1', deployHost: '', version: 2 };
      await store.saveVm(placed);
      expect((await store.load()).vms).toEqual([placed]);
    });

    it('round-trips a VM with every field, including its operation', async () => {
      const v = vm('vm-1', {
        state: 'migrating',
        host: 'host-1',
        migrationTarget: 'host-2',
        nics: [{ networkId: 'net-1', ip: '10.0.0.2', mac: '02:00:0a:00:00:02' }],
        snapshots: ['s1', 's2'],
        op: { kind: 'migrate', target: 'host-2', live: true, resumeState: 'running' },
        opFrom: 'running',
        previousState: 'running',
        requestId: 'req-1',
        version: 7,
      });
      await store.createVm(v, [lease('vm-1', '10.0.0.2')]);
      expect(await store.getVm('vm-1')).toEqual(v);
      const loaded = await store.load();
      expect(loaded.vms).toEqual([v]);
      expect(loaded.leases).toEqual([lease('vm-1', '10.0.0.2')]);
    });

    it('round-trips placement constraints, and a VM without any has none', async () => {
      const v = vm('vm-1', {
        placement: {
          groups: [
            { name: 'web', type: 'anti-affinity', scope: 'host', hard: true, min: 0 },
            { name: 'zones', type: 'spread', scope: 'zone', hard: true, min: 3 },
          ],
          allowedHosts: ['host-1', 'node-2'],
          forbiddenHosts: ['node-9'],
          allowedLabels: { zone: ['a', 'b'], 'rack/row': ['ünïcode "quoted"'] },
          setId: 'set-1',
        },
      });
      await store.createVm(v, []);
      await store.createVm(vm('vm-2'), []);
      expect(await store.getVm('vm-1')).toEqual(v);
      const placed: Vm = { ...v, state: 'prolog', host: 'host-1', version: 2 };
      await store.saveVm(placed);
      const loaded = await store.load();
      expect(loaded.vms).toEqual([placed, vm('vm-2')]);
      expect(loaded.vms[1]).not.toHaveProperty('placement');
    });

    it('saves updates, and an operation that ended is gone rather than null', async () => {
      await store.createVm(vm('vm-1', { op: { kind: 'resize', vcpus: 4, memoryMib: 4096 } }), []);
      const { op: _ended, ...rest } = vm('vm-1');
      const updated: Vm = { ...rest, state: 'running', host: 'host-1', version: 2, op: undefined };
      await store.saveVm(updated);
      const got = await store.getVm('vm-1');
      expect(got).toEqual(updated);
      expect(got && 'op' in got).toBe(false);
      expect((await store.load()).vms[0]).not.toHaveProperty('op');
    });

    it('returns undefined for an unknown VM', async () => {
      expect(await store.getVm('nope')).toBeUndefined();
    });

    it('loads VMs in id order', async () => {
      for (const id of ['vm-3', 'vm-1', 'vm-2']) await store.createVm(vm(id), []);
      expect((await store.load()).vms.map((v) => v.id)).toEqual(['vm-1', 'vm-2', 'vm-3']);
    });

    it('leaves done VMs out of load, but getVm and listDoneVms still find them', async () => {
      await store.createVm(vm('vm-1'), []);
      await store.createVm(vm('vm-2'), []);
      await store.finishVm(vm('vm-1', { state: 'done', version: 2 }));
      // A plain save that reaches done counts too.
      await store.saveVm(vm('vm-2', { state: 'done', version: 2 }));
      await store.createVm(vm('vm-3', { state: 'running', host: 'host-1' }), []);
      expect((await store.load()).vms.map((v) => v.id)).toEqual(['vm-3']);
      expect(await store.getVm('vm-1')).toEqual(vm('vm-1', { state: 'done', version: 2 }));
      expect((await store.listDoneVms(undefined, 100)).map((v) => v.id).sort()).toEqual(['vm-1', 'vm-2']);
    });

    it('lists done VMs newest id first, per organization, up to the limit', async () => {
      const ids = ['vm-a1', 'vm-a2', 'vm-a3', 'vm-b1', 'vm-b2'];
      for (const id of ids) {
        const organization = id.startsWith('vm-a') ? 'acme' : 'globex';
        await store.createVm(vm(id, { organization }), []);
        await store.finishVm(vm(id, { organization, state: 'done', version: 2 }));
      }
      await store.createVm(vm('vm-a9', { organization: 'acme' }), []);
      expect((await store.listDoneVms(undefined, 100)).map((v) => v.id)).toEqual([
        'vm-b2',
        'vm-b1',
        'vm-a3',
        'vm-a2',
        'vm-a1',
      ]);
      expect((await store.listDoneVms('acme', 100)).map((v) => v.id)).toEqual(['vm-a3', 'vm-a2', 'vm-a1']);
      expect((await store.listDoneVms('acme', 2)).map((v) => v.id)).toEqual(['vm-a3', 'vm-a2']);
      expect((await store.listDoneVms(undefined, 1)).map((v) => v.id)).toEqual(['vm-b2']);
      expect(await store.listDoneVms('initech', 100)).toEqual([]);
    });
  });

  describe('createVm', () => {
    it('stores the VM and all its leases', async () => {
      const leases = [lease('vm-1', '10.0.0.2'), lease('vm-1', '10.0.1.2', 'net-2')];
      await store.createVm(vm('vm-1'), leases);
      expect(sortLeases((await store.load()).leases)).toEqual(sortLeases(leases));
    });

    it('stores nothing when an address is already leased', async () => {
      await store.createVm(vm('vm-1'), [lease('vm-1', '10.0.0.2')]);
      const e = await rejection(
        store.createVm(vm('vm-2'), [lease('vm-2', '10.0.0.3'), lease('vm-2', '10.0.0.2')]),
      );
      expect(e.code).toBe('ALREADY_EXISTS');
      expect(await store.getVm('vm-2')).toBeUndefined();
      const loaded = await store.load();
      expect(loaded.vms.map((v) => v.id)).toEqual(['vm-1']);
      expect(loaded.leases).toEqual([lease('vm-1', '10.0.0.2')]);
      // The same address on another network is a different lease.
      await store.createVm(vm('vm-2'), [lease('vm-2', '10.0.0.2', 'net-2')]);
      expect((await store.load()).leases).toHaveLength(2);
    });

    it('refuses the same address twice in one VM', async () => {
      const e = await rejection(
        store.createVm(vm('vm-1'), [lease('vm-1', '10.0.0.5'), lease('vm-1', '10.0.0.5')]),
      );
      expect(e.code).toBe('ALREADY_EXISTS');
      expect(await store.load()).toMatchObject({ vms: [], leases: [] });
    });

    it('refuses a second VM with the same request id, storing neither it nor its leases', async () => {
      await store.createVm(vm('vm-1', { requestId: 'req-1' }), [lease('vm-1', '10.0.0.2')]);
      const e = await rejection(
        store.createVm(vm('vm-2', { requestId: 'req-1' }), [lease('vm-2', '10.0.0.3')]),
      );
      expect(e.code).toBe('ALREADY_EXISTS');
      expect(await store.getVm('vm-2')).toBeUndefined();
      expect((await store.load()).leases).toEqual([lease('vm-1', '10.0.0.2')]);
    });

    it('keeps a request id reserved after its VM is done', async () => {
      await store.createVm(vm('vm-1', { requestId: 'req-1' }), []);
      await store.finishVm(vm('vm-1', { requestId: 'req-1', state: 'done' }));
      expect((await rejection(store.createVm(vm('vm-2', { requestId: 'req-1' }), []))).code).toBe(
        'ALREADY_EXISTS',
      );
    });

    it('accepts any number of VMs without a request id', async () => {
      for (let i = 0; i < 5; i++) await store.createVm(vm(`vm-${i}`, { requestId: '' }), []);
      expect((await store.load()).vms).toHaveLength(5);
    });

    it('refuses an id that already exists instead of overwriting that VM', async () => {
      const first = vm('vm-1', { state: 'running', host: 'host-1', version: 3 });
      await store.createVm(first, [lease('vm-1', '10.0.0.2')]);
      const e = await rejection(
        store.createVm(vm('vm-1', { name: 'impostor' }), [lease('vm-1', '10.0.0.3')]),
      );
      expect(e.code).toBe('ALREADY_EXISTS');
      expect(await store.getVm('vm-1')).toEqual(first);
      expect((await store.load()).leases).toEqual([lease('vm-1', '10.0.0.2')]);
    });
  });

  describe('VM sets', () => {
    const set = (id: string, requestId: string, vmIds: string[]): VmSet => ({
      id,
      organization: 'acme',
      owner: 'alice',
      requestId,
      vmIds,
      createdAtMs: 5,
    });

    it('stores a set with its VMs and leases at once, and finds it by request id', async () => {
      const members = [vm('vm-1', { deployHost: 'host-1' }), vm('vm-2', { deployHost: 'host-2' })];
      await store.createVmSet(set('set-1', 'req-1', ['vm-1', 'vm-2']), members, [lease('vm-1', '10.0.0.2')]);
      expect(await store.getVmSetByRequest('req-1')).toEqual(set('set-1', 'req-1', ['vm-1', 'vm-2']));
      expect(await store.getVmSetByRequest('req-2')).toBeUndefined();
      const loaded = await store.load();
      expect(loaded.vms).toEqual(members);
      expect(loaded.leases).toEqual([lease('vm-1', '10.0.0.2')]);
    });

    it('stores nothing of a set whose request id, VM or address is taken', async () => {
      await store.createVmSet(set('set-1', 'req-1', ['vm-1']), [vm('vm-1')], [lease('vm-1', '10.0.0.2')]);
      const again = await rejection(store.createVmSet(set('set-2', 'req-1', ['vm-2']), [vm('vm-2')], []));
      expect(again.code).toBe('ALREADY_EXISTS');
      const clash = await rejection(
        store.createVmSet(
          set('set-3', 'req-3', ['vm-3', 'vm-4']),
          [vm('vm-3'), vm('vm-4')],
          [lease('vm-3', '10.0.0.3'), lease('vm-4', '10.0.0.2')],
        ),
      );
      expect(clash.code).toBe('ALREADY_EXISTS');
      expect(await store.getVmSetByRequest('req-3')).toBeUndefined();
      const loaded = await store.load();
      expect(loaded.vms.map((v) => v.id)).toEqual(['vm-1']);
      expect(loaded.leases).toEqual([lease('vm-1', '10.0.0.2')]);
    });

    it('keeps sets without a request id apart', async () => {
      await store.createVmSet(set('set-1', '', ['vm-1']), [vm('vm-1')], []);
      await store.createVmSet(set('set-2', '', ['vm-2']), [vm('vm-2')], []);
      expect((await store.load()).vms).toHaveLength(2);
    });
  });

  describe('finishVm', () => {
    it('saves the done VM and frees exactly its leases', async () => {
      await store.createVm(vm('vm-1', { state: 'running' }), [
        lease('vm-1', '10.0.0.2'),
        lease('vm-1', '10.0.1.2', 'net-2'),
      ]);
      await store.createVm(vm('vm-2'), [lease('vm-2', '10.0.0.3')]);
      await store.finishVm(vm('vm-1', { state: 'done', version: 5 }));
      expect((await store.getVm('vm-1'))?.state).toBe('done');
      expect((await store.load()).leases).toEqual([lease('vm-2', '10.0.0.3')]);
      // The freed address can be leased again.
      await store.createVm(vm('vm-3'), [lease('vm-3', '10.0.0.2')]);
      expect(sortLeases((await store.load()).leases).map((l) => l.vmId)).toEqual(['vm-3', 'vm-2']);
    });

    it('changes nothing when freeing the leases fails', async () => {
      const running = vm('vm-1', { state: 'running', host: 'host-1' });
      await store.createVm(running, [lease('vm-1', '10.0.0.2')]);
      const broken = new SqlVeemStore(failingInTransactions(db, /DELETE FROM ip_leases/));
      await expect(broken.finishVm(vm('vm-1', { state: 'done', version: 2 }))).rejects.toThrow(
        'injected failure',
      );
      expect(await store.getVm('vm-1')).toEqual(running);
      expect((await store.load()).leases).toEqual([lease('vm-1', '10.0.0.2')]);
    });
  });

  describe('catalog', () => {
    it('round-trips, updates and deletes hosts', async () => {
      await store.saveHost(host);
      const second: Host = { ...host, id: 'host-2', name: 'node-2', labels: {} };
      await store.saveHost(second);
      const renamed: Host = { ...host, name: 'node-1b', admin: 'maintenance', cpuUsedPercent: 50 };
      await store.saveHost(renamed);
      expect((await store.load()).hosts).toEqual([renamed, second]);
      await store.deleteHost('host-1');
      expect((await store.load()).hosts).toEqual([second]);
    });

    it('refuses two hosts with one name', async () => {
      await store.saveHost(host);
      expect((await rejection(store.saveHost({ ...host, id: 'host-9' }))).code).toBe('ALREADY_EXISTS');
      expect((await store.load()).hosts).toEqual([host]);
    });

    it('round-trips, updates and deletes images', async () => {
      await store.saveImage(image);
      await store.saveImage({ ...image, id: 'img-2', format: 'raw', name: 'debian' });
      await store.saveImage({ ...image, state: 'disabled' });
      expect((await store.load()).images).toEqual([
        { ...image, state: 'disabled' },
        { ...image, id: 'img-2', format: 'raw', name: 'debian' },
      ]);
      await store.deleteImage('img-1');
      expect((await store.load()).images.map((i) => i.id)).toEqual(['img-2']);
    });

    it('round-trips, updates and deletes networks', async () => {
      await store.saveNetwork(network);
      await store.saveNetwork({ ...network, vlan: 7 });
      expect((await store.load()).networks).toEqual([{ ...network, vlan: 7 }]);
      await store.deleteNetwork('net-1');
      expect((await store.load()).networks).toEqual([]);
    });

    it('keeps one quota per organization', async () => {
      await store.saveQuota(quota);
      await store.saveQuota({ ...quota, maxVms: 20 });
      await store.saveQuota({ ...quota, organization: 'globex' });
      const quotas = (await store.load()).quotas.sort((a, b) => a.organization.localeCompare(b.organization));
      expect(quotas).toEqual([
        { ...quota, maxVms: 20 },
        { ...quota, organization: 'globex' },
      ]);
    });
  });

  describe('tasks', () => {
    it('round-trips a task and its updates', async () => {
      await store.putTask(task('task-1'));
      const done = task('task-1', {
        state: 'failed',
        progress: 40,
        message: 'failed',
        errorCode: 'UNAVAILABLE',
        errorMessage: 'host gone',
        startedAtMs: 2,
        endedAtMs: 3,
      });
      await store.putTask(done);
      expect(await store.getTask('task-1')).toEqual(done);
      expect(await store.getTask('task-9')).toBeUndefined();
    });

    it('lists active tasks only, in id order', async () => {
      await store.putTask(task('task-3', { state: 'running' }));
      await store.putTask(task('task-1'));
      await store.putTask(task('task-2', { state: 'succeeded' }));
      await store.putTask(task('task-4', { state: 'canceled' }));
      expect((await store.listActiveTasks()).map((t) => t.id)).toEqual(['task-1', 'task-3']);
    });

    it('filters by target and activity, pages after an id, and limits', async () => {
      const states = ['queued', 'succeeded', 'running', 'failed', 'queued', 'succeeded'] as const;
      for (const [i, state] of states.entries()) {
        await store.putTask(task(`task-${i}`, { state, targetId: i % 2 === 0 ? 'vm-a' : 'vm-b' }));
      }
      const ids = (ts: Task[]) => ts.map((t) => t.id);
      expect(ids(await store.listTasks({}))).toEqual([
        'task-0',
        'task-1',
        'task-2',
        'task-3',
        'task-4',
        'task-5',
      ]);
      expect(ids(await store.listTasks({ targetId: 'vm-a' }))).toEqual(['task-0', 'task-2', 'task-4']);
      expect(ids(await store.listTasks({ activeOnly: true }))).toEqual(['task-0', 'task-2', 'task-4']);
      expect(ids(await store.listTasks({ targetId: 'vm-b', activeOnly: true }))).toEqual([]);
      expect(ids(await store.listTasks({ afterId: 'task-2' }))).toEqual(['task-3', 'task-4', 'task-5']);
      expect(ids(await store.listTasks({ limit: 2 }))).toEqual(['task-0', 'task-1']);
      // Paging with afterId and limit walks the whole list once.
      const pages: string[][] = [];
      let after: string | undefined;
      for (;;) {
        const page = ids(await store.listTasks({ limit: 4, ...(after ? { afterId: after } : {}) }));
        if (page.length === 0) break;
        pages.push(page);
        after = page.at(-1);
      }
      expect(pages).toEqual([
        ['task-0', 'task-1', 'task-2', 'task-3'],
        ['task-4', 'task-5'],
      ]);
      expect(
        ids(await store.listTasks({ targetId: 'vm-a', activeOnly: true, afterId: 'task-0', limit: 1 })),
      ).toEqual(['task-2']);
    });
  });
});
