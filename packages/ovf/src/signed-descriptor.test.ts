import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  oneDiskDescriptor,
  signPackage,
  verifySignedDescriptor,
  type SignedDescriptorInput,
} from './index.js';

const tmp = mkdtempSync(join(tmpdir(), 'ovf-signed-descriptor-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');
const at = (...parts: string[]) => join(tmp, ...parts);
const openssl = (...args: string[]) => execFileSync('/usr/bin/openssl', args, { cwd: tmp, stdio: 'pipe' });

const DISK = 'DISK-BYTES-0123456789';
const descriptor = oneDiskDescriptor(DISK.length);

beforeAll(() => {
  // A root CA, a publisher it certifies, and a CA nobody trusts with a publisher of its own.
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  const ca = ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=keyCertSign'];
  writeFileSync(at('leaf.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n');
  for (const [name, cn] of [
    ['root', 'Descriptor Test Root'],
    ['rogue', 'Rogue Root'],
  ] as const)
    openssl('req', '-x509', ...ec, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${cn}`, ...ca); // prettier-ignore
  for (const [name, cn, issuer] of [
    ['pub', 'Publisher', 'root'],
    ['mallory', 'Mallory', 'rogue'],
  ] as const) {
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`,
      '-CAcreateserial', '-out', `${name}.pem`, '-days', '30', '-extfile', 'leaf.ext'); // prettier-ignore
  }
});

/** A directory package app.ovf + disk.vmdk, signed by `signer` (or with an unsigned SHA-256 .mf). */
async function pkg(name: string, signer: 'pub' | 'mallory' | null) {
  const dir = at(name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'app.ovf'), descriptor);
  writeFileSync(join(dir, 'disk.vmdk'), DISK);
  if (signer === null)
    writeFileSync(
      join(dir, 'app.mf'),
      `SHA256(app.ovf)= ${sha256(descriptor)}\nSHA256(disk.vmdk)= ${sha256(DISK)}\n`,
    );
  else
    await signPackage({
      package: dir,
      key: readFileSync(at(`${signer}.key`), 'utf8'),
      cert: readFileSync(at(`${signer}.pem`), 'utf8'),
    });
  const read = (file: string) => {
    try {
      return readFileSync(join(dir, file));
    } catch {
      return null;
    }
  };
  return { manifest: read('app.mf'), certificate: read('app.cert') };
}

const input = (
  files: { manifest: Buffer | null; certificate: Buffer | null },
  o: Partial<SignedDescriptorInput> = {},
): SignedDescriptorInput => ({
  descriptorName: 'app.ovf',
  descriptor,
  ...files,
  trustStore: [at('root.pem')],
  requireSignature: true,
  ...o,
});

describe('verifySignedDescriptor', () => {
  it('admits a descriptor signed by a trusted publisher, without its disks', async () => {
    const files = await pkg('signed', 'pub');
    const v = await verifySignedDescriptor(input(files));
    expect(v.reasons).toEqual([]);
    expect(v.admitted).toBe(true);
    expect(v.packageDigest).toBe(sha256(files.manifest!));
    expect(v.descriptorDigest).toEqual({ algorithm: 'SHA256', digest: sha256(descriptor) });
    expect(v.signer).toMatchObject({ subject: 'CN=Publisher', issuer: 'CN=Descriptor Test Root' });
    expect(v.signer?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('refuses a descriptor changed by one byte, naming the descriptor and its manifest line', async () => {
    const files = await pkg('tampered', 'pub');
    const changed = descriptor.replace('<Name>vm</Name>', '<Name>vn</Name>');
    expect(changed).not.toBe(descriptor);
    const v = await verifySignedDescriptor(input(files, { descriptor: changed }));
    expect(v.admitted).toBe(false);
    expect(v.descriptorDigest).toBeNull();
    expect(v.reasons).toEqual([
      `app.mf:1: app.ovf does not match the manifest: SHA256 is ${sha256(changed)}, the manifest says ${sha256(descriptor)}`,
    ]);
  });

  it('refuses a signature that does not verify over the .mf bytes', async () => {
    const files = await pkg('badsig', 'pub');
    const cert = files.certificate!.toString('utf8');
    const i = cert.indexOf('= ') + 2;
    const flipped = `${cert.slice(0, i)}${cert[i] === '0' ? '1' : '0'}${cert.slice(i + 1)}`;
    const v = await verifySignedDescriptor(input({ ...files, certificate: Buffer.from(flipped) }));
    expect(v.admitted).toBe(false);
    expect(v.reasons).toEqual([
      'app.cert:1: the signature does not match app.mf and the key of "CN=Publisher"',
    ]);

    // A manifest edited after signing (to list a swapped disk) breaks the signature as well.
    const edited = files.manifest!.toString('utf8').replace(sha256(DISK), sha256('another disk'));
    const e = await verifySignedDescriptor(input({ ...files, manifest: Buffer.from(edited) }));
    expect(e.admitted).toBe(false);
    expect(e.reasons).toEqual([
      'app.cert:1: the signature does not match app.mf and the key of "CN=Publisher"',
    ]);
  });

  it('refuses a certificate that does not chain to the trust store', async () => {
    const files = await pkg('untrusted', 'mallory');
    for (const trustStore of [[at('root.pem')], []]) {
      const v = await verifySignedDescriptor(input(files, { trustStore }));
      expect(v.admitted).toBe(false);
      expect(v.signer?.subject).toBe('CN=Mallory');
      expect(v.reasons).toEqual([
        'app.cert: certificate "CN=Mallory" is not trusted: it is issued by "CN=Rogue Root", which is neither in the trust store nor in the .cert',
      ]);
    }
    const rogue = await verifySignedDescriptor(input(files, { trustStore: [at('rogue.pem')] }));
    expect(rogue.admitted).toBe(true);
  });

  it('refuses an unsigned descriptor when a signature is required', async () => {
    const files = await pkg('unsigned-required', null);
    const v = await verifySignedDescriptor(input(files));
    expect(v.admitted).toBe(false);
    expect(v.reasons).toEqual(['app.ovf: not signed (no app.cert), and a signature is required']);
    expect(v.packageDigest).toBe(sha256(files.manifest!));

    const bare = await verifySignedDescriptor(input({ manifest: null, certificate: null }));
    expect(bare.admitted).toBe(false);
    expect(bare.reasons).toEqual(['app.ovf: not signed (no app.cert), and a signature is required']);

    const signed = await pkg('cert-alone', 'pub');
    const alone = await verifySignedDescriptor(input({ ...signed, manifest: null }));
    expect(alone.admitted).toBe(false);
    expect(alone.reasons).toEqual([
      'app.cert: signs app.mf, which did not come with it; nothing can be checked',
    ]);
  });

  it('admits an unsigned descriptor when no signature is required, with the digest of its .mf if any', async () => {
    const files = await pkg('unsigned', null);
    const v = await verifySignedDescriptor(input(files, { requireSignature: false }));
    expect(v.reasons).toEqual([]);
    expect(v.admitted).toBe(true);
    expect(v.packageDigest).toBe(sha256(files.manifest!));
    expect(v.signer).toBeNull();

    const none = await verifySignedDescriptor(
      input({ manifest: null, certificate: null }, { requireSignature: false }),
    );
    expect(none).toEqual({
      admitted: true,
      reasons: [],
      packageDigest: null,
      descriptorDigest: null,
      signer: null,
    });

    // The .mf must still list the descriptor, with its digest.
    const unlisted = Buffer.from(`SHA256(disk.vmdk)= ${sha256(DISK)}\n`);
    const u = await verifySignedDescriptor(
      input({ manifest: unlisted, certificate: null }, { requireSignature: false }),
    );
    expect(u.admitted).toBe(false);
    expect(u.reasons).toEqual(['app.mf: app.ovf is not listed, so its digest cannot be checked']);
  });

  it('tolerates SHA-1 lines in an unsigned manifest only when signatures are not required', async () => {
    const mf = Buffer.from(`SHA1(app.ovf)= ${sha1(descriptor)}\nSHA1(disk.vmdk)= ${sha1(DISK)}\n`);
    const loose = await verifySignedDescriptor(
      input({ manifest: mf, certificate: null }, { requireSignature: false }),
    );
    expect(loose.admitted).toBe(true);
    expect(loose.descriptorDigest).toEqual({ algorithm: 'SHA1', digest: sha1(descriptor) });

    const strict = await verifySignedDescriptor(input({ manifest: mf, certificate: null }));
    expect(strict.admitted).toBe(false);
    expect(strict.reasons).toEqual([
      'app.ovf: not signed (no app.cert), and a signature is required',
      'app.mf:1: SHA1(app.ovf) is too weak; a signed package needs SHA256 or SHA512 digests',
      'app.mf:2: SHA1(disk.vmdk) is too weak; a signed package needs SHA256 or SHA512 digests',
    ]);
  });
});
