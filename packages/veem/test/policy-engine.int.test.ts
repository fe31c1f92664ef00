import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { reservoir } from '@reservoir/contracts';
import { startEmbeddedBroker, type EmbeddedBroker } from '@reservoir/runtime';
import { ACTION_TO_PB } from '../src/adapters/grpc/mapping.js';
import { PolicyEnginePlacer } from '../src/adapters/grpc/policy-engine-placer.js';
import { FAST, kvmHost, startSite, until, waitTask, type Site } from './harness.js';
import {
  startPolicyEngineDouble,
  type PlainPlaceRequest,
  type PolicyEngineDouble,
} from './policy-engine-double.js';

type Vm = reservoir.veem.v1.Vm;
type CreateVmRequest = reservoir.veem.v1.CreateVmRequest.$Properties;

const SMALL = { vcpus: 1, memoryMib: 1024, diskMib: 1024 };

describe('placement by the Policy Engine over gRPC', () => {
  let broker: EmbeddedBroker;
  let pe: PolicyEngineDouble;
  let site: Site;
  const requests: PlainPlaceRequest[] = [];
  const hostId = new Map<string, string>();
  const labels = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    broker = await startEmbeddedBroker();
    pe = await startPolicyEngineDouble(0, requests);
    site = await startSite({
      mqttUrl: broker.url,
      site: 'pe-it',
      localHosts: [
        kvmHost('l-a', { labels: { zone: 'a' } }),
        kvmHost('l-b', { labels: { zone: 'b' } }),
        { id: 'l-hv', family: 'hyperv', cores: 8, memoryMib: 16384, diskMib: 400_000 },
      ],
      settings: { scheduler: { ...FAST.scheduler!, policyEngine: pe.address, policyEngineTimeoutMs: 1000 } },
    });
    for (const h of (await site.client.hosts.listHosts({})).hosts) {
      hostId.set(h.name!, h.id!);
      labels.set(h.name!, h.labels!);
    }
  }, 60_000);

  afterAll(async () => {
    await site?.stop();
    await pe?.stop();
    await broker?.close();
  });

  const c = () => site.client;
  /** The last Place call that asked about this VM. */
  const requestFor = (vmId: string) => requests.findLast((r) => r.vms.some((v) => v.id === vmId))!;
  async function create(name: string, extra: CreateVmRequest = {}): Promise<Vm> {
    const r = await c().vms.createVm({ name, resources: SMALL, ...extra });
    const t = await waitTask(c(), r.task!.id);
    expect(t.state, t.errorMessage).toBe('succeeded');
    return c().vms.getVm({ id: r.vm!.id });
  }
  const pendingWith = (id: string | null | undefined, what: (reason: string) => boolean) =>
    until(`reason of ${id}`, async () => {
      const vm = await c().vms.getVm({ id });
      return vm.state === 'pending' && what(vm.reason) ? vm : undefined;
    });

  it('sends the hosts that take VMs with their capacity, use and tags, and dispatches the answer', async () => {
    const vm = await create('plain');
    expect(vm.host).toBe('l-a');
    const req = requestFor(vm.id);
    expect(req.resources).toEqual(['vcpus', 'memoryMib', 'diskMib']);
    expect(req.hosts).toEqual([
      {
        id: hostId.get('l-a'),
        capacity: [8, 16384, 400_000],
        overcommit: [1, 1, 1],
        used: [0, 0, 0],
        tags: { ...labels.get('l-a'), site: 'pe-it', host: 'l-a' },
        powerIdle: 0,
        powerPeak: 0,
        cost: 0,
      },
      expect.objectContaining({
        id: hostId.get('l-b'),
        tags: { ...labels.get('l-b'), site: 'pe-it', host: 'l-b' },
      }),
      expect.objectContaining({
        id: hostId.get('l-hv'),
        tags: { ...labels.get('l-hv'), site: 'pe-it', host: 'l-hv' },
      }),
    ]);
    expect(labels.get('l-a')).toMatchObject({ zone: 'a' });
    expect(req.vms).toEqual([{ id: vm.id, demand: [1, 1024, 1024], host: '', excluded: [] }]);
    expect(req.placed).toEqual([]);
    expect(req.constraints).toEqual([]);

    // The next request sees what the first VM holds.
    const next = await create('plain-2');
    expect(requestFor(next.id).hosts[0]!.used).toEqual([1, 1024, 1024]);
  });

  it("tells the engine which hosts the VEEM's own filters rule out, and why", async () => {
    const hv = await create('hv-only', { requirements: { hypervisor: 'hyperv' } });
    expect(hv.host).toBe('l-hv');
    expect(requestFor(hv.id).vms[0]!.excluded).toEqual([
      { host: hostId.get('l-a'), reason: 'requirements not matched' },
      { host: hostId.get('l-b'), reason: 'requirements not matched' },
    ]);
    const wide = await create('wide', { resources: { vcpus: 6, memoryMib: 1024 } });
    expect(requestFor(wide.id).vms[0]!.excluded).toEqual([
      { host: hostId.get('l-hv'), reason: 'vCPUs above the hypervisor limit per VM' },
    ]);
    const deleted = await c().vms.actOnVm({ id: wide.id, action: ACTION_TO_PB.delete });
    expect((await waitTask(c(), deleted.task!.id)).state).toBe('succeeded');
  });

  it('sends groups with their placed members, and allowed / forbidden hosts and labels by host id', async () => {
    const web = { name: 'web', type: 'anti-affinity', hard: true };
    const w1 = await create('web-1', { placement: { groups: [web] } });
    const w2 = await create('web-2', {
      placement: {
        groups: [web, { name: 'zones', type: 'spread', scope: 'zone', min: 2 }],
        allowedHosts: ['l-a', hostId.get('l-b')!],
        forbiddenHosts: ['l-hv', 'no-such-host'],
        allowedLabels: { zone: { values: ['a', 'b'] } },
      },
    });
    expect(w1.host).toBe('l-a');
    // The double keeps hard host anti-affinity: web-2 cannot join web-1.
    expect(w2.host).toBe('l-b');
    expect(w2.placement).toMatchObject({
      groups: [
        { name: 'web', type: 'anti-affinity', scope: 'host', hard: true, min: 0 },
        { name: 'zones', type: 'spread', scope: 'zone', hard: true, min: 2 },
      ],
      allowedHosts: ['l-a', hostId.get('l-b')],
      forbiddenHosts: ['l-hv', 'no-such-host'],
      allowedLabels: { zone: { values: ['a', 'b'] } },
      setId: '',
    });
    const req = requestFor(w2.id);
    expect(req.placed).toEqual([
      { id: w1.id, demand: [1, 1024, 1024], host: hostId.get('l-a'), excluded: [] },
    ]);
    const some = (o: Record<string, unknown>) => expect.objectContaining(o);
    expect(req.constraints).toEqual([
      some({ type: 'allowed', vms: [w2.id], hosts: [hostId.get('l-a'), hostId.get('l-b')], tags: {} }),
      some({ type: 'forbidden', vms: [w2.id], hosts: [hostId.get('l-hv')] }),
      some({ type: 'allowed', vms: [w2.id], hosts: [], tags: { zone: { values: ['a', 'b'] } } }),
      some({ type: 'anti-affinity', vms: [w2.id, w1.id], scope: 'host', hard: true }),
      some({ type: 'spread', vms: [w2.id], tag: 'zone', min: 2 }),
    ]);
  });

  it("keeps a VM the engine cannot place pending with the engine's reasons", async () => {
    const r = await c().vms.createVm({ name: 'huge', resources: { vcpus: 1, memoryMib: 20_000 } });
    const vm = await pendingWith(r.vm!.id, (reason) => reason !== '');
    expect(vm.reason).toBe('no room on 3 hosts; excluded from 0');
    await c().vms.actOnVm({ id: vm.id, action: ACTION_TO_PB.delete });
  });

  it('leaves VMs pending while the engine is unreachable, and places them once it answers', async () => {
    const port = pe.port;
    await pe.stop();
    const r = await c().vms.createVm({ name: 'waits', resources: SMALL });
    const vm = await pendingWith(r.vm!.id, (reason) => reason.startsWith('policy engine unavailable: '));
    expect(vm.host).toBe('');
    pe = await startPolicyEngineDouble(port, requests);
    const t = await waitTask(c(), r.task!.id);
    expect(t.state, t.errorMessage).toBe('succeeded');
    expect((await c().vms.getVm({ id: vm.id })).reason).toBe('');
  });

  it('admits a set through the engine as one all-or-nothing group, or creates nothing', async () => {
    const before = (await c().vms.listVms({})).total;
    const r = await c().vms.createVmSet({
      requestId: 'pe-set-1',
      vms: [
        { name: 'svc-a', resources: SMALL },
        { name: 'svc-b', resources: SMALL, requirements: { hypervisor: 'hyperv' } },
      ],
    });
    expect(r.accepted).toBe(true);
    expect(r.setId).toMatch(/^set-/);
    const req = requests.at(-1)!;
    const ids = req.vms.map((v) => v.id);
    expect(req.constraints).toEqual([expect.objectContaining({ type: 'all-or-nothing', vms: ids })]);
    for (const m of r.vms) {
      expect((await waitTask(c(), m.task!.id)).state).toBe('succeeded');
      expect((await c().vms.getVm({ id: m.vm!.id })).placement?.setId).toBe(r.setId);
    }
    expect((await c().vms.getVm({ id: r.vms[1]!.vm!.id })).host).toBe('l-hv');

    const refused = await c().vms.createVmSet({
      vms: [
        { name: 'ok', resources: SMALL },
        { name: 'too-big', resources: { vcpus: 1, memoryMib: 20_000 } },
      ],
    });
    expect(refused).toMatchObject({
      accepted: false,
      setId: '',
      vms: [],
      refusals: [
        { name: 'ok', reasons: ['its set cannot be placed whole'] },
        { name: 'too-big', reasons: ['no room on 3 hosts', 'excluded from 0'] },
      ],
    });
    expect((await c().vms.listVms({})).total).toBe(before + 2);

    await pe.stop();
    await expect(c().vms.createVmSet({ vms: [{ name: 'later', resources: SMALL }] })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('policy engine unavailable'),
    });
    pe = await startPolicyEngineDouble(pe.port, requests);
    expect((await c().vms.listVms({})).total).toBe(before + 2);
  });
});

describe('placement by the Policy Engine, many pending VMs', () => {
  let broker: EmbeddedBroker;
  let pe: PolicyEngineDouble;
  let placer: PolicyEnginePlacer;
  let site: Site;

  beforeAll(async () => {
    broker = await startEmbeddedBroker();
    pe = await startPolicyEngineDouble();
    placer = new PolicyEnginePlacer(pe.address, { timeoutMs: 1000, maxBatch: 3 });
    site = await startSite({
      mqttUrl: broker.url,
      localHosts: [kvmHost('m-a'), kvmHost('m-b')],
      settings: { scheduler: { ...FAST.scheduler!, intervalMs: 60_000 } },
      placer,
    });
  }, 60_000);

  afterAll(async () => {
    await site?.stop();
    placer?.close();
    await pe?.stop();
    await broker?.close();
  });

  it('asks in batches of at most maxBatch VMs, one call per pass, until every VM is placed', async () => {
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) => site.client.vms.createVm({ name: `b-${i}`, resources: SMALL })),
    );
    for (const r of created) expect((await waitTask(site.client, r.task!.id)).state).toBe('succeeded');
    expect(pe.requests.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...pe.requests.map((r) => r.vms.length))).toBeLessThanOrEqual(3);
    const asked = new Set(pe.requests.flatMap((r) => r.vms.map((v) => v.id)));
    expect(asked.size).toBe(10);
  });
});
