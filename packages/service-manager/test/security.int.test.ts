import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceManagerServiceDefinition, TaskServiceDefinition } from '@reservoir/contracts';
import { createClient, silentLogger } from '@reservoir/runtime';
import { securityFixture, type SecurityFixture } from '@reservoir/security';
import { createServiceManager, type RunningServiceManager } from '../src/create-service-manager.js';
import { startSmSite, waitTask, type SmSite } from './harness.js';

// The Service Manager behind its enforcement point: callers are authenticated, a service belongs
// to the organization and user that deployed it, other organizations neither see nor touch it,
// and an organization's quota of services holds.

const MANIFEST = `id: web
name: Web shop
components:
  - id: front
    cpus: 1
    memoryMiB: 256
    instances: { min: 1, max: 3, initial: 1 }
`;

describe('Service Manager access control', () => {
  let site: SmSite;
  let sm: RunningServiceManager;
  let fixture: SecurityFixture;
  const clients: { close(): void }[] = [];

  /** The SMI and TaskService as one caller (no credential: anonymous). */
  const as = (credential?: string) => {
    const o = { deadlineMs: 30_000, ...(credential ? { metadata: { authorization: credential } } : {}) };
    const c = {
      services: createClient(ServiceManagerServiceDefinition, sm.address, o),
      tasks: createClient(TaskServiceDefinition, sm.address, o),
    };
    clients.push(c.services, c.tasks);
    return c;
  };

  beforeAll(async () => {
    fixture = await securityFixture({ service: 'sm@site-a' });
    site = await startSmSite({ hosts: 2, sm: false });
    sm = await createServiceManager({
      site: site.site,
      database: `sqlite:${join(site.dir, 'sm-secured.db')}`,
      veem: site.veem.address,
      policyEngine: site.pe.address,
      mqtt: site.bus,
      logger: silentLogger(),
      settings: { pollMs: 50, kpiEndpoint: site.monitoring.address },
      enforce: fixture.security.enforce,
    });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await sm?.stop();
    await site?.stop();
    await fixture?.close();
  });

  it('refuses anonymous callers on every service it serves', async () => {
    const anonymous = as();
    await expect(anonymous.services.listServices({})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(anonymous.services.deployService({ manifest: MANIFEST })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(anonymous.tasks.listTasks({})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('keeps a service to its organization: the owner deploys it, another organization neither sees nor touches it', async () => {
    const ann = as(await fixture.user('acme', ['service-provider'], 'ann'));
    const deployed = await ann.services.deployService({ manifest: MANIFEST, requestId: 'acme-web-1' });
    expect(deployed.service).toMatchObject({ organization: 'acme', owner: 'user:ann@acme' });
    const id = deployed.service!.id!;
    expect((await waitTask(ann, deployed.task!.id!)).state).toBe('succeeded');
    expect(await ann.services.getService({ id })).toMatchObject({ id, state: 'running' });
    expect((await ann.services.listServices({})).services?.map((s) => s.id)).toEqual([id]);

    // A provider of acme cannot put a service in another organization.
    await expect(
      ann.services.deployService({ manifest: MANIFEST, organization: 'globex' }),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });

    // globex's own admin: the strongest role there, and nothing over acme.
    const gus = as(await fixture.user('globex', ['org-admin'], 'gus'));
    expect((await gus.services.listServices({})).services ?? []).toEqual([]);
    expect((await gus.services.listServices({ includeFinished: true })).services ?? []).toEqual([]);
    expect((await gus.tasks.listTasks({})).tasks ?? []).toEqual([]);
    await expect(gus.services.listServices({ organization: 'acme' })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    const denials: [string, () => Promise<unknown>][] = [
      ['service.read', () => gus.services.getService({ id })],
      ['service.read', () => gus.services.listEvents({ id })],
      ['service.read', () => gus.services.exportService({ id })],
      ['service.read', () => gus.tasks.getTask({ id: deployed.task!.id! })],
      ['service.scale', () => gus.services.scaleService({ id, component: 'front', instances: 2 })],
      ['service.update', () => gus.services.updateRules({ id, document: 'rules: []' })],
      ['service.undeploy', () => gus.services.undeployService({ id })],
      ['service.suspend', () => gus.services.suspendService({ id, reason: 'no' })],
    ];
    for (const [action, call] of denials) {
      const err = (await call().catch((e: unknown) => e)) as { code: string; message: string };
      expect(err, action).toMatchObject({ code: 'PERMISSION_DENIED' });
      expect(err.message).toContain(`user:gus@globex may not ${action} service "${id}"`);
      const seq = Number(/audit entry (\d+)/.exec(err.message)?.[1]);
      const [entry] = await fixture.security.audit.query({ afterSeq: seq - 1, limit: 1 });
      expect(entry).toMatchObject({
        seq,
        principal: 'user:gus@globex',
        action,
        decision: 'Deny',
        resource: { type: 'service', id, organization: 'acme' },
      });
    }
    // Still running, at its size, after all that.
    expect(await ann.services.getService({ id })).toMatchObject({ state: 'running' });
    expect((await ann.services.getService({ id })).components?.[0]?.instances).toHaveLength(1);

    // A viewer of acme reads it but changes nothing.
    const vic = as(await fixture.user('acme', ['viewer'], 'vic'));
    expect((await vic.services.listServices({})).services?.map((s) => s.id)).toEqual([id]);
    expect((await vic.tasks.listTasks({})).tasks?.map((t) => t.targetId)).toContain(id);
    await expect(vic.services.scaleService({ id, component: 'front', instances: 2 })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });

    // A service it does not hold: a system admin (as the platform's services are) learns it is
    // missing, so it can ask every site's SM in turn; anyone else is denied.
    const admin = as(await fixture.user('system', ['system-admin'], 'root'));
    await expect(admin.services.getService({ id: 'svc-missing' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(gus.services.getService({ id: 'svc-missing' })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    expect((await admin.services.listServices({})).services?.map((s) => s.id)).toEqual([id]);
  });

  it('holds an organization to its quota of services; a retried deploy is not a new one', async () => {
    await fixture.quotas('acme', { services: 1 });
    const ann = as(await fixture.user('acme', ['service-provider'], 'ann2'));
    const err = (await ann.services
      .deployService({ manifest: MANIFEST, requestId: 'acme-web-2' })
      .catch((e: unknown) => e)) as { code: string; message: string };
    expect(err).toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
    expect(err.message).toMatch(
      /organization "acme" is over its quota of services: it holds 1, .* limit is 1/,
    );
    const retried = await ann.services.deployService({ manifest: MANIFEST, requestId: 'acme-web-1' });
    expect(retried.service).toMatchObject({ organization: 'acme', owner: 'user:ann@acme' });
    expect((await ann.services.listServices({})).services).toHaveLength(1);

    // VMs count too: scaling past the quota is refused, within it goes through.
    await fixture.quotas('acme', { services: 1, vms: 2 });
    const id = retried.service!.id!;
    await expect(ann.services.scaleService({ id, component: 'front', instances: 3 })).rejects.toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
      message: expect.stringMatching(/quota of VMs: it holds 1, this asks for 2 more, the limit is 2/),
    });
    const scaled = await ann.services.scaleService({ id, component: 'front', instances: 2 });
    expect((await waitTask(ann, scaled.task!.id!)).state).toBe('succeeded');

    // The globex organization has no such limit.
    const gil = as(await fixture.user('globex', ['service-provider'], 'gil'));
    const theirs = await gil.services.deployService({ manifest: MANIFEST });
    expect(theirs.service).toMatchObject({ organization: 'globex', owner: 'user:gil@globex' });
    expect((await ann.services.listServices({})).services?.map((s) => s.id)).toEqual([id]);
  });
});
