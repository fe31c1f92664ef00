import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ReservoirError } from '../errors.js';

const require = createRequire(import.meta.url);
/** The repository root, where packages/<service>/src/main.ts live. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const TSX = require.resolve('tsx');

export interface ReadyLine {
  event: 'listening';
  address: string;
  /** host:port of the service's Prometheus metrics (GET /metrics), when it serves them. */
  metrics?: string;
  [k: string]: unknown;
}

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  ready: ReadyLine;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

/**
 * Starts a service's main.ts as its own process, sends its log (stderr) to a file, and waits
 * for the JSON "listening" line it prints on stdout when ready.
 */
export async function startService(
  name: string,
  mainTs: string,
  args: string[],
  logFile: string,
  env: NodeJS.ProcessEnv = {},
  readyTimeoutMs = 60_000,
  nodeArgs: string[] = [],
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', TSX, join(REPO_ROOT, mainTs), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<ReadyLine>((res, rej) => {
    const timer = setTimeout(
      () =>
        rej(
          new ReservoirError(
            'DEADLINE_EXCEEDED',
            `${name} did not become ready within ${readyTimeoutMs} ms; see ${logFile}`,
          ),
        ),
      readyTimeoutMs,
    );
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as ReadyLine;
        if (msg.event === 'listening') {
          clearTimeout(timer);
          res(msg);
        }
      } catch {
        // Not a control line.
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      rej(
        new ReservoirError(
          'UNAVAILABLE',
          `${name} exited with code ${code} before it was ready; see ${logFile}`,
        ),
      );
    });
  });
  return {
    name,
    child,
    ready,
    exited,
    stop: async (signal = 'SIGTERM', graceMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(t);
      log.end();
    },
  };
}
