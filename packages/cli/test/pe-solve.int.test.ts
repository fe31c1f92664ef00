import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@reservoir/runtime';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'packages/cli/bin/reservoir.js');

describe('reservoir pe solve, offline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-pe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    try {
      // No platform runs: the command must not need one.
      const { stdout, stderr } = await run(
        process.execPath,
        [BIN, '--data-dir', join(dir, 'none'), ...args],
        {
          cwd: REPO_ROOT,
          timeout: 60_000,
        },
      );
      return { code: 0, out: stdout, err: stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  }

  // Three half-empty hosts: consolidation empties one, moving its VM.
  const instance = file(
    'spread.json',
    JSON.stringify({
      resources: ['cpu', 'memory'],
      hosts: ['h1', 'h2', 'h3'].map((id) => ({ id, capacity: [8, 16384] })),
      vms: [
        { id: 'v1', demand: [4, 8192], host: 'h1' },
        { id: 'v2', demand: [4, 8192], host: 'h2' },
        { id: 'v3', demand: [2, 2048], host: 'h3' },
        { id: 'huge', demand: [16, 1024] },
      ],
    }),
  );

  it('prints a summary, the unplaced VMs with reasons and the plan', async () => {
    const r = await cli('pe', 'solve', instance, '--solver', 'heuristic', '--time-limit', '2');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/status\s*│\s*(optimal|feasible|partial|infeasible)\s/);
    expect(r.out).toMatch(/hosts used\s*│\s*2/);
    expect(r.out).toMatch(/lower bound/);
    expect(r.out).toMatch(/gap/);
    expect(r.out).toMatch(/solver/);
    expect(r.out).toMatch(/huge\s*│.*lack cpu/);
    expect(r.out).toMatch(/WAVE\s*│\s*VM\s*│\s*FROM\s*│\s*TO/);
  });

  it('prints exactly the result document with --json', async () => {
    const r = await cli('pe', 'solve', instance, '--policy', 'consolidate', '--json');
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out);
    expect(Object.keys(result).sort()).toEqual(
      [
        'assignment',
        'firstFeasibleMs',
        'gap',
        'hostsUsed',
        'lowerBound',
        'migrations',
        'ms',
        'objective',
        'plan',
        'policy',
        'solver',
        'status',
        'unplaced',
      ].sort(),
    );
    expect(result).toMatchObject({ hostsUsed: 2, policy: 'consolidate', unplaced: [{ vm: 'huge' }] });
    expect(Object.keys(result.assignment).sort()).toEqual(['v1', 'v2', 'v3']);
  });

  it('refuses a malformed file with exit code 2, naming the field, the line or the path', async () => {
    const badField = file(
      'bad-field.json',
      JSON.stringify({ resources: ['cpu', 'memory'], hosts: [{ id: 'h1', capacity: [8] }], vms: [] }),
    );
    const field = await cli('pe', 'solve', badField);
    expect(field.code).toBe(2);
    expect(field.err).toContain(
      `INVALID_ARGUMENT: ${badField}: invalid instance: hosts[0].capacity: has 1 values for 2 resources`,
    );
    const notJson = await cli(
      'pe',
      'solve',
      file('broken.json', '{\n  "resources": ["cpu"],\n  "hosts": [}\n'),
    );
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(/broken\.json: not valid JSON: .*\(line 3, column 13\)/);
    const missing = await cli('pe', 'solve', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`${join(dir, 'nope.json')}: cannot read the instance: no such file`);
    const solver = await cli('pe', 'solve', instance, '--solver', 'cplex');
    expect(solver.code).toBe(2);
    expect(solver.err).toContain('--solver: "cplex" is not a solver');
    const limit = await cli('pe', 'solve', instance, '--time-limit', 'soon');
    expect(limit.code).toBe(2);
    expect(limit.err).toContain('--time-limit: "soon" is not a number of seconds');
  });
});
