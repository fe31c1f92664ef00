import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { HASH_OF, type ManifestAlgorithm } from './manifest.js';

export const ALL_ALGORITHMS: ManifestAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

export interface Digested {
  size: number;
  /** Lower-case hex digest per algorithm. */
  digests: Map<ManifestAlgorithm, string>;
}

/** Hashes a stream once for several algorithms, without holding it in memory. */
export async function digestStream(
  chunks: AsyncIterable<unknown>,
  algorithms: readonly ManifestAlgorithm[],
): Promise<Digested> {
  const hashes = algorithms.map((a) => [a, createHash(HASH_OF[a])] as [ManifestAlgorithm, Hash]);
  let size = 0;
  for await (const chunk of chunks) {
    const data = asBytes(chunk);
    size += data.byteLength;
    for (const [, h] of hashes) h.update(data);
  }
  return { size, digests: new Map(hashes.map(([a, h]) => [a, h.digest('hex')])) };
}

export function digestBytes(data: Uint8Array, algorithms: readonly ManifestAlgorithm[]): Digested {
  return {
    size: data.byteLength,
    digests: new Map(algorithms.map((a) => [a, createHash(HASH_OF[a]).update(data).digest('hex')])),
  };
}

export function digestFile(path: string, algorithms: readonly ManifestAlgorithm[]): Promise<Digested> {
  return digestStream(createReadStream(path), algorithms);
}

/** A stream chunk as bytes (streamx and Node streams type their chunks loosely). */
export function asBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new TypeError(`unexpected stream chunk ${typeof chunk}`);
}
