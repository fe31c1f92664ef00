import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBrokers } from '@reservoir/runtime/testing';
import { ACTION_TO_PB } from '../src/adapters/grpc/mapping.js';
import { host, makeDisk, startFederation, type Federation, type FedSite } from './federation-harness.js';
import { until, waitTask } from './harness.js';

// Cloudburst (INT-5, VEEM-12/13): a partner seen as one large host takes the VMs this site has no
// room for; the VM is provisioned there by the federation's message process and operated through it.
describe.sequential('cloudburst onto a partner site seen as a large host', () => {
  let fed: Federation;
  let a: FedSite;
  let b: FedSite;
  let closeBroker: () => Promise<void>;
  let imageId = '';

  beforeAll(async () => {
    const broker = await testBrokers()[0]!.start();
    closeBroker = broker.close;
    fed = await startFederation({
      mqttUrl: broker.url,
      burst: true,
      sites: [
        { name: 'ba', hosts: [host('ba-kvm', 'kvm', { cores: 4, memoryMib: 8192 })] },
        { name: 'bb', hosts: [host('bb-xen', 'xen')], country: 'FR' },
      ],
    });
    [a, b] = fed.sites as [FedSite, FedSite];
    const disk = makeDisk(fed.dir, 'burst', 'qcow2', 4);
    imageId = (
      await a.vmi.images.registerImage({
        name: 'burst',
        format: 'qcow2',
        sizeMib: 0,
        checksum: '',
        source: disk,
      })
    ).id!;
    await until('the partner is registered as a large host', async () => {
      const hosts = (await a.vmi.hosts.listHosts({})).hosts;
      return hosts.find((h) => h.name === 'partner-bb');
    });
  }, 60_000);
  afterAll(async () => {
    await fed?.stop();
    await closeBroker?.();
  });

  async function create(name: string) {
    const net = (await a.vmi.networks.listNetworks({})).networks[0]!;
    const r = await a.vmi.vms.createVm({
      name,
      resources: { vcpus: 4, memoryMib: 4096, diskMib: 1024 },
      imageId,
      networkIds: [net.id!],
    });
    return { vm: r.vm!, task: await waitTask(a.vmi, r.task?.id) };
  }

  it('places on local hosts first, then bursts to the partner when the site is full', async () => {
    const first = await create('local-1');
    expect(first.task.state).toBe('succeeded');
    expect((await a.vmi.vms.getVm({ id: first.vm.id })).host).toBe('ba-kvm');
    const second = await create('burst-1');
    expect(second.task.state, second.task.errorMessage).toBe('succeeded');
    const vm = await a.vmi.vms.getVm({ id: second.vm.id });
    expect(vm).toMatchObject({ state: 'running', host: 'partner-bb' });
    const there = (await b.vmi.vms.listVms({})).vms.filter((v) => v.name === 'burst-1');
    expect(there.map((v) => [v.state, v.host, v.labels?.['reservoir.federation.from']])).toEqual([
      ['running', 'bb-xen', `ba/${vm.id}`],
    ]);
  });

  it('operates the burst VM with the same calls: stop, start and delete reach the partner', async () => {
    const vm = (await a.vmi.vms.listVms({})).vms.find((v) => v.name === 'burst-1')!;
    const remote = () => b.vmi.vms.listVms({}).then((r) => r.vms.find((v) => v.name === 'burst-1'));
    const stop = await a.vmi.vms.actOnVm({ id: vm.id, action: ACTION_TO_PB.stop });
    expect((await waitTask(a.vmi, stop.task?.id)).state).toBe('succeeded');
    expect((await remote())?.state).toBe('poweroff');
    const start = await a.vmi.vms.actOnVm({ id: vm.id, action: ACTION_TO_PB.start });
    expect((await waitTask(a.vmi, start.task?.id)).state).toBe('succeeded');
    expect((await remote())?.state).toBe('running');
    const del = await a.vmi.vms.actOnVm({ id: vm.id, action: ACTION_TO_PB.delete });
    expect((await waitTask(a.vmi, del.task?.id)).state).toBe('succeeded');
    expect(await remote()).toBeUndefined();
  });
});
