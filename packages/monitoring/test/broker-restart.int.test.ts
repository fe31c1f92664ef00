import { existsSync } from 'node:fs';
import type { MqttBus } from '@reservoir/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { Consumer, DataSource, Directory, type MeasurementJson } from '../src/index.js';
import { connect, cpuAttrs, eventually, freshSite } from './helpers.js';
import {
  embeddedRestartable,
  MOSQUITTO_BIN,
  mosquittoRestartable,
  type RestartableBroker,
} from './restartable-broker.js';

const brokers: Array<{ name: string; make: () => Promise<RestartableBroker> }> = [
  { name: 'embedded', make: embeddedRestartable },
];
if (existsSync(MOSQUITTO_BIN) || process.env.CI)
  brokers.push({ name: 'mosquitto', make: mosquittoRestartable });

describe.each(brokers)('monitoring across a restart of the $name broker', ({ make }) => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  });

  it('keeps delivering and repopulates the directory without re-subscribing by hand', async () => {
    const broker = await make();
    await broker.start();
    cleanup.push(() => broker.stop());
    const buses: MqttBus[] = [await connect(broker.url, 'ds'), await connect(broker.url, 'consumer')];
    cleanup.push(() => Promise.all(buses.map((b) => b.close())));
    const [producerBus, consumerBus] = buses as [MqttBus, MqttBus];
    const site = freshSite();

    const ds = new DataSource({ id: 'host-1', name: 'h', site, kind: 'host', bus: producerBus, flushMs: 10 });
    ds.addProbe({ id: 'cpu', name: 'cpu', attributes: cpuAttrs, periodMs: 50, sample: () => ({ cpu: 3 }) });
    const consumer = new Consumer({ bus: consumerBus, site });
    cleanup.push(
      () => ds.stop(),
      () => consumer.stop(),
    );
    const got: MeasurementJson[] = [];
    consumer.subscribe({ probeId: 'cpu' }, (m) => got.push(m));
    await consumer.start();
    await ds.start();
    await eventually(() => expect(got.length).toBeGreaterThan(3));

    await broker.stop();
    await broker.start();
    const afterRestart = got.length;
    // mqtt.js retries every second; both clients come back by themselves.
    await eventually(() => expect(got.length).toBeGreaterThan(afterRestart + 3), 10_000);
    expect(consumer.stats().unknownProbe).toBe(0);

    // The restarted broker lost the retained description: the data source published it again.
    const late = new Directory({ bus: consumerBus, site });
    cleanup.push(() => late.stop());
    await late.start();
    await eventually(() => expect(late.probe('cpu')).toMatchObject({ dataSourceId: 'host-1', periodMs: 50 }));
    expect(consumer.directory.sources().map((s) => s.id)).toEqual(['host-1']);
  });
});
