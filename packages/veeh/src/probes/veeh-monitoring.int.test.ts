import { Consumer, type MeasurementJson } from '@reservoir/monitoring';
import { MqttBus, silentLogger, startEmbeddedBroker, type EmbeddedBroker } from '@reservoir/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostAgent } from '../app/agent.js';
import { systemClock } from '../adapters/system-clock.js';
import { simHost, spec } from '../testing/fixtures.js';
import { NetCounters, startVeehMonitoring, syntheticRate, type VeehMonitoring } from './veeh-monitoring.js';

const until = async (check: () => boolean, timeoutMs = 5000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('synthetic network counters', () => {
  it('accrue only while the domain runs, at a rate fixed by its id and NICs', () => {
    const net = new NetCounters('vm-1');
    const base = {
      hostId: 'h1',
      vmId: 'vm-1',
      spec: spec('vm-1'),
      snapshots: [],
      cpuUsedPercent: 0,
      memoryUsedMib: 0,
      stateSinceMs: 0,
    };
    net.advance({ ...base, state: 'running' }, 0);
    net.advance({ ...base, state: 'running' }, 2000);
    expect(net.rx).toBe(Math.round(syntheticRate('vm-1', 0, 1) * 2));
    const rx = net.rx;
    net.advance({ ...base, state: 'shutoff' }, 5000);
    expect(net.rx).toBe(rx);
    expect(syntheticRate('vm-1', 2, 1)).toBe(2 * syntheticRate('vm-1', 1, 1));
    expect(syntheticRate('vm-1', 1, 1)).toBe(syntheticRate('vm-1', 1, 1));
  });
});

describe('host agent probes on the embedded broker', () => {
  const site = `veeh-mon-${process.pid}`;
  let broker: EmbeddedBroker;
  let bus: MqttBus;
  let consumer: Consumer;
  let agent: HostAgent;
  let monitoring: VeehMonitoring;
  const seen: MeasurementJson[] = [];

  beforeAll(async () => {
    broker = await startEmbeddedBroker();
    bus = await MqttBus.connect({ url: broker.url, clientId: 'veeh-mon', logger: silentLogger() });
    agent = new HostAgent({ logger: silentLogger(), clock: systemClock });
    for (const id of ['h1', 'h2']) {
      agent.addHost(simHost({ id, cores: 8 }).host);
    }
    consumer = new Consumer({ bus, site });
    await consumer.start();
    consumer.subscribe({}, (m) => seen.push(m));
    monitoring = await startVeehMonitoring({ agent, bus, site, periodMs: 50 });
  });

  afterAll(async () => {
    await monitoring?.stop();
    await consumer?.stop();
    await bus?.close();
    await broker?.close();
  });

  it('publishes one host data source per host with its host probe', async () => {
    await until(() => consumer.directory.sources().length === 2);
    const sources = consumer.directory.sources().sort((a, b) => a.id.localeCompare(b.id));
    expect(sources.map((s) => [s.id, s.kind])).toEqual([
      ['h1', 'host'],
      ['h2', 'host'],
    ]);
    expect(sources[0]?.probes.map((p) => p.id)).toEqual(['host:h1']);
    await until(() => seen.some((m) => m.probeId === 'host:h1'));
    const m = seen.find((x) => x.probeId === 'host:h1');
    expect(m?.values).toEqual({ cpu_used: 0, memory_used: 0, disk_used: 0, domains: 0 });
  });

  it('adds a probe per domain as domains come, reports their use, and removes it as they go', async () => {
    await agent.createDomain('h1', spec('vm-a', 2, 2048, 5000));
    await agent.startDomain('h1', 'vm-a');
    await monitoring.refresh();
    await until(
      () =>
        consumer.directory
          .sources()
          .find((s) => s.id === 'h1')
          ?.probes.some((p) => p.id === 'vm:vm-a') === true,
    );
    await until(() => seen.filter((m) => m.probeId === 'vm:vm-a').length >= 3);
    const vm = seen.filter((m) => m.probeId === 'vm:vm-a');
    const last = vm[vm.length - 1]!;
    expect(last.values).toMatchObject({ disk_used: 5000 });
    expect(typeof last.values.cpu_used).toBe('number');
    expect(last.values.net_rx as number).toBeGreaterThan(0);
    expect(last.values.net_tx as number).toBeGreaterThanOrEqual(vm[0]!.values.net_tx as number);
    await until(() => seen.some((m) => m.probeId === 'host:h1' && m.values.domains === 1));
    const host = [...seen].reverse().find((m) => m.probeId === 'host:h1' && m.values.domains === 1);
    expect(host?.values.disk_used).toBe(5000);

    await agent.destroyDomain('h1', 'vm-a');
    await monitoring.refresh();
    await until(
      () =>
        consumer.directory
          .sources()
          .find((s) => s.id === 'h1')
          ?.probes.some((p) => p.id === 'vm:vm-a') === false,
    );
  });
});
