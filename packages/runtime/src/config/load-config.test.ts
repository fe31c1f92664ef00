import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from './load-config.js';

const schema = z.object({
  site: z.string().min(1),
  grpc: z.object({ listen: z.string().default('127.0.0.1:0') }).default({ listen: '127.0.0.1:0' }),
  scheduler: z.object({ intervalMs: z.number().int().positive().default(100) }).default({ intervalMs: 100 }),
});

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfg-'));

  it('layers file, env and overrides', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'site: from-file\ngrpc:\n  listen: 0.0.0.0:7000\n');
    const cfg = loadConfig(schema, {
      file,
      envPrefix: 'RSV',
      env: { RSV_SCHEDULER__INTERVAL_MS: '250', OTHER: 'x' },
      overrides: { site: 'from-flag', grpc: { listen: undefined } },
    });
    expect(cfg).toEqual({
      site: 'from-flag',
      grpc: { listen: '0.0.0.0:7000' },
      scheduler: { intervalMs: 250 },
    });
  });

  it('reports every problem with its path', () => {
    const file = join(dir, 'b.yaml');
    writeFileSync(file, 'site: ""\nscheduler:\n  intervalMs: -5\n');
    expect(() => loadConfig(schema, { file })).toThrowError(/site: .*\n\s+scheduler\.intervalMs: /);
  });

  it('refuses a malformed or missing file with its name', () => {
    const file = join(dir, 'c.yaml');
    writeFileSync(file, 'site: [unclosed\n');
    expect(() => loadConfig(schema, { file })).toThrowError(/c\.yaml is not valid YAML/);
    expect(() => loadConfig(schema, { file: join(dir, 'none.yaml') })).toThrowError(/does not exist/);
    writeFileSync(file, '- a\n- b\n');
    expect(() => loadConfig(schema, { file })).toThrowError(/mapping at the top level/);
  });
});
