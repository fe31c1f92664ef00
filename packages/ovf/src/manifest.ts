import { createHash } from 'node:crypto';

export interface ManifestProblem {
  file: string;
  kind: 'mismatch' | 'missing' | 'malformed';
  line: number;
  detail: string;
}

const ALGORITHMS: Record<string, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

// `SHA1(name)= hex`, also the BSD-tag form `SHA1 (name) = hex`; the name runs to the last `)` before `=`.
const LINE = /^(SHA1|SHA256|SHA512)\s*\((.*)\)\s*=\s*([0-9a-fA-F]+)$/;

/** Checks every `.mf` line against the given file contents; returns mismatches, missing files and bad lines. */
export function verifyManifest(mfText: string, files: Map<string, Uint8Array>): ManifestProblem[] {
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
    const [, alg, file, expected] = m;
    const content = files.get(file);
    if (content === undefined) {
      problems.push({
        file,
        kind: 'missing',
        line,
        detail: `${file} is listed in the manifest but not present`,
      });
      return;
    }
    const actual = createHash(ALGORITHMS[alg] ?? 'sha256')
      .update(content)
      .digest('hex');
    if (actual !== expected.toLowerCase()) {
      problems.push({
        file,
        kind: 'mismatch',
        line,
        detail: `${alg}(${file}) is ${actual}, manifest says ${expected}`,
      });
    }
  });
  return problems;
}
