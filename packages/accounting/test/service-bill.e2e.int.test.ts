import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservoir, topics } from '@reservoir/contracts';
import { silentLogger } from '@reservoir/runtime';
import { startSmSite, waitTask, type SmSite } from '../../service-manager/test/harness.js';
import { BILLED_STATES } from '../src/domain/vm-usage.js';
import { createAccounting, type RunningAccounting } from '../src/create-accounting.js';

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
    site = await startSmSite({ hosts: 2 });
    await site.bus.subscribe(topics.allVmStates(site.site), (_t, payload) => {
      const e = reservoir.veem.v1.VmStateEvent.decode(payload);
      const list = changes.get(e.vmId) ?? [];
      list.push({ to: e.toState, at: Number(e.atMs) });
      changes.set(e.vmId, list);
    });
    acc = await createAccounting({
      database: `sqlite:${site.dir}/accounting.db`,
      logger: silentLogger(),
      sites: [{ site: site.site, veem: site.veem.address }],
      mqtt: site.bus,
    });
    await acc.billing.createAccount({
      id: 'shop-owner',
      customer: 'shop-owner',
      name: 'shop-owner',
      kind: 'postpaid',
      currency: 'EUR',
      onZero: 'warn',
      organization: 'default',
    });
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
});
