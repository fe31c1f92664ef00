import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { ReservoirError } from '@reservoir/runtime';
import { ALL_ALGORITHMS, asBytes, digestBytes, digestStream, type Digested } from './digests.js';
import type { ManifestAlgorithm } from './manifest.js';
import { parseManifest } from './manifest.js';
import { manifestCheck, type OvfPackage, type OvfPackageFile, referenceWarnings } from './package.js';
import { parseOvfDocument } from './parse-document.js';

const isDescriptor = (name: string) => /\.ovf$/i.test(name);
const isManifest = (name: string) => /\.mf$/i.test(name);
const isCertificate = (name: string) => /\.cert$/i.test(name);

interface TarScan {
  files: OvfPackageFile[];
  digests: Map<string, Digested>;
  descriptor: { name: string; text: string } | null;
  manifests: { name: string; text: string }[];
}

/**
 * Reads an OVA: parses the descriptor, lists the entries and checks the manifest, streaming every
 * other entry through the hashes so that disks of any size are never held in memory. Warns when
 * the descriptor is not the first entry or the .mf neither follows it nor ends the archive
 * (DSP0243 §5.3), and accepts the sloppy variants (gzip-compressed tar, bare XML) with a warning.
 * An unreadable archive or one without a descriptor throws INVALID_ARGUMENT.
 */
export async function readOvaPackage(path: string): Promise<OvfPackage> {
  const warnings: string[] = [];
  const magic = await sniff(path);
  if (magic === 'xml') {
    warnings.push(`${path}: an XML descriptor, not a tar archive`);
    const text = await readAll(createReadStream(path));
    const descriptorName = basename(path);
    const document = parseOvfDocument(text.toString('utf8'), path);
    const files = [{ name: descriptorName, size: text.byteLength }];
    return {
      kind: 'ova',
      path,
      descriptorName,
      descriptor: text.toString('utf8'),
      document,
      files,
      manifest: null,
      problems: [],
      warnings,
    };
  }
  let input: Readable = createReadStream(path);
  if (magic === 'gzip') {
    warnings.push(`${path}: gzip-compressed; OVF requires a plain tar archive`);
    input = input.pipe(createGunzip());
  }
  const scan = await scanTar(path, input);
  if (scan.descriptor === null) {
    throw new ReservoirError('INVALID_ARGUMENT', `${path}: no .ovf descriptor in the archive`);
  }
  const { descriptor } = scan;
  const label = `${path}/${descriptor.name}`;
  const document = parseOvfDocument(descriptor.text, label);
  warnings.push(...orderWarnings(path, scan.files, descriptor.name));
  warnings.push(...referenceWarnings(document, scan.files, path, true));

  const base = descriptor.name.replace(/\.ovf$/i, '');
  const mf = scan.manifests.find((m) => m.name.replace(/\.mf$/i, '') === base) ?? scan.manifests[0];
  if (scan.manifests.length > 1) warnings.push(`${path}: several manifests; checking ${mf?.name}`);
  const checked =
    mf === undefined
      ? null
      : manifestCheck(
          mf.name,
          mf.text,
          (file, alg) => scan.digests.get(file)?.digests.get(alg),
          `${path}/${mf.name}`,
        );
  return {
    kind: 'ova',
    path,
    descriptorName: descriptor.name,
    descriptor: descriptor.text,
    document,
    files: scan.files,
    manifest: checked?.manifest ?? null,
    problems: checked?.problems ?? [],
    warnings,
  };
}

async function scanTar(path: string, input: Readable): Promise<TarScan> {
  const scan: TarScan = { files: [], digests: new Map(), descriptor: null, manifests: [] };
  // Before the manifest is seen every algorithm is computed; after it, only the ones it lists.
  let wanted: Map<string, ManifestAlgorithm[]> | null = null;
  const tar = extract();
  const piping = pipeline(input, tar);
  piping.catch(() => undefined); // the loop below reports the same error
  try {
    for await (const entry of tar) {
      const { header } = entry;
      if (header.type !== 'file' && header.type !== 'contiguous-file') {
        entry.resume();
        continue;
      }
      const name = header.name.replace(/^(\.\/)+/, '');
      const small = isDescriptor(name) || isManifest(name) || isCertificate(name);
      let digested: Digested;
      if (small) {
        const data = await readAll(entry);
        digested = digestBytes(data, ALL_ALGORITHMS);
        const text = data.toString('utf8');
        if (isDescriptor(name) && scan.descriptor === null) scan.descriptor = { name, text };
        if (isManifest(name)) {
          scan.manifests.push({ name, text });
          wanted = algorithmsByFile(text);
        }
      } else {
        digested = await digestStream(entry, wanted === null ? ALL_ALGORITHMS : (wanted.get(name) ?? []));
      }
      scan.files.push({ name, size: digested.size });
      scan.digests.set(name, digested);
    }
    await piping;
  } catch (e) {
    if (e instanceof ReservoirError) throw e;
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `${path}: not a readable tar archive (${(e as Error).message})`,
    );
  }
  return scan;
}

function algorithmsByFile(mfText: string): Map<string, ManifestAlgorithm[]> {
  const out = new Map<string, ManifestAlgorithm[]>();
  for (const e of parseManifest(mfText).entries) out.set(e.file, [...(out.get(e.file) ?? []), e.algorithm]);
  return out;
}

/** DSP0243: the descriptor first; .mf and .cert right after it or at the very end. */
function orderWarnings(path: string, files: OvfPackageFile[], descriptorName: string): string[] {
  const warnings: string[] = [];
  const names = files.map((f) => f.name);
  const at = names.indexOf(descriptorName);
  if (at !== 0)
    warnings.push(`${path}: descriptor ${descriptorName} is entry ${at + 1}; OVF requires it first`);
  const signing = (n: string) => isManifest(n) || isCertificate(n);
  const rest = names.filter((_, i) => i !== at);
  const leading = rest.findIndex((n) => !signing(n));
  const head = leading === -1 ? rest.length : leading;
  let tail = rest.length;
  while (tail > head && signing(rest[tail - 1] ?? '')) tail--;
  for (const n of rest.slice(head, tail)) {
    if (signing(n))
      warnings.push(`${path}: ${n} is neither right after the descriptor nor at the end of the archive`);
  }
  return warnings;
}

async function sniff(path: string): Promise<'gzip' | 'xml' | 'tar'> {
  const fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new ReservoirError('NOT_FOUND', `${path}: no such file`);
    throw new ReservoirError('INVALID_ARGUMENT', `${path}: ${e.message}`);
  });
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(64), 0, 64, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
    if (/^(\uFEFF)?\s*</.test(head.toString('utf8'))) return 'xml';
    return 'tar';
  } finally {
    await fh.close();
  }
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(asBytes(c)));
  return Buffer.concat(chunks);
}
