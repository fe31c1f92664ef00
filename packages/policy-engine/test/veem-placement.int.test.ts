import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { reservoir } from '@reservoir/contracts';
import { silentLogger } from '@reservoir/runtime';
import { createPolicyEngine, type RunningPolicyEngine } from '../src/create-policy-engine.js';
import { policyClient, type PolicyClient } from '../src/client.js';
import { startTestSite, waitTask, type TestSite } from './site.js';

// The VEEM placing through a real Policy Engine over gRPC: the site's policy decides where VMs
// land, placement groups hold, a policy change applies to the next decision, and a whole service
// is admitted or refused with the engine's reasons.

type Vm = reservoir.veem.v1.Vm;

describe('VEEM placement through the Policy Engine', () => {
  let dir: string;
  let pe: RunningPolicyEngine;
  let c: PolicyClient;
  let site: TestSite;

  const create = async (name: string, memoryMib: number, placement?: reservoir.veem.v1.IPlacement) => {
    const r = await site.vmi.vms.createVm({
      name,
      resources: { vcpus: 1, memoryMib, diskMib: 1024 },
      ...(placement ? { placement } : {}),
    });
    const t = await waitTask(site.vmi, r.task!.id!);
    expect(t.state, `${name}: ${t.errorMessage}`).toBe('succeeded');
    return (await site.vmi.vms.getVm({ id: r.vm!.id! })) as Vm;
  };
  const hostName = (vm: Vm) => site.hosts.find((h) => vm.host.includes(h)) ?? vm.host;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pe-veem-'));
    pe = await createPolicyEngine({
      site: 'pe-veem',
      database: `sqlite:${join(dir, 'pe.db')}`,
      logger: silentLogger(),
    });
    c = policyClient(pe.address);
    site = await startTestSite(`pe-veem-${process.pid}`, 4, 0, pe.address);
  }, 60_000);
  afterAll(async () => {
    c?.close();
    await site?.stop();
    await pe?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('packs new VMs under consolidate', async () => {
    await c.policy.setPolicy({ policy: { name: 'consolidate' }, updateMask: ['name'] });
    const vms = [await create('pack-1', 2048), await create('pack-2', 2048), await create('pack-3', 2048)];
    expect(new Set(vms.map((v) => v.host)).size).toBe(1);
  });

  it('keeps hard anti-affinity members on different hosts', async () => {
    const web = { groups: [{ name: 'web', type: 'anti-affinity', scope: 'host', hard: true }] };
    const vms = [
      await create('web-1', 1024, web),
      await create('web-2', 1024, web),
      await create('web-3', 1024, web),
    ];
    expect(new Set(vms.map((v) => v.host)).size).toBe(3);
  });

  it('applies a policy switched at run time to the next placement', async () => {
    const before = await c.policy.getPolicy({});
    const after = await c.policy.setPolicy({ policy: { name: 'balance' }, updateMask: ['name'] });
    expect(after.version).toBeGreaterThan(before.version as number);
    // The packed host carries 6 GiB and three others 1 GiB each: balance picks an empty or
    // lightly loaded host, never the packed one.
    const { vms } = await site.vmi.vms.listVms({ states: ['running'] });
    const packed = (vms as Vm[]).find((v) => v.name === 'pack-1')!.host;
    const next = await create('balanced-1', 2048);
    expect(next.host).not.toBe(packed);
  });

  it('admits a whole service when every member fits, on hosts the engine chose', async () => {
    const r = await site.vmi.vms.createVmSet({
      requestId: 'svc-ok',
      vms: [
        { name: 'svc-a', resources: { vcpus: 1, memoryMib: 8192, diskMib: 1024 } },
        { name: 'svc-b', resources: { vcpus: 1, memoryMib: 8192, diskMib: 1024 } },
      ],
    });
    expect(r.accepted).toBe(true);
    expect(r.vms).toHaveLength(2);
    for (const v of r.vms!) expect((await waitTask(site.vmi, v.task!.id!)).state).toBe('succeeded');
  });

  it('refuses a service that cannot be placed whole, with the reasons, and creates nothing', async () => {
    const { total: before } = await site.vmi.vms.listVms({});
    const r = await site.vmi.vms.createVmSet({
      requestId: 'svc-too-big',
      vms: [
        { name: 'big-a', resources: { vcpus: 1, memoryMib: 4096, diskMib: 1024 } },
        { name: 'big-b', resources: { vcpus: 1, memoryMib: 64 * 1024, diskMib: 1024 } },
      ],
    });
    expect(r.accepted).toBe(false);
    const reasons = (r.refusals ?? []).flatMap((x) => x.reasons ?? []).join('; ');
    expect(reasons).toMatch(/all-or-nothing/);
    expect(reasons).toMatch(/4 hosts lack memoryMib/);
    expect((await site.vmi.vms.listVms({})).total).toBe(before);
  });

  it('leaves a VM no host can take pending with the per-constraint reasons', async () => {
    const web = { groups: [{ name: 'web', type: 'anti-affinity', scope: 'host', hard: true }] };
    const r = await site.vmi.vms.createVm({
      name: 'web-5',
      resources: { vcpus: 1, memoryMib: 1024, diskMib: 1024 },
      placement: web,
    });
    // web-4 takes the last free host; web-5 has none left.
    const r4 = await site.vmi.vms.createVm({
      name: 'web-4',
      resources: { vcpus: 1, memoryMib: 1024, diskMib: 1024 },
      placement: web,
    });
    const deadline = Date.now() + 10_000;
    let pending: Vm | undefined;
    while (Date.now() < deadline) {
      const vms = await Promise.all([r, r4].map((x) => site.vmi.vms.getVm({ id: x.vm!.id! })));
      pending = (vms as Vm[]).find((v) => v.state === 'pending' && v.reason);
      const placed = (vms as Vm[]).filter((v) => v.host !== '');
      if (pending && placed.length === 1) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(pending?.reason).toMatch(/4 hosts excluded by anti-affinity with/);
    expect(hostName(pending!)).toBe('');
  });
});
