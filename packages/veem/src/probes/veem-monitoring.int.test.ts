import { Consumer, type MeasurementJson } from '@reservoir/monitoring';
import { MqttBus, silentLogger, startEmbeddedBroker, type EmbeddedBroker } from '@reservoir/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, until, waitTask, type Site } from '../../test/harness.js';
import { startVeemMonitoring, vmsPerState, type VeemMonitoring } from './veem-monitoring.js';

describe('vmsPerState', () => {
  it('counts every state, zero for the absent ones', () => {
    const s = vmsPerState(['running', 'running', 'pending', 'unknown-state']);
    expect(s.running).toBe(2);
    expect(s.pending).toBe(1);
    expect(s.failed ?? 0).toBe(0);
    expect(Object.values(s).reduce((a, b) => (a as number) + (b as number), 0)).toBe(3);
  });
});

describe('VEEM platform probes on the embedded broker', () => {
  let broker: EmbeddedBroker;
  let bus: MqttBus;
  let site: Site;
  let consumer: Consumer;
  let monitoring: VeemMonitoring;
  const seen: MeasurementJson[] = [];
  const siteName = `veem-mon-${process.pid}`;

  beforeAll(async () => {
    broker = await startEmbeddedBroker();
    bus = await MqttBus.connect({ url: broker.url, clientId: 'veem-mon', logger: silentLogger() });
    site = await startSite({
      mqttUrl: broker.url,
      site: siteName,
      localHosts: [{ id: 'h1', cores: 8, memoryMib: 16_384, diskMib: 100_000 }],
    });
    consumer = new Consumer({ bus, site: siteName });
    await consumer.start();
    consumer.subscribe({}, (m) => seen.push(m));
    monitoring = await startVeemMonitoring({ veem: site.veem.veem, bus, site: siteName, periodMs: 50 });
  }, 60_000);

  afterAll(async () => {
    await monitoring?.stop();
    await consumer?.stop();
    await site?.stop();
    await bus?.close();
    await broker?.close();
  });

  it('reports VMs per state, the pending queue, active tasks and task durations', async () => {
    await until('the data source', () =>
      consumer.directory.sources().find((s) => s.id === `veem-${siteName}`),
    );
    const ds = consumer.directory.sources().find((s) => s.id === `veem-${siteName}`)!;
    expect(ds.kind).toBe('platform');
    expect(ds.probes.map((p) => p.name).sort()).toEqual(['queue', 'task', 'tasks', 'vms']);

    const { task } = await site.client.vms.createVm({
      name: 'probe-vm',
      resources: { vcpus: 1, memoryMib: 512, diskMib: 1024 },
    });
    const done = await waitTask(site.client, task?.id);
    expect(done.state).toBe('succeeded');

    await until('a running VM', () => seen.find((m) => m.probeId.endsWith(':vms') && m.values.running === 1));
    await until('an ended task', () =>
      seen.find((m) => m.probeId.endsWith(':task') && m.values.state === 'succeeded'),
    );
    const ended = seen.find((m) => m.probeId.endsWith(':task'))!;
    expect(typeof ended.values.operation).toBe('string');
    expect(ended.values.duration as number).toBeGreaterThanOrEqual(0);
    await until('the task counts', () =>
      seen.find((m) => m.probeId.endsWith(':tasks') && (m.values.ended as number) >= 1),
    );
    const queue = [...seen].reverse().find((m) => m.probeId.endsWith(':queue'))!;
    expect(queue.values).toEqual({ pending: 0 });
  });
});
