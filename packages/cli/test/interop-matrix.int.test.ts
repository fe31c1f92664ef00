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

  it('refuses an unknown guest profile, naming the known ones', async () => {
    await expect(
      run(process.execPath, [BIN, 'interop', 'matrix', '--profile', 'beos'], { cwd: REPO_ROOT }),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/beos.*centos63/s) });
  });
});
