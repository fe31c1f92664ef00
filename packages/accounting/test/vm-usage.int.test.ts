import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MqttBus,
  silentLogger,
  startEmbeddedBroker,
  type EmbeddedBroker,
  type SqlDatabase,
} from '@reservoir/runtime';
import { testDatabases } from '@reservoir/runtime/testing';
import { ACTION_TO_PB } from '@reservoir/veem';
import { kvmHost, startSite, waitTask, type Site } from '../../veem/test/harness.js';
import { VmiVmLookup } from '../src/adapters/grpc/vmi-vm-lookup.js';
import { followVmStates } from '../src/adapters/mqtt/vm-state-events.js';
import { SqlAccountingStore } from '../src/adapters/store/sql-accounting-store.js';
import { SqlMeterStore } from '../src/adapters/store/sql-meter-store.js';
import { VmUsageCollector } from '../src/app/vm-usage-collector.js';

// The collector follows a real VEEM's VM state events over MQTT and reads the VMs over the VMI.
describe.each(testDatabases())('VM usage from a real site, stored on $name', ({ open }) => {
  let broker: EmbeddedBroker;
  let site: Site;
  let db: SqlDatabase;
  let store: SqlAccountingStore;
  let meters: SqlMeterStore;
  let bus: MqttBus;

  beforeAll(async () => {
    broker = await startEmbeddedBroker();
    site = await startSite({ mqttUrl: broker.url, localHosts: [kvmHost('acc-1')], site: 'acc' });
  }, 60_000);
  afterAll(async () => {
    await site?.stop();
    await broker?.close();
  });
  beforeEach(async () => {
    db = await open();
    store = new SqlAccountingStore(db);
    await store.migrate();
    meters = new SqlMeterStore(db);
    await meters.migrate();
    bus = await MqttBus.connect({ url: broker.url, clientId: `acc-${Date.now()}`, logger: silentLogger() });
  });
  afterEach(async () => {
    await bus.close();
    await db.close();
  });

  const collector = async (lookup: VmiVmLookup) => {
    const c = new VmUsageCollector('acc', lookup, meters, async (org) => `acct-${org}`, silentLogger());
    await c.start();
    const off = await followVmStates(bus, 'acc', (e) => void c.onState(e));
    return { c, off };
  };

  it('bills the running time of a VM exactly once across a collector restart and replays', async () => {
    const lookup = new VmiVmLookup(site.veem.address);
    let { c, off } = await collector(lookup);
    const r = await site.client.vms.createVm({
      name: 'metered',
      resources: { vcpus: 2, memoryMib: 2048, diskMib: 1024 },
      labels: { 'reservoir.service': 'shop', 'reservoir.component': 'web' },
    });
    await waitTask(site.client, r.task?.id);
    const vmId = r.vm!.id!;
    await new Promise((res) => setTimeout(res, 300));
    await c.checkpoint(Date.now());
    await c.idle();
    // The collector stops mid-run and a new one takes over from what was committed.
    await off();
    ({ c, off } = await collector(lookup));
    await new Promise((res) => setTimeout(res, 200));
    const stop = await site.client.vms.actOnVm({ id: vmId, action: ACTION_TO_PB.stop });
    await waitTask(site.client, stop.task?.id);
    await new Promise((res) => setTimeout(res, 300));
    await c.idle();
    const usage = (await store.usage({ accountId: 'acct-default' })).filter((u) => u.vmId === vmId);
    const hours = usage.filter((u) => u.metric === 'vm.hours');
    expect(hours.length).toBeGreaterThanOrEqual(2);
    // Consecutive intervals: each starts where the previous ended, with no gap and no overlap.
    const spans = hours.map((u) => [u.start, u.end]).sort((x, y) => x[0]! - y[0]!);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBe(spans[i - 1]![1]);
    expect(usage.every((u) => u.service === 'shop' && u.component === 'web')).toBe(true);
    const vcpu = usage.filter((u) => u.metric === 'vcpu.hours').reduce((s, u) => s + Number(u.quantity), 0);
    const vm = hours.reduce((s, u) => s + Number(u.quantity), 0);
    expect(vcpu).toBeCloseTo(2 * vm, 9);
    // The same records delivered again count once.
    const again = await store.ingest(usage);
    expect(again).toEqual({ accepted: 0, duplicates: usage.length });
    await off();
    lookup.close();
  });
});
