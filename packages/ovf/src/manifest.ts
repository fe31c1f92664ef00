import { createHash } from 'node:crypto';

export interface ManifestProblem {
  file: string;
  kind: 'mismatch' | 'missing' | 'malformed';
  line: number;
  detail: string;
}

export type ManifestAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface ManifestEntry {
  algorithm: ManifestAlgorithm;
  file: string;
  digest: string;
  line: number;
}

/** Node's hash name for a manifest algorithm. */
export const HASH_OF: Record<ManifestAlgorithm, string> = {
  SHA1: 'sha1',
  SHA256: 'sha256',
  SHA512: 'sha512',
};

// `SHA1(name)= hex`, also the BSD-tag form `SHA1 (name) = hex`; the name runs to the last `)` before `=`.
const LINE = /^(SHA1|SHA256|SHA512)\s*\((.*)\)\s*=\s*([0-9a-fA-F]+)$/;

/** The digest lines of a `.mf`, and a `malformed` problem for each line that is not one. */
export function parseManifest(mfText: string): { entries: ManifestEntry[]; problems: ManifestProblem[] } {
  const entries: ManifestEntry[] = [];
  const problems: ManifestProblem[] = [];
  mfText.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.trim();
    const line = index + 1;
    if (text === '') return;
    const m = LINE.exec(text);
    if (m === null || m[1] === undefined || m[2] === undefined || m[3] === undefined) {
      problems.push({ file: '', kind: 'malformed', line, detail: `unrecognised manifest line "${text}"` });
      return;
    }
    entries.push({ algorithm: m[1] as ManifestAlgorithm, file: m[2], digest: m[3].toLowerCase(), line });
  });
  return { entries, problems };
}

/**
 * Checks every `.mf` line against digests computed elsewhere (streamed packages): `digestOf` gives the
 * lower-case hex digest of a file, or undefined when the package has no such file.
 */
export function checkManifest(
  mfText: string,
  digestOf: (file: string, algorithm: ManifestAlgorithm) => string | undefined,
): ManifestProblem[] {
  const { entries, problems } = parseManifest(mfText);
  for (const { algorithm, file, digest, line } of entries) {
    const actual = digestOf(file, algorithm);
    if (actual === undefined) {
      problems.push({
        file,
        kind: 'missing',
        line,
        detail: `${file} is listed in the manifest but not present`,
      });
    } else if (actual !== digest) {
      problems.push({
        file,
        kind: 'mismatch',
        line,
        detail: `${algorithm}(${file}) is ${actual}, manifest says ${digest}`,
      });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** Checks every `.mf` line against the given file contents; returns mismatches, missing files and bad lines. */
export function verifyManifest(mfText: string, files: Map<string, Uint8Array>): ManifestProblem[] {
  return checkManifest(mfText, (file, algorithm) => {
    const content = files.get(file);
    return content === undefined ? undefined : createHash(HASH_OF[algorithm]).update(content).digest('hex');
  });
}
