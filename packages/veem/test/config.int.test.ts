import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@reservoir/runtime';

const run = promisify(execFile);

describe('the VEEM process refuses a malformed configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'veem-cfg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; err: string }> {
    try {
      await run(process.execPath, ['--import', 'tsx', 'packages/veem/src/main.ts', ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env },
        timeout: 30_000,
      });
      return { code: 0, err: '' };
    } catch (e) {
      const x = e as { code: number; stderr: string };
      return { code: x.code, err: x.stderr };
    }
  }

  it('names every bad field and its file, and starts nothing', async () => {
    const file = join(dir, 'veem.yaml');
    writeFileSync(
      file,
      'site: "has space"\ndatabase: "sqlite::memory:"\nmqtt:\n  url: http://broker\nscheduler:\n  intervalMs: -1\n  policy: random\n',
    );
    const r = await start(['--config', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`INVALID_ARGUMENT: invalid configuration (file ${file}, env RESERVOIR_VEEM_*)`);
    expect(r.err).toMatch(/site: letters, digits/);
    expect(r.err).toMatch(/mqtt\.url: must start with mqtt:\/\//);
    expect(r.err).toMatch(/scheduler\.intervalMs: /);
    expect(r.err).toMatch(/scheduler\.policy: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('reports a file that is not YAML, and a bad environment override', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'site: [unclosed\n');
    const broken = await start(['--config', file]);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('is not valid YAML/JSON');
    const env = await start(['--database', 'sqlite::memory:', '--mqtt', 'mqtt://127.0.0.1:1'], {
      RESERVOIR_VEEM_MONITOR__INTERVAL_MS: 'often',
    });
    expect(env.code).toBe(1);
    expect(env.err).toMatch(/monitor\.intervalMs: /);
  });
});
