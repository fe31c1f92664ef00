import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type ServiceProcess } from '@reservoir/runtime';
import { freePort } from '@reservoir/runtime/testing';
import { smiClient, type SmiClient } from '../src/client.js';
import { eventually, startSmSite, waitTask, type SmSite } from './harness.js';

// kill -9 the Service Manager process in the middle of a deployment and of a scale-in; the
// restarted process finishes both from its database, with no VM created twice or left behind.

const MANIFEST = `id: crunch
networks:
  - name: backend
components:
  - id: head
    cpus: 1
    memoryMiB: 256
    networks: [backend]
    startupOrder: 1
  - id: worker
    cpus: 1
    memoryMiB: 256
    networks: [backend]
    instances: { min: 1, max: 30, initial: 20 }
    startupOrder: 2
    dependsOn: [head]
`;

describe('crash safety: kill -9 the Service Manager mid-operation', () => {
  let site: SmSite;
  let sm: ServiceProcess | undefined;
  let address = '';
  let client: SmiClient | undefined;

  const startSm = async () => {
    sm = await startService(
      'sm',
      'packages/service-manager/src/main.ts',
      [
        '--site',
        'site-a',
        '--database',
        `sqlite:${join(site.dir, 'sm-process.db')}`,
        '--veem',
        site.veem.address,
        '--policy-engine',
        site.pe.address,
        '--mqtt',
        site.broker.url,
        '--listen',
        address,
        '--metrics-listen',
        '',
      ],
      join(site.dir, 'sm.log'),
      { RESERVOIR_SM_POLL_MS: '50' },
    );
    client?.close();
    client = smiClient(address, 10_000);
    return client;
  };

  beforeAll(async () => {
    // Shutdowns take a while, so the scale-in is still under way when the SM is killed, however
    // loaded the machine is.
    site = await startSmSite({ hosts: 6, opLatencyMs: 300, shutdownLatencyMs: 1500, sm: false });
    address = `127.0.0.1:${await freePort()}`;
  }, 60_000);

  afterAll(async () => {
    client?.close();
    await sm?.stop();
    await site?.stop();
  });

  const workers = async (c: SmiClient, id: string) =>
    (await c.services.getService({ id })).components!.find((x) => x.id === 'worker')!.instances!;
  const serviceVms = async (id: string) =>
    (await site.vmi.vms.listVms({})).vms.filter(
      (v) => v.state !== 'done' && v.labels?.['reservoir.service'] === id.toLowerCase(),
    );

  it('finishes an interrupted deployment and an interrupted scale-in, exactly', async () => {
    let c = await startSm();
    const r = await c.services.deployService({
      manifest: MANIFEST,
      fileName: 'crunch.yaml',
      requestId: 'crunch-1',
    });
    const id = r.service!.id!;
    await eventually(async () => ((await workers(c, id)).some((i) => i.vmId) ? true : undefined));
    await sm!.stop('SIGKILL');

    c = await startSm();
    // The retried request finds the service rather than making a second one.
    const again = await c.services.deployService({
      manifest: MANIFEST,
      fileName: 'crunch.yaml',
      requestId: 'crunch-1',
    });
    expect(again.service!.id).toBe(id);
    expect((await waitTask(c, r.task!.id!)).state).toBe('succeeded');
    let vms = await serviceVms(id);
    expect(vms).toHaveLength(21);
    expect(vms.every((v) => v.state === 'running')).toBe(true);

    const scale = await c.services.scaleService({ id, component: 'worker', instances: 5 });
    await eventually(async () =>
      (await workers(c, id)).some((i) => i.state === 'deleting') ? true : undefined,
    );
    await sm!.stop('SIGKILL');

    c = await startSm();
    const scaled = await waitTask(c, scale.task!.id!);
    expect(scaled.state, scaled.errorMessage).toBe('succeeded');
    const left = await workers(c, id);
    expect(left).toHaveLength(5);
    // Youngest first: the five oldest workers stay.
    expect(left.map((i) => i.id)).toEqual(['worker-0', 'worker-1', 'worker-2', 'worker-3', 'worker-4']);
    vms = await serviceVms(id);
    expect(vms).toHaveLength(6);
    expect(vms.map((v) => v.id).sort()).toEqual(
      (await c.services.getService({ id }))
        .components!.flatMap((x) => x.instances!.map((i) => i.vmId))
        .sort(),
    );
  }, 120_000);
});
