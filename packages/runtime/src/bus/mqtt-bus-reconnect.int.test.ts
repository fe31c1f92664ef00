import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.js';
import { freePort, testBrokers } from '../testing/brokers.js';
import { startEmbeddedBroker } from './embedded-broker.js';
import { MqttBus } from './mqtt-bus.js';

describe.each(testBrokers())('MqttBus retained messages on the $name broker', (broker) => {
  it('delivers them to a second handler of a filter already subscribed', async () => {
    const { url, close } = await broker.start();
    const run = randomUUID().slice(0, 8);
    const bus = await MqttBus.connect({ url, clientId: `rt-${run}`, logger: silentLogger() });
    try {
      await bus.publish(`rt/${run}/a`, Buffer.from('kept'), { retain: true });
      const first: string[] = [];
      const second: string[] = [];
      await bus.subscribe(`rt/${run}/+`, (_t, p) => first.push(p.toString()));
      await waitFor(() => first.length === 1, 5000);
      await bus.subscribe(`rt/${run}/+`, (_t, p) => second.push(p.toString()));
      await waitFor(() => second.length === 1, 5000);
      expect(second).toEqual(['kept']);
      await bus.publish(`rt/${run}/a`, Buffer.alloc(0), { retain: true });
    } finally {
      await bus.close();
      await close();
    }
  });
});

describe('MqttBus across a broker restart', () => {
  it('restores subscriptions and calls reconnect listeners', async () => {
    const port = await freePort();
    let broker = await startEmbeddedBroker('127.0.0.1', port);
    const url = `mqtt://127.0.0.1:${port}`;
    const run = randomUUID().slice(0, 8);
    const bus = await MqttBus.connect({ url, clientId: `rc-${run}`, logger: silentLogger() });
    const got: string[] = [];
    await bus.subscribe(`rc/${run}`, (_t, p) => got.push(p.toString()));
    let reconnects = 0;
    const off = bus.onReconnect(() => reconnects++);
    try {
      await broker.close();
      broker = await startEmbeddedBroker('127.0.0.1', port);
      await waitFor(() => reconnects === 1, 10_000);
      // The resubscription was sent before the listener ran; give the broker its round trip.
      await waitFor(async () => {
        await bus.publish(`rc/${run}`, Buffer.from('after'));
        return got.includes('after');
      }, 5000);
      off();
      expect(reconnects).toBe(1);
    } finally {
      await bus.close();
      await broker.close();
    }
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
