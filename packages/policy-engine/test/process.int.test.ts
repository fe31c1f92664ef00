import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startService, type ServiceProcess } from '@reservoir/runtime';
import { freePort } from '@reservoir/runtime/testing';
import { policyClient } from '../src/client.js';

const run = promisify(execFile);
const MAIN = 'packages/policy-engine/src/main.ts';

describe('the Policy Engine as its own process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pe-proc-'));
  const started: ServiceProcess[] = [];
  afterAll(async () => {
    for (const p of started) await p.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (port: number) => {
    const p = await startService(
      'pe',
      MAIN,
      ['--site', 'proc-site', '--listen', `127.0.0.1:${port}`],
      join(dir, 'pe.log'),
      { RESERVOIR_PE_DATABASE: `sqlite:${join(dir, 'pe.db')}`, RESERVOIR_PE_VEEM: '127.0.0.1:1' },
    );
    started.push(p);
    return p;
  };

  it('prints where it listens, reads RESERVOIR_PE_*, and keeps its policy across a restart', async () => {
    const port = await freePort();
    const first = await start(port);
    expect(first.ready).toMatchObject({
      event: 'listening',
      service: 'pe',
      site: 'proc-site',
      address: `127.0.0.1:${port}`,
    });
    const c = policyClient(first.ready.address);
    try {
      expect(
        (await c.policy.setPolicy({ policy: { name: 'min-migrations', maxMigrations: 3 } })).version,
      ).toBe(2);
      await first.stop();
      const second = await start(port);
      expect(await c.policy.getPolicy({})).toMatchObject({
        name: 'min-migrations',
        maxMigrations: 3,
        version: 2,
      });
      // The VEEM it was given is not there: optimizing says so, placing does not need it.
      const e = await c.policy.optimize({ dryRun: true }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'UNAVAILABLE' });
      await second.stop();
    } finally {
      c.close();
    }
  }, 60_000);

  it('refuses a malformed configuration naming every bad field', async () => {
    const r = await run(process.execPath, ['--import', 'tsx', MAIN, '--listen', 'nowhere'], {
      cwd: REPO_ROOT,
      env: { ...process.env, RESERVOIR_PE_MQTT: 'http://broker', RESERVOIR_PE_DATABASE: '' },
      timeout: 30_000,
    }).then(
      () => ({ code: 0, err: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, err: e.stderr }),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('INVALID_ARGUMENT: invalid configuration');
    expect(r.err).toMatch(/listen: must be host:port/);
    expect(r.err).toMatch(/mqtt: must start with mqtt:\/\//);
    expect(r.err).toMatch(/database: /);
  });
});
