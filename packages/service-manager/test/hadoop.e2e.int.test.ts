import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { reservoir } from '@reservoir/contracts';
import { REPO_ROOT } from '@reservoir/runtime';
import { manifestFromOvf, type ServiceManifest } from '../src/manifest/index.js';
import { eventually, startSmSite, waitTask, type SmSite } from './harness.js';

// Seed 002's scenario end to end: a Hadoop service (portal, master, slaves on a private network
// with storage) deployed from examples/hadoop.ovf through the SMI, scaled out and in by the
// slaves' job-queue KPI pushed to the monitoring service, and re-deployed from its export.

type PbService = reservoir.sm.v1.IService;

const HADOOP = readFileSync(join(REPO_ROOT, 'examples', 'hadoop.ovf'), 'utf8');

const live = (s: PbService, component: string) =>
  (s.components ?? [])
    .find((c) => c.id === component)
    ?.instances?.filter((i) => i.state === 'running' || i.state === 'creating') ?? [];

describe('Service Manager end to end: the Hadoop service of seed 002', () => {
  let site: SmSite;

  beforeAll(async () => {
    site = await startSmSite({
      images: { 'portal.vmdk': 1024, 'hadoop-master.vmdk': 2048, 'hadoop-slave.vmdk': 2048 },
    });
    await site.vmi.networks.createNetwork({ name: 'public', cidr: '192.168.50.0/24', scope: 'external' });
  });

  afterAll(async () => {
    await site?.stop();
  });

  it('deploys in startup order, scales by the job queue within bounds and cooldown, and re-deploys from its export', async () => {
    // --- Deploy ---------------------------------------------------------------------------
    const r = await site.smi.services.deployService({
      manifest: HADOOP,
      fileName: 'hadoop.ovf',
      requestId: 'hadoop-beta-1',
      properties: { 'master.hadoop.dfs.replication': '3' },
    });
    const id = r.service!.id!;
    expect((await waitTask(site.smi, r.task!.id!)).state).toBe('succeeded');
    // A retried deploy returns the same service.
    const again = await site.smi.services.deployService({
      manifest: HADOOP,
      fileName: 'hadoop.ovf',
      requestId: 'hadoop-beta-1',
    });
    expect(again.service!.id).toBe(id);

    let s = await site.smi.services.getService({ id });
    expect(s.state).toBe('running');
    const [master] = live(s, 'master');
    expect(live(s, 'master')).toHaveLength(1);
    expect(live(s, 'slaves')).toHaveLength(2);
    expect(live(s, 'portal')).toHaveLength(1);
    // Startup order: the master ran before any slave or the portal was created.
    for (const i of [...live(s, 'slaves'), ...live(s, 'portal')])
      expect(Number(i.createdAtMs)).toBeGreaterThanOrEqual(Number(master!.createdAtMs));
    const masterIp = master!.addresses!['private']!;
    expect(masterIp).toMatch(/^10\.128\.\d+\.\d+$/);
    expect(live(s, 'portal')[0]!.addresses!['public']).toMatch(/^192\.168\.50\./);

    // --- Contextualization -----------------------------------------------------------------
    const slave0 = live(s, 'slaves')[0]!;
    const env = await site.smi.services.getInstanceEnvironment({ serviceId: id, instanceId: slave0.id! });
    expect(env.properties).toMatchObject({
      'reservoir.service.id': id,
      'reservoir.component': 'slaves',
      'reservoir.dependency.master.private': masterIp,
      'reservoir.kpi.endpoint': site.monitoring.address,
    });
    const masterEnv = await site.smi.services.getInstanceEnvironment({
      serviceId: id,
      instanceId: master!.id!,
    });
    expect(masterEnv.properties!['hadoop.dfs.replication']).toBe('3');
    // The document reached the VEEM with the VM, and the host agent with the domain.
    const vm = await site.vmi.vms.getVm({ id: slave0.vmId! });
    expect(vm.context!['ovf-env.xml']).toBe(env.document);
    expect(env.document).toContain(`oe:key="reservoir.dependency.master.private" oe:value="${masterIp}"`);

    // --- Faster rules for the test: the same rule with second-long windows ------------------
    const u = await site.smi.services.updateRules({
      id,
      fileName: 'fast-rules.yaml',
      document: `rules:
  - kind: threshold
    id: slaves-by-queue
    component: slaves
    kpi: jobqueue
    window: 2s
    frequency: 1s
    quota: 50
    tolerance: 20
components:
  slaves: { min: 2, max: 4, cooldown: 3s }
`,
    });
    expect((await waitTask(site.smi, u.task!.id!)).state).toBe('succeeded');

    // --- Scale out: 300 queued jobs over 2 slaves is 150 a slave, above 50 × 1.2 -------------
    let load = 300;
    const pusher = setInterval(() => {
      void site.kpi
        .pushKpi({ serviceId: id, name: 'jobqueue', value: load, units: 'jobs' })
        .catch(() => undefined);
      // Jobs wait 15 minutes while the queue is long: the SLA objective (≤ 600 s) is violated.
      void site.kpi
        .pushKpi({ serviceId: id, name: 'job_wait', value: load > 100 ? 900 : 60, units: 's' })
        .catch(() => undefined);
    }, 150);
    try {
      s = await eventually(async () => {
        const x = await site.smi.services.getService({ id });
        return live(x, 'slaves').length === 4 && x.state === 'running' ? x : undefined;
      }, 30_000);
      // At max it stays there.
      await new Promise((res) => setTimeout(res, 1500));
      expect(live(await site.smi.services.getService({ id }), 'slaves')).toHaveLength(4);

      // --- Scale in: 10 queued jobs over 4 slaves is 2.5 a slave, below 50 × 0.8 -------------
      const youngest = live(s, 'slaves').reduce((a, b) => ((a.index ?? 0) > (b.index ?? 0) ? a : b));
      load = 10;
      const afterFirstIn = await eventually(async () => {
        const x = await site.smi.services.getService({ id });
        return live(x, 'slaves').length === 3 ? x : undefined;
      }, 30_000);
      expect(live(afterFirstIn, 'slaves').map((i) => i.id)).not.toContain(youngest.id);
      s = await eventually(async () => {
        const x = await site.smi.services.getService({ id });
        return live(x, 'slaves').length === 2 && x.state === 'running' ? x : undefined;
      }, 30_000);
      await new Promise((res) => setTimeout(res, 1500));
      expect(live(await site.smi.services.getService({ id }), 'slaves')).toHaveLength(2);
    } finally {
      clearInterval(pusher);
    }

    // --- The log: each action with its reason, cooldown honoured ----------------------------
    const { events } = await site.smi.services.listEvents({ id, limit: 1000 });
    const actions = events.filter((e) => e.kind === 'scale-out' || e.kind === 'scale-in');
    expect(actions.map((e) => [e.kind, e.from, e.to])).toEqual([
      ['scale-out', 2, 3],
      ['scale-out', 3, 4],
      ['scale-in', 4, 3],
      ['scale-in', 3, 2],
    ]);
    expect(actions.every((e) => e.ruleId === 'slaves-by-queue')).toBe(true);
    expect(actions[0]!.reason).toMatch(/jobqueue/);
    // Decisions are made 3 s apart at least: the cooldown that the first one started.
    const decided = events.filter((e) => e.kind === 'scale-out' || e.kind === 'scale-in');
    for (let i = 1; i < decided.length; i++)
      expect(Number(decided[i]!.timeMs) - Number(decided[i - 1]!.timeMs)).toBeGreaterThanOrEqual(2900);
    expect(events.some((e) => e.kind === 'blocked' && /cooldown/.test(e.reason ?? ''))).toBe(true);
    expect(events.find((e) => e.kind === 'sla')?.reason).toMatch(
      /^SLA objective queue-wait violated: job_wait mean \d+/,
    );

    // --- Export and re-deploy: an equal service --------------------------------------------
    const { ovf } = await site.smi.services.exportService({ id });
    const exported = manifestFromOvf(ovf, 'export.ovf');
    const current = JSON.parse(s.manifestJson!) as ServiceManifest;
    expect(exported).toEqual(current);
    const re = await site.smi.services.deployService({ manifest: ovf, fileName: 'export.ovf' });
    expect((await waitTask(site.smi, re.task!.id!)).state).toBe('succeeded');
    const copy = await site.smi.services.getService({ id: re.service!.id! });
    expect(copy.state).toBe('running');
    expect(JSON.parse(copy.manifestJson!)).toEqual(current);
    for (const c of ['master', 'slaves', 'portal']) expect(live(copy, c)).toHaveLength(live(s, c).length);

    // --- Undeploy both: no VM and no service network is left ---------------------------------
    for (const sid of [id, copy.id!]) {
      const d = await site.smi.services.undeployService({ id: sid });
      expect((await waitTask(site.smi, d.task!.id!)).state).toBe('succeeded');
      expect((await site.smi.services.getService({ id: sid })).state).toBe('finished');
    }
    const left = await site.vmi.vms.listVms({});
    expect(left.vms.filter((v) => v.labels?.['reservoir.service'])).toEqual([]);
    const nets = await site.vmi.networks.listNetworks({});
    expect(nets.networks.map((n) => n.name)).toEqual(['public']);
  }, 120_000);
});
