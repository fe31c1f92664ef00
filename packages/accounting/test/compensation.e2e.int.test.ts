import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, waitTask, type SmSite } from '../../service-manager/test/harness.js';
import type { RunningAccounting } from '../src/create-accounting.js';
import { startBilledSite } from './billed-site.js';

const MANIFEST = `id: pages
name: Pages
kpis:
  - { name: latency_ms, units: ms }
components:
  - id: web
    cpus: 2
    memoryMiB: 1024
sla:
  - { name: fast-pages, kpi: latency_ms, operator: <, threshold: 300, window: 2s }
  - { name: up, kpi: service.availability, operator: '>=', threshold: 99, window: 60s }
`;

const PRICES = `currency: EUR
rules:
  - { metric: vm.hours, rate: "3600" }
  - { metric: vcpu.hours, rate: "0" }
  - { metric: memory.gib_hours, rate: "0" }
  - { metric: disk.gib_hours, rate: "0" }
compensations:
  - objective: fast-pages
    credit: { percentage: "50" }
  - objective: "*"
    credit: { fixed: "2.00" }
costs:
  - { metric: vm.hours, rate: "1800" }
`;

type CreditLine = { key: string; description: string; amount: string; applied: string };

// The SM judges the SLA against the KPI it receives from monitoring and logs each violation and
// recovery; the next invoice credits the breach by the provider's compensation terms.
describe('an SLA breach is compensated on the next invoice', () => {
  let site: SmSite;
  let acc: RunningAccounting;

  beforeAll(async () => {
    ({ site, acc } = await startBilledSite({
      prices: PRICES,
      postpaid: { id: 'pages-co', name: 'Pages Co' },
    }));
  }, 60_000);
  afterAll(async () => {
    await acc?.stop();
    await site?.stop();
  });

  it('credits the breach time, once, and revises the invoice when late usage arrives', async () => {
    const t0 = Date.now() - 1000;
    const r = await site.smi.services.deployService({ manifest: MANIFEST, fileName: 'pages.yaml' });
    expect((await waitTask(site.smi, r.task!.id!)).state).toBe('succeeded');
    const id = r.service!.id!;
    const push = (value: number) =>
      site.kpi.pushKpi({ serviceId: id, name: 'latency_ms', value, units: 'ms' });

    // Slow pages until the SM announces the violation, then fast ones until it announces recovery.
    const slaEvents = async (met: number) =>
      (await site.smi.services.listEvents({ id, afterSeq: 0, limit: 500 })).events?.filter(
        (e) => e.kind === 'sla' && e.ruleId === 'fast-pages' && (e.to ?? 0) === met,
      );
    await eventually(
      async () => {
        await push(900);
        return (await slaEvents(0))?.length ? true : undefined;
      },
      30_000,
      200,
    );
    await eventually(
      async () => {
        await push(100);
        return (await slaEvents(1))?.length ? true : undefined;
      },
      30_000,
      200,
    );
    const [violated] = (await slaEvents(0))!;
    const [recovered] = (await slaEvents(1))!;
    const breachMs = Number(recovered!.timeMs) - Number(violated!.timeMs);
    expect(breachMs).toBeGreaterThan(0);

    const down = await site.smi.services.undeployService({ id });
    expect((await waitTask(site.smi, down.task!.id!)).state).toBe('succeeded');
    await new Promise((res) => setTimeout(res, 300));
    await acc.collectors[0]!.idle();
    const period = { start: t0, end: Date.now() + 1000 };

    const first = await acc.billing.run(period);
    expect(first).toMatchObject({ invoices: 1, revised: 0 });
    const bill = await acc.billing.bill('pages-co', period);
    if (!('revision' in bill)) throw new Error('the invoice was not issued');
    const credits = bill.creditLines as CreditLine[];
    // vm.hours at 3600 EUR/h is 1 EUR a second: the charge is the VM's seconds.
    expect(bill.subtotal > 0n).toBe(true);
    expect(credits).toHaveLength(1);
    expect(credits[0]!.key).toMatch(new RegExp(`^sla:${id}:fast-pages:`));
    expect(credits[0]!.description).toMatch(
      /^SLA fast-pages of .* breached for [\d.]+ min: SLA objective fast-pages violated/,
    );
    // 50% of the service's charge, rounded half-even once.
    const half = halfEven(bill.subtotal);
    expect(BigInt(credits[0]!.amount)).toBe(half);
    expect(bill.credits).toBe(half);
    expect(bill.total).toBe(bill.subtotal - half);
    const comp = await acc.billing.ledger.accountBalance('pages-co');
    expect(comp).toBe(-(bill.subtotal - half));

    // The provider's margin: the charge less the compensation, against half of it in costs.
    const [profit] = await acc.billing.profitability(period);
    expect(profit).toMatchObject({ service: id, accountId: 'pages-co', revenue: bill.subtotal - half });
    expect(Number(profit!.cost - bill.subtotal / 2n)).toBeLessThanOrEqual(1);
    expect(Number(profit!.cost - bill.subtotal / 2n)).toBeGreaterThanOrEqual(0);

    // Running the period again grants nothing twice.
    expect(await acc.billing.run(period)).toMatchObject({ invoices: 0, revised: 0 });
    expect(await acc.billing.ledger.accountBalance('pages-co')).toBe(comp);

    // Usage of the period that arrives late, within the window, revises the invoice: the
    // revision posts only the difference.
    await acc.billing.ingest([
      {
        key: `late-${id}`,
        accountId: 'pages-co',
        service: id,
        component: 'web',
        vmId: 'late-vm',
        site: site.site,
        metric: 'vm.hours',
        quantity: '0.01', // 36 s: 36.00 EUR
        start: period.start + 10,
        end: period.start + 36_010,
        recordedAt: Date.now(),
      },
    ]);
    expect(await acc.billing.run(period)).toMatchObject({ invoices: 1, revised: 1 });
    const revised = await acc.billing.bill('pages-co', period);
    if (!('revision' in revised)) throw new Error('the revision was not issued');
    expect(revised.revision).toBe(2);
    expect(revised.records).toBe(bill.records + 1);
    expect(revised.subtotal).toBe(bill.subtotal + 3600n);
    // The compensation follows the larger charge: still 50%, and only its increase is posted.
    expect(revised.credits).toBe(halfEven(revised.subtotal));
    expect(await acc.billing.ledger.accountBalance('pages-co')).toBe(-revised.total);
  }, 120_000);

  it('rates usage later than the window into the period it arrives in', async () => {
    const now = Date.now();
    const old = { start: now - 3 * 24 * 3600_000, end: now - 3 * 24 * 3600_000 + 3600_000 };
    await acc.billing.ingest([
      {
        key: 'very-late',
        accountId: 'pages-co',
        service: 'old-service',
        component: 'web',
        vmId: 'old-vm',
        site: site.site,
        metric: 'vm.hours',
        quantity: '1',
        start: old.start,
        end: old.end,
        recordedAt: now,
      },
    ]);
    const own = await acc.billing.usage({ accountId: 'pages-co', from: old.start, to: old.end });
    expect(own.map((u) => u.key)).not.toContain('very-late');
    const [late] = await acc.billing.usage({
      accountId: 'pages-co',
      service: 'old-service',
      from: now - 60_000,
      to: now + 60_000,
    });
    expect(late).toMatchObject({ key: 'very-late', start: old.start });
    expect(late!.billedAt).toBeGreaterThanOrEqual(now);
    const bill = await acc.billing.preview('pages-co', { start: now - 60_000, end: now + 60_000 });
    expect(bill.lines.find((l) => l.service === 'old-service')).toMatchObject({ quantity: '1' });
  });
});

/** Half of n in minor units, rounded half to even. */
function halfEven(n: bigint): bigint {
  const k = n / 2n;
  return n % 2n === 0n || k % 2n === 0n ? k : k + 1n;
}
