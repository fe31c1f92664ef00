import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@reservoir/runtime';
import { testBrokers } from '@reservoir/runtime/testing';
import { ACTION_TO_PB } from '@reservoir/veem';
import { host, makeDisk, startFederation, type Federation } from '../../veem/test/federation-harness.js';
import { until, waitTask } from '../../veem/test/harness.js';
import { createAccounting, type RunningAccounting } from '../src/create-accounting.js';

// ACC-1: a service whose VMs run on two sites (one burst onto the partner) is billed once, in full,
// to its owner: the owning site meters the VM it placed on the partner's large host, and the
// partner does not bill the copy it runs for it.
describe('location-unaware usage across a federation', () => {
  let fed: Federation;
  let acc: RunningAccounting;
  let closeBroker: () => Promise<void>;
  let dir = '';

  beforeAll(async () => {
    const broker = await testBrokers()[0]!.start();
    closeBroker = broker.close;
    fed = await startFederation({
      mqttUrl: broker.url,
      burst: true,
      sites: [
        { name: 'ua', hosts: [host('ua-kvm', 'kvm', { cores: 2, memoryMib: 4096 })] },
        { name: 'ub', hosts: [host('ub-kvm', 'kvm')] },
      ],
    });
    dir = mkdtempSync(join(tmpdir(), 'acc-fed-'));
    acc = await createAccounting({
      database: `sqlite:${join(dir, 'acc.db')}`,
      logger: silentLogger(),
      sites: fed.sites.map((s) => ({ site: s.name, veem: s.veem.address })),
      mqtt: broker.url,
    });
  }, 60_000);
  afterAll(async () => {
    await acc?.stop();
    await fed?.stop();
    await closeBroker?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('bills both VMs of the service once, to the owner, wherever they run', async () => {
    const [a, b] = fed.sites;
    await until('the partner is a large host of ua', async () =>
      (await a!.vmi.hosts.listHosts({})).hosts.find((h) => h.name === 'partner-ub'),
    );
    const disk = makeDisk(fed.dir, 'svc', 'qcow2', 4);
    const img = await a!.vmi.images.registerImage({
      name: 'svc',
      format: 'qcow2',
      sizeMib: 0,
      checksum: '',
      source: disk,
    });
    await acc.billing.createAccount({
      id: 'owner',
      customer: 'owner',
      name: 'owner',
      kind: 'postpaid',
      currency: 'EUR',
      onZero: 'warn',
      organization: 'default',
    });
    const ids: string[] = [];
    for (const name of ['w-1', 'w-2']) {
      const r = await a!.vmi.vms.createVm({
        name,
        resources: { vcpus: 2, memoryMib: 2048, diskMib: 1024 },
        imageId: img.id!,
        labels: { 'reservoir.service': 'split', 'reservoir.component': 'worker' },
      });
      expect((await waitTask(a!.vmi, r.task?.id)).state).toBe('succeeded');
      ids.push(r.vm!.id!);
    }
    const hosts = await Promise.all(ids.map(async (id) => (await a!.vmi.vms.getVm({ id })).host));
    expect(hosts.sort()).toEqual(['partner-ub', 'ua-kvm']);
    // The partner runs the burst VM as its own, and its events reach the accounting too.
    expect((await b!.vmi.vms.listVms({})).vms.filter((v) => v.state === 'running')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    for (const id of ids) {
      const stop = await a!.vmi.vms.actOnVm({ id, action: ACTION_TO_PB.stop });
      await waitTask(a!.vmi, stop.task?.id);
    }
    await new Promise((r) => setTimeout(r, 300));
    for (const c of acc.collectors) await c.idle();
    const usage = await acc.billing.usage({});
    const vmHours = usage.filter((u) => u.metric === 'vm.hours');
    // Every record is the owner's, from the owning site, for one of its two VMs.
    expect(new Set(vmHours.map((u) => u.vmId))).toEqual(new Set(ids));
    expect(vmHours.every((u) => u.site === 'ua' && u.accountId === 'owner' && u.service === 'split')).toBe(
      true,
    );
    // Both ran the whole time: neither is missing nor counted twice.
    for (const id of ids) {
      const ms = vmHours.filter((u) => u.vmId === id).reduce((s, u) => s + u.end - u.start, 0);
      expect(ms).toBeGreaterThan(250);
    }
  });
});
