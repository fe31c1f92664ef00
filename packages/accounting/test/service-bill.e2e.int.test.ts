import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservoir, topics } from '@reservoir/contracts';
import { waitTask, type SmSite } from '../../service-manager/test/harness.js';
import { BILLED_STATES } from '../src/domain/vm-usage.js';
import type { RunningAccounting } from '../src/create-accounting.js';
import { startBilledSite } from './billed-site.js';

const MANIFEST = `id: shop
name: Shop
components:
  - id: front
    cpus: 2
    memoryMiB: 1024
    startupOrder: 1
  - id: worker
    cpus: 1
    memoryMiB: 512
    instances: { min: 1, max: 6, initial: 1 }
    startupOrder: 2
    dependsOn: [front]
    cooldown: 1s
`;

// End to end: a service deployed and scaled by the Service Manager, its VMs metered from the
// VEEM's events, and an invoice whose lines are the VM time the VEEM recorded, per component.
describe('a deployed, scaled service is billed for exactly the VM time the VEEM recorded', () => {
  let site: SmSite;
  let acc: RunningAccounting;
  // VM id → the VEEM's own state changes (state, at) as published.
  const changes = new Map<string, { to: string; at: number }[]>();

  beforeAll(async () => {
    ({ site, acc } = await startBilledSite({
      hosts: 2,
      postpaid: { id: 'shop-owner' },
      before: async (s) => {
        await s.bus.subscribe(topics.allVmStates(s.site), (_t, payload) => {
          const e = reservoir.veem.v1.VmStateEvent.decode(payload);
          const list = changes.get(e.vmId) ?? [];
          list.push({ to: e.toState, at: Number(e.atMs) });
          changes.set(e.vmId, list);
        });
      },
    }));
  }, 60_000);
  afterAll(async () => {
    await acc?.stop();
    await site?.stop();
  });

  it('deploys, scales out and in, undeploys, and bills each component for its VMs’ running time', async () => {
    const t0 = Date.now() - 1000;
    const r = await site.smi.services.deployService({ manifest: MANIFEST, fileName: 'shop.yaml' });
    expect((await waitTask(site.smi, r.task!.id!)).state).toBe('succeeded');
    const id = r.service!.id!;
    const out = await site.smi.services.scaleService({ id, component: 'worker', instances: 4 });
    expect((await waitTask(site.smi, out.task!.id!)).state).toBe('succeeded');
    await new Promise((res) => setTimeout(res, 300));
    const back = await site.smi.services.scaleService({ id, component: 'worker', instances: 2 });
    expect((await waitTask(site.smi, back.task!.id!)).state).toBe('succeeded');
    await new Promise((res) => setTimeout(res, 300));
    const down = await site.smi.services.undeployService({ id });
    expect((await waitTask(site.smi, down.task!.id!)).state).toBe('succeeded');
    await new Promise((res) => setTimeout(res, 500));
    await acc.collectors[0]!.idle();
    const t1 = Date.now() + 1000;

    // What the VEEM recorded: each VM's time in a billed state, from its own events.
    const vms = (
      await Promise.all([...changes.keys()].map((vmId) => site.vmi.vms.getVm({ id: vmId })))
    ).filter((v) => v.labels?.['reservoir.service'] === id.toLowerCase());
    expect(vms.every((v) => v.state === 'done')).toBe(true);
    expect(vms.length).toBe(5); // front + 4 workers at most
    const recorded = new Map<string, number>();
    for (const vm of vms) {
      const events = changes.get(vm.id!) ?? [];
      let ms = 0;
      let since: number | undefined;
      for (const e of events) {
        if (since !== undefined) ms += e.at - since;
        since = BILLED_STATES.has(e.to) ? e.at : undefined;
      }
      const component = vm.labels!['reservoir.component']!;
      recorded.set(component, (recorded.get(component) ?? 0) + ms);
    }

    await acc.billing.run({ start: t0, end: t1 });
    const bill = await acc.billing.bill('shop-owner', { start: t0, end: t1 });
    const hours = (component: string) =>
      Number(
        (bill.lines as { component: string; metric: string; quantity: string }[]).find(
          (l) => l.component === component && l.metric === 'vm.hours',
        )?.quantity ?? 0,
      );
    for (const [component, ms] of recorded) expect(hours(component)).toBeCloseTo(ms / 3_600_000, 9);
    expect(recorded.get('worker')).toBeGreaterThan(recorded.get('front')!);
  });

  it('suspends a prepaid customer’s service at zero credit through the SM, and resumes it after a top-up', async () => {
    await acc.billing.setPrices(
      '',
      'currency: EUR\nrules:\n  - metric: vcpu.hours\n    rate: "100000"\n  - metric: vm.hours\n    rate: "1"\n  - metric: memory.gib_hours\n    rate: "1"\n  - metric: disk.gib_hours\n    rate: "0"\n',
    );
    await acc.billing.createAccount({
      id: 'prepaid-co',
      customer: 'prepaid-co',
      name: 'prepaid-co',
      kind: 'prepaid',
      currency: 'EUR',
      onZero: 'suspend',
      organization: 'prepaid-co',
    });
    await acc.billing.topUp('prepaid-co', '1.00', 'first');
    const t0 = Date.now() - 1000;
    const r = await site.smi.services.deployService({
      manifest: MANIFEST.replace('id: shop', 'id: paid'),
      fileName: 'paid.yaml',
      organization: 'prepaid-co',
    });
    expect((await waitTask(site.smi, r.task!.id!)).state).toBe('succeeded');
    const id = r.service!.id!;
    await new Promise((res) => setTimeout(res, 400));
    await acc.collectors[0]!.checkpoint(Date.now());
    await acc.collectors[0]!.idle();
    await acc.billing.run({ start: t0, end: Date.now() + 1 });
    const account = await acc.billing.account('prepaid-co');
    expect(account.balance < 0n).toBe(true);
    expect(account.state).toBe('suspended');
    const suspended = async (want: string) => {
      for (let i = 0; i < 100; i++) {
        const s = await site.smi.services.getService({ id });
        if (s.state === want) return s;
        await new Promise((res) => setTimeout(res, 50));
      }
      return site.smi.services.getService({ id });
    };
    const off = await suspended('suspended');
    expect(off.state).toBe('suspended');
    const vmStates = await Promise.all(
      off.components!.flatMap((c) =>
        c.instances!.map(async (i) => (await site.vmi.vms.getVm({ id: i.vmId! })).state),
      ),
    );
    expect(vmStates.every((st) => st === 'suspended')).toBe(true);
    // Suspended VMs hold no host: no usage accrues while the customer has no credit.
    await expect(site.smi.services.scaleService({ id, component: 'worker', instances: 2 })).rejects.toThrow(
      /resume/,
    );

    const topped = await acc.billing.topUp('prepaid-co', '100000.00', 'second');
    expect(topped.state).toBe('active');
    expect((await suspended('running')).state).toBe('running');
  });
});
