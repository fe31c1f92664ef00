import { execFileSync } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isReservoirError, type ReservoirError } from '@reservoir/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISK_FORMATS, type DiskFormat } from '../../domain/image.js';
import type { DiskRef } from '../../app/disk-tool.js';
import { isTempName } from './image-repository.js';
import { QemuImg } from './qemu-img.js';

const MiB = 1024 * 1024;
/** Not a whole MiB and not a CHS geometry: any rounding by a format shows. */
const SIZE = 5 * MiB + 7 * 512;
/** [offset, length] of the data regions; everything else is a hole. */
const DATA: [number, number][] = [
  [0, 256 * 1024],
  [1 * MiB, 512 * 1024],
  [3 * MiB + 4096, 4096],
  [SIZE - 64 * 1024, 64 * 1024],
];

/** Deterministic pseudo-random bytes (AES-CTR over zeros). */
function pseudoRandom(seed: string, bytes: number): Buffer {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(bytes));
}

async function writeSparse(path: string, size: number, regions: [number, number][]): Promise<void> {
  const fh = await open(path, 'w');
  try {
    for (const [offset, length] of regions)
      await fh.write(pseudoRandom(`region-${offset}`, length), 0, length, offset);
    await fh.truncate(size);
  } finally {
    await fh.close();
  }
}

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

async function rejection(p: Promise<unknown>): Promise<ReservoirError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isReservoirError(e)) throw new Error(`expected a ReservoirError, got ${String(e)}`);
  return e;
}

describe('QemuImg with the real qemu-img', () => {
  const tool = new QemuImg();
  let dir: string;
  let src: DiskRef;
  let srcSha: string;
  const converted = (format: DiskFormat): DiskRef => ({ path: join(dir, `converted.${format}`), format });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reservoir-qemu-img-'));
    src = { path: join(dir, 'source.raw'), format: 'raw' };
    await writeSparse(src.path, SIZE, DATA);
    srcSha = await sha256(src.path);
    for (const format of DISK_FORMATS) await tool.convert(src, converted(format));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports its version', async () => {
    expect(await tool.version()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each(DISK_FORMATS)(
    '%s: exact virtual size, identical content, a raw round trip with the same sha256',
    async (format) => {
      const ref = converted(format);
      const info = await tool.info(ref);
      expect(info).toMatchObject({ format, virtualSizeBytes: SIZE });
      expect(info.actualSizeBytes).toBeGreaterThan(0);
      expect(await tool.compare(src, ref)).toEqual({ identical: true, detail: 'Images are identical.' });
      expect((await tool.check(ref)).ok).toBe(true);

      const back: DiskRef = { path: join(dir, `back-from-${format}.raw`), format: 'raw' };
      const r = await tool.convert(ref, back, { verify: true });
      expect(r.bytes).toBe(SIZE);
      expect((await stat(back.path)).size).toBe(SIZE);
      expect(await sha256(back.path)).toBe(srcSha);
      expect((await readdir(dir)).filter(isTempName)).toEqual([]);
    },
  );

  it.each(DISK_FORMATS)('%s: a flipped byte in the data makes compare say different', async (format) => {
    // The data is stored verbatim in every format: find a probe of it in the file and flip it.
    const bytes = await readFile(converted(format).path);
    const probe = pseudoRandom(`region-${1 * MiB}`, 4096).subarray(1000, 1064);
    const at = bytes.indexOf(probe);
    expect(at).toBeGreaterThanOrEqual(0);
    bytes[at + 10] = bytes[at + 10]! ^ 0xff;
    const damaged: DiskRef = { path: join(dir, `flipped.${format}`), format };
    await writeFile(damaged.path, bytes);
    const c = await tool.compare(src, damaged);
    expect(c.identical).toBe(false);
    // qemu-img names the 512-byte sector where the contents part.
    expect(c.detail).toBe(`Content mismatch at offset ${Math.floor((1 * MiB + 1010) / 512) * 512}!`);
  });

  it('check answers ok with a detail for formats qemu-img cannot check', async () => {
    expect(await tool.check(converted('vpc'))).toEqual({
      ok: true,
      detail: 'qemu-img has no consistency check for vpc; nothing was checked',
    });
    expect(await tool.check(converted('qcow2'))).toEqual({ ok: true, detail: 'no errors found' });
  });

  it.each(DISK_FORMATS)('%s: create makes the exact size and refuses to overwrite', async (format) => {
    const ref: DiskRef = { path: join(dir, `blank.${format}`), format };
    await tool.create(ref, SIZE);
    expect((await tool.info(ref)).virtualSizeBytes).toBe(SIZE);
    const e = await rejection(tool.create(ref, SIZE));
    expect(e.code).toBe('ALREADY_EXISTS');
    expect(e.message).toContain(ref.path);
  });

  it('refuses a size that is not whole sectors for a sector format', async () => {
    const e = await rejection(tool.create({ path: join(dir, 'odd.qcow2'), format: 'qcow2' }, 1_000_001));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(existsSync(join(dir, 'odd.qcow2'))).toBe(false);
  });

  it('compare says different for different virtual sizes', async () => {
    const other: DiskRef = { path: join(dir, 'bigger.raw'), format: 'raw' };
    await writeSparse(other.path, SIZE + 512, DATA.slice(0, 3));
    const c = await tool.compare(src, other);
    expect(c.identical).toBe(false);
    expect(c.detail).toContain('virtual sizes differ');
  });

  describe('errors name the file and quote qemu-img', () => {
    it('a missing file is NOT_FOUND', async () => {
      const missing = join(dir, 'missing.qcow2');
      for (const attempt of [
        () => tool.info({ path: missing, format: 'qcow2' }),
        () => tool.convert({ path: missing, format: 'qcow2' }, { path: join(dir, 'x.raw'), format: 'raw' }),
        () => tool.compare({ path: missing, format: 'qcow2' }, src),
      ]) {
        const e = await rejection(attempt());
        expect(e.code).toBe('NOT_FOUND');
        expect(e.message).toContain(`"${missing}"`);
        expect(e.message).toContain('No such file or directory');
      }
      expect(existsSync(join(dir, 'x.raw'))).toBe(false);
    });

    it('a file that is not in the given format is INVALID_ARGUMENT', async () => {
      const e = await rejection(tool.info({ path: src.path, format: 'qcow2' }));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain(`"${src.path}"`);
      expect(e.message).toContain('Image is not in qcow2 format');
      const v = await rejection(tool.check({ path: src.path, format: 'vdi' }));
      expect(v.code).toBe('INVALID_ARGUMENT');
      expect(v.message).toMatch(/Could not open '.*source\.raw': .*VDI/);
    });

    it('an unknown format is INVALID_ARGUMENT before qemu-img runs', async () => {
      const e = await rejection(tool.info({ path: src.path, format: 'iso' as DiskFormat }));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain(src.path);
    });

    it('a damaged qcow2 is refused before conversion and leaves no output', async () => {
      // Point the first L1 entry past the end of the file: qemu-img convert alone would read zeros.
      const bad = join(dir, 'damaged.qcow2');
      await copyFile(converted('qcow2').path, bad);
      const fh = await open(bad, 'r+');
      const header = Buffer.alloc(48);
      await fh.read(header, 0, 48, 0);
      const entry = Buffer.alloc(8);
      entry.writeBigUInt64BE((1n << 63n) | 0x7fff_ffff_0000n);
      await fh.write(entry, 0, 8, Number(header.readBigUInt64BE(40)));
      await fh.close();

      const check = await tool.check({ path: bad, format: 'qcow2' });
      expect(check.ok).toBe(false);
      expect(check.detail).toMatch(/^\d+ corruptions: ERROR/);
      const out = join(dir, 'from-damaged.raw');
      const e = await rejection(tool.convert({ path: bad, format: 'qcow2' }, { path: out, format: 'raw' }));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain(`"${bad}" is a damaged qcow2 image`);
      expect(existsSync(out)).toBe(false);
    });

    it('an image that reads another file is refused', async () => {
      const overlay = join(dir, 'overlay.qcow2');
      execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', src.path, '-F', 'raw', overlay]);
      const e = await rejection(
        tool.convert({ path: overlay, format: 'qcow2' }, { path: join(dir, 'o.raw'), format: 'raw' }),
      );
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain(`refers to other files (${src.path})`);
    });

    it('a missing destination directory is NOT_FOUND naming it', async () => {
      const out = join(dir, 'no-such-dir', 'out.qcow2');
      const e = await rejection(tool.convert(src, { path: out, format: 'qcow2' }));
      expect(e.code).toBe('NOT_FOUND');
      expect(e.message).toContain(join(dir, 'no-such-dir'));
    });

    it('a missing binary is FAILED_PRECONDITION that says to install qemu-utils', async () => {
      const e = await rejection(new QemuImg({ binary: join(dir, 'no-qemu-img') }).info(src));
      expect(e.code).toBe('FAILED_PRECONDITION');
      expect(e.message).toContain('qemu-utils');
    });
  });

  describe('a large conversion', () => {
    const BIG = 256 * MiB;
    let big: DiskRef;

    beforeAll(async () => {
      big = { path: join(dir, 'big.raw'), format: 'raw' };
      // Data in three of every five 4 MiB pieces, the rest a hole.
      const regions: [number, number][] = [];
      for (let at = 0; at < BIG; at += 4 * MiB) if ((at / (4 * MiB)) % 5 < 3) regions.push([at, 4 * MiB]);
      await writeSparse(big.path, BIG, regions);
    });

    it('reports progress up to 1', async () => {
      const seen: number[] = [];
      const out: DiskRef = { path: join(dir, 'big.qcow2'), format: 'qcow2' };
      const r = await tool.convert(big, out, { onProgress: (f) => seen.push(f) });
      expect(r.bytes).toBe(BIG);
      expect(seen.length).toBeGreaterThan(10);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen.at(-1)).toBe(1);
      await rm(out.path);
    });

    it('cancelled mid-way kills qemu-img and leaves no output', async () => {
      const before = await readdir(dir);
      const out: DiskRef = { path: join(dir, 'cancelled.vmdk'), format: 'vmdk' };
      const ac = new AbortController();
      const seen: number[] = [];
      const e = await rejection(
        tool.convert(big, out, {
          signal: ac.signal,
          onProgress: (f) => {
            seen.push(f);
            if (f > 0) ac.abort();
          },
        }),
      );
      expect(e.code).toBe('CANCELLED');
      expect(e.message).toContain(out.path);
      expect(seen.some((f) => f > 0 && f < 1)).toBe(true);
      expect(await readdir(dir)).toEqual(before);
    });

    it('an already aborted signal starts nothing', async () => {
      const e = await rejection(
        tool.convert(big, { path: join(dir, 'never.raw'), format: 'raw' }, { signal: AbortSignal.abort() }),
      );
      expect(e.code).toBe('CANCELLED');
      expect(existsSync(join(dir, 'never.raw'))).toBe(false);
    });
  });
});
