import { topics } from '@reservoir/contracts';
import type { MessageBus, MessageHandler, PublishOptions } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import { decodeBatch } from '../codec/batch-codec.js';
import { decodeDataSourceInfo } from '../codec/info-codec.js';
import type { AttributeSpec } from '../codec/model.js';
import { DataSource } from './data-source.js';

interface Sent {
  topic: string;
  payload: Uint8Array;
  options: PublishOptions;
}

function recordingBus(): MessageBus & { sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    publish: async (topic, payload, options = {}) => {
      sent.push({ topic, payload, options });
    },
    subscribe: async (_f: string, _h: MessageHandler) => async () => undefined,
    close: async () => undefined,
  };
}

const attrs: AttributeSpec[] = [{ field: 1, name: 'v', type: 'int', units: '' }];

describe('DataSource', () => {
  it('splits batches by QoS and keeps its retained description current', async () => {
    const bus = recordingBus();
    const ds = new DataSource({ id: 'd', name: 'd', site: 's', kind: 'vm', bus, flushMs: 5 });
    ds.addProbe({ id: 'a', name: 'a', attributes: attrs, periodMs: 1000, qos: 0 });
    ds.addProbe({ id: 'b', name: 'b', attributes: attrs, periodMs: 1000, qos: 1 });
    expect(bus.sent).toEqual([]); // nothing before start
    await ds.start();
    ds.emit('a', { v: 1 });
    ds.emit('b', { v: 2 });
    ds.emit('a', { v: 3 });
    await new Promise((r) => setTimeout(r, 30));
    const data = bus.sent.filter((s) => s.topic === topics.monitoringData('s', 'd'));
    expect(
      data.map((s) => [s.options.qos, decodeBatch(s.payload).measurements.map((m) => [m.probeId, m.seq])]),
    ).toEqual([
      [
        0,
        [
          ['a', 1],
          ['a', 2],
        ],
      ],
      [1, [['b', 1]]],
    ]);
    expect(ds.stats()).toMatchObject({ published: 3, batches: 2 });

    ds.setOn('a', false);
    ds.emit('a', { v: 4 }); // dropped while off
    ds.setPeriod('b', 250);
    ds.removeProbe('b');
    expect(() => ds.setPeriod('a', 5)).toThrow(/periodMs/);
    expect(() => ds.emit('zzz', { v: 1 })).toThrow(/not found/);
    expect(() => ds.addProbe({ id: 'a', name: 'a', attributes: attrs, periodMs: 100 })).toThrow(/exists/);
    await ds.stop();
    expect(ds.stats().published).toBe(3);

    const infos = bus.sent.filter((s) => s.topic === topics.monitoringInfo('s', 'd'));
    expect(infos.every((s) => s.options.retain && s.options.qos === 1)).toBe(true);
    const states = infos.map((s) =>
      decodeDataSourceInfo(s.payload)?.probes.map((p) => `${p.id}:${p.on}:${p.periodMs}`),
    );
    expect(states).toEqual([
      ['a:true:1000', 'b:true:1000'],
      ['a:false:1000', 'b:true:1000'],
      ['a:false:1000', 'b:true:250'],
      ['a:false:1000'],
      undefined, // cleared by stop()
    ]);
  });

  it('samples probes on their period and skips undefined samples', async () => {
    const bus = recordingBus();
    const ds = new DataSource({ id: 'd', name: 'd', site: 's', kind: 'host', bus, flushMs: 5 });
    let n = 0;
    ds.addProbe({
      id: 'p',
      name: 'p',
      attributes: attrs,
      periodMs: 20,
      sample: () => (++n % 2 ? { v: n } : undefined),
    });
    await ds.start();
    await new Promise((r) => setTimeout(r, 130));
    await ds.stop();
    const values = bus.sent
      .filter((s) => s.topic.endsWith('/data'))
      .flatMap((s) => decodeBatch(s.payload).measurements.map((m) => m.values[0]?.i));
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(values.every((v) => Number(v) % 2 === 1)).toBe(true);
    const after = n;
    await new Promise((r) => setTimeout(r, 60));
    expect(n).toBe(after); // stop() cancelled the timer
  });
});
