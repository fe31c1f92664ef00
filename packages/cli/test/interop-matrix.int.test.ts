import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@reservoir/runtime';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'packages/cli/bin/reservoir.js');

describe('reservoir interop matrix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interop-matrix-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the source × target matrix per guest profile as JSON and HTML, with a reason for every non-success', async () => {
    const out = join(dir, 'report.html');
    const { stdout } = await run(process.execPath, [BIN, 'interop', 'matrix', '--json', '--out', out], {
      cwd: REPO_ROOT,
    });
    const m = JSON.parse(stdout) as {
      families: string[];
      profiles: { id: string }[];
      cells: { profile: string; source: string; target: string; score: string; reasons: string[] }[];
    };
    expect(m.families).toEqual(['kvm', 'xen', 'vmware', 'hyperv']);
    expect(m.cells).toHaveLength(m.profiles.length * 16);
    for (const c of m.cells) {
      if (c.score === 'SUCCESS') expect(c.reasons).toEqual([]);
      else expect(c.reasons.length, `${c.profile} ${c.source}→${c.target}`).toBeGreaterThan(0);
    }
    // Hyper-V's 4 vCPUs / 64 GiB per VM keep the large database VM off it, as seed 000 notes.
    const db = m.cells.find(
      (c) => c.profile === 'mssql-large' && c.source === 'kvm' && c.target === 'hyperv',
    )!;
    expect(db.score).toBe('FAILURE');
    expect(db.reasons.join(' ')).toMatch(/65536|64 GiB|4 vCPU/);
    expect(new Set(m.cells.map((c) => c.score))).toEqual(new Set(['SUCCESS', 'WARNING', 'FAILURE']));
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<table/g)?.length).toBe(m.profiles.length);
    expect(html).toContain('Microsoft Hyper-V');
  });

  it('runs the seven-step test for every cell on a federated test bed, with real disk conversions', async () => {
    const out = join(dir, 'run.html');
    const { stdout } = await run(
      process.execPath,
      [BIN, 'interop', 'matrix', '--run', '--profile', 'ubuntu1204', '--json', '--out', out],
      { cwd: REPO_ROOT, timeout: 120_000 },
    );
    const m = JSON.parse(stdout) as {
      cells: {
        source: string;
        target: string;
        score: string;
        reasons: string[];
        steps: { step: string; score: string; detail: string }[];
      }[];
    };
    expect(m.cells).toHaveLength(16);
    const cell = (s: string, t: string) => m.cells.find((c) => c.source === s && c.target === t)!;
    // The guest states no-reboot-on-cpu-change: Hyper-V cannot hot-plug CPUs, so it neither runs it
    // at the source nor takes it at the target, and says so.
    expect(cell('kvm', 'hyperv').score).toBe('FAILURE');
    expect(cell('kvm', 'hyperv').reasons.join(' ')).toMatch(/no-reboot-on-cpu-change|hot-plug/);
    expect(cell('hyperv', 'kvm').steps[0]).toMatchObject({ step: 'sanity-check-source', score: 'FAILURE' });
    // kvm to vmware ran all seven steps: the disk was converted to vmdk and the guest came back with
    // a new address on the other site's network, a warning.
    const ok = cell('kvm', 'vmware');
    expect(ok.score).toBe('WARNING');
    expect(ok.steps.map((s) => s.score)).not.toContain('FAILURE');
    expect(ok.steps.find((s) => s.step === 'export-ovf')?.detail).toMatch(/qcow2 → vmdk/);
    expect(ok.reasons.join(' ')).toMatch(/IP addresses changed/);
    expect(readFileSync(out, 'utf8')).toContain('<table');
  }, 150_000);

  it('refuses an unknown guest profile, naming the known ones', async () => {
    await expect(
      run(process.execPath, [BIN, 'interop', 'matrix', '--profile', 'beos'], { cwd: REPO_ROOT }),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/beos.*centos63/s) });
  });
});
