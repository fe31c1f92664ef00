// The SM store on both databases: what a restarted Service Manager resumes from.

import { newTask, type SqlDatabase } from '@reservoir/runtime';
import { testDatabases } from '@reservoir/runtime/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../../domain/service.js';
import { manifestFromYaml } from '../../manifest/index.js';
import { SqlSmStore } from './sql-sm-store.js';

const MANIFEST = manifestFromYaml(`id: shop
components:
  - id: web
    cpus: 1
    memoryMiB: 512
    instances: { min: 1, max: 3, initial: 2 }
`);

function service(id: string, o: Partial<Service> = {}): Service {
  return {
    id,
    name: 'Shop "ünïcode"',
    state: 'deploying',
    site: 'site-a',
    organization: 'acme',
    owner: 'ana',
    reason: '',
    requestId: `req-${id}`,
    manifest: MANIFEST,
    propertyValues: { 'web.workers': '8' },
    instances: [
      {
        id: 'web-0',
        component: 'web',
        index: 0,
        requestId: `${id}/web-0`,
        vmId: 'vm-1',
        state: 'running',
        addresses: { backend: '10.128.0.2' },
        createdAtMs: 1_700_000_000_000,
        vmState: 'running',
        host: 'h1',
        environment: '<Environment/>',
        properties: { 'reservoir.service.id': id },
      },
    ],
    nextIndex: { web: 1 },
    networkIds: { backend: 'net-1' },
    ownedNetworks: ['net-1'],
    imageIds: {},
    imageSizesMib: {},
    subnetIndex: 0,
    cooldownUntilMs: {},
    elasticity: { version: 1, rules: {}, cooldownUntilMs: { web: 5 } },
    op: { kind: 'deploy', taskId: `task-${id}` },
    queue: [{ kind: 'undeploy', taskId: 'task-later' }],
    createdAtMs: 1_700_000_000_000,
    stateSinceMs: 1_700_000_000_001,
    version: 1,
    ...o,
  };
}

for (const tdb of testDatabases()) {
  describe(`SqlSmStore on ${tdb.name}`, () => {
    let db: SqlDatabase;
    let store: SqlSmStore;

    beforeEach(async () => {
      db = await tdb.open();
      store = new SqlSmStore(db);
      await store.migrate();
      await store.migrate(); // idempotent
    });
    afterEach(async () => {
      await db.close();
    });

    it('keeps a service whole, operation and queue included, and finds it by request id', async () => {
      const s = service('svc-1', { subnetIndex: 7 });
      await store.createService(s);
      expect(await store.getService('svc-1')).toEqual(s);
      expect(await store.getServiceByRequest('req-svc-1')).toEqual(s);
      expect(await store.maxSubnetIndex()).toBe(7);
      const next = { ...s, state: 'running' as const, op: undefined, version: 2 };
      delete next.op;
      await store.saveService(next);
      expect(await store.getService('svc-1')).toEqual(next);
    });

    it('refuses a reused request id and stores nothing', async () => {
      await store.createService(service('svc-1'));
      await expect(store.createService(service('svc-2', { requestId: 'req-svc-1' }))).rejects.toMatchObject({
        code: 'ALREADY_EXISTS',
      });
      expect(await store.getService('svc-2')).toBeUndefined();
    });

    it('loads only services not ended, and lists by organization', async () => {
      await store.createService(service('svc-1'));
      await store.createService(service('svc-2', { state: 'finished', organization: 'other' }));
      await store.createService(service('svc-3', { state: 'rejected' }));
      expect((await store.loadActive()).map((s) => s.id)).toEqual(['svc-1']);
      expect((await store.listServices({ includeEnded: true })).map((s) => s.id)).toEqual([
        'svc-1',
        'svc-2',
        'svc-3',
      ]);
      expect(
        (await store.listServices({ organization: 'other', includeEnded: true })).map((s) => s.id),
      ).toEqual(['svc-2']);
      expect(await store.listServices({ organization: 'other', includeEnded: false })).toEqual([]);
    });

    it('appends events in order per service, and a new store continues the sequence', async () => {
      await store.createService(service('svc-1'));
      const base = { serviceId: 'svc-1', component: 'web', ruleId: 'r1', from: 1, to: 2, taskId: '' };
      await store.appendEvent({ ...base, timeMs: 1, kind: 'scale-out', reason: 'load' });
      await store.appendEvent({ ...base, timeMs: 2, kind: 'blocked', reason: 'cooldown' });
      const reopened = new SqlSmStore(db);
      const third = await reopened.appendEvent({ ...base, timeMs: 3, kind: 'scale-in', reason: 'quiet' });
      expect(third.seq).toBe(3);
      expect((await store.listEvents('svc-1', 0, 10)).map((e) => [e.seq, e.kind])).toEqual([
        [1, 'scale-out'],
        [2, 'blocked'],
        [3, 'scale-in'],
      ]);
      expect((await store.listEvents('svc-1', 1, 1)).map((e) => e.seq)).toEqual([2]);
    });

    it('keeps tasks for the task service', async () => {
      const t = newTask(
        {
          id: 'task-1',
          operation: 'service.deploy',
          targetKind: 'service',
          targetId: 'svc-1',
          organization: 'acme',
          owner: 'ana',
          site: 'site-a',
        },
        1,
      );
      await store.putTask(t);
      expect(await store.getTask('task-1')).toEqual(t);
      expect((await store.listActiveTasks()).map((x) => x.id)).toEqual(['task-1']);
    });
  });
}
