import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { reservoir } from '@reservoir/contracts';
import { startEmbeddedBroker, type EmbeddedBroker } from '@reservoir/runtime';
import { ACTION_TO_PB } from '../src/adapters/grpc/mapping.js';
import { kvmHost, startSite, until, waitTask, type Site } from './harness.js';

type CreateVmRequest = reservoir.veem.v1.CreateVmRequest.$Properties;

const SMALL = { vcpus: 1, memoryMib: 1024, diskMib: 1024 };
const antiAffinity = (name: string) => ({ name, type: 'anti-affinity', hard: true });

describe('placement constraints and CreateVmSet with the built-in scheduler', () => {
  let broker: EmbeddedBroker;
  let site: Site;

  beforeAll(async () => {
    broker = await startEmbeddedBroker();
    site = await startSite({
      mqttUrl: broker.url,
      localHosts: [kvmHost('s-1', { labels: { zone: 'a' } }), kvmHost('s-2'), kvmHost('s-3')],
    });
  }, 60_000);

  afterAll(async () => {
    await site?.stop();
    await broker?.close();
  });

  const c = () => site.client;
  async function running(name: string, extra: CreateVmRequest = {}) {
    const r = await c().vms.createVm({ name, resources: SMALL, ...extra });
    const t = await waitTask(c(), r.task!.id);
    expect(t.state, t.errorMessage).toBe('succeeded');
    return c().vms.getVm({ id: r.vm!.id });
  }
  const pendingReason = (id: string | null | undefined) =>
    until(`the reason of ${id}`, async () => {
      const vm = await c().vms.getVm({ id });
      return vm.state === 'pending' && vm.reason ? vm.reason : undefined;
    });
  async function remove(ids: (string | null | undefined)[]) {
    for (const id of ids) {
      const r = await c().vms.actOnVm({ id, action: ACTION_TO_PB.delete });
      expect((await waitTask(c(), r.task!.id)).state).toBe('succeeded');
    }
  }

  it('keeps a hard host anti-affinity group on distinct hosts, and leaves the one too many pending', async () => {
    const placement = { groups: [antiAffinity('spread-out')] };
    const vms = [
      await running('aa-1', { placement }),
      await running('aa-2', { placement }),
      await running('aa-3', { placement }),
    ];
    expect(new Set(vms.map((v) => v.host)).size).toBe(3);
    const fourth = await c().vms.createVm({ name: 'aa-4', resources: SMALL, placement });
    expect(await pendingReason(fourth.vm!.id)).toBe(
      'no host fits: anti-affinity group "spread-out" has a VM there on 3 hosts',
    );
    // Once a member leaves, the waiting one takes its host.
    await remove([vms[0]!.id]);
    expect((await waitTask(c(), fourth.task!.id)).state).toBe('succeeded');
    expect((await c().vms.getVm({ id: fourth.vm!.id })).host).toBe(vms[0]!.host);
    await remove([vms[1]!.id, vms[2]!.id, fourth.vm!.id]);
  });

  it('honours allowed and forbidden hosts by name and allowed labels', async () => {
    const only = await running('only-s3', { placement: { allowedHosts: ['s-3'] } });
    expect(only.host).toBe('s-3');
    const notFirst = await running('not-s1', { placement: { forbiddenHosts: ['s-1'] } });
    expect(notFirst.host).not.toBe('s-1');
    const zoned = await running('zone-a', { placement: { allowedLabels: { zone: { values: ['a'] } } } });
    expect(zoned.host).toBe('s-1');
    const nowhere = await c().vms.createVm({
      name: 'nowhere',
      resources: SMALL,
      placement: { allowedHosts: ['s-1'], allowedLabels: { zone: { values: ['b'] } } },
    });
    expect(await pendingReason(nowhere.vm!.id)).toBe(
      'no host fits: not in placement.allowed_hosts on 2 hosts; zone not in placement.allowed_labels on 1 host',
    );
    await remove([only.id, notFirst.id, zoned.id, nowhere.vm!.id]);
  });

  it('leaves a VM with constraints only the policy engine evaluates pending, saying so', async () => {
    const r = await c().vms.createVm({
      name: 'zones',
      resources: SMALL,
      placement: { groups: [{ name: 'by-zone', type: 'anti-affinity', scope: 'zone', hard: true }] },
    });
    expect(await pendingReason(r.vm!.id)).toBe(
      'needs the policy engine for tag-scoped anti-affinity constraints',
    );
    const s = await c().vms.createVm({
      name: 'spread',
      resources: SMALL,
      placement: { groups: [{ name: 'wide', type: 'spread', scope: 'zone', min: 2 }] },
    });
    expect(await pendingReason(s.vm!.id)).toBe('needs the policy engine for spread constraints');
    await remove([r.vm!.id, s.vm!.id]);
  });

  it('refuses bad placement input naming the field, and a group defined against its members', async () => {
    await expect(
      c().vms.createVm({
        name: 'bad',
        resources: SMALL,
        placement: { groups: [{ name: 'g', type: 'together' }] },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'placement.groups[0].type' });
    const first = await running('def-1', { placement: { groups: [antiAffinity('defined')] } });
    await expect(
      c().vms.createVm({
        name: 'def-2',
        resources: SMALL,
        placement: { groups: [{ name: 'defined', type: 'affinity', hard: true }] },
      }),
    ).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      field: 'placement.groups[0]',
      message:
        'placement.groups[0]: group "defined" of organization default is hard anti-affinity over host; this request defines it as hard affinity over host',
    });
    await remove([first.id]);
  });

  it('admits a set whole: every member pinned to its chosen host and running', async () => {
    const net = await c().networks.createNetwork({ name: 'set-net', cidr: '10.30.0.0/29' });
    const req = {
      requestId: 'set-req-1',
      organization: 'shop',
      vms: ['fe', 'api', 'db'].map((name) => ({
        name,
        resources: SMALL,
        networkIds: [net.id],
        placement: { groups: [antiAffinity('shop-tier')] },
      })),
    };
    const r = await c().vms.createVmSet(req);
    expect(r).toMatchObject({ accepted: true, refusals: [] });
    expect(r.vms.map((v) => v.vm!.name)).toEqual(['fe', 'api', 'db']);
    for (const m of r.vms) expect((await waitTask(c(), m.task!.id)).state).toBe('succeeded');
    const vms = await Promise.all(r.vms.map((m) => c().vms.getVm({ id: m.vm!.id })));
    expect(vms.map((v) => v.state)).toEqual(['running', 'running', 'running']);
    expect(new Set(vms.map((v) => v.host)).size).toBe(3);
    expect(vms.every((v) => v.organization === 'shop' && v.placement?.setId === r.setId)).toBe(true);
    expect(vms.map((v) => v.nics[0]?.ip)).toEqual(['10.30.0.2', '10.30.0.3', '10.30.0.4']);

    // A retry answers with the same VMs and creates nothing.
    const again = await c().vms.createVmSet(req);
    expect(again).toMatchObject({ accepted: true, setId: r.setId });
    expect(again.vms.map((v) => v.vm!.id)).toEqual(vms.map((v) => v.id));
    expect((await c().vms.listVms({ organization: 'shop' })).total).toBe(3);
    await remove(vms.map((v) => v.id));
  });

  it('refuses a set that cannot be placed whole and creates nothing, not even its addresses', async () => {
    const net = await c().networks.createNetwork({ name: 'refused-net', cidr: '10.31.0.0/29' });
    const before = (await c().vms.listVms({})).total;
    const r = await c().vms.createVmSet({
      requestId: 'set-req-2',
      vms: [
        { name: 'a', resources: SMALL, networkIds: [net.id], placement: { groups: [antiAffinity('trio')] } },
        { name: 'b', resources: SMALL, networkIds: [net.id], placement: { groups: [antiAffinity('trio')] } },
        { name: 'c', resources: { vcpus: 1, memoryMib: 20_000 }, networkIds: [net.id] },
      ],
    });
    expect(r.accepted).toBe(false);
    expect(r.setId).toBe('');
    expect(r.vms).toEqual([]);
    expect(r.refusals).toEqual([
      { name: 'a', reasons: ['its set is placed whole or not at all, and c cannot be placed'] },
      { name: 'b', reasons: ['its set is placed whole or not at all, and c cannot be placed'] },
      { name: 'c', reasons: ['no host fits: not enough free memory on 3 hosts'] },
    ]);
    expect((await c().vms.listVms({})).total).toBe(before);
    expect((await c().networks.getNetwork({ id: net.id })).used).toBe(0);
    // Nothing was kept for the request id: a retry is decided again.
    const retry = await c().vms.createVmSet({
      requestId: 'set-req-2',
      vms: [{ name: 'a', resources: SMALL }],
    });
    expect(retry.accepted).toBe(true);
    expect((await waitTask(c(), retry.vms[0]!.task!.id)).state).toBe('succeeded');
    await remove(retry.vms.map((v) => v.vm!.id));
  });

  it('checks every member before placing any, naming the member in the field', async () => {
    const before = (await c().vms.listVms({})).total;
    const refused = (vms: CreateVmRequest[]) => c().vms.createVmSet({ vms });
    await expect(
      refused([
        { name: 'x', resources: SMALL },
        { name: 'y', resources: SMALL, placement: { groups: [{ name: 'g', type: 'close' }] } },
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'vms[1].placement.groups[0].type' });
    await expect(
      refused([
        { name: 'x', resources: SMALL },
        { name: 'x', resources: SMALL },
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'vms[1].name' });
    await expect(refused([{ name: 'x' }])).rejects.toMatchObject({ field: 'vms[0].resources' });
    await expect(refused([{ name: 'x', resources: SMALL, hold: true }])).rejects.toMatchObject({
      field: 'vms[0].hold',
    });
    await expect(
      refused([
        { name: 'x', resources: SMALL, placement: { groups: [antiAffinity('pair')] } },
        { name: 'y', resources: SMALL, placement: { groups: [{ name: 'pair', type: 'affinity' }] } },
      ]),
    ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION', field: 'vms[1].placement.groups[0]' });
    await expect(refused([])).rejects.toMatchObject({ field: 'vms' });
    expect((await c().vms.listVms({})).total).toBe(before);
  });
});
