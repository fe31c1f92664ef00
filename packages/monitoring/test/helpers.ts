// Shared pieces of the monitoring integration tests.
import { randomUUID } from 'node:crypto';
import { MqttBus, silentLogger } from '@reservoir/runtime';
import type { AttributeSpec } from '../src/index.js';

export const runId = randomUUID().slice(0, 8);
let n = 0;

/** A site name of its own per test, so retained descriptions of other tests do not interfere. */
export function freshSite(): string {
  return `mon-${runId}-${++n}`;
}

export function connect(url: string, name: string): Promise<MqttBus> {
  return MqttBus.connect({ url, clientId: `${name}-${runId}-${++n}`, logger: silentLogger() });
}

export const cpuAttrs: AttributeSpec[] = [
  { field: 1, name: 'cpu', type: 'double', units: '%' },
  { field: 2, name: 'n', type: 'int', units: '' },
];

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the check passes or the time is up (then throws with the last failure). */
export async function eventually(check: () => void, timeoutMs = 5000, stepMs = 20): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await sleep(stepMs);
    }
  }
}
