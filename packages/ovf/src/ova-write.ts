import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { ReservoirError } from '@reservoir/runtime';
import { digestBytes, digestFile, type Digested } from './digests.js';
import type { OvfPackageFile } from './package.js';

/** A file to put in an OVA: its name in the package and its bytes, or the path to read them from. */
export interface OvaFile {
  name: string;
  source: string | Uint8Array;
}

/**
 * Writes an OVA at `path` (`<base>.ova`): `<base>.ovf`, then `<base>.mf` with a SHA-256 line for the
 * descriptor and every file, then the files in the given order (give them in References order). Files
 * are hashed in a first pass so that the manifest can precede them; nothing is held in memory, and
 * the archive appears at `path` only once complete.
 */
export async function writeOvaPackage(
  path: string,
  descriptor: string,
  files: OvaFile[],
): Promise<{ files: OvfPackageFile[]; manifest: string }> {
  const base = basename(path).replace(/\.ova$/i, '');
  const descriptorName = `${base}.ovf`;
  const mfName = `${base}.mf`;
  const names = [descriptorName, mfName, ...files.map((f) => f.name)];
  const bad = names.filter(
    (n, i) => names.indexOf(n) !== i || !/^[^/\\]+$/.test(n) || n === '..' || n === '.',
  );
  if (bad.length > 0) {
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `OVA member names must be unique plain file names: ${bad.join(', ')}`,
    );
  }

  const descriptorBytes = Buffer.from(descriptor, 'utf8');
  const digested: [string, Digested][] = [[descriptorName, digestBytes(descriptorBytes, ['SHA256'])]];
  for (const f of files) {
    const d =
      typeof f.source === 'string'
        ? await digestFile(f.source, ['SHA256'])
        : digestBytes(f.source, ['SHA256']);
    digested.push([f.name, d]);
  }
  const manifest = digested.map(([name, d]) => `SHA256(${name})= ${d.digests.get('SHA256')}\n`).join('');

  const tmp = `${path}.partial`;
  const tar = pack();
  const written = pipeline(tar, createWriteStream(tmp));
  written.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  try {
    await addEntry(tar, descriptorName, descriptorBytes);
    await addEntry(tar, mfName, Buffer.from(manifest, 'utf8'));
    for (const [i, f] of files.entries()) {
      const size = digested[i + 1]?.[1].size ?? 0;
      if (typeof f.source === 'string') {
        await pipeline(createReadStream(f.source), tar.entry({ name: f.name, size, mode: 0o644 }));
      } else await addEntry(tar, f.name, f.source);
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
      { name: mfName, size: Buffer.byteLength(manifest) },
      ...digested.slice(1).map(([name, d]) => ({ name, size: d.size })),
    ],
    manifest,
  };
}

function addEntry(tar: ReturnType<typeof pack>, name: string, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    tar.entry({ name, size: data.byteLength, mode: 0o644 }, Buffer.from(data), (err) =>
      err ? reject(err) : resolve(),
    );
  });
}
