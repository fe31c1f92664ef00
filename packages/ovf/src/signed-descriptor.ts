// Admission of a descriptor that travelled without its package (a deploy request carries the
// descriptor text, the `.mf` and the `.cert`, not the disks): the same signature and trust rules
// as `verifyPackage`, applied to the descriptor's line of the manifest only.
import { createHash, type X509Certificate } from 'node:crypto';
import { HASH_OF, type ManifestAlgorithm, type ManifestEntry, parseManifest } from './manifest.js';
import { checkSignature, sha256, weakDigests } from './signature.js';
import { loadTrustStore, type TrustStoreInput } from './trust-store.js';

export interface SignedDescriptorInput {
  /** The descriptor's name in its package (`<base>.ovf`); the `.mf` and `.cert` are `<base>.mf`, `<base>.cert`. */
  descriptorName: string;
  /** The descriptor text, as it will be deployed. */
  descriptor: string;
  /** The package's `.mf` bytes; null when none came. */
  manifest: Uint8Array | null;
  /** The package's `.cert` bytes; null when none came. */
  certificate: Uint8Array | null;
  /** Trust anchors; none by default, so nothing signed is trusted. */
  trustStore?: TrustStoreInput;
  /** Refuse a descriptor without a manifest and signature, and SHA-1 digests. */
  requireSignature: boolean;
  /** When to check certificate validity; now by default. */
  now?: Date;
}

export interface DescriptorSigner {
  subject: string;
  issuer: string;
  fingerprint256: string;
}

export interface SignedDescriptorVerification {
  admitted: boolean;
  /** Why it was refused: one line per problem, each naming the file (and the manifest line). */
  reasons: string[];
  /** SHA-256 (hex) of the `.mf` bytes, as `packageFingerprint` gives it; null without a manifest. */
  packageDigest: string | null;
  /** The manifest's digest of the descriptor (its strongest matching line); null when none matched. */
  descriptorDigest: { algorithm: ManifestAlgorithm; digest: string } | null;
  /** The certificate in the `.cert`, when there is one (trusted or not: see `admitted`). */
  signer: DescriptorSigner | null;
}

const STRENGTH: Record<ManifestAlgorithm, number> = { SHA1: 1, SHA256: 2, SHA512: 3 };

/**
 * Decides whether to admit a descriptor by its `.mf` and `.cert`. Refused: a manifest that does
 * not list the descriptor or lists another digest of it, a malformed manifest line, a signature
 * that does not verify over the `.mf` bytes, a chain that does not reach `trustStore` or holds a
 * certificate outside its validity at `now`, SHA-1 whenever the package is signed or signatures are
 * required, a `.cert` without its `.mf`, and no `.cert` when `requireSignature`. The manifest's
 * lines for the other files (the disks) are not checked here: those files did not come along, and
 * the VEEM checks each image's digest when it imports it.
 */
export async function verifySignedDescriptor(
  input: SignedDescriptorInput,
): Promise<SignedDescriptorVerification> {
  const trustStore: X509Certificate[] = await loadTrustStore(input.trustStore ?? []);
  const { descriptorName } = input;
  const base = descriptorName.replace(/\.ovf$/i, '');
  const mf = input.manifest === null ? null : { name: `${base}.mf`, bytes: asBuffer(input.manifest) };
  const cert =
    input.certificate === null ? null : { name: `${base}.cert`, bytes: asBuffer(input.certificate) };
  const reasons: string[] = [];
  if (cert === null && input.requireSignature)
    reasons.push(`${descriptorName}: not signed (no ${base}.cert), and a signature is required`);

  let descriptorDigest: SignedDescriptorVerification['descriptorDigest'] = null;
  if (mf !== null) {
    const { entries, problems } = parseManifest(mf.bytes.toString('utf8'));
    for (const p of problems) reasons.push(`${mf.name}:${p.line}: ${p.detail}`);
    const checked = descriptorLines(entries, descriptorName, input.descriptor);
    if (checked.lines === 0)
      reasons.push(`${mf.name}: ${descriptorName} is not listed, so its digest cannot be checked`);
    for (const m of checked.mismatches)
      reasons.push(
        `${mf.name}:${m.line}: ${descriptorName} does not match the manifest: ${m.algorithm} is ${m.actual}, the manifest says ${m.digest}`,
      );
    if (checked.mismatches.length === 0) descriptorDigest = checked.strongest;
    const strict = input.requireSignature || cert !== null;
    reasons.push(...weakDigests(entries, mf.name, strict).reasons);
  }

  let signer: DescriptorSigner | null = null;
  if (cert !== null) {
    if (mf === null)
      reasons.push(`${cert.name}: signs ${base}.mf, which did not come with it; nothing can be checked`);
    const checked = checkSignature(cert, mf, (name) => name, trustStore, input.now ?? new Date());
    reasons.push(...checked.reasons);
    const c = checked.certificate;
    if (c !== null) signer = { subject: c.subject, issuer: c.issuer, fingerprint256: c.fingerprint256 };
  }
  return {
    admitted: reasons.length === 0,
    reasons,
    packageDigest: mf === null ? null : sha256(mf.bytes),
    descriptorDigest,
    signer,
  };
}

interface Mismatch {
  line: number;
  algorithm: ManifestAlgorithm;
  digest: string;
  actual: string;
}

/** Every line for the descriptor checked against its bytes; the strongest line when all match. */
function descriptorLines(
  entries: ManifestEntry[],
  descriptorName: string,
  descriptor: string,
): {
  lines: number;
  mismatches: Mismatch[];
  strongest: { algorithm: ManifestAlgorithm; digest: string } | null;
} {
  const mine = entries.filter((e) => e.file === descriptorName);
  const mismatches: Mismatch[] = [];
  let strongest: { algorithm: ManifestAlgorithm; digest: string } | null = null;
  for (const e of mine) {
    const actual = descriptorDigestOf(descriptor, e.algorithm);
    if (actual !== e.digest)
      mismatches.push({ line: e.line, algorithm: e.algorithm, digest: e.digest, actual });
    else if (strongest === null || STRENGTH[e.algorithm] > STRENGTH[strongest.algorithm])
      strongest = { algorithm: e.algorithm, digest: e.digest };
  }
  return { lines: mine.length, mismatches, strongest };
}

function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** The digest of a descriptor's text by a manifest algorithm, to compare with a recorded one. */
export function descriptorDigestOf(descriptor: string, algorithm: ManifestAlgorithm): string {
  return createHash(HASH_OF[algorithm]).update(descriptor, 'utf8').digest('hex');
}
