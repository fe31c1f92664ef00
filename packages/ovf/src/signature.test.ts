import { createHash, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type ReservoirError } from '@reservoir/runtime';
import {
  assessCertificate,
  loadTrustStore,
  packageFingerprint,
  type PackageVerification,
  readOvaPackage,
  signPackage,
  verifyPackage,
  writeOvaPackage,
  oneDiskDescriptor,
} from './index.js';

const FIXTURES = join(REPO_ROOT, '..', 'shared', 'fixtures', 'ovf');
const TTYLINUX = join(FIXTURES, 'ova', 'ttylinux-pc_i486-16.1.ova');
const tmp = mkdtempSync(join(tmpdir(), 'ovf-sig-'));
const pki = join(tmp, 'pki');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const pem = (name: string) => readFileSync(join(pki, name), 'utf8');
const openssl = (...args: string[]) =>
  execFileSync('/usr/bin/openssl', args, { cwd: pki, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

const LEAF_EXT = 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n';
const CA_EXT = 'basicConstraints=critical,CA:TRUE\nkeyUsage=keyCertSign,cRLSign\n';

/** A key (`<name>.key`) and a CSR for `CN=<cn>`; `kind` picks RSA, EC P-256 or Ed25519. */
function keyAndCsr(name: string, cn: string, kind: 'rsa' | 'ec' | 'ed25519'): void {
  const algorithm = {
    rsa: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
    ec: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
    ed25519: ['-algorithm', 'ED25519'],
  }[kind];
  openssl('genpkey', ...algorithm, '-out', `${name}.key`);
  openssl('req', '-new', '-key', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
}

function issue(name: string, caName: string, ext: string): void {
  openssl(
    'x509', '-req', '-in', `${name}.csr`, '-CA', `${caName}.pem`, '-CAkey', `${caName}.key`,
    '-CAcreateserial', '-out', `${name}.pem`, '-days', '365', '-extfile', ext,
  ); // prettier-ignore
}

/** A certificate with fixed dates, through `openssl ca` (openssl 3.0's x509 cannot set them). */
function issueDated(name: string, startdate: string, enddate: string): void {
  openssl(
    'ca', '-batch', '-config', 'ca.cnf', '-cert', 'root.pem', '-keyfile', 'root.key', '-in', `${name}.csr`,
    '-out', `${name}.pem`, '-startdate', startdate, '-enddate', enddate, '-notext',
  ); // prettier-ignore
}

beforeAll(() => {
  mkdirSync(join(pki, 'db', 'new'), { recursive: true });
  writeFileSync(join(pki, 'leaf.ext'), LEAF_EXT);
  writeFileSync(join(pki, 'ca.ext'), CA_EXT);
  writeFileSync(join(pki, 'db', 'index.txt'), '');
  writeFileSync(join(pki, 'db', 'serial'), '1000\n');
  writeFileSync(
    join(pki, 'ca.cnf'),
    [
      '[ca]\ndefault_ca = d\n[d]\ndir = ./db\ndatabase = $dir/index.txt\nnew_certs_dir = $dir/new',
      'serial = $dir/serial\ndefault_md = sha256\npolicy = p\nunique_subject = no\nx509_extensions = e',
      '[p]\ncommonName = supplied\n[e]\nbasicConstraints = CA:FALSE\nkeyUsage = digitalSignature\n',
    ].join('\n'),
  );
  // root CA → publisher (RSA), ed25519 publisher, intermediate CA → chained publisher; dated publishers.
  openssl(
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'root.key',
    '-out', 'root.pem', '-days', '3650', '-subj', '/CN=Reservoir Test Root', '-addext',
    'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=keyCertSign,cRLSign',
  ); // prettier-ignore
  keyAndCsr('leaf', 'Publisher', 'rsa');
  issue('leaf', 'root', 'leaf.ext');
  keyAndCsr('ed', 'Ed Publisher', 'ed25519');
  issue('ed', 'root', 'leaf.ext');
  keyAndCsr('inter', 'Reservoir Test Intermediate', 'ec');
  issue('inter', 'root', 'ca.ext');
  keyAndCsr('chained', 'Chained Publisher', 'ec');
  issue('chained', 'inter', 'leaf.ext');
  keyAndCsr('expired', 'Expired Publisher', 'ec');
  issueDated('expired', '20200101000000Z', '20210101000000Z');
  keyAndCsr('future', 'Future Publisher', 'ec');
  issueDated('future', '20990101000000Z', '20991231000000Z');
  openssl(
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'self.key',
    '-out', 'self.pem', '-days', '30', '-subj', '/CN=Self Publisher', '-addext',
    'basicConstraints=critical,CA:FALSE', '-addext', 'keyUsage=digitalSignature',
  ); // prettier-ignore
  openssl(
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'other.key',
    '-out', 'other.pem', '-days', '30', '-subj', '/CN=Other Root', '-addext', 'basicConstraints=critical,CA:TRUE',
  ); // prettier-ignore
});

const DISK = 'DISK-DATA-0123456789abcdef';
const descriptor = oneDiskDescriptor(DISK.length, [{ id: 'f2', href: 'seed.iso', size: 3 }], 256);

/** An unsigned OVA (SHA-256 manifest) written by the project's own writer. */
async function unsignedOva(name: string): Promise<string> {
  const path = join(tmp, name);
  await writeOvaPackage(path, descriptor, [
    { name: 'disk.vmdk', source: Buffer.from(DISK) },
    { name: 'seed.iso', source: Buffer.from('iso') },
  ]);
  return path;
}

async function signedOva(name: string, signer = 'leaf', algorithm: 'sha256' | 'sha512' = 'sha256') {
  const path = await unsignedOva(name);
  await signPackage({ package: path, key: pem(`${signer}.key`), cert: pem(`${signer}.pem`), algorithm });
  return path;
}

/** Replaces the first occurrence of `from` in a file by `to`, of the same length (tar headers stay valid). */
function patch(path: string, from: string, to: string): void {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(from);
  expect(at, `${from} in ${path}`).toBeGreaterThanOrEqual(0);
  bytes.write(to, at);
  writeFileSync(path, bytes);
}

async function tarOf(entries: [string, string][]): Promise<Buffer> {
  const tar = pack();
  for (const [name, data] of entries) tar.entry({ name }, data);
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const c of tar) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

async function rejection(p: Promise<unknown>): Promise<ReservoirError> {
  try {
    await p;
  } catch (e) {
    return e as ReservoirError;
  }
  throw new Error('did not reject');
}

const trusted = () => ({ trustStore: [join(pki, 'root.pem')], requireSignature: true });
const types = (v: PackageVerification) => v.warnings.map((w) => w.type);

describe('signPackage and verifyPackage on OVAs', () => {
  it('signs an OVA (.ovf, .mf, .cert, then the files) that verifies against the root CA', async () => {
    const path = await signedOva('signed.ova');
    const pkg = await readOvaPackage(path);
    expect(pkg.files.map((f) => f.name)).toEqual([
      'signed.ovf',
      'signed.mf',
      'signed.cert',
      'disk.vmdk',
      'seed.iso',
    ]);
    expect(pkg.warnings).toEqual([]);
    const mf = execFileSync('tar', ['-xOf', path, 'signed.mf']).toString();
    expect(mf).toBe(
      `SHA256(signed.ovf)= ${sha256(descriptor)}\nSHA256(disk.vmdk)= ${sha256(DISK)}\nSHA256(seed.iso)= ${sha256('iso')}\n`,
    );
    const cert = execFileSync('tar', ['-xOf', path, 'signed.cert']).toString();
    expect(cert).toMatch(/^SHA256\(signed\.mf\)= [0-9a-f]{512}\n-----BEGIN CERTIFICATE-----\n/);
    expect(new X509Certificate(cert.slice(cert.indexOf('-----BEGIN'))).subject).toBe('CN=Publisher');

    const v = await verifyPackage(path, trusted());
    expect(v.reasons).toEqual([]);
    expect(v.admitted).toBe(true);
    expect(v.signature).toEqual({ status: 'valid', file: 'signed.cert', algorithm: 'SHA256' });
    expect(v.certificate).toMatchObject({
      subject: 'CN=Publisher',
      issuer: 'CN=Reservoir Test Root',
      status: 'trusted',
      trust: 'trusted',
      validity: 'valid',
    });
    expect(v.certificate?.chain.map((c) => c.subject)).toEqual(['CN=Publisher', 'CN=Reservoir Test Root']);
    expect(v.digests).toEqual([
      { file: 'signed.ovf', status: 'ok', algorithm: 'SHA256', line: 1 },
      { file: 'disk.vmdk', status: 'ok', algorithm: 'SHA256', line: 2 },
      { file: 'seed.iso', status: 'ok', algorithm: 'SHA256', line: 3 },
    ]);
    expect(v.warnings).toEqual([]);
    expect(v.packageDigest).toBe(sha256(mf));
    expect(await packageFingerprint(path)).toBe(sha256(mf));
    expect(v.package.descriptor).toBe(descriptor);
  });

  it('writes a signature OpenSSL verifies (the OVF tool format is openssl dgst over the .mf)', async () => {
    const path = await signedOva('interop.ova');
    const dir = join(tmp, 'interop');
    mkdirSync(dir);
    execFileSync('tar', ['-xf', path, '-C', dir]);
    const cert = readFileSync(join(dir, 'interop.cert'), 'utf8');
    const hex = /^SHA256\(interop\.mf\)= ([0-9a-f]+)\n/.exec(cert)?.[1] ?? '';
    writeFileSync(join(dir, 'sig.bin'), Buffer.from(hex, 'hex'));
    writeFileSync(join(dir, 'pub.pem'), openssl('x509', '-in', 'leaf.pem', '-pubkey', '-noout'));
    const out = openssl(
      'dgst',
      '-sha256',
      '-verify',
      join(dir, 'pub.pem'),
      '-signature',
      join(dir, 'sig.bin'),
      join(dir, 'interop.mf'),
    );
    expect(out.trim()).toBe('Verified OK');
  });

  it('signs with SHA-512 digests and signature, and with an Ed25519 key', async () => {
    const path = await signedOva('sha512.ova', 'leaf', 'sha512');
    const v = await verifyPackage(path, trusted());
    expect(v.admitted).toBe(true);
    expect(v.signature.algorithm).toBe('SHA512');
    expect(v.digests.map((d) => d.algorithm)).toEqual(['SHA512', 'SHA512', 'SHA512']);

    const ed = await verifyPackage(await signedOva('ed.ova', 'ed'), trusted());
    expect(ed.reasons).toEqual([]);
    expect(ed.certificate?.subject).toBe('CN=Ed Publisher');
  });

  it('refuses a tampered disk (one byte), naming the file and the manifest line', async () => {
    const path = await signedOva('tampered.ova');
    patch(path, DISK, `X${DISK.slice(1)}`);
    const v = await verifyPackage(path, trusted());
    expect(v.admitted).toBe(false);
    expect(v.signature.status).toBe('valid'); // the manifest itself is intact
    expect(v.digests.find((d) => d.file === 'disk.vmdk')).toEqual({
      file: 'disk.vmdk',
      status: 'mismatch',
      algorithm: 'SHA256',
      line: 2,
    });
    expect(v.reasons).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${path}/tampered\\.mf:2: SHA256\\(disk\\.vmdk\\) is [0-9a-f]{64}, manifest says ${sha256(DISK)}$`,
        ),
      ),
    ]);
  });

  it('refuses an altered signature, and a manifest edited after signing', async () => {
    const path = await signedOva('badsig.ova');
    const cert = execFileSync('tar', ['-xOf', path, 'badsig.cert']).toString();
    const hex = cert.slice(cert.indexOf('= ') + 2, cert.indexOf('= ') + 10);
    patch(path, `= ${hex}`, `= ${hex.slice(0, 7)}${hex[7] === '0' ? '1' : '0'}`);
    const v = await verifyPackage(path, trusted());
    expect(v.admitted).toBe(false);
    expect(v.signature.status).toBe('invalid');
    expect(v.reasons).toEqual([
      `${path}/badsig.cert:1: the signature does not match badsig.mf and the key of "CN=Publisher"`,
    ]);

    // Rewriting the manifest to match a swapped disk breaks the signature instead.
    const edited = await signedOva('edited.ova');
    patch(edited, DISK, `Y${DISK.slice(1)}`);
    patch(edited, `SHA256(disk.vmdk)= ${sha256(DISK)}`, `SHA256(disk.vmdk)= ${sha256(`Y${DISK.slice(1)}`)}`);
    const e = await verifyPackage(edited, trusted());
    expect(e.digests.every((d) => d.status === 'ok')).toBe(true);
    expect(e.signature.status).toBe('invalid');
    expect(e.admitted).toBe(false);
  });

  it('refuses a certificate whose CA is not in the trust store', async () => {
    const path = await signedOva('untrusted.ova');
    for (const trustStore of [[], [join(pki, 'other.pem')]]) {
      const v = await verifyPackage(path, { trustStore, requireSignature: false });
      expect(v.admitted).toBe(false);
      expect(v.signature.status).toBe('valid');
      expect(v.certificate?.status).toBe('untrusted');
      expect(types(v)).toEqual(['UNTRUSTED_CERTIFICATE']);
      expect(v.reasons).toEqual([
        `${path}/untrusted.cert: certificate "CN=Publisher" is not trusted: it is issued by "CN=Reservoir Test Root", which is neither in the trust store nor in the .cert`,
      ]);
    }
  });

  it('refuses a self-signed certificate unless it is in the trust store', async () => {
    const path = await signedOva('self.ova', 'self');
    const v = await verifyPackage(path, trusted());
    expect(v.admitted).toBe(false);
    expect(v.certificate?.status).toBe('self-signed');
    expect(types(v)).toEqual(['SELF_SIGNED', 'UNTRUSTED_CERTIFICATE']);
    expect(v.reasons).toEqual([
      `${path}/self.cert: certificate "CN=Self Publisher" is not trusted: it is self-signed and not in the trust store`,
    ]);

    const pinned = await verifyPackage(path, { trustStore: [pem('self.pem')], requireSignature: true });
    expect(pinned.admitted).toBe(true);
    expect(pinned.certificate?.status).toBe('trusted');
    expect(types(pinned)).toEqual(['SELF_SIGNED']);
  });

  it('refuses expired and not-yet-valid certificates, and honours `now`', async () => {
    const expired = await verifyPackage(await signedOva('expired.ova', 'expired'), trusted());
    expect(expired.admitted).toBe(false);
    expect(expired.certificate).toMatchObject({
      status: 'expired',
      trust: 'trusted',
      validFrom: '2020-01-01T00:00:00.000Z',
      validTo: '2021-01-01T00:00:00.000Z',
    });
    expect(types(expired)).toEqual(['EXPIRED']);
    expect(expired.reasons).toEqual([
      expect.stringMatching(
        /expired\.cert: certificate "CN=Expired Publisher" expired on 2021-01-01T00:00:00\.000Z$/,
      ),
    ]);
    // `now` applies to the whole chain: in 2020 the publisher was valid, but the root was not yet.
    const then = await verifyPackage(expired.path, { ...trusted(), now: new Date('2020-06-01T00:00:00Z') });
    expect(then.certificate?.status).toBe('not-yet-valid');
    expect(then.reasons).toEqual([
      expect.stringMatching(
        /expired\.cert: certificate "CN=Reservoir Test Root" is not valid before 20\d\d-/,
      ),
    ]);

    const future = await verifyPackage(await signedOva('future.ova', 'future'), trusted());
    expect(future.admitted).toBe(false);
    expect(future.certificate?.status).toBe('not-yet-valid');
    expect(types(future)).toEqual(['NOT_YET_VALID']);

    const later = new Date(Date.now() + 2 * 365 * 86_400_000); // the publisher is valid for 365 days
    const aged = await verifyPackage(await signedOva('aged.ova'), { ...trusted(), now: later });
    expect(aged.certificate?.status).toBe('expired');
    expect(aged.admitted).toBe(false);
  });

  it('builds the chain through intermediates carried in the .cert', async () => {
    const path = await unsignedOva('chained.ova');
    await signPackage({
      package: path,
      key: pem('chained.key'),
      cert: pem('chained.pem') + pem('inter.pem'),
    });
    const v = await verifyPackage(path, trusted());
    expect(v.reasons).toEqual([]);
    expect(v.certificate?.chain.map((c) => c.subject)).toEqual([
      'CN=Chained Publisher',
      'CN=Reservoir Test Intermediate',
      'CN=Reservoir Test Root',
    ]);

    const bare = await unsignedOva('chained-bare.ova');
    await signPackage({ package: bare, key: pem('chained.key'), cert: pem('chained.pem') });
    const b = await verifyPackage(bare, trusted());
    expect(b.admitted).toBe(false);
    expect(b.certificate?.status).toBe('untrusted');
  });

  it('admits an unsigned package only when signatures are not required', async () => {
    const path = await unsignedOva('unsigned.ova');
    const loose = await verifyPackage(path, { requireSignature: false });
    expect(loose.admitted).toBe(true);
    expect(loose.signature).toEqual({ status: 'absent', file: null, algorithm: null });
    expect(loose.certificate).toBeNull();
    expect(loose.packageDigest).toBe(await packageFingerprint(path));

    const strict = await verifyPackage(path, { requireSignature: true });
    expect(strict.admitted).toBe(false);
    expect(strict.reasons).toEqual([`${path}: not signed (no .cert), and a signature is required`]);
  });

  it('refuses files the manifest does not list, lines for absent files, and unreferenced files', async () => {
    const mf = (lines: [string, string][]) => lines.map(([n, d]) => `SHA256(${n})= ${sha256(d)}\n`).join('');
    const write = async (name: string, entries: [string, string][]) => {
      const path = join(tmp, name);
      writeFileSync(path, await tarOf(entries));
      return path;
    };
    const unlisted = await write('unlisted.ova', [
      ['x.ovf', descriptor],
      [
        'x.mf',
        mf([
          ['x.ovf', descriptor],
          ['disk.vmdk', DISK],
        ]),
      ],
      ['disk.vmdk', DISK],
      ['seed.iso', 'iso'],
    ]);
    const u = await verifyPackage(unlisted, { requireSignature: false });
    expect(u.admitted).toBe(false);
    expect(u.digests.at(-1)).toEqual({ file: 'seed.iso', status: 'unlisted', algorithm: null, line: null });
    expect(u.reasons).toEqual([`${unlisted}/seed.iso: in the package but not in the manifest x.mf`]);

    const noDescriptor = await write('nodescriptor.ova', [
      ['x.ovf', descriptor],
      [
        'x.mf',
        mf([
          ['disk.vmdk', DISK],
          ['seed.iso', 'iso'],
        ]),
      ],
      ['disk.vmdk', DISK],
      ['seed.iso', 'iso'],
    ]);
    expect((await verifyPackage(noDescriptor, { requireSignature: false })).reasons).toEqual([
      `${noDescriptor}/x.ovf: in the package but not in the manifest x.mf`,
    ]);

    const extra = await write('extra.ova', [
      ['x.ovf', descriptor],
      [
        'x.mf',
        mf([
          ['x.ovf', descriptor],
          ['disk.vmdk', DISK],
          ['seed.iso', 'iso'],
          ['notes.txt', 'n'],
        ]),
      ],
      ['disk.vmdk', DISK],
      ['seed.iso', 'iso'],
      ['notes.txt', 'n'],
    ]);
    const x = await verifyPackage(extra, { requireSignature: false });
    expect(x.reasons).toEqual([`${extra}/x.mf:4: notes.txt is neither the descriptor nor in its References`]);
    const sign = await rejection(
      signPackage({ package: extra, key: pem('leaf.key'), cert: pem('leaf.pem') }),
    );
    expect(sign.code).toBe('INVALID_ARGUMENT');
    expect(sign.message).toBe(`${extra}: cannot sign: notes.txt is not referenced by x.ovf`);

    const absent = await write('absent.ova', [
      ['x.ovf', descriptor],
      [
        'x.mf',
        mf([
          ['x.ovf', descriptor],
          ['disk.vmdk', DISK],
          ['seed.iso', 'iso'],
        ]),
      ],
      ['disk.vmdk', DISK],
    ]);
    const a = await verifyPackage(absent, { requireSignature: false });
    expect(a.digests.find((d) => d.file === 'seed.iso')?.status).toBe('missing');
    expect(a.reasons).toEqual([
      `${absent}: File "f2" (seed.iso) is referenced by x.ovf but not in the package`,
      `${absent}/x.mf:3: seed.iso is listed in the manifest but not present`,
    ]);
  });

  it('refuses repeated members, several manifests, no manifest and a gzip-compressed OVA', async () => {
    const good = `SHA256(x.ovf)= ${sha256(descriptor)}\nSHA256(disk.vmdk)= ${sha256(DISK)}\nSHA256(seed.iso)= ${sha256('iso')}\n`;
    const twice = join(tmp, 'twice.ova');
    writeFileSync(
      twice,
      await tarOf([
        ['x.ovf', descriptor],
        ['x.mf', good],
        ['other.mf', good],
        ['disk.vmdk', DISK],
        ['seed.iso', 'iso'],
        ['disk.vmdk', 'evil'],
      ]),
    );
    const t = await verifyPackage(twice, { requireSignature: false });
    expect(t.admitted).toBe(false);
    expect(t.reasons).toContain(`${twice}: disk.vmdk appears more than once in the package`);
    expect(t.reasons).toContain(`${twice}: several manifests (x.mf, other.mf)`);

    const lamp = join(FIXTURES, 'dmtf-sample', 'dsp0243_lamp_example.ova');
    const l = await verifyPackage(lamp, { requireSignature: false });
    expect(l.admitted).toBe(false);
    expect(l.packageDigest).toBeNull();
    expect(l.reasons[0]).toBe(`${lamp}: no manifest (.mf): the digests of its files cannot be checked`);
    expect(await packageFingerprint(lamp)).toBeNull();

    const gz = join(tmp, 'signed.ova.gz.ova');
    writeFileSync(gz, gzipSync(readFileSync(await signedOva('to-gzip.ova'))));
    const g = await verifyPackage(gz, trusted());
    expect(g.admitted).toBe(false);
    expect(g.reasons[0]).toMatch(/not a plain \(USTAR\) tar archive/);
  });

  it('refuses a key that does not belong to the certificate', async () => {
    const path = await unsignedOva('mismatch.ova');
    const err = await rejection(signPackage({ package: path, key: pem('self.key'), cert: pem('leaf.pem') }));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toBe('the signing key does not belong to the certificate "CN=Publisher"');
  });
});

describe('directory packages and real manifests (lenient parsing, strict decision)', () => {
  it('COT input (SHA1, "SHA1(x)= h"): admitted unsigned with WEAK_DIGEST, refused when signatures are required', async () => {
    const path = join(FIXTURES, 'cot-cisco', 'input.ovf');
    const v = await verifyPackage(path, { requireSignature: false });
    expect(v.admitted).toBe(true);
    expect(v.digests.map((d) => [d.file, d.status, d.algorithm])).toEqual([
      ['input.ovf', 'ok', 'SHA1'],
      ['input.vmdk', 'ok', 'SHA1'],
      ['input.iso', 'ok', 'SHA1'],
      ['sample_cfg.txt', 'ok', 'SHA1'],
    ]);
    expect(types(v)).toEqual(['WEAK_DIGEST']);

    const strict = await verifyPackage(path, { requireSignature: true });
    expect(strict.admitted).toBe(false);
    const mf = join(FIXTURES, 'cot-cisco', 'input.mf');
    expect(strict.reasons).toEqual([
      `${path}: not signed (no .cert), and a signature is required`,
      `${mf}:1: SHA1(input.ovf) is too weak; a signed package needs SHA256 or SHA512 digests`,
      `${mf}:2: SHA1(input.vmdk) is too weak; a signed package needs SHA256 or SHA512 digests`,
      `${mf}:3: SHA1(input.iso) is too weak; a signed package needs SHA256 or SHA512 digests`,
      `${mf}:4: SHA1(sample_cfg.txt) is too weak; a signed package needs SHA256 or SHA512 digests`,
    ]);
    expect(await packageFingerprint(path)).toBe(sha256(readFileSync(mf)));
  });

  it('VirtualBox 2.0 export (SHA256) and govmomi ttylinux OVA (SHA1, "SHA1 (x) = h") verify unsigned', async () => {
    const vbox = await verifyPackage(join(FIXTURES, 'virtualbox', 'ubuntu.2.0.ovf'), {
      requireSignature: false,
    });
    expect(vbox.reasons).toEqual([]);
    expect(vbox.warnings).toEqual([]);
    expect(vbox.digests.map((d) => [d.file, d.status, d.algorithm])).toEqual([
      ['ubuntu.2.0.ovf', 'ok', 'SHA256'],
      ['ubuntu.2.0-disk1.vmdk', 'ok', 'SHA256'],
    ]);
    const tty = await verifyPackage(TTYLINUX, { requireSignature: false });
    expect(tty.admitted).toBe(true);
    expect(tty.digests.map((d) => [d.status, d.algorithm, d.line])).toEqual([
      ['ok', 'SHA1', 1],
      ['ok', 'SHA1', 2],
    ]);
    expect(types(tty)).toEqual(['WEAK_DIGEST']);
  });

  it('signs a directory package in place (SHA1 manifest replaced), and refuses a tampered file', async () => {
    const dir = join(tmp, 'cot');
    mkdirSync(dir);
    for (const n of ['input.ovf', 'input.mf', 'input.vmdk', 'input.iso', 'sample_cfg.txt'])
      copyFileSync(join(FIXTURES, 'cot-cisco', n), join(dir, n));
    const signed = await signPackage({ package: dir, key: pem('leaf.key'), cert: pem('leaf.pem') });
    expect(signed).toMatchObject({
      kind: 'directory',
      manifest: 'input.mf',
      certificate: 'input.cert',
      files: ['input.ovf', 'input.vmdk', 'input.iso', 'sample_cfg.txt'],
      algorithm: 'SHA256',
      signer: 'CN=Publisher',
    });
    expect(readFileSync(join(dir, 'input.mf'), 'utf8')).toMatch(/^SHA256\(input\.ovf\)= [0-9a-f]{64}\n/);
    const v = await verifyPackage(join(dir, 'input.ovf'), trusted());
    expect(v.reasons).toEqual([]);
    expect(v.packageDigest).toBe(signed.packageDigest);

    writeFileSync(join(dir, 'sample_cfg.txt'), 'hostname evil\n');
    const t = await verifyPackage(dir, trusted());
    expect(t.admitted).toBe(false);
    expect(t.reasons).toEqual([
      expect.stringMatching(
        new RegExp(`^${join(dir, 'input.mf')}:4: SHA256\\(sample_cfg\\.txt\\) is [0-9a-f]{64}`),
      ),
    ]);
  });

  it('reads a .cert made with openssl in the BSD spacing, and refuses a SHA1 signature', async () => {
    const dir = join(tmp, 'vbox');
    mkdirSync(dir);
    for (const n of ['ubuntu.2.0.ovf', 'ubuntu.2.0.mf', 'ubuntu.2.0-disk1.vmdk'])
      copyFileSync(join(FIXTURES, 'virtualbox', n), join(dir, n));
    const mf = join(dir, 'ubuntu.2.0.mf');
    const certWith = (alg: 'sha256' | 'sha1', spacing: (a: string) => string) => {
      openssl('dgst', `-${alg}`, '-sign', 'leaf.key', '-out', join(dir, 'sig.bin'), mf);
      const hex = readFileSync(join(dir, 'sig.bin')).toString('hex');
      writeFileSync(
        join(dir, 'ubuntu.2.0.cert'),
        `${spacing(alg.toUpperCase())} = ${hex}\n${pem('leaf.pem')}`,
      );
    };
    certWith('sha256', (a) => `${a} (ubuntu.2.0.mf)`);
    const v = await verifyPackage(dir, trusted());
    expect(v.reasons).toEqual([]);
    expect(v.signature).toEqual({ status: 'valid', file: 'ubuntu.2.0.cert', algorithm: 'SHA256' });

    certWith('sha1', (a) => `${a}(ubuntu.2.0.mf)`);
    const weak = await verifyPackage(dir, trusted());
    expect(weak.signature.status).toBe('valid');
    expect(weak.admitted).toBe(false);
    expect(types(weak)).toEqual(['WEAK_DIGEST']);
    expect(weak.reasons).toEqual([
      `${join(dir, 'ubuntu.2.0.cert')}:1: SHA1 signatures are refused; sign with SHA256 or SHA512`,
    ]);
  });
});

describe('trust store', () => {
  it('loads certificates from paths, PEM text and X509Certificate objects', async () => {
    const bundle = join(pki, 'bundle.pem');
    writeFileSync(bundle, pem('root.pem') + pem('other.pem'));
    const store = await loadTrustStore([bundle, pem('inter.pem'), new X509Certificate(pem('self.pem'))]);
    expect(store.map((c) => c.subject)).toEqual([
      'CN=Reservoir Test Root',
      'CN=Other Root',
      'CN=Reservoir Test Intermediate',
      'CN=Self Publisher',
    ]);
    const missing = await rejection(loadTrustStore([join(pki, 'nope.pem')]));
    expect(missing.code).toBe('NOT_FOUND');
    const empty = await rejection(loadTrustStore([join(pki, 'leaf.ext')]));
    expect(empty.message).toBe(`${join(pki, 'leaf.ext')}: no PEM certificate`);
  });

  it('trusts an intermediate put in the store, and never an issuer that is not a CA', () => {
    const cert = (n: string) => new X509Certificate(pem(n));
    const now = new Date();
    const viaInter = assessCertificate([cert('chained.pem')], [cert('inter.pem')], now);
    expect(viaInter.report.status).toBe('trusted');
    expect(viaInter.problems).toEqual([]);

    // A publisher certificate (CA:FALSE) that "issues" another is not an issuer.
    keyAndCsr('sub', 'Sub Publisher', 'ec');
    issue('sub', 'leaf', 'leaf.ext');
    const sub = assessCertificate([cert('sub.pem'), cert('leaf.pem')], [cert('root.pem')], now);
    expect(sub.report.trust).toBe('untrusted');
    expect(sub.report.chain.map((c) => c.subject)).toEqual(['CN=Sub Publisher']);
  });
});
