import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ReservoirError } from '@reservoir/runtime';
import { digestBytes, digestFile, type Digested } from './digests.js';
import { type ManifestAlgorithm, parseManifest } from './manifest.js';
import {
  manifestCheck,
  type OvfPackage,
  type OvfPackageFile,
  packageMember,
  referenceWarnings,
} from './package.js';
import { parseOvfDocument } from './parse-document.js';

/**
 * Reads a directory package: `path` is the .ovf, or a directory holding exactly one. The sibling
 * `<name>.mf`, if present, is checked by streaming each listed file through its hashes.
 */
export async function readOvfPackage(path: string): Promise<OvfPackage> {
  const descriptorPath = await descriptorOf(path);
  const dir = dirname(descriptorPath);
  const descriptorName = basename(descriptorPath);
  const bytes = await readFile(descriptorPath);
  const descriptor = bytes.toString('utf8');
  const document = parseOvfDocument(descriptor, descriptorPath);

  const base = descriptorName.replace(/\.ovf$/i, '');
  const files: OvfPackageFile[] = [{ name: descriptorName, size: bytes.byteLength }];
  const mfName = `${base}.mf`;
  const mfSize = await sizeOf(join(dir, mfName));
  if (mfSize !== null) files.push({ name: mfName, size: mfSize });
  const certSize = await sizeOf(join(dir, `${base}.cert`));
  if (certSize !== null) files.push({ name: `${base}.cert`, size: certSize });
  for (const ref of document.references) {
    const name = packageMember(ref.href);
    if (name === null || files.some((f) => f.name === name)) continue;
    const size = await sizeOf(join(dir, name));
    if (size !== null) files.push({ name, size });
  }
  const warnings = referenceWarnings(document, files, descriptorPath, false);

  let checked: ReturnType<typeof manifestCheck> | null = null;
  if (mfSize !== null) {
    const mfText = await readFile(join(dir, mfName), 'utf8');
    const digests = await digestListed(dir, mfText, descriptorName, bytes);
    checked = manifestCheck(
      mfName,
      mfText,
      (file, alg) => digests.get(file)?.digests.get(alg),
      join(dir, mfName),
    );
  }
  return {
    kind: 'directory',
    path: descriptorPath,
    descriptorName,
    descriptor,
    document,
    files,
    manifest: checked?.manifest ?? null,
    problems: checked?.problems ?? [],
    warnings,
  };
}

async function descriptorOf(path: string): Promise<string> {
  const s = await stat(path).catch(() => null);
  if (s === null) throw new ReservoirError('NOT_FOUND', `${path}: no such file or directory`);
  if (!s.isDirectory()) return path;
  const ovfs = (await readdir(path)).filter((n) => /\.ovf$/i.test(n)).sort();
  if (ovfs.length === 1 && ovfs[0] !== undefined) return join(path, ovfs[0]);
  throw new ReservoirError(
    'INVALID_ARGUMENT',
    ovfs.length === 0
      ? `${path}: no .ovf descriptor in the directory`
      : `${path}: several .ovf descriptors (${ovfs.join(', ')}); name one`,
  );
}

/** Digests of every file the manifest lists that lies inside the package directory. */
async function digestListed(
  dir: string,
  mfText: string,
  descriptorName: string,
  descriptor: Uint8Array,
): Promise<Map<string, Digested>> {
  const wanted = new Map<string, ManifestAlgorithm[]>();
  for (const e of parseManifest(mfText).entries)
    wanted.set(e.file, [...(wanted.get(e.file) ?? []), e.algorithm]);
  const out = new Map<string, Digested>();
  for (const [file, algorithms] of wanted) {
    if (file === descriptorName) {
      out.set(file, digestBytes(descriptor, algorithms));
      continue;
    }
    const member = packageMember(file);
    if (member === null || (await sizeOf(join(dir, member))) === null) continue;
    out.set(file, await digestFile(join(dir, member), algorithms));
  }
  return out;
}

async function sizeOf(path: string): Promise<number | null> {
  const s = await stat(path).catch(() => null);
  return s !== null && s.isFile() ? s.size : null;
}
