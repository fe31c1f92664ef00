// Starts `reservoir up` for a test file and logs the system administrator in with the one-time
// password it prints, so the test's CLI calls and gRPC clients carry a real credential.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@reservoir/runtime';

const run = promisify(execFile);
export const BIN = join(REPO_ROOT, 'packages/cli/bin/reservoir.js');

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export interface Platform {
  dir: string;
  port: number;
  /** Where the CLI keeps the admin's login (RESERVOIR_CONFIG_DIR). */
  configDir: string;
  /** The admin's one-time password, as `reservoir up` printed it. */
  adminPassword: string;
  endpoints(): Record<string, unknown> & { sites: Record<string, Record<string, unknown>>; security: string };
  /** Runs the CLI against this platform, logged in as the admin unless env says otherwise. */
  cli(args: string[], env?: NodeJS.ProcessEnv, input?: string): Promise<CliResult>;
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

export async function startPlatform(
  options: { sites?: number; hosts?: number; extraArgs?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<Platform> {
  const dir = mkdtempSync(join(tmpdir(), 'rsv-up-'));
  const configDir = join(dir, 'config');
  const port = 20_000 + Math.floor(Math.random() * 30_000);
  const up: ChildProcess = spawn(
    process.execPath,
    [
      BIN,
      'up',
      '--data-dir',
      dir,
      '--sites',
      String(options.sites ?? 1),
      '--hosts',
      String(options.hosts ?? 2),
      '--latency',
      'none',
      '--port',
      String(port),
      ...(options.extraArgs ?? []),
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
  );
  const exited = new Promise<number | null>((r) => up.once('exit', (code) => r(code)));
  let out = '';
  let err = '';
  up.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  up.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  // Every process compiles TypeScript as it starts, beside the other test files.
  const deadline = Date.now() + 170_000;
  while (!existsSync(join(dir, 'endpoints.json')) || !/Press Ctrl-C/.test(out)) {
    if (up.exitCode !== null) throw new Error(`reservoir up exited (${up.exitCode}): ${err}`);
    if (Date.now() > deadline) throw new Error(`reservoir up did not start: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const password = /password (\S+)/.exec(out)?.[1];
  if (!password) throw new Error(`reservoir up printed no administrator password:\n${out}`);

  const cli = async (args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<CliResult> => {
    const child = run(process.execPath, [BIN, '--data-dir', dir, ...args], {
      cwd: REPO_ROOT,
      timeout: 60_000,
      env: { ...process.env, RESERVOIR_CONFIG_DIR: configDir, ...env },
    });
    if (input !== undefined) {
      child.child.stdin!.end(input);
    }
    try {
      const { stdout, stderr } = await child;
      return { code: 0, out: stdout, err: stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };
  const login = await cli(['login', '--org', 'system', '--user', 'admin'], { RESERVOIR_PASSWORD: password });
  if (login.code !== 0) throw new Error(`admin login failed: ${login.err}`);

  return {
    dir,
    port,
    configDir,
    adminPassword: password,
    exited,
    endpoints: () => JSON.parse(readFileSync(join(dir, 'endpoints.json'), 'utf8')),
    cli,
    stop: async () => {
      if (up.exitCode === null) {
        up.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
        if (up.exitCode === null) up.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
