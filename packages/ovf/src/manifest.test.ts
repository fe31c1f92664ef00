import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyManifest } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'ovf-mf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hex = (alg: string, data: string | Uint8Array) => createHash(alg).update(data).digest('hex');

describe('verifyManifest', () => {
  it('accepts good digests and reports a mismatch and a missing file', () => {
    writeFileSync(join(dir, 'vm.ovf'), '<Envelope/>');
    writeFileSync(join(dir, 'disk (1).vmdk'), Buffer.from([1, 2, 3, 4]));
    writeFileSync(join(dir, 'tampered.iso'), 'after');
    const mf = [
      `SHA1(vm.ovf)= ${hex('sha1', '<Envelope/>')}`,
      `SHA256(disk (1).vmdk)= ${hex('sha256', Buffer.from([1, 2, 3, 4]))}`,
      `SHA256 (tampered.iso) = ${hex('sha256', 'before')}`,
      `SHA1(gone.vmdk)= ${hex('sha1', 'x')}`,
      '',
    ].join('\n');
    const files = new Map(readdirSync(dir).map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]));
    const problems = verifyManifest(mf, files);
    expect(problems.map((p) => [p.kind, p.file, p.line])).toEqual([
      ['mismatch', 'tampered.iso', 3],
      ['missing', 'gone.vmdk', 4],
    ]);
  });

  it('reports malformed lines', () => {
    expect(verifyManifest('MD5(x)= 00', new Map())).toMatchObject([{ kind: 'malformed', line: 1 }]);
  });
});
