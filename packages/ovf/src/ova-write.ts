import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { ReservoirError } from '@reservoir/runtime';
import { digestBytes, digestStream, type Digested } from './digests.js';
import type { ManifestAlgorithm } from './manifest.js';
import type { OvfPackageFile } from './package.js';

/** `size` bytes of the file at `path` from byte `start` (a member of another archive, say). */
export interface OvaFileRange {
  path: string;
  start: number;
  size: number;
}

/** A file to put in an OVA: its name in the package and its bytes, a path to read them from, or a byte range. */
export interface OvaFile {
  name: string;
  source: string | Uint8Array | OvaFileRange;
}

/** Manifest algorithms a writer may use: SHA-1 is read but never written. */
export type StrongManifestAlgorithm = Exclude<ManifestAlgorithm, 'SHA1'>;

export interface OvaWriteOptions {
  /** Base name of the `.ovf`, `.mf` and `.cert` members; by default the `.ova` file's. */
  base?: string;
  /** Digest algorithm of the manifest lines; SHA256 by default. */
  algorithm?: StrongManifestAlgorithm;
  /** Signs the manifest: returns the `.cert` text, written right after the `.mf` (see signature.ts). */
  certificate?: (manifest: Buffer, manifestName: string) => string;
}

/** One manifest line in the OVF tool's spelling, `SHA256(name)= hex`. */
export function manifestLine(algorithm: ManifestAlgorithm, name: string, hex: string): string {
  return `${algorithm}(${name})= ${hex}\n`;
}

/**
 * The manifest of a descriptor and files: one line per file, descriptor first. Files are hashed
 * by streaming; the sizes come back in the same order as `files`.
 */
export async function digestManifest(
  descriptorName: string,
  descriptor: Uint8Array,
  files: readonly OvaFile[],
  algorithm: StrongManifestAlgorithm = 'SHA256',
): Promise<{ manifest: string; sizes: number[] }> {
  const digested: [string, Digested][] = [[descriptorName, digestBytes(descriptor, [algorithm])]];
  for (const f of files) {
    const d =
      f.source instanceof Uint8Array
        ? digestBytes(f.source, [algorithm])
        : await digestStream(openSource(f.source), [algorithm]);
    digested.push([f.name, d]);
  }
  return {
    manifest: digested
      .map(([name, d]) => manifestLine(algorithm, name, d.digests.get(algorithm) ?? ''))
      .join(''),
    sizes: digested.slice(1).map(([, d]) => d.size),
  };
}

/**
 * Writes an OVA at `path` (`<base>.ova`): `<base>.ovf`, then `<base>.mf` with a SHA-256 (or the
 * given algorithm's) line for the descriptor and every file, then `<base>.cert` when the manifest is
 * signed, then the files in the given order (give them in References order). Files are hashed in a
 * first pass so that the manifest can precede them; nothing is held in memory, and the archive
 * appears at `path` only once complete (so a source may be a range of the archive being replaced).
 */
export async function writeOvaPackage(
  path: string,
  descriptor: string | Uint8Array,
  files: OvaFile[],
  options: OvaWriteOptions = {},
): Promise<{ files: OvfPackageFile[]; manifest: string }> {
  const base = options.base ?? basename(path).replace(/\.ova$/i, '');
  const descriptorName = `${base}.ovf`;
  const mfName = `${base}.mf`;
  const certName = `${base}.cert`;
  const names = [
    descriptorName,
    mfName,
    ...(options.certificate ? [certName] : []),
    ...files.map((f) => f.name),
  ];
  const bad = names.filter(
    (n, i) => names.indexOf(n) !== i || !/^[^/\\]+$/.test(n) || n === '..' || n === '.',
  );
  if (bad.length > 0) {
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `OVA member names must be unique plain file names: ${bad.join(', ')}`,
    );
  }

  const descriptorBytes = typeof descriptor === 'string' ? Buffer.from(descriptor, 'utf8') : descriptor;
  const { manifest, sizes } = await digestManifest(descriptorName, descriptorBytes, files, options.algorithm);
  const manifestBytes = Buffer.from(manifest, 'utf8');
  const cert = options.certificate ? Buffer.from(options.certificate(manifestBytes, mfName), 'utf8') : null;

  const tmp = `${path}.partial`;
  const tar = pack();
  const written = pipeline(tar, createWriteStream(tmp));
  written.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  try {
    await addEntry(tar, descriptorName, descriptorBytes);
    await addEntry(tar, mfName, manifestBytes);
    if (cert !== null) await addEntry(tar, certName, cert);
    for (const [i, f] of files.entries()) {
      const size = sizes[i] ?? 0;
      if (f.source instanceof Uint8Array) await addEntry(tar, f.name, f.source);
      else await pipeline(openSource(f.source), tar.entry({ name: f.name, size, mode: 0o644 }));
    }
    tar.finalize();
    await written;
    await rename(tmp, path);
  } catch (e) {
    tar.destroy();
    await written.catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
  return {
    files: [
      { name: descriptorName, size: descriptorBytes.byteLength },
      { name: mfName, size: manifestBytes.byteLength },
      ...(cert === null ? [] : [{ name: certName, size: cert.byteLength }]),
      ...files.map((f, i) => ({ name: f.name, size: sizes[i] ?? 0 })),
    ],
    manifest,
  };
}

function openSource(source: string | OvaFileRange): Readable {
  if (typeof source === 'string') return createReadStream(source);
  // createReadStream's `end` is inclusive, so an empty range cannot be expressed with it.
  if (source.size === 0) return Readable.from([]);
  return createReadStream(source.path, { start: source.start, end: source.start + source.size - 1 });
}

function addEntry(tar: ReturnType<typeof pack>, name: string, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    tar.entry({ name, size: data.byteLength, mode: 0o644 }, Buffer.from(data), (err) =>
      err ? reject(err) : resolve(),
    );
  });
}
