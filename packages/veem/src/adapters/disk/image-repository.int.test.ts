import { createCipheriv, createHash } from 'node:crypto';
import { mkdir, mkdtemp, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isReservoirError, type ReservoirError } from '@reservoir/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageRepository } from './image-repository.js';
import { QemuImg } from './qemu-img.js';

const MiB = 1024 * 1024;

function pseudoRandom(seed: string, bytes: number): Buffer {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(bytes));
}

const digest = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

async function rejection(p: Promise<unknown>): Promise<ReservoirError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isReservoirError(e)) throw new Error(`expected a ReservoirError, got ${String(e)}`);
  return e;
}

describe('ImageRepository on a real directory', () => {
  let root: string;
  let repo: ImageRepository;
  let repoDir: string;
  /** 4 MiB: data, a 2 MiB hole, data; a sparse disk as qemu-img writes it. */
  let content: Buffer;
  let srcPath: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'reservoir-images-'));
    repoDir = join(root, 'not', 'yet', 'there');
    repo = new ImageRepository(repoDir);
    content = Buffer.concat([pseudoRandom('a', MiB), Buffer.alloc(2 * MiB), pseudoRandom('b', MiB - 100)]);
    srcPath = join(root, 'source.raw');
    await writeFile(srcPath, content);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const leftovers = async () => (await readdir(repoDir)).filter((n) => n.startsWith('.'));

  it('imports a file with the right digest, keeping holes as holes', async () => {
    const stored = await repo.importFile('img-a', 'raw', srcPath, digest(content));
    expect(stored).toEqual({ sha256: digest(content), bytes: content.length });
    const path = repo.pathOf('img-a', 'raw');
    expect(path).toBe(join(repoDir, 'img-a.raw'));
    expect(await repo.has('img-a', 'raw')).toBe(true);
    expect(await repo.has('img-a', 'qcow2')).toBe(false);
    expect((await readFile(path)).equals(content)).toBe(true);
    expect(await repo.sha256(path)).toBe(digest(content));
    // The 2 MiB of zeros were not written (a margin for the file system's own allocation).
    expect((await stat(path)).blocks * 512).toBeLessThan(content.length - MiB);
    expect(await leftovers()).toEqual([]);
  });

  it('imports without a digest and answers the one it computed', async () => {
    expect(await repo.importFile('img-nodigest', 'raw', srcPath)).toEqual({
      sha256: digest(content),
      bytes: content.length,
    });
  });

  it('refuses a wrong digest naming both, and stores nothing', async () => {
    const wrong = `sha256:${'0'.repeat(64)}`;
    const e = await rejection(repo.importFile('img-b', 'raw', srcPath, wrong));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain(wrong);
    expect(e.message).toContain(digest(content));
    expect(await repo.has('img-b', 'raw')).toBe(false);
    expect(await leftovers()).toEqual([]);
  });

  it('a missing source is NOT_FOUND naming it', async () => {
    const missing = join(root, 'missing.qcow2');
    const e = await rejection(repo.importFile('img-c', 'qcow2', missing));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain(missing);
    expect(await leftovers()).toEqual([]);
  });

  it('refuses ids that could leave the directory, and malformed digests', async () => {
    for (const id of ['../x', '.hidden', 'a/b', '']) {
      expect(() => repo.pathOf(id, 'raw')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
    const e = await rejection(repo.openWriter('img-d', 'raw', 'md5:abc'));
    expect(e.code).toBe('INVALID_ARGUMENT');
  });

  it('receives an image in chunks and reads it back in chunks', async () => {
    const w = await repo.openWriter('img-stream', 'vmdk', digest(content));
    for (let at = 0; at < content.length; at += 100_003) await w.write(content.subarray(at, at + 100_003));
    expect(await w.commit()).toEqual({ sha256: digest(content), bytes: content.length });
    expect(await leftovers()).toEqual([]);

    const chunks: Buffer[] = [];
    for await (const c of repo.readChunks('img-stream', 'vmdk', 64 * 1024)) chunks.push(c);
    expect(chunks.slice(0, -1).every((c) => c.length === 64 * 1024)).toBe(true);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
    await expect(w.write(Buffer.from('late'))).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
  });

  it('a writer whose digest does not match stores nothing', async () => {
    const w = await repo.openWriter('img-e', 'qcow2', digest(content));
    await w.write(content.subarray(0, MiB));
    const e = await rejection(w.commit());
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain(digest(content.subarray(0, MiB)));
    expect(await repo.has('img-e', 'qcow2')).toBe(false);
    expect(await leftovers()).toEqual([]);
  });

  it('an aborted writer leaves nothing and keeps the image it would have replaced', async () => {
    const w = await repo.openWriter('img-a', 'raw', digest(Buffer.from('other')));
    await w.write(Buffer.from('other'));
    expect(await leftovers()).toHaveLength(1);
    await w.abort();
    await w.abort();
    expect(await leftovers()).toEqual([]);
    expect(await repo.sha256(repo.pathOf('img-a', 'raw'))).toBe(digest(content));
  });

  it('sweepTemp removes what a crash left, but not a writer still open', async () => {
    await writeFile(join(repoDir, '.img-f.raw.0123456789ab.part'), 'half a disk');
    // A conversion's partial output is a directory holding the file.
    await mkdir(join(repoDir, '.img-g.qcow2.0123456789ab.part'));
    await writeFile(join(repoDir, '.img-g.qcow2.0123456789ab.part', 'img-g.qcow2'), 'half a disk');
    const open = await repo.openWriter('img-h', 'raw', digest(Buffer.from('h')));
    await open.write(Buffer.from('h'));

    expect((await repo.sweepTemp()).sort()).toEqual([
      '.img-f.raw.0123456789ab.part',
      '.img-g.qcow2.0123456789ab.part',
    ]);
    expect(await leftovers()).toHaveLength(1);
    expect(await open.commit()).toMatchObject({ bytes: 1 });
    expect(await leftovers()).toEqual([]);
    expect(await repo.sweepTemp()).toEqual([]);
    expect(await repo.has('img-a', 'raw')).toBe(true);
  });

  it('remove is idempotent', async () => {
    await repo.remove('img-h', 'raw');
    await repo.remove('img-h', 'raw');
    expect(await repo.has('img-h', 'raw')).toBe(false);
  });

  it('reading a missing image is NOT_FOUND', async () => {
    const chunks = repo.readChunks('img-missing', 'raw', 1024)[Symbol.asyncIterator]();
    const e = await rejection(chunks.next());
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain(repo.pathOf('img-missing', 'raw'));
  });

  it('holds the output of a conversion, which qemu-img reads back identical', async () => {
    const tool = new QemuImg();
    const dst = { path: repo.pathOf('img-a', 'qcow2'), format: 'qcow2' as const };
    await tool.convert({ path: repo.pathOf('img-a', 'raw'), format: 'raw' }, dst);
    expect(await tool.compare({ path: srcPath, format: 'raw' }, dst)).toMatchObject({ identical: true });
    expect(await leftovers()).toEqual([]);
  });

  it('keeps memory bounded on a 256 MiB stream', async () => {
    const big = join(root, 'big.raw');
    const fh = await open(big, 'w');
    for (let at = 0; at < 256 * MiB; at += 8 * MiB)
      await fh.write(pseudoRandom(`big-${at}`, 4 * MiB), 0, 4 * MiB, at);
    await fh.truncate(256 * MiB);
    await fh.close();
    const rss0 = process.memoryUsage().rss;
    const stored = await repo.importFile('img-big', 'raw', big);
    let bytes = 0;
    for await (const c of repo.readChunks('img-big', 'raw', 4 * MiB)) bytes += c.length;
    expect(stored).toEqual({ sha256: await repo.sha256(big), bytes: 256 * MiB });
    expect(bytes).toBe(256 * MiB);
    expect(process.memoryUsage().rss - rss0).toBeLessThan(128 * MiB);
  });
});
