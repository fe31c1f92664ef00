import { afterEach, describe, expect, it } from 'vitest';
import { startSmSite, waitTask, type SmSite } from './harness.js';

const MANIFEST = `id: burst
name: Bursting workers
components:
  - id: head
    cpus: 1
    memoryMiB: 512
    startupOrder: 1
  - id: worker
    cpus: 1
    memoryMiB: 512
    instances: { min: 1, max: 10, initial: 2 }
    startupOrder: 2
    dependsOn: [head]
    cooldown: 1s
`;

// INT-5: when the local site is full, the service's scale-out lands on a partner site, chosen by
// the Policy Engine's federation heuristic and reached as one large host through the federation.
describe('cloudburst: a service scales out onto a partner site when its own is full', () => {
  let site: SmSite | undefined;
  afterEach(async () => {
    await site?.stop();
    site = undefined;
  });

  it('runs the instances the local hosts cannot take at the partner, and scales them back in', async () => {
    site = await startSmSite({ hosts: 1, cores: 4, memoryMib: 8192, partner: { hosts: 1 } });
    const partnerHost = async () =>
      (await site!.vmi.hosts.listHosts({})).hosts.find((h) => h.name === 'partner-site-b');
    for (let i = 0; i < 100 && !(await partnerHost()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await partnerHost()).toBeDefined();

    const r = await site.smi.services.deployService({ manifest: MANIFEST, fileName: 'burst.yaml' });
    expect((await waitTask(site.smi, r.task!.id!)).state).toBe('succeeded');
    const id = r.service!.id!;
    // One host of 4 cores holds the head and three workers; three more burst to site-b.
    const scale = await site.smi.services.scaleService({ id, component: 'worker', instances: 6 });
    const t = await waitTask(site.smi, scale.task!.id!);
    expect(t.state, t.errorMessage).toBe('succeeded');
    const vms = (await site.vmi.vms.listVms({})).vms.filter((v) => v.state === 'running');
    const byHost = (host: string) => vms.filter((v) => v.host === host).length;
    expect(byHost('h1')).toBe(4);
    expect(byHost('partner-site-b')).toBe(3);
    const remote = (await site.partner!.vmi.vms.listVms({})).vms.filter((v) => v.state === 'running');
    expect(remote).toHaveLength(3);
    expect(remote.every((v) => v.labels?.['reservoir.federation.from']?.startsWith('site-a/'))).toBe(true);

    const down = await site.smi.services.scaleService({ id, component: 'worker', instances: 3 });
    expect((await waitTask(site.smi, down.task!.id!)).state).toBe('succeeded');
    const after = (await site.vmi.vms.listVms({})).vms.filter((v) => v.state === 'running');
    expect(after).toHaveLength(4);
    // Whichever instances the SM removed, the partner holds exactly the ones still bursting there.
    const burstIds = after.filter((v) => v.host === 'partner-site-b').map((v) => `site-a/${v.id}`);
    const remoteAfter = (await site.partner!.vmi.vms.listVms({})).vms.filter((v) => v.state !== 'done');
    expect(remoteAfter.map((v) => v.labels?.['reservoir.federation.from']).sort()).toEqual(burstIds.sort());
    expect(remoteAfter.every((v) => v.state === 'running')).toBe(true);
  });
});
