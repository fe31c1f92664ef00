import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@reservoir/runtime';
import { oneDiskDescriptor, packageFingerprint, readOvaPackage, writeOvaPackage } from '@reservoir/ovf';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'packages/cli/bin/reservoir.js');
const dir = mkdtempSync(join(tmpdir(), 'cli-ovf-sign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      timeout: 60_000,
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

const openssl = (...args: string[]) => execFileSync('/usr/bin/openssl', args, { cwd: dir, stdio: 'pipe' });
const at = (name: string) => join(dir, name);

beforeAll(() => {
  // A CA, a publisher it certifies, and a self-signed publisher.
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=CLI Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=keyCertSign'); // prettier-ignore
  openssl('req', ...ec, '-keyout', 'pub.key', '-out', 'pub.csr', '-subj', '/CN=CLI Publisher');
  writeFileSync(at('pub.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n');
  openssl('x509', '-req', '-in', 'pub.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
    '-out', 'pub.pem', '-days', '30', '-extfile', 'pub.ext'); // prettier-ignore
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'self.key',
    '-out',
    'self.pem',
    '-days',
    '30',
    '-subj',
    '/CN=CLI Self',
  );
});

const DISK = 'CLI-DISK-CONTENT-42';
async function ova(name: string): Promise<string> {
  const descriptor = oneDiskDescriptor(DISK.length);
  const path = at(name);
  await writeOvaPackage(path, descriptor, [{ name: 'disk.vmdk', source: Buffer.from(DISK) }]);
  return path;
}

describe('reservoir ovf sign / verify', () => {
  it('signs an OVA that then verifies against the CA (exit 0, text and --json)', async () => {
    const path = await ova('app.ova');
    const signed = await cli('ovf', 'sign', path, '--key', at('pub.key'), '--cert', at('pub.pem'));
    expect(signed.code, signed.err).toBe(0);
    const fingerprint = await packageFingerprint(path);
    expect(signed.out).toBe(
      `signed ${path}: app.mf (SHA256, 2 files) and app.cert by "CN=CLI Publisher"\npackage digest: sha256:${fingerprint}\n`,
    );
    expect((await readOvaPackage(path)).files.map((f) => f.name)).toEqual([
      'app.ovf',
      'app.mf',
      'app.cert',
      'disk.vmdk',
    ]);

    const [v, json] = await Promise.all([
      cli('ovf', 'verify', path, '--trust', at('ca.pem'), '--require-signature'),
      cli('ovf', 'verify', path, '--trust', at('ca.pem'), '--require-signature', '--json'),
    ]);
    expect(v.code, v.err).toBe(0);
    expect(v.err).toBe('');
    expect(v.out).toContain(`${path}: admitted\n`);
    expect(v.out).toContain('signature: valid (SHA256, app.cert)');
    expect(v.out).toContain('certificate: "CN=CLI Publisher" issued by "CN=CLI Test CA"');
    expect(v.out).toContain(`package digest: sha256:${fingerprint}`);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.out);
    expect(result).toMatchObject({
      admitted: true,
      reasons: [],
      signature: { status: 'valid' },
      certificate: { status: 'trusted' },
      packageDigest: fingerprint,
    });
    expect(result.package).toBeUndefined();
  }, 120_000);

  it('exits 2 with the reasons on stderr: untrusted signer, tampered disk', async () => {
    const path = await ova('refused.ova');
    expect((await cli('ovf', 'sign', path, '--key', at('pub.key'), '--cert', at('pub.pem'))).code).toBe(0);
    const untrusted = await cli('ovf', 'verify', path);
    expect(untrusted.code).toBe(2);
    expect(untrusted.out).toContain(`${path}: refused\n`);
    expect(untrusted.err).toBe(
      `${path}/refused.cert: certificate "CN=CLI Publisher" is not trusted: it is issued by "CN=CLI Test CA", which is neither in the trust store nor in the .cert\n`,
    );

    const bytes = readFileSync(path);
    bytes.write('X', bytes.indexOf(DISK));
    writeFileSync(path, bytes);
    const tampered = await cli('ovf', 'verify', path, '--trust', at('ca.pem'), '--json');
    expect(tampered.code).toBe(2);
    expect(JSON.parse(tampered.out).digests).toContainEqual({
      file: 'disk.vmdk',
      status: 'mismatch',
      algorithm: 'SHA256',
      line: 2,
    });
    expect(tampered.err).toMatch(
      new RegExp(`^${path}/refused\\.mf:2: SHA256\\(disk\\.vmdk\\) is [0-9a-f]{64}, manifest says`),
    );
  }, 120_000);

  it('admits an unsigned package only without --require-signature; a pinned self-signed signer with SHA-512', async () => {
    const path = await ova('plain.ova');
    const [loose, required] = await Promise.all([
      cli('ovf', 'verify', path),
      cli('ovf', 'verify', path, '--require-signature'),
    ]);
    expect(loose.code, loose.err).toBe(0);
    expect(required.code).toBe(2);
    expect(required.err).toBe(`${path}: not signed (no .cert), and a signature is required\n`);

    const self = await cli(
      'ovf',
      'sign',
      path,
      '--key',
      at('self.key'),
      '--cert',
      at('self.pem'),
      '--digest',
      'sha512',
    );
    expect(self.code, self.err).toBe(0);
    expect(self.out).toContain('plain.mf (SHA512, 2 files)');
    const [unpinned, pinned] = await Promise.all([
      cli('ovf', 'verify', path, '--trust', at('ca.pem')),
      cli('ovf', 'verify', path, '--trust', at('ca.pem'), '--trust', at('self.pem')),
    ]);
    expect(unpinned.code).toBe(2);
    expect(pinned.code, pinned.err).toBe(0);
    expect(pinned.out).toContain('warning: SELF_SIGNED: certificate "CN=CLI Self" is self-signed');
  }, 120_000);

  it('exits 2 for bad input: unknown digest, a key of another certificate, a missing file', async () => {
    const path = await ova('bad.ova');
    const [digest, other, missing] = await Promise.all([
      cli('ovf', 'sign', path, '--key', at('pub.key'), '--cert', at('pub.pem'), '--digest', 'md5'),
      cli('ovf', 'sign', path, '--key', at('self.key'), '--cert', at('pub.pem')),
      cli('ovf', 'verify', at('nope.ova')),
    ]);
    expect(digest.code).toBe(2);
    expect(digest.err).toBe('--digest must be sha256 or sha512, not "md5"\n');
    expect(other.code).toBe(2);
    expect(other.err).toBe('the signing key does not belong to the certificate "CN=CLI Publisher"\n');
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`${at('nope.ova')}: no such file or directory\n`);
    expect(missing.err).not.toMatch(/\n\s+at /);
  }, 120_000);
});
