// An OVF package (DSP0243 §5): the descriptor, an optional .mf manifest and the files its
// References name, either as a directory or as one OVA tar. What both readers share lives here.
import { posix } from 'node:path';
import type { OvfDocument } from './document.js';
import { checkManifest, type ManifestAlgorithm, type ManifestProblem, parseManifest } from './manifest.js';

export interface OvfPackageFile {
  name: string;
  size: number;
}

export interface OvfManifestCheck {
  /** Name of the .mf in the package. */
  name: string;
  /** Algorithms its lines use. */
  algorithms: ManifestAlgorithm[];
  /** Empty when every listed digest matches. */
  problems: ManifestProblem[];
}

export interface OvfPackage {
  kind: 'ova' | 'directory';
  /** The .ova file, or the package's .ovf file. */
  path: string;
  descriptorName: string;
  descriptor: string;
  document: OvfDocument;
  /** Files of the package with their sizes: OVA entries in tar order; for a directory the descriptor,
   * manifest, certificate and the referenced files that exist. */
  files: OvfPackageFile[];
  manifest: OvfManifestCheck | null;
  /** Manifest problems as located lines, "<package>/<name>.mf:<line>: <detail>". */
  problems: string[];
  /** Packaging issues (order, sizes, missing files) as "<package>: message"; descriptor warnings are in document.warnings. */
  warnings: string[];
}

/** A reference href that names a file inside the package (not a URL), normalized; else null. */
export function packageMember(href: string): string | null {
  if (href === '' || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) return null;
  const name = posix.normalize(decodeURIComponentSafe(href));
  return name.startsWith('..') ? null : name;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Warnings about referenced files: missing from the package, of another size than ovf:size says,
 * or (OVA only, `inOrder`) not in References order, which streaming importers rely on.
 */
export function referenceWarnings(
  doc: OvfDocument,
  files: OvfPackageFile[],
  label: string,
  inOrder: boolean,
): string[] {
  const warnings: string[] = [];
  const sizes = new Map(files.map((f) => [f.name, f.size]));
  const positions: number[] = [];
  for (const ref of doc.references) {
    const name = packageMember(ref.href);
    if (name === null) continue;
    const size = sizes.get(name);
    // A chunked file (ovf:chunkSize) is stored as name.000000000, name.000000001, ...
    const chunked = size === undefined && files.some((f) => f.name.startsWith(`${name}.0`));
    if (size === undefined && !chunked) {
      warnings.push(`${label}: File "${ref.id}" (${name}) is not in the package`);
      continue;
    }
    if (size !== undefined && ref.size !== null && ref.size !== size)
      warnings.push(`${label}: File "${ref.id}" (${name}) has ${size} bytes, ovf:size says ${ref.size}`);
    positions.push(files.findIndex((f) => f.name === name || f.name.startsWith(`${name}.0`)));
  }
  if (inOrder && positions.some((p, i) => i > 0 && p < (positions[i - 1] ?? 0)))
    warnings.push(`${label}: files are not in References order`);
  return warnings;
}

/** Checks a manifest against digests of the package's files and formats its problems. */
export function manifestCheck(
  name: string,
  text: string,
  digestOf: (file: string, algorithm: ManifestAlgorithm) => string | undefined,
  label: string,
): { manifest: OvfManifestCheck; problems: string[] } {
  const problems = checkManifest(text, digestOf);
  const algorithms = [...new Set(parseManifest(text).entries.map((e) => e.algorithm))];
  return {
    manifest: { name, algorithms, problems },
    problems: problems.map((p) => `${label}:${p.line}: ${p.detail}`),
  };
}
