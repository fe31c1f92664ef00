import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  packageSigningFiles,
  readOvaPackage,
  readOvfPackage,
  signPackage,
  writeOvaPackage,
} from '@reservoir/ovf';
import { openDatabase, silentLogger } from '@reservoir/runtime';
import { securityFixture, type SecurityFixture } from '@reservoir/security';
import { ovfSignaturePolicy } from '../src/adapters/security/ovf-signatures.js';
import { smiClient, type SmiClient } from '../src/client.js';
import { createServiceManager, type RunningServiceManager } from '../src/create-service-manager.js';
import type { Service } from '../src/domain/service.js';
import { loadManifest, manifestToOvf } from '../src/manifest/index.js';
import { startSmSite, waitTask, type SmSite } from './harness.js';

// SEC-4 over the SMI: an organization that requires signed OVF packages deploys only a descriptor
// whose package is signed by a publisher the SM trusts; the SM records the package it admitted
// and refuses to grow a service whose stored descriptor no longer matches it.

const tmp = mkdtempSync(join(tmpdir(), 'sm-ovf-sig-'));
const at = (...parts: string[]) => join(tmp, ...parts);
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const openssl = (...args: string[]) => execFileSync('/usr/bin/openssl', args, { cwd: tmp, stdio: 'pipe' });

const IMAGE = 'web-disk.img';
const descriptor = manifestToOvf(
  loadManifest(
    `id: web
name: Web shop
files:
  - id: f1
    href: ${IMAGE}
components:
  - id: front
    cpus: 1
    memoryMiB: 256
    disks:
      - { diskId: d1, fileRef: f1, capacity: 1GiB }
    instances: { min: 1, max: 3, initial: 1 }
`,
    'web.yaml',
  ),
);

/** A package app.ovf + the disk, as an OVA or a directory, signed by `signer` or with an unsigned .mf. */
async function makePackage(name: string, kind: 'ova' | 'dir', signer: 'pub' | 'mallory' | null) {
  let path: string;
  const disk = Buffer.from('the disk image bytes');
  if (kind === 'ova') {
    path = at(`${name}.ova`);
    await writeOvaPackage(path, descriptor, [{ name: IMAGE, source: disk }], { base: 'app' });
  } else {
    mkdirSync(at(name));
    path = at(name, 'app.ovf');
    writeFileSync(path, descriptor);
    writeFileSync(at(name, IMAGE), disk);
    writeFileSync(
      at(name, 'app.mf'),
      `SHA256(app.ovf)= ${sha256(descriptor)}\nSHA256(${IMAGE})= ${sha256(disk)}\n`,
    );
  }
  if (signer !== null)
    await signPackage({
      package: path,
      key: readFileSync(at(`${signer}.key`), 'utf8'),
      cert: readFileSync(at(`${signer}.pem`), 'utf8'),
    });
  return path;
}

/** The deploy request `reservoir service deploy` makes of a package. */
async function request(path: string, organization: string) {
  const pkg = path.endsWith('.ova') ? await readOvaPackage(path) : await readOvfPackage(path);
  const files = await packageSigningFiles(pkg);
  return {
    manifest: pkg.descriptor,
    fileName: path,
    organization,
    descriptorName: pkg.descriptorName,
    packageManifest: files.manifest?.bytes ?? Buffer.alloc(0),
    packageCertificate: files.certificate?.bytes ?? Buffer.alloc(0),
  };
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err as { code: string; message: string },
  );
  if (e === undefined) throw new Error('the call succeeded');
  return e;
}

describe('Service Manager: signed OVF packages', () => {
  let site: SmSite;
  let sm: RunningServiceManager;
  let smi: SmiClient;
  let fixture: SecurityFixture;
  const database = () => `sqlite:${join(site.dir, 'sm-signed.db')}`;

  const startSm = async () => {
    sm = await createServiceManager({
      site: site.site,
      database: database(),
      veem: site.veem.address,
      policyEngine: site.pe.address,
      mqtt: site.bus,
      logger: silentLogger(),
      settings: { pollMs: 50, kpiEndpoint: site.monitoring.address },
      signatures: (await ovfSignaturePolicy({
        trustStore: [at('root.pem')],
        identities: fixture.security.identities,
      }))!,
    });
    smi = smiClient(sm.address);
  };

  const serviceCount = async () =>
    (await smi.services.listServices({ includeFinished: true })).services?.length ?? 0;

  beforeAll(async () => {
    // A root CA the SM trusts and its publisher; a rogue CA the SM does not know and its publisher.
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
    const ca = ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=keyCertSign'];
    writeFileSync(at('leaf.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n');
    for (const [name, cn] of [
      ['root', 'SM Test Root'],
      ['rogue', 'Rogue Root'],
    ] as const)
      openssl('req', '-x509', ...ec, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${cn}`, ...ca); // prettier-ignore
    for (const [name, cn, issuer] of [
      ['pub', 'Trusted Publisher', 'root'],
      ['mallory', 'Mallory', 'rogue'],
    ] as const) {
      openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
      openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`,
        '-CAcreateserial', '-out', `${name}.pem`, '-days', '30', '-extfile', 'leaf.ext'); // prettier-ignore
    }

    fixture = await securityFixture({ service: 'sm@site-a' });
    const { identities } = fixture.security;
    await identities.createOrganization({ id: 'acme', name: 'Acme', requireSignedOvf: true });
    await identities.createOrganization({ id: 'globex', name: 'Globex' });
    site = await startSmSite({ hosts: 2, sm: false });
    for (const organization of ['acme', 'globex'])
      await site.vmi.images.registerImage({
        name: IMAGE,
        format: 'qcow2',
        sizeMib: 64,
        checksum: `sha256:${sha256(organization)}`,
        organization,
      });
    await startSm();
  });
  afterAll(async () => {
    smi?.close();
    await sm?.stop();
    await site?.stop();
    await fixture?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  let admitted: { id: string; digest: string };

  it('deploys a package signed by a trusted publisher and records its digest and signer', async () => {
    const path = await makePackage('signed', 'ova', 'pub');
    const req = await request(path, 'acme');
    const digest = sha256(req.packageManifest);
    const r = await smi.services.deployService(req);
    expect(r.service).toMatchObject({ organization: 'acme', packageDigest: digest });
    const id = r.service!.id!;
    expect((await waitTask(smi, r.task!.id!)).state).toBe('succeeded');
    expect(await smi.services.getService({ id })).toMatchObject({ state: 'running', packageDigest: digest });

    const events = (await smi.services.listEvents({ id })).events ?? [];
    const recorded = events.find((e) => e.kind === 'package.admitted');
    expect(recorded?.reason).toContain(`manifest sha256 ${digest}`);
    expect(recorded?.reason).toContain(`app.ovf sha256 ${sha256(descriptor)}`);
    expect(recorded?.reason).toMatch(
      /signed by "CN=Trusted Publisher" \(certificate SHA-256 [0-9A-F:]{95}\)/,
    );
    admitted = { id, digest };
  });

  it('refuses the same package with its descriptor changed by one byte, naming the descriptor', async () => {
    const before = await serviceCount();
    const req = await request(await makePackage('tampered', 'ova', 'pub'), 'acme');
    const changed = req.manifest.replace('<Name>Web shop</Name>', '<Name>Web shoq</Name>');
    expect(changed).not.toBe(req.manifest);
    const err = await failure(smi.services.deployService({ ...req, manifest: changed }));
    expect(err.code).toBe('FAILED_PRECONDITION');
    expect(err.message).toContain('organization "acme" requires signed OVF packages');
    expect(err.message).toContain(
      `app.mf:1: app.ovf does not match the manifest: SHA256 is ${sha256(changed)}, the manifest says ${sha256(descriptor)}`,
    );
    expect(await serviceCount()).toBe(before);
  });

  it('refuses a package signed by a certificate that does not chain to the trust store', async () => {
    const before = await serviceCount();
    const req = await request(await makePackage('rogue', 'dir', 'mallory'), 'acme');
    const err = await failure(smi.services.deployService(req));
    expect(err.code).toBe('FAILED_PRECONDITION');
    expect(err.message).toContain(
      'app.cert: certificate "CN=Mallory" is not trusted: it is issued by "CN=Rogue Root"',
    );
    expect(await serviceCount()).toBe(before);
  });

  it('refuses an unsigned package, and a bare descriptor', async () => {
    const before = await serviceCount();
    const req = await request(await makePackage('unsigned-acme', 'dir', null), 'acme');
    const err = await failure(smi.services.deployService(req));
    expect(err.code).toBe('FAILED_PRECONDITION');
    expect(err.message).toContain('app.ovf: not signed (no app.cert), and a signature is required');

    const bare = await failure(
      smi.services.deployService({ manifest: descriptor, fileName: 'app.ovf', organization: 'acme' }),
    );
    expect(bare).toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect(bare.message).toContain('app.ovf: not signed (no app.cert), and a signature is required');
    expect(await serviceCount()).toBe(before);
  });

  it('refuses an organization the security store does not know', async () => {
    const req = await request(await makePackage('unknown-org', 'dir', null), 'initech');
    expect(await failure(smi.services.deployService(req))).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('organization "initech" not found'),
    });
  });

  it('deploys unsigned packages for an organization that does not require signatures', async () => {
    const unsigned = await request(await makePackage('unsigned-globex', 'dir', null), 'globex');
    const r = await smi.services.deployService(unsigned);
    expect(r.service?.packageDigest).toBe(sha256(unsigned.packageManifest));
    expect((await waitTask(smi, r.task!.id!)).state).toBe('succeeded');
    const events = (await smi.services.listEvents({ id: r.service!.id! })).events ?? [];
    expect(events.find((e) => e.kind === 'package.admitted')?.reason).toContain('unsigned');

    const bare = await smi.services.deployService({ manifest: descriptor, organization: 'globex' });
    expect(bare.service).toMatchObject({ organization: 'globex', packageDigest: '' });
    expect((await waitTask(smi, bare.task!.id!)).state).toBe('succeeded');

    // Signed by someone the SM does not trust: deployed, with nothing recorded, and the log says why.
    const rogue = await smi.services.deployService(
      await request(await makePackage('rogue-globex', 'dir', 'mallory'), 'globex'),
    );
    expect(rogue.service?.packageDigest).toBe('');
    const log = (await smi.services.listEvents({ id: rogue.service!.id! })).events ?? [];
    expect(log.find((e) => e.kind === 'package.unverified')?.reason).toContain('"CN=Mallory" is not trusted');
    expect((await waitTask(smi, rogue.task!.id!)).state).toBe('succeeded');
  });

  it('refuses to scale a service whose stored descriptor no longer matches the admitted package', async () => {
    const { id, digest } = admitted;
    const scaled = await smi.services.scaleService({ id, component: 'front', instances: 2 });
    expect((await waitTask(smi, scaled.task!.id!)).state).toBe('succeeded');

    // The descriptor swapped in the SM's store while it was down, with the digest beside it; the
    // package.admitted event still holds the digest admitted at deploy.
    smi.close();
    await sm.stop();
    const db = await openDatabase(database());
    const [row] = await db.query<{ body: string }>('SELECT body FROM services WHERE id = $1', [id]);
    const s = JSON.parse(row!.body) as Service;
    const swapped = s.package!.descriptor.replace('<Name>Web shop</Name>', '<Name>Web shoq</Name>');
    s.package = {
      ...s.package!,
      descriptor: swapped,
      descriptorDigest: { algorithm: 'SHA256', digest: sha256(swapped) },
    };
    await db.exec('UPDATE services SET body = $2 WHERE id = $1', [id, JSON.stringify(s)]);
    await db.close();
    await startSm();

    expect(await smi.services.getService({ id })).toMatchObject({
      state: 'running',
      packageDigest: digest,
    });
    const err = await failure(smi.services.scaleService({ id, component: 'front', instances: 3 }));
    expect(err.code).toBe('FAILED_PRECONDITION');
    expect(err.message).toContain(
      `the stored descriptor of service ${id} no longer matches the package admitted at deploy (sha256 ${sha256(descriptor)}, now ${sha256(swapped)})`,
    );
  });
});
