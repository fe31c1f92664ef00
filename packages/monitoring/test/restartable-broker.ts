// Brokers the tests can stop and start again on the same port: aedes in process, or a private
// Mosquitto process.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect as netConnect } from 'node:net';
import { startEmbeddedBroker, type EmbeddedBroker } from '@reservoir/runtime';
import { freePort } from '@reservoir/runtime/testing';

export const MOSQUITTO_BIN = '/usr/sbin/mosquitto';

export interface RestartableBroker {
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function embeddedRestartable(): Promise<RestartableBroker> {
  const port = await freePort();
  let broker: EmbeddedBroker | undefined;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    start: async () => {
      broker = await startEmbeddedBroker('127.0.0.1', port);
    },
    stop: async () => {
      await broker?.close();
      broker = undefined;
    },
  };
}

export async function mosquittoRestartable(): Promise<RestartableBroker> {
  const port = await freePort();
  let proc: ChildProcess | undefined;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    start: async () => {
      proc = spawn(MOSQUITTO_BIN, ['-p', String(port)], { stdio: 'ignore' });
      await waitForPort(port);
    },
    stop: async () => {
      const p = proc;
      proc = undefined;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGKILL');
      });
    },
  };
}

async function waitForPort(port: number, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = netConnect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`nothing listens on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
