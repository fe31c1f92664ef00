// Bus-backed suites run against the in-process broker always, and against the machine's
// Mosquitto when RESERVOIR_TEST_MQTT_URL names it (required in CI).
import { startEmbeddedBroker } from '../bus/embedded-broker.js';
import { requireEnvInCi } from './databases.js';

export const TEST_MQTT_URL_ENV = 'RESERVOIR_TEST_MQTT_URL';

export interface TestBroker {
  name: 'embedded' | 'mosquitto';
  /** Returns the broker URL and a close function. */
  start(): Promise<{ url: string; close(): Promise<void> }>;
}

export function testBrokers(): TestBroker[] {
  const brokers: TestBroker[] = [
    {
      name: 'embedded',
      start: async () => {
        const b = await startEmbeddedBroker();
        return { url: b.url, close: () => b.close() };
      },
    },
  ];
  const url = requireEnvInCi(TEST_MQTT_URL_ENV);
  if (url) brokers.push({ name: 'mosquitto', start: async () => ({ url, close: async () => undefined }) });
  return brokers;
}

/** A TCP port free at the time of asking, for a service that must keep its address across restarts. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
