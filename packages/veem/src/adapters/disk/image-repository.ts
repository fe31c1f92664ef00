import { createHash, randomBytes, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { ReservoirError, errors, isReservoirError } from '@reservoir/runtime';
import type { ImageFiles, ImageWriter, StoredImage } from '../../app/disk-tool.js';
import { CHECKSUM, DISK_FORMATS, type DiskFormat } from '../../domain/image.js';

// One file per image: <dir>/<imageId>.<format>. Everything is written to a temporary name in
// the same directory, made durable, then renamed, so a crash leaves either the old file or the
// new one plus a temporary that sweepTemp() removes.

const IMAGE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const READ_CHUNK = 1 << 20;
/** Zero blocks of this size are skipped rather than written, so sparse disks stay sparse. */
const BLOCK = 4096;
const ZERO_BLOCK = Buffer.alloc(BLOCK);

/** A temporary name beside `base` in the same directory: hidden, and recognised by sweepTemp(). */
export function tempName(base: string): string {
  return `.${base}.${randomBytes(6).toString('hex')}.part`;
}

export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.part');
}

/** fsync on a directory makes a rename in it durable. */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export class ImageRepository implements ImageFiles {
  private dirReady: Promise<void> | undefined;
  /** Temporary names being written by this process, which sweepTemp() leaves alone. */
  private readonly active = new Set<string>();

  constructor(readonly dir: string) {}

  pathOf(imageId: string, format: DiskFormat): string {
    if (!IMAGE_ID.test(imageId)) throw errors.invalid('imageId', `"${imageId}" is not a valid image id`);
    if (!(DISK_FORMATS as readonly string[]).includes(format)) {
      throw errors.invalid('format', `"${format}" is not one of ${DISK_FORMATS.join(', ')}`);
    }
    return join(this.dir, `${imageId}.${format}`);
  }

  async has(imageId: string, format: DiskFormat): Promise<boolean> {
    const s = await stat(this.pathOf(imageId, format)).catch(() => undefined);
    return s?.isFile() ?? false;
  }

  async importFile(
    imageId: string,
    format: DiskFormat,
    srcPath: string,
    expectedSha256?: string,
  ): Promise<StoredImage> {
    const src = await open(srcPath, 'r').catch((e: unknown) => {
      throw fileError(e, srcPath, 'image source file');
    });
    let writer: Writer | undefined;
    try {
      writer = await this.writer(imageId, format, expectedSha256);
      for await (const chunk of src.createReadStream({ highWaterMark: READ_CHUNK, autoClose: false })) {
        await writer.write(chunk as Buffer);
      }
      return await writer.commit();
    } catch (e) {
      await writer?.abort();
      throw isReservoirError(e) ? e : fileError(e, srcPath, 'image source file');
    } finally {
      await src.close();
    }
  }

  openWriter(imageId: string, format: DiskFormat, expectedSha256: string): Promise<ImageWriter> {
    return this.writer(imageId, format, expectedSha256);
  }

  async *readChunks(imageId: string, format: DiskFormat, chunkBytes: number): AsyncIterable<Buffer> {
    if (!Number.isInteger(chunkBytes) || chunkBytes <= 0) {
      throw errors.invalid('chunkBytes', `must be a positive integer, not ${chunkBytes}`);
    }
    const path = this.pathOf(imageId, format);
    const fh = await open(path, 'r').catch((e: unknown) => {
      throw fileError(e, path, `image ${imageId} (${format})`);
    });
    try {
      for (let position = 0; ;) {
        // A fresh buffer per chunk: the consumer may still hold the previous one (a gRPC write queue).
        const buf = Buffer.allocUnsafeSlow(chunkBytes);
        const { bytesRead } = await fh.read(buf, 0, chunkBytes, position);
        if (bytesRead === 0) return;
        position += bytesRead;
        yield bytesRead === chunkBytes ? buf : Buffer.from(buf.subarray(0, bytesRead));
      }
    } finally {
      await fh.close();
    }
  }

  async sha256(path: string): Promise<string> {
    const hash = createHash('sha256');
    try {
      for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK })) {
        hash.update(chunk as Buffer);
      }
    } catch (e) {
      throw fileError(e, path, 'file');
    }
    return `sha256:${hash.digest('hex')}`;
  }

  async remove(imageId: string, format: DiskFormat): Promise<void> {
    await rm(this.pathOf(imageId, format), { force: true });
  }

  async sweepTemp(): Promise<string[]> {
    await this.ensureDir();
    const stale = (await readdir(this.dir)).filter((n) => isTempName(n) && !this.active.has(n));
    // Recursive: a conversion's partial output is a directory (see QemuImg.convert).
    await Promise.all(stale.map((n) => rm(join(this.dir, n), { recursive: true, force: true })));
    return stale;
  }

  private ensureDir(): Promise<void> {
    this.dirReady ??= mkdir(this.dir, { recursive: true }).then(
      () => undefined,
      (e: unknown) => {
        this.dirReady = undefined; // try again next time
        throw fileError(e, this.dir, 'image directory');
      },
    );
    return this.dirReady;
  }

  private async writer(imageId: string, format: DiskFormat, expected: string | undefined): Promise<Writer> {
    const path = this.pathOf(imageId, format);
    if (expected !== undefined && !CHECKSUM.test(expected)) {
      throw errors.invalid('sha256', `"${expected}" is not "sha256:<64 lowercase hex>"`);
    }
    await this.ensureDir();
    const name = tempName(`${imageId}.${format}`);
    const fh = await open(join(this.dir, name), 'wx').catch((e: unknown) => {
      throw fileError(e, join(this.dir, name), 'temporary image file');
    });
    this.active.add(name);
    return new Writer(
      fh,
      join(this.dir, name),
      path,
      this.dir,
      expected,
      `image ${imageId} (${format})`,
      () => this.active.delete(name),
    );
  }
}

class Writer implements ImageWriter {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  /** Writes run one after another; a failed one fails every later call. */
  private tail: Promise<void> = Promise.resolve();
  private state: 'open' | 'committing' | 'done' = 'open';

  constructor(
    private readonly fh: FileHandle,
    private readonly tempPath: string,
    private readonly finalPath: string,
    private readonly dir: string,
    private readonly expected: string | undefined,
    private readonly what: string,
    private readonly release: () => void,
  ) {}

  write(chunk: Uint8Array): Promise<void> {
    if (this.state !== 'open') return Promise.reject(errors.precondition(`${this.what}: writer is closed`));
    const position = this.bytes;
    this.bytes += chunk.byteLength;
    this.hash.update(chunk);
    this.tail = this.tail.then(() => writeSparse(this.fh, chunk, position));
    return this.tail;
  }

  async commit(): Promise<StoredImage> {
    if (this.state !== 'open') throw errors.precondition(`${this.what}: writer is closed`);
    this.state = 'committing';
    try {
      await this.tail;
      const sha256 = `sha256:${this.hash.digest('hex')}`;
      if (this.expected !== undefined && sha256 !== this.expected) {
        throw new ReservoirError(
          'INVALID_ARGUMENT',
          `${this.what}: received content has digest ${sha256}, expected ${this.expected}; nothing was stored`,
          { field: 'sha256' },
        );
      }
      // Trailing zeros were skipped: the length makes them a hole.
      await this.fh.truncate(this.bytes);
      await this.fh.sync();
      await this.fh.close();
      await rename(this.tempPath, this.finalPath);
      await syncDir(this.dir);
      this.state = 'done';
      this.release();
      return { sha256, bytes: this.bytes };
    } catch (e) {
      await this.abort();
      throw e;
    }
  }

  async abort(): Promise<void> {
    if (this.state === 'done') return;
    this.state = 'done';
    await this.tail.catch(() => undefined);
    await this.fh.close().catch(() => undefined);
    await rm(this.tempPath, { force: true });
    this.release();
  }
}

/** Writes chunk at position, skipping file-system blocks that are all zero. */
async function writeSparse(fh: FileHandle, chunk: Uint8Array, position: number): Promise<void> {
  const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  let start = -1; // start of the pending run of non-zero blocks
  let at = 0;
  while (at < buf.length) {
    // Blocks are aligned to the file, not to the chunk, so holes line up with the file system's.
    const end = Math.min(buf.length, at + BLOCK - ((position + at) % BLOCK));
    const zero = buf.subarray(at, end).equals(ZERO_BLOCK.subarray(0, end - at));
    if (!zero && start < 0) start = at;
    if (zero && start >= 0) {
      await writeAll(fh, buf.subarray(start, at), position + start);
      start = -1;
    }
    at = end;
  }
  if (start >= 0) await writeAll(fh, buf.subarray(start), position + start);
}

async function writeAll(fh: FileHandle, buf: Buffer, position: number): Promise<void> {
  for (let done = 0; done < buf.length;) {
    const { bytesWritten } = await fh.write(buf, done, buf.length - done, position + done);
    done += bytesWritten;
  }
}

function fileError(e: unknown, path: string, what: string): ReservoirError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ReservoirError('NOT_FOUND', `${what} "${path}" not found`, { cause: e });
  if (code === 'EISDIR') return errors.invalid('path', `${what} "${path}" is a directory`);
  return new ReservoirError('INTERNAL', `${what} "${path}": ${(e as Error).message}`, { cause: e });
}
