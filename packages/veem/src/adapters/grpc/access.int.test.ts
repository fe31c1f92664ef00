import {
  HostServiceDefinition,
  ImageServiceDefinition,
  NetworkServiceDefinition,
  QuotaServiceDefinition,
  TaskServiceDefinition,
  VmServiceDefinition,
} from '@reservoir/contracts';
import {
  createChannel,
  createClient,
  setDefaultCredential,
  silentLogger,
  startEmbeddedBroker,
  type ReservoirError,
} from '@reservoir/runtime';
import { securityFixture, userPrincipalId, type SecurityFixture } from '@reservoir/security';
import { createVeeh, type Veeh } from '@reservoir/veeh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST, kvmHost, waitTask } from '../../../test/harness.js';
import { createVeem, type RunningVeem } from '../../create-veem.js';
import { ACTION_TO_PB } from './mapping.js';

const CHECKSUM = `sha256:${'ab'.repeat(32)}`;
const small = { vcpus: 1, memoryMib: 512, diskMib: 1024 };

/** Every VMI service of the VEEM at `address`, each call presenting `credential` (none: anonymous). */
function vmiAs(address: string, credential?: string) {
  const channel = createChannel(address);
  const o = {
    channel,
    deadlineMs: 15_000,
    ...(credential ? { metadata: { authorization: credential } } : {}),
  };
  return {
    address,
    vms: createClient(VmServiceDefinition, address, o),
    hosts: createClient(HostServiceDefinition, address, o),
    images: createClient(ImageServiceDefinition, address, o),
    networks: createClient(NetworkServiceDefinition, address, o),
    quotas: createClient(QuotaServiceDefinition, address, o),
    tasks: createClient(TaskServiceDefinition, address, o),
    close: () => channel.close(),
  };
}
type Vmi = ReturnType<typeof vmiAs>;

async function failure(p: Promise<unknown>): Promise<ReservoirError> {
  try {
    await p;
  } catch (e) {
    return e as ReservoirError;
  }
  throw new Error('the call succeeded');
}

describe('the VEEM behind its enforcement point', () => {
  let fx: SecurityFixture;
  let broker: { url: string; close(): Promise<void> };
  let veeh: Veeh;
  let veem: RunningVeem;
  const clients: Vmi[] = [];
  let admin: Vmi;
  let anonymous: Vmi;
  let alice: Vmi; // service-provider of acme
  let olga: Vmi; // org-admin of acme
  let victor: Vmi; // viewer of acme
  let gary: Vmi; // service-provider of globex
  let gina: Vmi; // org-admin of globex
  const aliceId = userPrincipalId('acme', 'alice');
  const garyId = userPrincipalId('globex', 'gary');
  let imageId: string;
  let networkId: string;
  let vmId: string;

  beforeAll(async () => {
    fx = await securityFixture({ service: 'veem@acl' });
    broker = await startEmbeddedBroker();
    veeh = await createVeeh({ hosts: [kvmHost('h1')], listen: '127.0.0.1:0' });
    veem = await createVeem({
      site: 'acl',
      database: 'sqlite::memory:',
      mqtt: broker.url,
      logger: silentLogger(),
      settings: FAST,
      enforce: fx.security.enforce,
    });
    const as = (credential?: string) => {
      const c = vmiAs(veem.address, credential);
      clients.push(c);
      return c;
    };
    admin = as(await fx.user('system', ['system-admin'], 'root'));
    anonymous = as();
    alice = as(await fx.user('acme', ['service-provider'], 'alice'));
    olga = as(await fx.user('acme', ['org-admin'], 'olga'));
    victor = as(await fx.user('acme', ['viewer'], 'victor'));
    gary = as(await fx.user('globex', ['service-provider'], 'gary'));
    gina = as(await fx.user('globex', ['org-admin'], 'gina'));
    await admin.hosts.registerHost({ name: 'h1', agentEndpoint: veeh.address!, agentHostId: 'h1' });
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await veem?.stop();
    await veeh?.stop();
    await broker?.close();
    await fx?.close();
  });

  it('refuses callers without a credential', async () => {
    for (const call of [
      anonymous.vms.listVms({}),
      anonymous.vms.createVm({ name: 'x', resources: small }),
      anonymous.hosts.listHosts({}),
      anonymous.tasks.listTasks({}),
    ])
      expect((await failure(call)).code).toBe('UNAUTHENTICATED');
  });

  it("files what a caller creates under the caller's organization and name", async () => {
    const image = await olga.images.registerImage({
      name: 'base',
      format: 'qcow2',
      sizeMib: 512,
      checksum: CHECKSUM,
    });
    expect(image).toMatchObject({ organization: 'acme', owner: userPrincipalId('acme', 'olga') });
    const network = await olga.networks.createNetwork({ name: 'lan', cidr: '10.1.0.0/24' });
    expect(network.organization).toBe('acme');
    imageId = image.id;
    networkId = network.id;

    const r = await alice.vms.createVm({
      name: 'web-1',
      resources: small,
      imageId,
      networkIds: [networkId],
      requestId: 'web-1-create',
    });
    expect(r.vm).toMatchObject({ organization: 'acme', owner: aliceId });
    vmId = r.vm!.id!;
    // The task of her VM is hers to follow.
    expect((await waitTask(alice, r.task!.id)).state).toBe('succeeded');
    expect((await alice.vms.getVm({ id: vmId })).state).toBe('running');
  });

  it("denies another organization's callers everything of the VM, and records each denial", async () => {
    const denied = [
      await failure(gary.vms.getVm({ id: vmId })),
      await failure(gary.vms.actOnVm({ id: vmId, action: ACTION_TO_PB.stop })),
      await failure(gary.vms.actOnVm({ id: vmId, action: ACTION_TO_PB.delete })),
      await failure(gary.vms.resizeVm({ id: vmId, vcpus: 2 })),
      await failure(gina.vms.actOnVm({ id: vmId, action: ACTION_TO_PB.delete })),
    ];
    for (const e of denied) {
      expect(e.code).toBe('PERMISSION_DENIED');
      expect(e.message).toMatch(/audit entry \d+/);
    }
    // A VM that does not exist is denied alike: no one learns another organization's ids.
    const missing = await failure(gary.vms.getVm({ id: 'vm-nope' }));
    expect(missing.code).toBe('PERMISSION_DENIED');

    const seqs = denied.map((e) => Number(/audit entry (\d+)/.exec(e.message)![1]));
    const entries = await fx.security.audit.query({ decision: 'Deny', limit: 1000 });
    const bySeq = new Map(entries.map((e) => [e.seq, e]));
    expect(seqs.map((s) => [bySeq.get(s)?.principal, bySeq.get(s)?.action])).toEqual([
      [garyId, 'vm.read'],
      [garyId, 'vm.stop'],
      [garyId, 'vm.delete'],
      [garyId, 'vm.resize'],
      [userPrincipalId('globex', 'gina'), 'vm.delete'],
    ]);
    expect(bySeq.get(seqs[2]!)).toMatchObject({
      resource: { type: 'vm', id: vmId, organization: 'acme' },
      decision: 'Deny',
    });
    // The VM is untouched.
    expect((await alice.vms.getVm({ id: vmId })).state).toBe('running');
  });

  it('refuses creating into another organization, or from its image or network', async () => {
    const into = await failure(gary.vms.createVm({ name: 'x', resources: small, organization: 'acme' }));
    expect(into.code).toBe('PERMISSION_DENIED');
    const fromImage = await failure(gary.vms.createVm({ name: 'x', resources: small, imageId }));
    expect(fromImage.code).toBe('NOT_FOUND');
    const onNetwork = await failure(
      gary.vms.createVm({ name: 'x', resources: small, networkIds: [networkId] }),
    );
    expect(onNetwork.code).toBe('NOT_FOUND');
    expect((await gary.vms.listVms({})).vms).toEqual([]);
  });

  it("lists only what the caller's organization holds", async () => {
    const g = await gary.vms.createVm({ name: 'g-1', resources: small, hold: true });
    expect(g.vm?.organization).toBe('globex');

    const garyVms = await gary.vms.listVms({});
    expect(garyVms.vms.map((v) => v.id)).toEqual([g.vm!.id]);
    expect(garyVms.total).toBe(1);
    const aliceVms = await alice.vms.listVms({ pageSize: 10 });
    expect(aliceVms.vms.map((v) => v.id)).toEqual([vmId]);
    expect(aliceVms.total).toBe(1);
    expect((await admin.vms.listVms({})).vms.map((v) => v.id).sort()).toEqual([vmId, g.vm!.id].sort());
    // Asking for another organization's listing outright is denied.
    expect((await failure(gary.vms.listVms({ organization: 'acme' }))).code).toBe('PERMISSION_DENIED');

    expect((await gina.images.listImages({})).images).toEqual([]);
    expect((await gina.networks.listNetworks({})).networks).toEqual([]);
    expect((await victor.images.listImages({})).images.map((i) => i.id)).toEqual([imageId]);
    expect((await victor.networks.listNetworks({})).networks.map((n) => n.id)).toEqual([networkId]);
    expect((await failure(gina.images.getImage({ id: imageId }))).code).toBe('PERMISSION_DENIED');
    expect((await failure(gina.networks.deleteNetwork({ id: networkId }))).code).toBe('PERMISSION_DENIED');

    // Hosts belong to the site: only its administrators see them.
    expect((await gina.hosts.listHosts({})).hosts).toEqual([]);
    expect((await admin.hosts.listHosts({})).hosts.map((h) => h.name)).toEqual(['h1']);
    expect((await failure(gina.hosts.getHost({ id: 'h1' }))).code).toBe('PERMISSION_DENIED');

    const tasks = (await gary.tasks.listTasks({})).tasks;
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.organization === 'globex')).toBe(true);
    const aliceTask = (await alice.tasks.listTasks({ targetId: vmId })).tasks[0]!;
    expect((await failure(gary.tasks.getTask({ id: aliceTask.id }))).code).toBe('PERMISSION_DENIED');
  });

  it('lets a viewer read but not create or act', async () => {
    expect((await victor.vms.getVm({ id: vmId })).id).toBe(vmId);
    expect((await victor.vms.listVms({})).vms.map((v) => v.id)).toEqual([vmId]);
    const create = await failure(victor.vms.createVm({ name: 'v-1', resources: small }));
    expect(create.code).toBe('PERMISSION_DENIED');
    expect(create.message).toContain('vm.create');
    const stop = await failure(victor.vms.actOnVm({ id: vmId, action: ACTION_TO_PB.stop }));
    expect(stop.code).toBe('PERMISSION_DENIED');
    expect(stop.message).toContain('vm.stop');
  });

  it('keeps registering images from files of the VEEM machine to site administrators', async () => {
    const e = await failure(
      olga.images.registerImage({
        name: 'secrets',
        format: 'raw',
        sizeMib: 1,
        checksum: '',
        source: '/etc/hostname',
      }),
    );
    expect(e.code).toBe('PERMISSION_DENIED');
    expect(e.message).toContain('image.import');
  });

  it("holds growth to the organization's quotas", async () => {
    await fx.quotas('acme', { vms: 1 });
    const second = await failure(alice.vms.createVm({ name: 'web-2', resources: small }));
    expect(second.code).toBe('RESOURCE_EXHAUSTED');
    expect(second.message).toContain('"vms"');
    expect((await alice.vms.listVms({})).total).toBe(1);
    // A retry of the create that made the VM grows nothing.
    const retry = await alice.vms.createVm({ name: 'web-1', resources: small, requestId: 'web-1-create' });
    expect(retry.vm?.id).toBe(vmId);

    await fx.quotas('acme', { vms: null, vcpus: 1 });
    const resize = await failure(alice.vms.resizeVm({ id: vmId, vcpus: 2 }));
    expect(resize.code).toBe('RESOURCE_EXHAUSTED');
    expect(resize.message).toContain('"vcpus"');
    const set = await failure(
      alice.vms.createVmSet({
        vms: [
          { name: 's-1', resources: small },
          { name: 's-2', resources: small },
        ],
      }),
    );
    expect(set.code).toBe('RESOURCE_EXHAUSTED');

    const refusals = await fx.security.audit.query({ principal: aliceId, action: 'vm.resize', limit: 10 });
    expect(refusals.map((r) => (r.detail as { reason?: string }).reason)).toContainEqual(
      expect.stringContaining('quota "vcpus" of organization acme'),
    );

    await fx.quotas('acme', { vcpus: null });
    const resized = await alice.vms.resizeVm({ id: vmId, vcpus: 2 });
    if (resized.task) expect((await waitTask(alice, resized.task.id)).state).toBe('succeeded');
    expect((await alice.vms.getVm({ id: vmId })).resources?.vcpus).toBe(2);
  });

  it('lets the owner delete the VM, audited under the verb of the action', async () => {
    const r = await alice.vms.actOnVm({ id: vmId, action: ACTION_TO_PB.delete });
    expect((await waitTask(alice, r.task!.id)).state).toBe('succeeded');
    const permits = await fx.security.audit.query({ principal: aliceId, action: 'vm.delete', limit: 10 });
    expect(permits.map((p) => [p.decision, p.resource?.id])).toEqual([['Permit', vmId]]);
  });
});

describe('a VEEM driving a host agent that checks access', () => {
  let fx: SecurityFixture;
  let broker: { url: string; close(): Promise<void> };
  let veeh: Veeh;
  let veem: RunningVeem;
  let vmi: Vmi;

  beforeAll(async () => {
    fx = await securityFixture({ service: 'veeh@acl' });
    broker = await startEmbeddedBroker();
    veeh = await createVeeh({ hosts: [kvmHost('h1')], listen: '127.0.0.1:0', enforce: fx.security.enforce });
    veem = await createVeem({
      site: 'acl',
      database: 'sqlite::memory:',
      mqtt: broker.url,
      logger: silentLogger(),
      settings: FAST,
    });
    vmi = vmiAs(veem.address);
  }, 60_000);

  afterAll(async () => {
    setDefaultCredential(undefined);
    vmi?.close();
    await veem?.stop();
    await veeh?.stop();
    await broker?.close();
    await fx?.close();
  });

  it("reaches the agent only with the process's own credential", async () => {
    const without = await failure(
      vmi.hosts.registerHost({ name: 'h1', agentEndpoint: veeh.address!, agentHostId: 'h1' }),
    );
    expect(without.code).toBe('UNAUTHENTICATED');

    // The credential a platform process holds: a site administrator's.
    const credential = await fx.user('system', ['system-admin'], 'veem');
    setDefaultCredential(() => credential);
    await vmi.hosts.registerHost({ name: 'h1', agentEndpoint: veeh.address!, agentHostId: 'h1' });
    const r = await vmi.vms.createVm({ name: 'web-1', resources: small });
    expect((await waitTask(vmi, r.task!.id)).state).toBe('succeeded');
    expect((await vmi.vms.getVm({ id: r.vm!.id })).state).toBe('running');

    // The VEEM sends an agent its domain operations in batches.
    const batches = await fx.security.audit.query({ action: 'domain.batch', limit: 100 });
    expect(batches.length).toBeGreaterThan(0);
    expect(new Set(batches.map((e) => `${e.principal} ${e.decision}`))).toEqual(
      new Set([`${userPrincipalId('system', 'veem')} Permit`]),
    );
  });
});
