import { reservoir } from '@reservoir/contracts';
import { type MqttBus, isReservoirError, silentLogger } from '@reservoir/runtime';
import { testBrokers } from '@reservoir/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitoringClient, type MonitoringClient } from '../src/client.js';
import { createMonitoring, type RunningMonitoring } from '../src/create-monitoring.js';
import { Consumer, DataSource, type MeasurementJson } from '../src/index.js';
import { connect, cpuAttrs, eventually, freshSite, sleep } from './helpers.js';

const ATTRIBUTE_TYPE_DOUBLE = reservoir.monitoring.v1.AttributeType.ATTRIBUTE_TYPE_DOUBLE;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return isReservoirError(e) ? e.code : `not a ReservoirError: ${String(e)}`;
  }
  return 'no error';
}

describe.each(testBrokers())('the monitoring service on the $name broker', (broker) => {
  const site = freshSite();
  let close: () => Promise<void> = async () => undefined;
  let dsBus: MqttBus;
  let serviceBus: MqttBus;
  let consumerBus: MqttBus;
  let ds: DataSource;
  let consumer: Consumer;
  let running: RunningMonitoring;
  let client: MonitoringClient;
  let cpu = 0;

  beforeAll(async () => {
    const b = await broker.start();
    close = b.close;
    dsBus = await connect(b.url, 'ds');
    serviceBus = await connect(b.url, 'monitor');
    consumerBus = await connect(b.url, 'consumer');
    ds = new DataSource({
      id: 'host-1',
      name: 'host one',
      site,
      kind: 'host',
      bus: dsBus,
      flushMs: 10,
      probeFactory: (info) => (info.name === 'load' ? () => ({ load1: 0.5 }) : undefined),
    });
    ds.addProbe({
      id: 'cpu-1',
      name: 'cpu',
      serviceId: 'svc-a',
      attributes: cpuAttrs,
      periodMs: 50,
      sample: () => ({ cpu: 12.5, n: ++cpu }),
    });
    ds.addProbe({ id: 'mem-1', name: 'memory', attributes: cpuAttrs, periodMs: 1000, on: false });
    await ds.start();
    consumer = new Consumer({ bus: consumerBus, site });
    await consumer.start();
    running = await createMonitoring({
      site,
      mqtt: serviceBus,
      logger: silentLogger(),
      controlTimeoutMs: 2000,
    });
    client = monitoringClient(running.address, 10_000);
  });

  afterAll(async () => {
    client?.close();
    await running?.stop();
    await consumer?.stop();
    await ds?.stop();
    await Promise.all([dsBus, serviceBus, consumerBus].map((b) => b?.close()));
    await close();
  });

  it('lists the data sources and their probes, by data source and by service', async () => {
    await eventually(() => expect(running.service.listSources().map((s) => s.id)).toContain('host-1'));
    const { sources } = await client.listSources({});
    const host = sources.find((s) => s.id === 'host-1');
    expect(host).toMatchObject({ name: 'host one', site, kind: 'host' });
    expect(host?.probes?.map((p) => p.id).sort()).toEqual(['cpu-1', 'mem-1']);
    // Its own KPI data source is on the information plane too.
    await eventually(() => expect(running.service.listSources({ kind: 'service' })).toHaveLength(1));
    expect((await client.listSources({ kind: 'host' })).sources.map((s) => s.id)).toEqual(['host-1']);

    const { probes } = await client.listProbes({ dataSourceId: 'host-1' });
    expect(probes.map((p) => p.name)).toEqual(['cpu', 'memory']);
    expect(probes[0]).toMatchObject({
      id: 'cpu-1',
      dataSourceId: 'host-1',
      serviceId: 'svc-a',
      periodMs: 50,
      on: true,
    });
    expect(probes[0]?.attributes?.map((a) => [a.field, a.name, a.units])).toEqual([
      [1, 'cpu', '%'],
      [2, 'n', ''],
    ]);
    const bySvc = await client.listProbes({ serviceId: 'svc-a' });
    expect(bySvc.probes.map((p) => p.id)).toEqual(['cpu-1']);
    expect(await codeOf(client.listProbes({ dataSourceId: 'nope' }))).toBe('NOT_FOUND');
    expect(await codeOf(client.listSources({ kind: 'toaster' }))).toBe('INVALID_ARGUMENT');
  });

  it('turns a probe off and on and changes its rate, acknowledged and effective', async () => {
    const seen: MeasurementJson[] = [];
    const off = consumer.subscribe({ probeId: 'cpu-1' }, (m) => seen.push(m));
    try {
      await eventually(() => expect(seen.length).toBeGreaterThan(2));

      const offAck = await client.controlProbe({ dataSourceId: 'host-1', probeId: 'cpu-1', action: 'off' });
      expect(offAck).toMatchObject({ id: 'cpu-1', on: false });
      expect(ds.probes().find((p) => p.id === 'cpu-1')?.on).toBe(false);
      await sleep(150); // whatever was batched before the ack has arrived
      const atOff = seen.length;
      await sleep(300);
      expect(seen.length).toBe(atOff);

      const onAck = await client.controlProbe({ dataSourceId: 'host-1', probeId: 'cpu-1', action: 'on' });
      expect(onAck.on).toBe(true);
      await eventually(() => expect(seen.length).toBeGreaterThan(atOff + 2));

      const rateAck = await client.controlProbe({
        dataSourceId: 'host-1',
        probeId: 'cpu-1',
        action: 'rate',
        periodMs: 200,
      });
      expect(rateAck).toMatchObject({ id: 'cpu-1', periodMs: 200, on: true });
      await sleep(100);
      const from = seen.length;
      await sleep(1100);
      const times = seen.slice(from).map((m) => m.timeMs);
      // Five or six measurements a second instead of twenty.
      expect(times.length).toBeGreaterThanOrEqual(4);
      expect(times.length).toBeLessThanOrEqual(7);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(150);
      await eventually(async () => {
        expect(running.service.listProbes({ dataSourceId: 'host-1' })[0]?.periodMs).toBe(200);
      });
    } finally {
      off();
    }
  });

  it("relays the data source's refusals with their codes", async () => {
    const req = { dataSourceId: 'host-1' };
    expect(await codeOf(client.controlProbe({ ...req, probeId: 'nope', action: 'on' }))).toBe('NOT_FOUND');
    expect(await codeOf(client.controlProbe({ ...req, probeId: 'cpu-1', action: 'rate', periodMs: 1 }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(await codeOf(client.controlProbe({ ...req, action: 'add', probe: { name: 'toaster' } }))).toBe(
      'FAILED_PRECONDITION',
    );
    expect(await codeOf(client.controlProbe({ ...req, probeId: 'cpu-1', action: 'explode' }))).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('adds a probe at run time that then appears in ListProbes and reports', async () => {
    const added = await client.controlProbe({
      dataSourceId: 'host-1',
      action: 'add',
      periodMs: 100,
      // The data source knows how to sample "load"; the request describes its attributes.
      probe: {
        name: 'load',
        attributes: [{ field: 1, name: 'load1', type: ATTRIBUTE_TYPE_DOUBLE, units: '' }],
      },
    });
    expect(added).toMatchObject({ name: 'load', dataSourceId: 'host-1', periodMs: 100, on: true });
    expect(added.id).not.toBe('');
    await eventually(async () => {
      const { probes } = await client.listProbes({ dataSourceId: 'host-1' });
      expect(probes.map((p) => p.id)).toContain(added.id);
    });
    const seen: MeasurementJson[] = [];
    const off = consumer.subscribe({ probeId: added.id }, (m) => seen.push(m));
    await eventually(() => expect(seen.length).toBeGreaterThan(0));
    off();
    expect(seen[0]?.values).toEqual({ load1: 0.5 });

    const removed = await client.controlProbe({
      dataSourceId: 'host-1',
      probeId: added.id,
      action: 'remove',
    });
    expect(removed.id).toBe(added.id);
    await eventually(async () => {
      const { probes } = await client.listProbes({ dataSourceId: 'host-1' });
      expect(probes.map((p) => p.id)).not.toContain(added.id);
    });
  });

  it("delivers a pushed KPI to a consumer of that service's measurements", async () => {
    const kpiConsumer = new Consumer({ bus: consumerBus, site, serviceId: 'shop' });
    await kpiConsumer.start();
    const seen: MeasurementJson[] = [];
    kpiConsumer.subscribe({ serviceId: 'shop' }, (m) => seen.push(m));
    try {
      const first = await client.pushKpi({ serviceId: 'shop', name: 'rps', value: 41.5, units: 'req/s' });
      expect(first.probe).toMatchObject({ name: 'rps', serviceId: 'shop', dataSourceId: `kpi-${site}` });
      expect(first.probe?.attributes?.[0]).toMatchObject({ name: 'value', units: 'req/s' });
      await client.pushKpi({ serviceId: 'shop', name: 'rps', value: 42 });
      await eventually(() => expect(seen.map((m) => m.values.value)).toContain(42));
      expect(seen.every((m) => m.serviceId === 'shop' && m.probeId === first.probe?.id)).toBe(true);

      const { probes } = await client.listProbes({ serviceId: 'shop' });
      expect(probes.map((p) => p.name)).toEqual(['rps']);
      expect(await codeOf(client.pushKpi({ serviceId: 'shop', name: 'rps', value: 1, units: 'ms' }))).toBe(
        'INVALID_ARGUMENT',
      );
      expect(await codeOf(client.pushKpi({ serviceId: 'shop', name: 'bad name', value: 1 }))).toBe(
        'INVALID_ARGUMENT',
      );
      expect(await codeOf(client.pushKpi({ serviceId: 'shop', name: 'rps', value: Number.NaN }))).toBe(
        'INVALID_ARGUMENT',
      );
    } finally {
      await kpiConsumer.stop();
    }
  });

  it('answers DEADLINE_EXCEEDED within the timeout when the data source does not answer', async () => {
    const t0 = Date.now();
    const code = await codeOf(
      client.controlProbe({ dataSourceId: 'ghost', probeId: 'cpu-1', action: 'on', timeoutMs: 300 }),
    );
    expect(code).toBe('DEADLINE_EXCEEDED');
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
