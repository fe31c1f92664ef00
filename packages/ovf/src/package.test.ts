import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReservoirError } from '@reservoir/runtime';
import { REPO_ROOT } from '@reservoir/runtime';
import {
  oneDiskDescriptor,
  type OvfPackageFile,
  readOvaPackage,
  readOvfPackage,
  writeOvaPackage,
} from './index.js';

const FIXTURES = join(REPO_ROOT, '..', 'shared', 'fixtures', 'ovf');
const TTYLINUX = join(FIXTURES, 'ova', 'ttylinux-pc_i486-16.1.ova');
const tmp = mkdtempSync(join(tmpdir(), 'ovf-pkg-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function rejection(p: Promise<unknown>): Promise<ReservoirError> {
  try {
    await p;
  } catch (e) {
    return e as ReservoirError;
  }
  throw new Error('did not reject');
}

/** Byte offset of an entry's data in a plain USTAR archive (512-byte header, data padded to 512). */
function dataOffset(files: OvfPackageFile[], index: number): number {
  const blocks = files.slice(0, index).reduce((n, f) => n + 1 + Math.ceil(f.size / 512), 0);
  return (blocks + 1) * 512;
}

async function tarOf(entries: [string, string][]): Promise<Buffer> {
  const tar = pack();
  for (const [name, data] of entries) tar.entry({ name }, data);
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const c of tar) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

const descriptor = oneDiskDescriptor(4, [{ id: 'f2', href: 'seed.iso', size: 3 }], 256);
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe('readOvaPackage on real OVAs', () => {
  it('the DSP0243 LAMP example: descriptor, entries, no manifest, the placeholder disk size', async () => {
    const path = join(FIXTURES, 'dmtf-sample', 'dsp0243_lamp_example.ova');
    const pkg = await readOvaPackage(path);
    expect(pkg.descriptorName).toBe('test.ovf');
    expect(pkg.document.virtualSystems.map((v) => [v.id, v.cpus, v.memoryMiB])).toEqual([
      ['MyLampService', 1, 256],
    ]);
    expect(pkg.document.file).toBe(`${path}/test.ovf`);
    expect(pkg.files).toEqual([
      { name: 'test.ovf', size: 10382 },
      { name: 'lamp.vmdk', size: 5 },
    ]);
    expect(pkg.manifest).toBeNull();
    expect(pkg.warnings).toEqual([`${path}: File "lamp" (lamp.vmdk) has 5 bytes, ovf:size says 180114671`]);
  });

  it('govmomi ttylinux: SHA1 manifest (BSD tag form) verifies', async () => {
    const pkg = await readOvaPackage(TTYLINUX);
    expect(pkg.files.map((f) => f.name)).toEqual([
      'ttylinux-pc_i486-16.1.ovf',
      'ttylinux-pc_i486-16.1.mf',
      'ttylinux-pc_i486-16.1-disk1.vmdk',
    ]);
    expect(pkg.manifest).toEqual({ name: 'ttylinux-pc_i486-16.1.mf', algorithms: ['SHA1'], problems: [] });
    expect(pkg.problems).toEqual([]);
    expect(pkg.document.virtualSystems[0]?.name).toBe('ttylinux-pc_i486-16.1');
    // The fixture's disk is a zero-filled 1 MiB stand-in (ttylinux-README.md).
    expect(pkg.warnings).toEqual([
      `${TTYLINUX}: File "file1" (ttylinux-pc_i486-16.1-disk1.vmdk) has 1048576 bytes, ovf:size says 10595840`,
    ]);
  });

  it('reports a tampered disk, naming the file and the algorithm', async () => {
    const copy = join(tmp, 'tampered.ova');
    copyFileSync(TTYLINUX, copy);
    const { files } = await readOvaPackage(TTYLINUX);
    const bytes = readFileSync(copy);
    const at = dataOffset(files, 2) + 100;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    writeFileSync(copy, bytes);
    const pkg = await readOvaPackage(copy);
    expect(pkg.manifest?.problems).toMatchObject([
      { file: 'ttylinux-pc_i486-16.1-disk1.vmdk', kind: 'mismatch' },
    ]);
    expect(pkg.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${copy}/ttylinux-pc_i486-16\\.1\\.mf:\\d+: SHA1\\(ttylinux-pc_i486-16\\.1-disk1\\.vmdk\\) is [0-9a-f]{40}, manifest says [0-9a-f]{40}$`,
        ),
      ),
    ]);
  });

  it('refuses a tar without a descriptor and a file that is not a tar', async () => {
    const noOvf = await rejection(readOvaPackage(join(FIXTURES, 'cot-cisco', 'test.tar')));
    expect(noOvf.code).toBe('INVALID_ARGUMENT');
    expect(noOvf.message).toMatch(/test\.tar: no \.ovf descriptor in the archive$/);
    const junk = join(tmp, 'junk.ova');
    writeFileSync(junk, Buffer.alloc(2048, 7));
    expect((await rejection(readOvaPackage(junk))).message).toMatch(/junk\.ova: not a readable tar archive/);
    expect((await rejection(readOvaPackage(join(tmp, 'absent.ova')))).code).toBe('NOT_FOUND');
  });
});

describe('OVA entry order (DSP0243 §5.3)', () => {
  it('warns when the descriptor is not first, the manifest sits in the middle, or files leave References order', async () => {
    const mf = `SHA256(x.ovf)= ${sha256(descriptor)}\n`;
    const path = join(tmp, 'disordered.ova');
    writeFileSync(
      path,
      await tarOf([
        ['seed.iso', 'iso'],
        ['x.ovf', descriptor],
        ['disk.vmdk', 'disk'],
        ['x.mf', mf],
        ['notes.txt', 'n'],
      ]),
    );
    const pkg = await readOvaPackage(path);
    expect(pkg.warnings).toEqual([
      `${path}: descriptor x.ovf is entry 2; OVF requires it first`,
      `${path}: x.mf is neither right after the descriptor nor at the end of the archive`,
      `${path}: files are not in References order`,
    ]);
    expect(pkg.problems).toEqual([]);
  });

  it('accepts the manifest at the very end', async () => {
    const path = join(tmp, 'mf-last.ova');
    const mf = `SHA256(disk.vmdk)= ${sha256('disk')}\nSHA256(seed.iso)= ${sha256('iso')}\n`;
    writeFileSync(
      path,
      await tarOf([
        ['x.ovf', descriptor],
        ['disk.vmdk', 'disk'],
        ['seed.iso', 'iso'],
        ['x.mf', mf],
      ]),
    );
    const pkg = await readOvaPackage(path);
    expect(pkg.warnings).toEqual([]);
    expect(pkg.manifest).toEqual({ name: 'x.mf', algorithms: ['SHA256'], problems: [] });
  });
});

describe('writeOvaPackage', () => {
  it('writes descriptor, SHA-256 manifest and files in order, and reads back clean', async () => {
    const disk = join(tmp, 'source-disk.vmdk');
    writeFileSync(disk, 'disk');
    const path = join(tmp, 'export.ova');
    const written = await writeOvaPackage(path, descriptor, [
      { name: 'disk.vmdk', source: disk },
      { name: 'seed.iso', source: Buffer.from('iso') },
    ]);
    expect(written.manifest).toBe(
      `SHA256(export.ovf)= ${sha256(descriptor)}\nSHA256(disk.vmdk)= ${sha256('disk')}\nSHA256(seed.iso)= ${sha256('iso')}\n`,
    );
    const pkg = await readOvaPackage(path);
    expect(pkg.files).toEqual(written.files);
    expect(pkg.files.map((f) => f.name)).toEqual(['export.ovf', 'export.mf', 'disk.vmdk', 'seed.iso']);
    expect(pkg.warnings).toEqual([]);
    expect(pkg.manifest).toEqual({ name: 'export.mf', algorithms: ['SHA256'], problems: [] });
    expect(pkg.descriptor).toBe(descriptor);
  });

  it('refuses member names that are paths or repeat', async () => {
    const err = await rejection(
      writeOvaPackage(join(tmp, 'bad.ova'), descriptor, [
        { name: '../escape', source: Buffer.from('') },
        { name: 'bad.ovf', source: Buffer.from('') },
      ]),
    );
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toMatch(/\.\.\/escape, bad\.ovf$/);
  });

  it('reads a gzip-compressed OVA and a bare XML one, with a warning each', async () => {
    const path = join(tmp, 'for-gzip.ova');
    await writeOvaPackage(path, descriptor, [
      { name: 'disk.vmdk', source: Buffer.from('disk') },
      { name: 'seed.iso', source: Buffer.from('iso') },
    ]);
    const gz = join(tmp, 'gz.ova');
    writeFileSync(gz, gzipSync(readFileSync(path)));
    const zipped = await readOvaPackage(gz);
    expect(zipped.warnings).toEqual([`${gz}: gzip-compressed; OVF requires a plain tar archive`]);
    expect(zipped.manifest?.problems).toEqual([]);

    const xml = join(tmp, 'xml.ova');
    writeFileSync(xml, descriptor);
    const bare = await readOvaPackage(xml);
    expect(bare.warnings).toEqual([`${xml}: an XML descriptor, not a tar archive`]);
    expect(bare.document.virtualSystems[0]?.memoryMiB).toBe(256);
  });
});

describe('readOvfPackage (directory packages)', () => {
  it('VirtualBox 2.0 export: SHA256 manifest over descriptor and disk', async () => {
    const pkg = await readOvfPackage(join(FIXTURES, 'virtualbox', 'ubuntu.2.0.ovf'));
    expect(pkg.files).toEqual([
      { name: 'ubuntu.2.0.ovf', size: 12015 },
      { name: 'ubuntu.2.0.mf', size: 185 },
      { name: 'ubuntu.2.0-disk1.vmdk', size: 68608 },
    ]);
    expect(pkg.manifest).toEqual({ name: 'ubuntu.2.0.mf', algorithms: ['SHA256'], problems: [] });
    expect(pkg.warnings).toEqual([]);
  });

  it('COT input package: SHA1 over five files', async () => {
    const pkg = await readOvfPackage(join(FIXTURES, 'cot-cisco', 'input.ovf'));
    expect(pkg.files.map((f) => f.name)).toEqual([
      'input.ovf',
      'input.mf',
      'input.vmdk',
      'input.iso',
      'sample_cfg.txt',
    ]);
    expect(pkg.manifest?.algorithms).toEqual(['SHA1']);
    expect(pkg.problems).toEqual([]);
  });

  it('a directory with one descriptor, a tampered disk and a missing file', async () => {
    const dir = mkdtempSync(join(tmp, 'dir-'));
    for (const name of ['ubuntu.2.0.ovf', 'ubuntu.2.0.mf', 'ubuntu.2.0-disk1.vmdk'])
      copyFileSync(join(FIXTURES, 'virtualbox', name), join(dir, name));
    const disk = readFileSync(join(dir, 'ubuntu.2.0-disk1.vmdk'));
    disk[1000] = (disk[1000] ?? 0) ^ 1;
    writeFileSync(join(dir, 'ubuntu.2.0-disk1.vmdk'), disk);
    const pkg = await readOvfPackage(dir);
    expect(pkg.problems).toEqual([
      expect.stringMatching(
        /ubuntu\.2\.0\.mf:\d+: SHA256\(ubuntu\.2\.0-disk1\.vmdk\) is [0-9a-f]{64}, manifest says/,
      ),
    ]);

    rmSync(join(dir, 'ubuntu.2.0-disk1.vmdk'));
    const missing = await readOvfPackage(dir);
    expect(missing.warnings).toEqual([
      `${join(dir, 'ubuntu.2.0.ovf')}: File "file1" (ubuntu.2.0-disk1.vmdk) is not in the package`,
    ]);
    expect(missing.manifest?.problems).toMatchObject([{ kind: 'missing', file: 'ubuntu.2.0-disk1.vmdk' }]);
  });

  it('asks for a name when a directory holds several descriptors', async () => {
    const err = await rejection(readOvfPackage(join(FIXTURES, 'virtualbox')));
    expect(err.message).toMatch(/several \.ovf descriptors \(ganeti_virtualbox\.ovf, .*\); name one$/);
  });
});
