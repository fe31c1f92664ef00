import { generateKeyPairSync, createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneDiskDescriptor, signPackage, writeOvaPackage } from '@reservoir/ovf';
import { readManifestInput } from './service-input.js';

const tmp = mkdtempSync(join(tmpdir(), 'cli-service-input-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const at = (...parts: string[]) => join(tmp, ...parts);
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const DISK = 'disk bytes';
const descriptor = oneDiskDescriptor(DISK.length);

let key = '';
let cert = '';
beforeAll(() => {
  key = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  writeFileSync(at('pub.key'), key);
  cert = execFileSync(
    '/usr/bin/openssl',
    ['req', '-x509', '-key', 'pub.key', '-days', '1', '-subj', '/CN=Input Publisher'],
    { cwd: tmp, stdio: 'pipe' },
  ).toString();
});

describe('readManifestInput: the package files a deploy sends along', () => {
  it('sends the .mf and .cert of a signed OVA', async () => {
    const path = at('app.ova');
    await writeOvaPackage(path, descriptor, [{ name: 'disk.vmdk', source: Buffer.from(DISK) }]);
    await signPackage({ package: path, key, cert });
    const input = await readManifestInput(path);
    expect(input.text).toBe(descriptor);
    expect(input.signing?.descriptorName).toBe('app.ovf');
    expect(input.signing?.manifest.toString()).toBe(
      `SHA256(app.ovf)= ${sha256(descriptor)}\nSHA256(disk.vmdk)= ${sha256(DISK)}\n`,
    );
    expect(input.signing?.certificate.toString()).toMatch(
      /^SHA256\(app\.mf\)= [0-9a-f]+\n-----BEGIN CERTIFICATE/,
    );
  });

  it('sends the sibling .mf of an .ovf, and the .cert alone when there is no .mf', async () => {
    mkdirSync(at('dir'));
    writeFileSync(at('dir', 'app.ovf'), descriptor);
    writeFileSync(at('dir', 'disk.vmdk'), DISK);
    writeFileSync(at('dir', 'app.mf'), `SHA256(app.ovf)= ${sha256(descriptor)}\n`);
    const dir = await readManifestInput(at('dir'));
    expect(dir.signing?.manifest.toString()).toBe(readFileSync(at('dir', 'app.mf'), 'utf8'));
    expect(dir.signing?.certificate.byteLength).toBe(0);
    expect((await readManifestInput(at('dir', 'app.ovf'))).signing).toEqual(dir.signing);

    mkdirSync(at('cert-only'));
    writeFileSync(at('cert-only', 'app.ovf'), descriptor);
    writeFileSync(at('cert-only', 'app.cert'), 'SHA256(app.mf)= 00\n');
    const alone = await readManifestInput(at('cert-only', 'app.ovf'));
    expect(alone.signing?.manifest.byteLength).toBe(0);
    expect(alone.signing?.certificate.toString()).toBe('SHA256(app.mf)= 00\n');
  });

  it('sends nothing for a lone descriptor or a YAML manifest', async () => {
    writeFileSync(at('lone.ovf'), descriptor);
    expect((await readManifestInput(at('lone.ovf'))).signing).toBeUndefined();
    writeFileSync(at('web.yaml'), 'id: web\n');
    expect((await readManifestInput(at('web.yaml'))).signing).toBeUndefined();
  });
});
