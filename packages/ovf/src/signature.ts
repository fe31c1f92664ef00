// OVF package signing (SEC-5; standards.md §1.4, crosscutting.md §5). The `.mf` lists a digest of
// every file of the package; the `.cert` holds `SHA256(<name>.mf)= <hex signature of the .mf bytes>`
// followed by the signer's PEM certificate and its intermediates. Manifests and signature lines are
// read leniently (SHA1/SHA256/SHA512, both spacings); the admission decision is strict.
import {
  createHash,
  createPrivateKey,
  type KeyObject,
  sign,
  verify,
  type X509Certificate,
} from 'node:crypto';
import { open, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ReservoirError } from '@reservoir/runtime';
import { HASH_OF, type ManifestAlgorithm, type ManifestEntry, parseManifest } from './manifest.js';
import type { OvfDocument } from './document.js';
import { readOvaPackage } from './ova-read.js';
import { digestManifest, manifestLine, type StrongManifestAlgorithm, writeOvaPackage } from './ova-write.js';
import { readOvfPackage } from './ovf-dir-read.js';
import { type OvfPackage, packageMember } from './package.js';
import { parseOvfDocument } from './parse-document.js';
import {
  assessCertificate,
  type CertificateReport,
  loadTrustStore,
  parsePemCertificates,
  type SigningWarning,
  summarize,
  type TrustStoreInput,
} from './trust-store.js';

export interface SignOptions {
  /** An `.ova` file, or a directory package (its `.ovf`, or the directory holding it). */
  package: string;
  /** PEM private key (RSA, EC or Ed25519). */
  key: string;
  /** PEM certificate of the key, then any intermediates, in issuing order. */
  cert: string;
  /** Digest of the manifest lines and of the signature; sha256 by default. */
  algorithm?: 'sha256' | 'sha512';
  /** For an encrypted private key. */
  passphrase?: string;
}

export interface SignResult {
  path: string;
  kind: 'ova' | 'directory';
  /** Names of the written `.mf` and `.cert`. */
  manifest: string;
  certificate: string;
  /** Files the manifest lists, descriptor first. */
  files: string[];
  algorithm: StrongManifestAlgorithm;
  signer: string;
  /** SHA-256 of the written manifest, as `packageFingerprint` gives it. */
  packageDigest: string;
}

export interface VerifyOptions {
  /** Trust anchors (certificates, PEM texts or PEM file paths); none by default, so nothing signed is trusted. */
  trustStore?: TrustStoreInput;
  /** Refuse unsigned packages, and SHA-1 digests. */
  requireSignature: boolean;
  /** When to check certificate validity; now by default. */
  now?: Date;
}

export type DigestStatus = 'ok' | 'mismatch' | 'missing' | 'unlisted';

/** One manifest line, or one package file that no line lists (`unlisted`, algorithm and line null). */
export interface FileDigestCheck {
  file: string;
  status: DigestStatus;
  algorithm: ManifestAlgorithm | null;
  line: number | null;
}

export interface SignatureCheck {
  status: 'absent' | 'valid' | 'invalid';
  /** The `.cert` member, when there is one. */
  file: string | null;
  algorithm: ManifestAlgorithm | null;
}

export interface PackageVerification {
  path: string;
  kind: 'ova' | 'directory';
  /** The `.mf` member, when there is one. */
  manifest: string | null;
  digests: FileDigestCheck[];
  signature: SignatureCheck;
  /** The signer's certificate and chain, when the `.cert` holds one. */
  certificate: CertificateReport | null;
  warnings: SigningWarning[];
  admitted: boolean;
  /** Why it was refused: one line per problem, each naming the file (and the manifest line). */
  reasons: string[];
  /** SHA-256 (hex) of the `.mf` bytes; null without a manifest. See `packageFingerprint`. */
  packageDigest: string | null;
  /** The package as read (descriptor, document, files), so that an importer needs no second pass. */
  package: OvfPackage;
}

const isDescriptor = (name: string) => /\.ovf$/i.test(name);
const isSigning = (name: string) => /\.(mf|cert)$/i.test(name);
const isCertificate = (name: string) => /\.cert$/i.test(name);
const base = (name: string) => name.replace(/\.(ovf|mf|cert)$/i, '');
const MAX_SMALL_MEMBER = 16 * 2 ** 20;

// ---------------------------------------------------------------------------------------------
// Signing

/**
 * Signs a package in place: (re)writes `<base>.mf` with a digest of the descriptor and of every
 * file its References name, and `<base>.cert` with the signature of those manifest bytes and the
 * certificate chain. An OVA is rewritten as `.ovf`, `.mf`, `.cert`, then the files in References
 * order (the new archive replaces the old one only once complete). A package with a referenced
 * file missing, or (OVA) a member the descriptor does not reference, is refused: verification
 * would refuse it too.
 */
export async function signPackage(options: SignOptions): Promise<SignResult> {
  const algorithm: StrongManifestAlgorithm = options.algorithm === 'sha512' ? 'SHA512' : 'SHA256';
  const { key, certs } = signingKey(options);
  const signer = certs[0] as X509Certificate;
  const certText = (mf: Buffer, mfName: string) =>
    manifestLine(algorithm, mfName, signBytes(algorithm, mf, key).toString('hex')) +
    certs.map((c) => c.toString()).join('');
  const path = options.package;
  const result =
    (await packageKind(path)) === 'ova'
      ? await signOva(path, algorithm, certText)
      : await signDirectory(path, algorithm, certText);
  return { ...result, algorithm, signer: summarize(signer).subject };
}

type CertText = (manifest: Buffer, manifestName: string) => string;
type Signed = Omit<SignResult, 'algorithm' | 'signer'>;

async function signOva(
  path: string,
  algorithm: StrongManifestAlgorithm,
  certText: CertText,
): Promise<Signed> {
  const members = await indexTar(path);
  if (members === null)
    throw new ReservoirError('INVALID_ARGUMENT', `${path}: not a plain (USTAR) tar archive`);
  const descriptor = members.find((m) => isDescriptor(m.name));
  if (descriptor === undefined)
    throw new ReservoirError('INVALID_ARGUMENT', `${path}: no .ovf descriptor in the archive`);
  const descriptorBytes = await readMember(path, descriptor);
  const document = parseOvfDocument(descriptorBytes.toString('utf8'), `${path}/${descriptor.name}`);
  const others = members.filter((m) => m !== descriptor && !isSigning(m.name));
  const layout = referenceLayout(
    document,
    others.map((m) => m.name),
  );
  const dup = others.find((m, i) => others.findIndex((o) => o.name === m.name) !== i);
  const bad = [
    ...layout.missing.map((r) => `File "${r.id}" (${r.name}) is referenced but not in the archive`),
    ...layout.unreferenced.map((n) => `${n} is not referenced by ${descriptor.name}`),
    ...(dup ? [`${dup.name} appears twice`] : []),
  ];
  if (bad.length > 0) throw new ReservoirError('INVALID_ARGUMENT', `${path}: cannot sign: ${bad.join('; ')}`);
  const files = layout.ordered.map((name) => {
    const m = others.find((o) => o.name === name) as TarMember;
    return { name, source: { path, start: m.start, size: m.size } };
  });
  const b = base(descriptor.name);
  const written = await writeOvaPackage(path, descriptorBytes, files, {
    base: b,
    algorithm,
    certificate: certText,
  });
  return {
    path,
    kind: 'ova',
    manifest: `${b}.mf`,
    certificate: `${b}.cert`,
    files: [`${b}.ovf`, ...files.map((f) => f.name)],
    packageDigest: sha256(Buffer.from(written.manifest, 'utf8')),
  };
}

async function signDirectory(
  path: string,
  algorithm: StrongManifestAlgorithm,
  certText: CertText,
): Promise<Signed> {
  const pkg = await readOvfPackage(path);
  const dir = dirname(pkg.path);
  const present = pkg.files.map((f) => f.name).filter((n) => n !== pkg.descriptorName && !isSigning(n));
  const layout = referenceLayout(pkg.document, present);
  if (layout.missing.length > 0) {
    const list = layout.missing.map((r) => `File "${r.id}" (${r.name})`).join(', ');
    throw new ReservoirError('INVALID_ARGUMENT', `${pkg.path}: cannot sign: not in the package: ${list}`);
  }
  const files = layout.ordered.map((name) => ({ name, source: join(dir, name) }));
  const descriptorBytes = await readFile(pkg.path);
  const { manifest } = await digestManifest(pkg.descriptorName, descriptorBytes, files, algorithm);
  const b = base(pkg.descriptorName);
  const mfBytes = Buffer.from(manifest, 'utf8');
  await writeAtomically(join(dir, `${b}.mf`), mfBytes);
  await writeAtomically(join(dir, `${b}.cert`), certText(mfBytes, `${b}.mf`));
  return {
    path: pkg.path,
    kind: 'directory',
    manifest: `${b}.mf`,
    certificate: `${b}.cert`,
    files: [pkg.descriptorName, ...files.map((f) => f.name)],
    packageDigest: sha256(mfBytes),
  };
}

function signingKey(options: SignOptions): { key: KeyObject; certs: X509Certificate[] } {
  let key: KeyObject;
  try {
    key = createPrivateKey({
      key: options.key,
      format: 'pem',
      ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
    });
  } catch (e) {
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `signing key: not a usable PEM private key (${(e as Error).message})`,
    );
  }
  const certs = parsePemCertificates(options.cert, 'signing certificate');
  const signer = certs[0];
  if (signer === undefined)
    throw new ReservoirError('INVALID_ARGUMENT', 'signing certificate: no PEM certificate');
  if (!signer.checkPrivateKey(key)) {
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `the signing key does not belong to the certificate "${summarize(signer).subject}"`,
    );
  }
  return { key, certs };
}

/** Ed25519/Ed448 sign the message itself; other keys sign its digest. */
function hashFor(algorithm: ManifestAlgorithm, key: KeyObject): string | null {
  return key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448' ? null : HASH_OF[algorithm];
}

function signBytes(algorithm: ManifestAlgorithm, data: Buffer, key: KeyObject): Buffer {
  return sign(hashFor(algorithm, key), data, key);
}

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(`${path}.partial`, data);
  await rename(`${path}.partial`, path);
}

// ---------------------------------------------------------------------------------------------
// Verification

/**
 * Verifies a package and decides whether to admit it. Refused: a digest that does not match, a
 * package file the manifest does not list (other than `.mf`/`.cert`), a manifest line for a file
 * that is absent or that the descriptor does not reference, a referenced file absent, no manifest,
 * an OVA that is not a plain tar or that holds a name twice or several `.mf`/`.cert`, a signature
 * that does not verify, a chain that does not reach `trustStore` or holds a certificate outside its
 * validity at `now`, and SHA-1 (manifest or signature) whenever the package is signed or signatures
 * are required. Unsigned packages are admitted only when `requireSignature` is false.
 */
export async function verifyPackage(path: string, options: VerifyOptions): Promise<PackageVerification> {
  const trustStore = await loadTrustStore(options.trustStore ?? []);
  const pkg = (await packageKind(path)) === 'ova' ? await readOvaPackage(path) : await readOvfPackage(path);
  const material = await signingMaterial(pkg);
  const reasons: string[] = [...material.problems];
  const warnings: SigningWarning[] = [];
  reasons.push(...layoutReasons(pkg));

  const mf = material.manifest;
  const entries = mf === null ? [] : parseManifest(mf.bytes.toString('utf8')).entries;
  if (pkg.manifest === null)
    reasons.push(`${pkg.path}: no manifest (.mf): the digests of its files cannot be checked`);
  const digests = digestChecks(pkg, entries);
  reasons.push(...pkg.problems);
  if (mf !== null) reasons.push(...unlistedReasons(pkg, digests, mf.name));

  let signature: SignatureCheck = { status: 'absent', file: null, algorithm: null };
  let certificate: CertificateReport | null = null;
  if (material.certificate === null) {
    if (options.requireSignature)
      reasons.push(`${pkg.path}: not signed (no .cert), and a signature is required`);
  } else {
    const checked = checkSignature(
      material.certificate,
      mf,
      material.at,
      trustStore,
      options.now ?? new Date(),
    );
    ({ signature, certificate } = checked);
    reasons.push(...checked.reasons);
    warnings.push(...checked.warnings);
  }
  if (mf !== null) {
    const strict = options.requireSignature || material.certificate !== null;
    const weak = weakDigests(entries, material.at(mf.name), strict);
    warnings.push(...weak.warnings);
    reasons.push(...weak.reasons);
  }
  return {
    path: pkg.path,
    kind: pkg.kind,
    manifest: mf?.name ?? null,
    digests,
    signature,
    certificate,
    warnings,
    admitted: reasons.length === 0,
    reasons,
    packageDigest: mf === null ? null : sha256(mf.bytes),
    package: pkg,
  };
}

/**
 * SHA-256 (hex) of the package's `.mf` bytes, null when it has none; reads only the manifest. The
 * manifest binds every file by its digest, so a recorded fingerprint, checked again together with
 * the digests (`verifyPackage`), shows that the files are those admitted; the same content signed
 * again by someone else keeps its fingerprint (the signer is in `certificate.fingerprint256`).
 */
export async function packageFingerprint(path: string): Promise<string | null> {
  if ((await packageKind(path)) === 'directory') {
    const mf = await siblingManifest(path);
    return mf === null ? null : sha256(await readFile(mf));
  }
  const members = await indexTar(path);
  if (members === null)
    throw new ReservoirError('INVALID_ARGUMENT', `${path}: not a plain (USTAR) tar archive`);
  const descriptor = members.find((m) => isDescriptor(m.name));
  const manifests = members.filter((m) => /\.mf$/i.test(m.name));
  const mf = manifests.find((m) => descriptor && base(m.name) === base(descriptor.name)) ?? manifests[0];
  return mf === undefined ? null : sha256(await readMember(path, mf));
}

/** The `.mf` beside the `.ovf` (given, or the one in the directory), as `readOvfPackage` finds it. */
async function siblingManifest(path: string): Promise<string | null> {
  let descriptor = path;
  if ((await stat(path)).isDirectory()) {
    const ovfs = (await readdir(path)).filter(isDescriptor);
    if (ovfs.length !== 1 || ovfs[0] === undefined)
      throw new ReservoirError(
        'INVALID_ARGUMENT',
        `${path}: expected one .ovf descriptor, found ${ovfs.length}`,
      );
    descriptor = join(path, ovfs[0]);
  }
  const mf = join(dirname(descriptor), `${base(basename(descriptor))}.mf`);
  return (await stat(mf).catch(() => null)) === null ? null : mf;
}

/** A signing file of a package (`.mf` or `.cert`) and its raw bytes. */
export interface PackageMember {
  name: string;
  bytes: Buffer;
}

type Member = PackageMember;

interface SigningMaterial {
  manifest: Member | null;
  certificate: Member | null;
  /** Where a member is, for messages: `<ova>/<name>` or the file's path. */
  at: (name: string) => string;
  problems: string[];
}

/**
 * The package's `.mf` (the one the reader checked) and `.cert` as raw bytes, so that a deploy can
 * hand them on with the descriptor; `problems` says why they could not be read (not a plain tar).
 */
export async function packageSigningFiles(
  pkg: OvfPackage,
): Promise<{ manifest: PackageMember | null; certificate: PackageMember | null; problems: string[] }> {
  const { manifest, certificate, problems } = await signingMaterial(pkg);
  return { manifest, certificate, problems };
}

/** The raw `.mf` (the one the reader checked) and `.cert` bytes, which the signature covers byte for byte. */
async function signingMaterial(pkg: OvfPackage): Promise<SigningMaterial> {
  const mfName = pkg.manifest?.name ?? null;
  const certNames = pkg.files.map((f) => f.name).filter(isCertificate);
  const b = base(mfName ?? pkg.descriptorName);
  const certName = certNames.find((n) => base(n) === b) ?? certNames[0] ?? null;
  if (pkg.kind === 'directory') {
    const dir = dirname(pkg.path);
    const read = async (name: string | null) =>
      name === null ? null : { name, bytes: await readFile(join(dir, name)) };
    return {
      manifest: await read(mfName),
      certificate: await read(certName),
      at: (name) => join(dir, name),
      problems: [],
    };
  }
  const at = (name: string) => `${pkg.path}/${name}`;
  const members = await indexTar(pkg.path);
  if (members === null) {
    const problem = `${pkg.path}: not a plain (USTAR) tar archive; OVF requires one, and its signature cannot be checked`;
    return { manifest: null, certificate: null, at, problems: [problem] };
  }
  const read = async (name: string | null) => {
    const m = members.find((x) => x.name === name);
    return name === null || m === undefined ? null : { name, bytes: await readMember(pkg.path, m) };
  };
  return { manifest: await read(mfName), certificate: await read(certName), at, problems: [] };
}

/** Structural problems: repeated names, several manifests or certificates, referenced files absent. */
function layoutReasons(pkg: OvfPackage): string[] {
  const reasons: string[] = [];
  const names = pkg.files.map((f) => f.name);
  for (const n of new Set(names.filter((n, i) => names.indexOf(n) !== i)))
    reasons.push(`${pkg.path}: ${n} appears more than once in the package`);
  for (const [kind, re] of [
    ['manifests', /\.mf$/i],
    ['certificates', /\.cert$/i],
  ] as const) {
    const found = names.filter((n) => re.test(n));
    if (found.length > 1) reasons.push(`${pkg.path}: several ${kind} (${found.join(', ')})`);
  }
  const layout = referenceLayout(
    pkg.document,
    names.filter((n) => n !== pkg.descriptorName && !isSigning(n)),
  );
  for (const r of layout.missing)
    reasons.push(
      `${pkg.path}: File "${r.id}" (${r.name}) is referenced by ${pkg.descriptorName} but not in the package`,
    );
  return reasons;
}

/** One check per manifest line, from the reader's problems; then the package files no line lists. */
function digestChecks(pkg: OvfPackage, entries: ManifestEntry[]): FileDigestCheck[] {
  const problems = pkg.manifest?.problems ?? [];
  const checks: FileDigestCheck[] = entries.map((e) => {
    const p = problems.find((x) => x.line === e.line);
    const status: DigestStatus =
      p?.kind === 'mismatch' ? 'mismatch' : p?.kind === 'missing' ? 'missing' : 'ok';
    return { file: e.file, status, algorithm: e.algorithm, line: e.line };
  });
  for (const f of pkg.files) {
    if (!isSigning(f.name) && !entries.some((e) => e.file === f.name))
      checks.push({ file: f.name, status: 'unlisted', algorithm: null, line: null });
  }
  return checks;
}

/** Files in the package that no line lists, and lines for files the descriptor does not reference. */
function unlistedReasons(pkg: OvfPackage, digests: FileDigestCheck[], mfName: string): string[] {
  const reasons: string[] = [];
  const at = pkg.kind === 'ova' ? `${pkg.path}/` : `${dirname(pkg.path)}/`;
  for (const d of digests) {
    if (d.status === 'unlisted')
      reasons.push(`${at}${d.file}: in the package but not in the manifest ${mfName}`);
  }
  const referenced = referenceLayout(
    pkg.document,
    digests.filter((d) => d.status !== 'unlisted' && d.file !== pkg.descriptorName).map((d) => d.file),
  );
  for (const d of digests) {
    if (d.line !== null && d.status !== 'missing' && referenced.unreferenced.includes(d.file))
      reasons.push(`${at}${mfName}:${d.line}: ${d.file} is neither the descriptor nor in its References`);
  }
  return reasons;
}

/**
 * SHA-1 lines: a WEAK_DIGEST warning, and (when `strict`) a reason for each file that only a SHA-1
 * line covers. An unsigned manifest proves nothing against tampering whatever its algorithm, so
 * SHA-1 is tolerated there (old VMware products write only SHA-1); a signature over SHA-1 digests
 * would bind the files only as well as SHA-1 resists collisions, so it is refused.
 */
export function weakDigests(
  entries: ManifestEntry[],
  mfAt: string,
  strict: boolean,
): { warnings: SigningWarning[]; reasons: string[] } {
  const weak = entries.filter(
    (e) => e.algorithm === 'SHA1' && !entries.some((o) => o.file === e.file && o.algorithm !== 'SHA1'),
  );
  if (weak.length === 0) return { warnings: [], reasons: [] };
  const files = [...new Set(weak.map((e) => e.file))];
  return {
    warnings: [{ type: 'WEAK_DIGEST', message: `${mfAt}: SHA1 digests only for ${files.join(', ')}` }],
    reasons: strict
      ? weak.map(
          (e) =>
            `${mfAt}:${e.line}: SHA1(${e.file}) is too weak; a signed package needs SHA256 or SHA512 digests`,
        )
      : [],
  };
}

/** Checks a `.cert` against the `.mf` bytes it signs and the trust store; reasons are located by `at`. */
export function checkSignature(
  cert: Member,
  mf: Member | null,
  at: (name: string) => string,
  trustStore: X509Certificate[],
  now: Date,
): {
  signature: SignatureCheck;
  certificate: CertificateReport | null;
  reasons: string[];
  warnings: SigningWarning[];
} {
  const text = cert.bytes.toString('utf8');
  const where = at(cert.name);
  const reasons: string[] = [];
  const warnings: SigningWarning[] = [];
  // The signature line comes before the first PEM block; it reads like a manifest line.
  const head = text.split('-----BEGIN')[0] ?? '';
  const { entries, problems } = parseManifest(head);
  for (const p of problems) reasons.push(`${where}:${p.line}: ${p.detail}`);
  let certs: X509Certificate[] = [];
  try {
    certs = parsePemCertificates(text, where);
    if (certs.length === 0) reasons.push(`${where}: no PEM certificate after the signature`);
  } catch (e) {
    reasons.push((e as Error).message);
  }
  const line = entries[0];
  if (entries.length !== 1 || line === undefined)
    reasons.push(`${where}: expected one signature line "SHA256(<name>.mf)= <hex>", found ${entries.length}`);
  const signer = certs[0];
  let valid = false;
  if (line !== undefined && signer !== undefined && mf !== null) {
    if (line.file !== mf.name)
      reasons.push(
        `${where}:${line.line}: the signature is for ${line.file}, but the manifest is ${mf.name}`,
      );
    if (line.algorithm === 'SHA1') {
      warnings.push({ type: 'WEAK_DIGEST', message: `${where}:${line.line}: SHA1 signature` });
      reasons.push(`${where}:${line.line}: SHA1 signatures are refused; sign with SHA256 or SHA512`);
    }
    valid = verifies(line, mf.bytes, signer.publicKey);
    if (!valid)
      reasons.push(
        `${where}:${line.line}: the signature does not match ${mf.name} and the key of "${summarize(signer).subject}"`,
      );
  }
  let certificate: CertificateReport | null = null;
  if (signer !== undefined) {
    const assessed = assessCertificate(certs, trustStore, now);
    certificate = assessed.report;
    warnings.push(...assessed.warnings);
    reasons.push(...assessed.problems.map((p) => `${where}: ${p}`));
  }
  return {
    signature: { status: valid ? 'valid' : 'invalid', file: cert.name, algorithm: line?.algorithm ?? null },
    certificate,
    reasons,
    warnings,
  };
}

function verifies(line: ManifestEntry, data: Buffer, key: KeyObject): boolean {
  try {
    return verify(hashFor(line.algorithm, key), data, key, Buffer.from(line.digest, 'hex'));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Package layout

interface ReferenceLayout {
  /** Present files in References order (chunks of a chunked file in their own order), referenced ones only. */
  ordered: string[];
  /** Present files that no reference names. */
  unreferenced: string[];
  /** References to package members that are not present. */
  missing: { id: string; name: string }[];
}

/** Matches files present in a package (descriptor, .mf and .cert excluded) to the descriptor's References. */
function referenceLayout(doc: OvfDocument, present: readonly string[]): ReferenceLayout {
  const ordered: string[] = [];
  const missing: { id: string; name: string }[] = [];
  for (const ref of doc.references) {
    const name = packageMember(ref.href);
    if (name === null) continue;
    // A chunked file (ovf:chunkSize) is stored as name.000000000, name.000000001, ...
    const found = present.filter(
      (n) => n === name || (n.startsWith(`${name}.`) && /^\d+$/.test(n.slice(name.length + 1))),
    );
    if (found.length === 0) missing.push({ id: ref.id, name });
    for (const n of found) if (!ordered.includes(n)) ordered.push(n);
  }
  return { ordered, unreferenced: present.filter((n) => !ordered.includes(n)), missing };
}

/** An `.ova`/`.tar` file is an OVA; anything else (an `.ovf`, a directory) a directory package. */
async function packageKind(path: string): Promise<'ova' | 'directory'> {
  const s = await stat(path).catch(() => null);
  if (s === null) throw new ReservoirError('NOT_FOUND', `${path}: no such file or directory`);
  return s.isFile() && /\.(ova|tar)$/i.test(path) ? 'ova' : 'directory';
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// USTAR index: member names and data offsets, read by seeking over the headers, so that the small
// signing members can be read and the large ones copied by range without streaming the archive.

interface TarMember {
  name: string;
  /** Offset of the data in the archive. */
  start: number;
  size: number;
}

/** Regular-file members in archive order; null when the file is not a plain tar (gzip, XML, garbage). */
async function indexTar(path: string): Promise<TarMember[] | null> {
  const fh = await open(path, 'r');
  try {
    const total = (await fh.stat()).size;
    const members: TarMember[] = [];
    const header = Buffer.alloc(512);
    let offset = 0;
    let longName: string | null = null;
    while (offset + 512 <= total) {
      await fh.read(header, 0, 512, offset);
      if (header.every((b) => b === 0)) return members;
      if (!checksumOk(header)) return null;
      const size = numeric(header.subarray(124, 136));
      const type = header[156] === 0 ? '0' : String.fromCharCode(header[156] ?? 48);
      const start = offset + 512;
      offset = start + Math.ceil(size / 512) * 512;
      if (type === 'x' || type === 'L') {
        if (size > MAX_SMALL_MEMBER) return null;
        const data = Buffer.alloc(size);
        await fh.read(data, 0, size, start);
        longName = type === 'L' ? cString(data, 0, size) : (paxPath(data) ?? longName);
        continue;
      }
      if (type === 'g') continue;
      const name = (longName ?? ustarName(header)).replace(/^(\.\/)+/, '');
      longName = null;
      if (type === '0' || type === '7') members.push({ name, start, size });
    }
    return members.length > 0 ? members : null;
  } finally {
    await fh.close();
  }
}

async function readMember(path: string, m: TarMember): Promise<Buffer> {
  if (m.size > MAX_SMALL_MEMBER)
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `${path}/${m.name}: ${m.size} bytes, too large for a descriptor or manifest`,
    );
  const fh = await open(path, 'r');
  try {
    const data = Buffer.alloc(m.size);
    const { bytesRead } = await fh.read(data, 0, m.size, m.start);
    if (bytesRead !== m.size)
      throw new ReservoirError('INVALID_ARGUMENT', `${path}/${m.name}: archive truncated`);
    return data;
  } finally {
    await fh.close();
  }
}

function checksumOk(header: Buffer): boolean {
  const stored = numeric(header.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  return stored === sum;
}

/** Octal, NUL/space terminated; or GNU base-256 when the high bit of the first byte is set. */
function numeric(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let n = (field[0] ?? 0) & 0x7f;
    for (const b of field.subarray(1)) n = n * 256 + b;
    return n;
  }
  const text = cString(field, 0, field.length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function ustarName(header: Buffer): string {
  const name = cString(header, 0, 100);
  const ustar = header.subarray(257, 262).toString('latin1') === 'ustar';
  const prefix = ustar ? cString(header, 345, 155) : '';
  return prefix === '' ? name : `${prefix}/${name}`;
}

function cString(buf: Buffer, at: number, length: number): string {
  const field = buf.subarray(at, at + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

/** The `path` record of a pax extended header ("<len> path=<name>\n" records). */
function paxPath(data: Buffer): string | null {
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = parseInt(data.subarray(at, space).toString('latin1'), 10);
    if (space === -1 || !Number.isFinite(length) || length <= 0) return null;
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    if (record.startsWith('path=')) return record.slice(5);
    at += length;
  }
  return null;
}
