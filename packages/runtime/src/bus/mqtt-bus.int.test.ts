import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.js';
import { testBrokers } from '../testing/brokers.js';
import { MqttBus, topicMatches } from './mqtt-bus.js';

describe('topicMatches', () => {
  it('follows MQTT wildcard rules', () => {
    expect(topicMatches('a/+/c', 'a/b/c')).toBe(true);
    expect(topicMatches('a/+/c', 'a/b/d')).toBe(false);
    expect(topicMatches('a/#', 'a/b/c/d')).toBe(true);
    expect(topicMatches('a/+', 'a/b/c')).toBe(false);
    expect(topicMatches('a/b/c', 'a/b')).toBe(false);
  });
});

describe.each(testBrokers())('MqttBus on the $name broker', (broker) => {
  let url = '';
  let close: () => Promise<void> = async () => undefined;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    ({ url, close } = await broker.start());
  });
  afterAll(() => close());

  it('delivers published payloads to matching subscribers, in order', async () => {
    const a = await MqttBus.connect({ url, clientId: `pub-${run}`, logger: silentLogger() });
    const b = await MqttBus.connect({ url, clientId: `sub-${run}`, logger: silentLogger() });
    const got: string[] = [];
    const done = new Promise<void>((resolve) => {
      void b.subscribe(`test/${run}/+/state`, (topic, payload) => {
        got.push(`${topic.split('/')[2]}:${payload.toString()}`);
        if (got.length === 50) resolve();
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 50; i++) await a.publish(`test/${run}/vm${i % 2}/state`, Buffer.from(String(i)));
    await a.publish(`test/${run}/other/event`, Buffer.from('x'));
    await done;
    expect(got.filter((g) => g.startsWith('vm0')).map((g) => Number(g.split(':')[1]))).toEqual(
      Array.from({ length: 25 }, (_, i) => i * 2),
    );
    await a.close();
    await b.close();
  });

  it('keeps delivering when one handler throws, and unsubscribes', async () => {
    const bus = await MqttBus.connect({ url, clientId: `x-${run}`, logger: silentLogger() });
    let good = 0;
    const stopBad = await bus.subscribe(`t2/${run}`, () => {
      throw new Error('consumer bug');
    });
    const stopGood = await bus.subscribe(`t2/${run}`, () => {
      good++;
    });
    await bus.publish(`t2/${run}`, Buffer.from('1'));
    await new Promise((r) => setTimeout(r, 200));
    expect(good).toBe(1);
    await stopBad();
    await stopGood();
    await bus.publish(`t2/${run}`, Buffer.from('2'));
    await new Promise((r) => setTimeout(r, 200));
    expect(good).toBe(1);
    await bus.close();
  });

  it('keeps a persistent session: QoS 1 messages sent while it is away, and one it did not finish, come again', async () => {
    const clientId = `keep-${run}`;
    const topic = `t3/${run}`;
    const pub = await MqttBus.connect({ url, clientId: `pub3-${run}`, logger: silentLogger() });
    const first = await MqttBus.connect({ url, clientId, persistent: true, logger: silentLogger() });
    const got: string[] = [];
    // The second message's handler never finishes: the process "dies" before acknowledging it.
    await first.subscribe(topic, (_t, p) => {
      got.push(p.toString());
      return p.toString() === '2' ? new Promise(() => undefined) : undefined;
    });
    await pub.publish(topic, Buffer.from('1'));
    await pub.publish(topic, Buffer.from('2'));
    for (let i = 0; i < 50 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual(['1', '2']);
    await first.close();
    for (const m of ['3', '4']) await pub.publish(topic, Buffer.from(m));

    const again: string[] = [];
    const second = await MqttBus.connect({ url, clientId, persistent: true, logger: silentLogger() });
    await second.subscribe(topic, (_t, p) => {
      again.push(p.toString());
    });
    for (let i = 0; i < 100 && again.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    // '2' was never acknowledged, so the broker delivers it again, before those sent meanwhile.
    expect(again).toEqual(['2', '3', '4']);
    await second.close();
    await pub.close();
    // A clean connection under the same id ends the session on the broker.
    await (await MqttBus.connect({ url, clientId, logger: silentLogger() })).close();
  });

  it('fails clearly when no broker answers', async () => {
    await expect(
      MqttBus.connect({
        url: 'mqtt://127.0.0.1:1',
        clientId: `none-${run}`,
        logger: silentLogger(),
        connectTimeoutMs: 500,
      }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
