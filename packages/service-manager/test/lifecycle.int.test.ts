import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reservoir } from '@reservoir/contracts';
import { REPO_ROOT } from '@reservoir/runtime';
import { eventually, startSmSite, waitTask, type SmSite } from './harness.js';

// The life cycle's edges over the SMI: refusals with every reason, admission, failures and
// recover, rule updates, and a Service Manager stopped in the middle of a deployment.

const INVALID = join(REPO_ROOT, 'packages', 'service-manager', 'src', 'manifest', 'testdata', 'invalid');
const Mode = reservoir.sm.v1.ServiceRecoverMode;

function manifest(o: { initial?: number; max?: number; cpus?: number; extra?: string } = {}): string {
  return `id: batch
name: Batch workers
networks:
  - name: backend
components:
  - id: head
    cpus: 1
    memoryMiB: 512
    networks: [backend]
    startupOrder: 1
  - id: worker
    cpus: ${o.cpus ?? 1}
    memoryMiB: 512
    networks: [backend]
    instances: { min: 1, max: ${o.max ?? 10}, initial: ${o.initial ?? 2} }
    startupOrder: 2
    dependsOn: [head]
    cooldown: 1s
kpis:
  - name: backlog
rules:
  - kind: threshold
    id: by-backlog
    component: worker
    kpi: backlog
    window: 2s
    frequency: 1s
    quota: 10
    tolerance: 10
${o.extra ?? ''}`;
}

describe('Service Manager life cycle', () => {
  let site: SmSite | undefined;
  afterEach(async () => {
    await site?.stop();
    site = undefined;
  });

  it('refuses bad manifests with every reason and its place, and runs nothing', async () => {
    site = await startSmSite({ hosts: 1 });
    const cases: [string, RegExp[]][] = [
      [
        'unknown-kpi.yaml',
        [/unknown-kpi\.yaml:\d+:\d+: .*kpi.*"queue_depth"|unknown-kpi\.yaml:\d+:\d+: .*unknown KPI/],
      ],
      ['min-over-max.yaml', [/min-over-max\.yaml:\d+:\d+: components\[\d\]\.instances/]],
      ['startup-cycle.yaml', [/startup-cycle\.yaml:\d+:\d+: .*cycle/]],
      ['over-budget.yaml', [/over-budget\.yaml:\d+:\d+: .*budget/]],
    ];
    for (const [file, patterns] of cases) {
      const text = readFileSync(join(INVALID, file), 'utf8');
      const err = await site.smi.services
        .deployService({ manifest: text, fileName: file })
        .catch((e: unknown) => e);
      expect(err, file).toMatchObject({ code: 'INVALID_ARGUMENT' });
      const message = (err as Error).message;
      for (const p of patterns) expect(message, file).toMatch(p);
      expect(message).not.toMatch(/\n\s+at /);
    }
    const everything = readFileSync(join(INVALID, 'everything-wrong.ovf'), 'utf8');
    const err = (await site.smi.services
      .deployService({ manifest: everything, fileName: 'everything-wrong.ovf' })
      .catch((e: unknown) => e)) as Error;
    expect(err.message.split('\n').length).toBeGreaterThan(3);
    expect((await site.smi.services.listServices({ includeFinished: true })).services).toEqual([]);
    expect((await site.vmi.vms.listVms({})).vms).toEqual([]);
  });

  it('rejects at admission with the reasons: site rules, images, and what the Policy Engine cannot place', async () => {
    site = await startSmSite({ hosts: 2, cores: 4, memoryMib: 8192, settings: { country: 'US' } });
    const fenced = await site.smi.services.deployService({
      manifest: manifest({ extra: 'deployment:\n  allowedCountries: [ES, FR]\n' }),
      fileName: 'fenced.yaml',
    });
    expect((await waitTask(site.smi, fenced.task!.id!)).state).toBe('failed');
    const s = await site.smi.services.getService({ id: fenced.service!.id! });
    expect(s.state).toBe('rejected');
    expect(s.reason).toContain('site site-a is in US, not in ES, FR');

    // 20 workers of 2 cores do not fit 2 hosts of 4 cores: the PE says so, nothing is created.
    const big = await site.smi.services.deployService({
      manifest: manifest({ initial: 20, max: 20, cpus: 2 }),
      fileName: 'big.yaml',
    });
    expect((await waitTask(site.smi, big.task!.id!)).state).toBe('failed');
    const b = await site.smi.services.getService({ id: big.service!.id! });
    expect(b.state).toBe('rejected');
    expect(b.reason).toMatch(/worker-\d+: /);
    expect((await site.vmi.vms.listVms({})).vms).toEqual([]);

    const imaged = manifest()
      .replace(
        'networks:\n  - name: backend',
        'files:\n  - id: os\n    href: images/batch.qcow2\nnetworks:\n  - name: backend',
      )
      .replace(
        '    networks: [backend]\n    startupOrder: 1',
        '    disks:\n      - diskId: root\n        capacity: 1GiB\n        fileRef: os\n    networks: [backend]\n    startupOrder: 1',
      );
    const noImage = await site.smi.services.deployService({ manifest: imaged, fileName: 'imaged.yaml' });
    await waitTask(site.smi, noImage.task!.id!);
    expect((await site.smi.services.getService({ id: noImage.service!.id! })).reason).toContain(
      'image "batch.qcow2" (file os) is not registered at site site-a',
    );
  });

  it('fails a scaling that cannot finish, refuses other verbs, and recovers by deleting', async () => {
    site = await startSmSite({ hosts: 1, cores: 4, memoryMib: 8192, settings: { instanceTimeoutMs: 1500 } });
    const r = await site.smi.services.deployService({ manifest: manifest(), fileName: 'batch.yaml' });
    expect((await waitTask(site.smi, r.task!.id!)).state).toBe('succeeded');
    const id = r.service!.id!;
    // One host of 4 cores holds head + 3 workers; the 4th to 6th stay pending.
    const scale = await site.smi.services.scaleService({ id, component: 'worker', instances: 6 });
    const t = await waitTask(site.smi, scale.task!.id!);
    expect(t.state).toBe('failed');
    expect(t.errorMessage).toMatch(/not running after 1500 ms/);
    const failed = await site.smi.services.getService({ id });
    expect(failed.state).toBe('scale-failed');
    await expect(
      site.smi.services.scaleService({ id, component: 'worker', instances: 2 }),
    ).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    const rec = await site.smi.services.recoverService({ id, mode: Mode.SERVICE_RECOVER_MODE_DELETE });
    expect((await waitTask(site.smi, rec.task!.id!)).state).toBe('succeeded');
    expect((await site.smi.services.getService({ id })).state).toBe('finished');
    const left = (await site.vmi.vms.listVms({})).vms.filter((v) => v.state !== 'done');
    expect(left).toEqual([]);
  });

  it('takes new rules and bounds on a running service, refusing a bad update and keeping the old rules', async () => {
    site = await startSmSite({ hosts: 2 });
    const r = await site.smi.services.deployService({
      manifest: manifest({ initial: 3 }),
      fileName: 'batch.yaml',
    });
    expect((await waitTask(site.smi, r.task!.id!)).state).toBe('succeeded');
    const id = r.service!.id!;
    const bad = await site.smi.services
      .updateRules({
        id,
        fileName: 'bad.yaml',
        document:
          'rules:\n  - kind: threshold\n    id: x\n    component: worker\n    kpi: nope\n    window: 1m\n    quota: 5\n',
      })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/nope/) });
    const before = JSON.parse((await site.smi.services.getService({ id })).manifestJson!);
    expect(before.rules.map((x: { id: string }) => x.id)).toEqual(['by-backlog']);
    // Lower max below the current count: the service shrinks to it.
    const u = await site.smi.services.updateRules({
      id,
      fileName: 'b.yaml',
      document: 'components:\n  worker: { max: 2 }\n',
    });
    expect((await waitTask(site.smi, u.task!.id!)).state).toBe('succeeded');
    const s = await eventually(async () => {
      const x = await site!.smi.services.getService({ id });
      const w = x.components!.find((c) => c.id === 'worker')!;
      return x.state === 'running' && w.instances!.length === 2 ? x : undefined;
    });
    expect(s.components!.find((c) => c.id === 'worker')!.max).toBe(2);
    // The youngest worker went.
    expect(s.components!.find((c) => c.id === 'worker')!.instances!.map((i) => i.id)).toEqual([
      'worker-0',
      'worker-1',
    ]);
  });

  it('checks the budget before every scale-out: grows while it fits, then refuses with the reason', async () => {
    site = await startSmSite({ hosts: 2 });
    // head + workers at 0.0225 EUR/h each (1 vCPU, 512 MiB): four instances fit 0.1 EUR/h, five do not.
    const r = await site.smi.services.deployService({
      manifest: manifest({ extra: 'business:\n  budgetPerHour: 0.1\n  currency: EUR\n' }),
      fileName: 'budget.yaml',
    });
    expect((await waitTask(site.smi, r.task!.id!)).state).toBe('succeeded');
    const id = r.service!.id!;
    const pusher = setInterval(() => {
      void site!.kpi.pushKpi({ serviceId: id, name: 'backlog', value: 1000 }).catch(() => undefined);
    }, 150);
    try {
      const refused = await eventually(async () => {
        const { events } = await site!.smi.services.listEvents({ id, limit: 1000 });
        return events.find((e) => e.kind === 'refused');
      }, 20_000);
      expect(refused.reason).toMatch(/budget/);
      const s = await site.smi.services.getService({ id });
      expect(s.components!.find((c) => c.id === 'worker')!.instances).toHaveLength(3);
      expect(s.costPerHour).toBeLessThanOrEqual(0.1);
      const { events } = await site.smi.services.listEvents({ id, limit: 1000 });
      expect(events.filter((e) => e.kind === 'scale-out').map((e) => [e.from, e.to])).toEqual([[2, 3]]);
    } finally {
      clearInterval(pusher);
    }
  }, 40_000);

  it('resumes a deployment cut off by a stop, without duplicate VMs', async () => {
    site = await startSmSite({ hosts: 4, opLatencyMs: 150 });
    const r = await site.smi.services.deployService({
      manifest: manifest({ initial: 8 }),
      fileName: 'batch.yaml',
    });
    const id = r.service!.id!;
    // Stop as soon as the workers are being created.
    await eventually(async () => {
      const s = await site!.smi.services.getService({ id });
      return s.components!.find((c) => c.id === 'worker')!.instances!.some((i) => i.vmId) ? s : undefined;
    });
    await site.restartSm();
    const mid = await site.smi.services.getService({ id });
    expect(['deploying', 'running']).toContain(mid.state);
    expect((await waitTask(site.smi, r.task!.id!)).state).toBe('succeeded');
    const s = await site.smi.services.getService({ id });
    expect(s.state).toBe('running');
    const vmIds = s.components!.flatMap((c) => c.instances!.map((i) => i.vmId));
    expect(vmIds).toHaveLength(9);
    expect(new Set(vmIds).size).toBe(9);
    const vms = (await site.vmi.vms.listVms({})).vms.filter((v) => v.state !== 'done');
    expect(vms).toHaveLength(9);
    expect(vms.map((v) => v.id).sort()).toEqual([...vmIds].sort());
  }, 60_000);
});
