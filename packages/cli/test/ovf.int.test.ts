import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@reservoir/runtime';
import { parseOvf, readOvaPackage } from '@reservoir/ovf';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'packages/cli/bin/reservoir.js');
const FIXTURES = join(REPO_ROOT, '..', 'shared', 'fixtures', 'ovf');
const TTYLINUX = join(FIXTURES, 'ova', 'ttylinux-pc_i486-16.1.ova');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      timeout: 60_000,
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

describe('reservoir ovf inspect', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-ovf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--json prints the parseOvf model of a descriptor', async () => {
    const path = join(FIXTURES, 'dmtf-sample', 'dsp0243_lamp_example.ovf');
    const r = await cli('ovf', 'inspect', path, '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual(parseOvf(readFileSync(path, 'utf8'), path));
  });

  it('reads an OVA: tables, verified manifest, packaging warnings', async () => {
    const r = await cli('ovf', 'inspect', TTYLINUX);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /│ vm\s+│ ttylinux-pc_i486-16\.1\s+│\s+│ 36\s+│ 1\s+│ 32 MiB\s+│ vmdisk1 30 MiB\s+│ nat\s+│/,
    );
    expect(r.out).toContain('manifest: ttylinux-pc_i486-16.1.mf (SHA1): all digests match');
    expect(r.out).toContain('has 1048576 bytes, ovf:size says 10595840');

    const json = await cli('--json', 'ovf', 'inspect', TTYLINUX);
    const model = JSON.parse(json.out);
    expect(model.virtualSystems[0]).toMatchObject({ id: 'vm', cpus: 1, memoryMiB: 32, nics: 1 });
    expect(model.warnings).toEqual((await readOvaPackage(TTYLINUX)).warnings);
  });

  it('exits 2 with located lines, and no stack trace, for an invalid descriptor', async () => {
    const path = join(FIXTURES, 'ovftool-conformance', 'Envelope_1_0', 'Neg', 'invalid_neg_chunk.ovf');
    const r = await cli('ovf', 'inspect', path);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^.+:\d+: /);
    expect(lines).toContain(`${path}:4: <File>: size "abcd" is not a number`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 naming the file and algorithm when a digest does not match', async () => {
    const copy = join(dir, 'tampered.ova');
    copyFileSync(TTYLINUX, copy);
    const bytes = readFileSync(copy);
    bytes[bytes.length - 4096] = 0x5a; // inside the zero-filled disk, before the end-of-archive blocks
    writeFileSync(copy, bytes);
    const r = await cli('ovf', 'inspect', copy, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).virtualSystems).toHaveLength(1);
    expect(r.err.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^.+tampered\.ova\/ttylinux-pc_i486-16\.1\.mf:\d+: SHA1\(ttylinux-pc_i486-16\.1-disk1\.vmdk\) is /,
      ),
    ]);
  });

  it('exits 2 for an archive without a descriptor', async () => {
    const r = await cli('ovf', 'inspect', join(FIXTURES, 'cot-cisco', 'test.tar'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/test\.tar: no \.ovf descriptor in the archive\n$/);
  });
});
