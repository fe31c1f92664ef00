import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountingServiceDefinition } from '@reservoir/contracts';
import { createClient, silentLogger, startEmbeddedBroker, type EmbeddedBroker } from '@reservoir/runtime';
import { ACTION_TO_PB } from '@reservoir/veem';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvmHost, startSite, waitTask, type Site } from '../../veem/test/harness.js';
import { createAccounting, type RunningAccounting } from '../src/create-accounting.js';

const PRICES = `currency: EUR
rules:
  - metric: vm.hours
    rate: "10000"
  - metric: vcpu.hours
    rate: "200000"
  - metric: memory.gib_hours
    rate: "500"
  - metric: disk.gib_hours
    rate: "1"
`;

// The accounting service over gRPC, metering a real site's VMs from its events.
describe('the accounting service: usage of a real site, prepaid credit, invoices', () => {
  let broker: EmbeddedBroker;
  let site: Site;
  let acc: RunningAccounting;
  let dir = '';
  let client: ReturnType<typeof createClient<typeof AccountingServiceDefinition>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'acc-it-'));
    broker = await startEmbeddedBroker();
    site = await startSite({ mqttUrl: broker.url, localHosts: [kvmHost('bill-1')], site: 'bill' });
    acc = await createAccounting({
      database: `sqlite:${join(dir, 'acc.db')}`,
      logger: silentLogger(),
      sites: [{ site: 'bill', veem: site.veem.address }],
      mqtt: broker.url,
    });
    client = createClient(AccountingServiceDefinition, acc.address);
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await acc?.stop();
    await site?.stop();
    await broker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a bad price list with the path of every problem, and keeps the old one', async () => {
    const before = await client.getPrices({});
    await expect(
      client.setPrices({
        yaml: 'currency: EUR\nrules:\n  - metric: vm.hours\n    rate: "-1"\n  - metric: nope\n    rate: "1"\n',
      }),
    ).rejects.toThrow(/rules\[0\]\.rate[\s\S]*rules\[1\]\.metric/);
    expect((await client.getPrices({})).yaml).toBe(before.yaml);
  });

  it('charges a prepaid account for what its VM ran, suspends it at zero and resumes it after a top-up', async () => {
    await client.setPrices({ yaml: PRICES });
    const created = await client.createAccount({
      id: 'shop',
      kind: 'prepaid',
      currency: 'EUR',
      onZero: 'suspend',
      organization: 'default',
    });
    expect(created).toMatchObject({ kind: 'prepaid', balance: '0.00', state: 'active' });
    const topped = await client.topUp({ accountId: 'shop', amount: '5.00', key: 't1' });
    expect(topped.balance).toBe('5.00');
    // The same top-up retried credits once.
    expect((await client.topUp({ accountId: 'shop', amount: '5.00', key: 't1' })).balance).toBe('5.00');

    const t0 = Date.now() - 1000;
    const r = await site.client.vms.createVm({
      name: 'billed',
      resources: { vcpus: 2, memoryMib: 2048, diskMib: 1024 },
      labels: { 'reservoir.service': 'shop-web', 'reservoir.component': 'front' },
    });
    await waitTask(site.client, r.task?.id);
    await new Promise((res) => setTimeout(res, 400));
    const stop = await site.client.vms.actOnVm({ id: r.vm!.id!, action: ACTION_TO_PB.stop });
    await waitTask(site.client, stop.task?.id);
    await new Promise((res) => setTimeout(res, 300));
    await acc.collectors[0]!.idle();
    const t1 = Date.now() + 1000;

    const usage = (await client.listUsage({ accountId: 'shop' })).records;
    const vmHours = usage.filter((u) => u.metric === 'vm.hours');
    expect(vmHours.length).toBeGreaterThan(0);
    const ranMs = vmHours.reduce((s, u) => s + Number(u.endMs) - Number(u.startMs), 0);
    expect(ranMs).toBeGreaterThan(300);

    const run = await client.runBilling({ periodStartMs: t0, periodEndMs: t1 });
    expect(run.invoices).toBe(1);
    const bill = await client.getBill({ accountId: 'shop', periodStartMs: t0, periodEndMs: t1 });
    // The lines add up to the total exactly, and the vCPU line bills 2 vCPUs for the time it ran.
    const sum = bill.lines!.reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
    expect(sum).toBe(Math.round(Number(bill.total) * 100));
    const vcpu = bill.lines!.find((l) => l.metric === 'vcpu.hours')!;
    expect(Number(vcpu.quantity)).toBeCloseTo((2 * ranMs) / 3_600_000, 9);
    expect(Number(bill.total)).toBeGreaterThan(5);

    const after = await client.getAccount({ id: 'shop' });
    expect(after.state).toBe('suspended');
    expect(Number(after.balance)).toBeCloseTo(5 - Number(bill.total), 2);
    // Running the period again charges nothing twice.
    expect((await client.runBilling({ periodStartMs: t0, periodEndMs: t1 })).invoices).toBe(0);
    expect((await client.getAccount({ id: 'shop' })).balance).toBe(after.balance);

    const resumed = await client.topUp({ accountId: 'shop', amount: '1000.00', key: 't2' });
    expect(resumed.state).toBe('active');
  });
});
