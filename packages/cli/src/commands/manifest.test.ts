import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '@reservoir/runtime';
import { manifestFromOvf, manifestFromYaml } from '@reservoir/service-manager';
import { registerManifestCommands } from './manifest.js';

const INVALID = 'packages/service-manager/src/manifest/testdata/invalid';

/** Runs `reservoir …args` in process (paths relative to the repository root), capturing its output. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = new Command('reservoir').option('--json').exitOverride();
  registerManifestCommands(program);
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const cwd = process.cwd();
  process.chdir(REPO_ROOT);
  process.exitCode = undefined;
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    process.chdir(cwd);
    vi.restoreAllMocks();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, out, err };
}

describe('reservoir manifest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  it('validates a manifest and prints its cost', async () => {
    const r = await cli('manifest', 'validate', 'examples/hadoop.yaml');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('master 1..1 (1), slaves 2..8 (2), portal 1..1 (1)');
    expect(r.out).toContain('0.3537 EUR/h');
    expect(r.out).toContain('1.1385 EUR/h');
  });

  it('refuses an invalid manifest with one line per problem and exit status 2', async () => {
    const r = await cli('manifest', 'validate', `${INVALID}/startup-cycle.yaml`);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toEqual([
      `${INVALID}/startup-cycle.yaml:18:17: components[2].dependsOn[0]: "db" (startup order 1) depends on "web", which starts later (order 3)`,
      `${INVALID}/startup-cycle.yaml:8:16: components[0].dependsOn: dependency cycle: web → app → db → web`,
    ]);
  });

  it('reports problems as JSON with --json', async () => {
    const r = await cli('--json', 'manifest', 'validate', `${INVALID}/min-over-max.yaml`);
    expect(r.code).toBe(2);
    const body = JSON.parse(r.out);
    expect(body.valid).toBe(false);
    expect(body.problems[0]).toEqual({
      severity: 'error',
      path: 'components[0].instances.max',
      message: 'instances max 3 is below min 5',
      place: { line: 7, col: 31, label: 'components[0].instances.max' },
    });
  });

  it('converts YAML to OVF and back without loss', async () => {
    const ovf = join(dir, 'hadoop.ovf');
    expect((await cli('manifest', 'convert', 'examples/hadoop.yaml', '--to', 'ovf', '--out', ovf)).code).toBe(
      0,
    );
    const back = await cli('manifest', 'convert', ovf, '--to', 'yaml');
    expect(back.code, back.err).toBe(0);
    const original = manifestFromYaml(readFileSync(join(REPO_ROOT, 'examples/hadoop.yaml'), 'utf8'));
    expect(manifestFromOvf(readFileSync(ovf, 'utf8'))).toEqual(original);
    expect(manifestFromYaml(back.out)).toEqual(original);
  });

  it('refuses an unknown target form and an unreadable file with exit status 2', async () => {
    const bad = await cli('manifest', 'convert', 'examples/hadoop.yaml', '--to', 'json');
    expect([bad.code, bad.err]).toEqual([2, '--to: "json" is not ovf or yaml\n']);
    const missing = await cli('manifest', 'validate', 'no-such.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^no-such\.yaml: cannot read the manifest: no such file/);
  });
});
