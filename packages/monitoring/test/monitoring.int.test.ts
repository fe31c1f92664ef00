import { reservoir, topics } from '@reservoir/contracts';
import type { MqttBus } from '@reservoir/runtime';
import { testBrokers } from '@reservoir/runtime/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Consumer, controlProbe, DataSource, Directory, type MeasurementJson } from '../src/index.js';
import { connect, cpuAttrs, eventually, freshSite, sleep } from './helpers.js';

describe.each(testBrokers())('monitoring planes on the $name broker', (broker) => {
  let close: () => Promise<void> = async () => undefined;
  let producerBus: MqttBus;
  let consumerBus: MqttBus;
  const cleanup: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    const b = await broker.start();
    close = b.close;
    producerBus = await connect(b.url, 'ds');
    consumerBus = await connect(b.url, 'consumer');
  });
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  afterAll(async () => {
    await producerBus.close();
    await consumerBus.close();
    await close();
  });

  async function setUp(site: string, options: Partial<ConstructorParameters<typeof DataSource>[0]> = {}) {
    const ds = new DataSource({
      id: 'host-1',
      name: 'host one',
      site,
      kind: 'host',
      bus: producerBus,
      flushMs: 10,
      ...options,
    });
    const consumer = new Consumer({ bus: consumerBus, site, maxQueue: options.maxBatch ? 100 : 10_000 });
    await consumer.start();
    cleanup.push(
      () => consumer.stop(),
      () => ds.stop(),
    );
    return { ds, consumer };
  }

  it('applies on/off and rate changes within one period, over the control plane', async () => {
    const site = freshSite();
    const { ds, consumer } = await setUp(site);
    let n = 0;
    const probe = ds.addProbe({
      id: 'cpu',
      name: 'cpu',
      attributes: cpuAttrs,
      periodMs: 100,
      sample: () => ({ cpu: 1.5, n: ++n }),
    });
    const got: MeasurementJson[] = [];
    consumer.subscribe({ probeName: 'cpu' }, (m) => got.push(m));
    await ds.start();

    await eventually(() => expect(got.length).toBeGreaterThanOrEqual(5));
    expect(got[0]).toMatchObject({ probeId: 'cpu', dataSourceId: 'host-1', site, values: { cpu: 1.5 } });
    expect(median(intervals(got.slice(-4)))).toBeGreaterThan(80);
    expect(median(intervals(got.slice(-4)))).toBeLessThan(130);

    const rate = await controlProbe(consumerBus, site, {
      dataSourceId: 'host-1',
      probeId: probe.id,
      action: 'rate',
      periodMs: 300,
    });
    expect(rate).toMatchObject({ ok: true, probe: { periodMs: 300 } });
    const changedAt = Date.now();
    const before = got.length;
    await eventually(() => expect(got.length).toBeGreaterThanOrEqual(before + 4), 3000);
    expect(got[before]!.timeMs - changedAt).toBeLessThanOrEqual(300 + 30);
    const slow = intervals(got.slice(before));
    expect(Math.min(...slow)).toBeGreaterThan(270);
    expect(Math.max(...slow)).toBeLessThan(340);

    expect(
      await controlProbe(consumerBus, site, { dataSourceId: 'host-1', probeId: 'cpu', action: 'off' }),
    ).toMatchObject({
      ok: true,
      probe: { on: false },
    });
    await sleep(50); // a batch already on its way may still land
    const whileOff = got.length;
    await sleep(700);
    expect(got.length).toBe(whileOff);

    const onAt = Date.now();
    await controlProbe(consumerBus, site, { dataSourceId: 'host-1', probeId: 'cpu', action: 'on' });
    await eventually(() => expect(got.length).toBeGreaterThan(whileOff), 2000);
    expect(got[whileOff]!.timeMs - onAt).toBeLessThanOrEqual(300 + 30);
  });

  it('answers bad control requests with error codes, and times out on a silent data source', async () => {
    const site = freshSite();
    const { ds } = await setUp(site);
    ds.addProbe({ id: 'cpu', name: 'cpu', attributes: cpuAttrs, periodMs: 1000 });
    await ds.start();
    const req = { dataSourceId: 'host-1' } as const;
    expect(await controlProbe(consumerBus, site, { ...req, probeId: 'nope', action: 'on' })).toMatchObject({
      ok: false,
      errorCode: 'NOT_FOUND',
    });
    expect(
      await controlProbe(consumerBus, site, { ...req, probeId: 'cpu', action: 'rate', periodMs: 1 }),
    ).toMatchObject({
      ok: false,
      errorCode: 'INVALID_ARGUMENT',
    });
    expect(await controlProbe(consumerBus, site, { ...req, probeId: 'cpu', action: 'rate' })).toMatchObject({
      ok: false,
      errorCode: 'INVALID_ARGUMENT',
    });
    await expect(
      controlProbe(consumerBus, site, { dataSourceId: 'ghost', probeId: 'cpu', action: 'on' }, 300),
    ).rejects.toMatchObject({
      code: 'DEADLINE_EXCEEDED',
    });
  });

  it('adds a probe at run time through the probe factory, and removes it', async () => {
    const site = freshSite();
    const { ds, consumer } = await setUp(site, {
      probeFactory: (info) => (info.name === 'disk' ? () => ({ used: 42 }) : undefined),
    });
    await ds.start();
    const directory = new Directory({ bus: consumerBus, site });
    await directory.start();
    cleanup.push(() => directory.stop());
    await eventually(() => expect(directory.sources().map((s) => s.id)).toEqual(['host-1']));
    const changes: number[] = [];
    directory.onChange(() => changes.push(Date.now()));

    const add = await controlProbe(consumerBus, site, {
      dataSourceId: 'host-1',
      action: 'add',
      probe: {
        name: 'disk',
        attributes: [{ field: 1, name: 'used', type: 'int', units: 'GiB' }],
        periodMs: 50,
        qos: 1,
      },
    });
    expect(add.ok).toBe(true);
    const id = add.probe!.id;
    await eventually(() =>
      expect(directory.probe(id)).toMatchObject({ name: 'disk', qos: 1, dataSourceId: 'host-1' }),
    );
    const got: MeasurementJson[] = [];
    consumer.subscribe({ probeId: id }, (m) => got.push(m));
    await eventually(() => expect(got.length).toBeGreaterThanOrEqual(3));
    expect(got[0]!.values).toEqual({ used: 42 });
    expect(consumer.stats().unknownProbe).toBe(0);

    const refused = await controlProbe(consumerBus, site, {
      dataSourceId: 'host-1',
      action: 'add',
      probe: { name: 'gpu', attributes: [], periodMs: 50 },
    });
    expect(refused).toMatchObject({ ok: false, errorCode: 'FAILED_PRECONDITION' });

    expect(
      await controlProbe(consumerBus, site, { dataSourceId: 'host-1', probeId: id, action: 'remove' }),
    ).toMatchObject({ ok: true });
    await eventually(() => expect(directory.probe(id)).toBeUndefined());
    expect(ds.probes()).toEqual([]);
    expect(changes.length).toBeGreaterThanOrEqual(2);

    await ds.stop();
    await eventually(() => expect(directory.sources()).toEqual([]));
  });

  it('counts and drops garbage on the data and info planes, and keeps delivering', async () => {
    const site = freshSite();
    const { ds, consumer } = await setUp(site);
    ds.addProbe({ id: 'cpu', name: 'cpu', attributes: cpuAttrs, periodMs: 1000 });
    await ds.start();
    await eventually(() => expect(consumer.directory.probe('cpu')).toBeDefined());
    const got: MeasurementJson[] = [];
    consumer.subscribe({}, (m) => got.push(m));

    const random = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256));
    const foreign = reservoir.monitoring.v1.ProbeControlAck.encode({ correlationId: 'x', ok: true }).finish();
    const otherSource = reservoir.monitoring.v1.MeasurementBatch.encode({
      dataSourceId: 'not-host-1',
      probes: ['cpu'],
      measurements: [{ probe: 0, seq: 1 }],
    }).finish();
    const data = topics.monitoringData(site, 'host-1');
    const info = topics.monitoringInfo(site, 'junk');
    for (const p of [random, foreign, new Uint8Array(0), otherSource])
      await producerBus.publish(data, p, { qos: 1 });
    for (const p of [random, foreign]) await producerBus.publish(info, p, { qos: 1 });
    // A measurement of a probe nobody described.
    const stranger = reservoir.monitoring.v1.MeasurementBatch.encode({
      dataSourceId: 'host-1',
      probes: ['stranger'],
      measurements: [{ probe: 0, seq: 1, values: [{ field: 1, d: 1 }] }],
    }).finish();
    await producerBus.publish(data, stranger, { qos: 1 });

    ds.emit('cpu', { cpu: 99.5, n: 7 });
    await eventually(() => expect(got.map((m) => m.values)).toEqual([{ cpu: 99.5, n: 7 }]));
    expect(consumer.stats()).toMatchObject({ malformed: 4, unknownProbe: 1, received: 1, dropped: 0 });
    expect(consumer.directory.stats().malformed).toBe(2);
    expect(consumer.directory.sources().map((s) => s.id)).toEqual(['host-1']);
  });

  it('bounds the consumer queue, dropping the oldest measurements', async () => {
    const site = freshSite();
    const { ds, consumer } = await setUp(site, { maxBatch: 1000, flushMs: 20 });
    ds.addProbe({ id: 'kpi', name: 'kpi', attributes: cpuAttrs, periodMs: 1000, qos: 1 });
    await ds.start();
    await eventually(() => expect(consumer.directory.probe('kpi')).toBeDefined());
    const seqs: number[] = [];
    consumer.subscribe({ probeId: 'kpi' }, (m) => seqs.push(m.seq));
    for (let i = 0; i < 1000; i++) ds.emit('kpi', { n: i });
    await eventually(() => expect(consumer.stats().received).toBe(1000));
    await eventually(() => expect(seqs.length).toBe(100));
    expect(consumer.stats().dropped).toBe(900);
    expect(seqs[0]).toBe(901);
    expect(ds.stats()).toMatchObject({ published: 1000, batches: 1 });
    console.info(
      `data plane, 1000 measurements of 1 int: ${(ds.stats().bytes / 1000).toFixed(1)} B per measurement`,
    );
  });
});

function intervals(ms: MeasurementJson[]): number[] {
  return ms.slice(1).map((m, i) => m.timeMs - ms[i]!.timeMs);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}
