import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Consumer } from '@reservoir/monitoring';
import { startVeehMonitoring, type VeehMonitoring } from '@reservoir/veeh';
import { eventually, waitTask, type SmSite } from '../../service-manager/test/harness.js';
import type { RunningAccounting } from '../src/create-accounting.js';
import { startBilledSite } from './billed-site.js';

const MANIFEST = `id: tx-shop
name: Transactions
kpis:
  - { name: transactions, units: tx }
  - { name: latency_ms, units: ms }
components:
  - id: web
    cpus: 1
    memoryMiB: 512
`;

const PRICES = `currency: EUR
rules:
  - { metric: vm.hours, rate: "0.01" }
  - { metric: vcpu.hours, rate: "0.02" }
  - { metric: memory.gib_hours, rate: "0.005" }
  - { metric: disk.gib_hours, rate: "0.0001" }
  - { metric: network.gib, rate: "0.05" }
  - { metric: kpi.transactions, rate: "0.001" }
`;

// Usage measured on the monitoring data plane: a VM's network traffic from the host agent's real
// probes, and the transactions a service reports as a KPI, billed because the price list prices
// them (its latency KPI is not priced, so it is not metered).
describe('network traffic and application KPIs are metered from the monitoring data plane', () => {
  let site: SmSite;
  let acc: RunningAccounting;
  let probes: VeehMonitoring;
  let watch: Consumer;
  // What the VM probes published: probe → time → rx + tx bytes.
  const counted = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    ({ site, acc } = await startBilledSite({
      prices: PRICES,
      postpaid: { id: 'tx-co', name: 'Tx Co' },
      // The host agent's probes and a watch on what they publish, before accounting follows them.
      before: async (s) => {
        probes = await startVeehMonitoring({ agent: s.agent.agent, bus: s.bus, site: s.site, periodMs: 100 });
        watch = new Consumer({ bus: s.bus, site: s.site });
        watch.subscribe({}, (m) => {
          const rx = m.values['net_rx'];
          const tx = m.values['net_tx'];
          if (typeof rx !== 'number' || typeof tx !== 'number') return;
          const byTime = counted.get(m.probeId) ?? new Map<number, number>();
          byTime.set(m.timeMs, rx + tx);
          counted.set(m.probeId, byTime);
        });
        await watch.start();
      },
    }));
  }, 60_000);
  afterAll(async () => {
    await acc?.stop();
    await watch?.stop();
    await probes?.stop();
    await site?.stop();
  });

  it('bills the bytes the VM probe counted and the transactions the service reported', async () => {
    const r = await site.smi.services.deployService({ manifest: MANIFEST, fileName: 'tx.yaml' });
    expect((await waitTask(site.smi, r.task!.id!)).state).toBe('succeeded');
    const id = r.service!.id!;
    const reported = [5, 7, 11, 13];
    for (const value of reported) {
      await site.kpi.pushKpi({ serviceId: id, name: 'transactions', value, units: 'tx' });
      await site.kpi.pushKpi({ serviceId: id, name: 'latency_ms', value: 80, units: 'ms' });
    }
    const usage = async (metric: string) =>
      (await acc.billing.usage({ service: id })).filter((u) => u.metric === metric);
    const tx = await eventually(async () => {
      const list = await usage('kpi.transactions');
      return list.length === reported.length ? list : undefined;
    }, 20_000);
    expect(tx.map((u) => Number(u.quantity)).sort((a, b) => a - b)).toEqual(reported);
    expect(tx.every((u) => u.accountId === 'tx-co')).toBe(true);
    expect(await usage('kpi.latency_ms')).toEqual([]);

    // A second of running: traffic at the probe's steady rate, in GiB, between measurements.
    const net = await eventually(async () => {
      const list = await usage('network.gib');
      const span = list.reduce((s, u) => s + (u.end - u.start), 0);
      return span >= 1000 ? list : undefined;
    }, 20_000);
    const [instance] = (await site.smi.services.getService({ id })).components![0]!.instances!;
    const published = counted.get(`vm:${instance!.vmId}`)!;
    for (const u of net) {
      expect(u).toMatchObject({ accountId: 'tx-co', component: 'web', vmId: instance!.vmId });
      // Exactly the bytes the probe's counters grew by between the two measurements.
      const bytes = published.get(u.end)! - published.get(u.start)!;
      expect(bytes).toBeGreaterThan(0);
      expect(Math.abs(Number(u.quantity) * 2 ** 30 - bytes)).toBeLessThan(0.01);
    }
    // Each interval is billed once: consecutive, never overlapping.
    const sorted = [...net].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBe(sorted[i - 1]!.end);

    const down = await site.smi.services.undeployService({ id });
    expect((await waitTask(site.smi, down.task!.id!)).state).toBe('succeeded');
    const bill = await acc.billing.preview('tx-co', { start: Date.now() - 3600_000, end: Date.now() + 1000 });
    const line = bill.lines.find((l) => l.metric === 'kpi.transactions' && l.service === id);
    expect(line).toMatchObject({ quantity: '36' });
    expect(bill.lines.some((l) => l.metric === 'network.gib' && l.service === id)).toBe(true);
  }, 90_000);
});
