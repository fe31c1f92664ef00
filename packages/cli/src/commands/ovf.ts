import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { isReservoirError } from '@reservoir/runtime';
import {
  ovfModelOf,
  type OvfPackage,
  type PackageVerification,
  readOvaPackage,
  readOvfPackage,
  signPackage,
  verifyPackage,
} from '@reservoir/ovf';
import { mib, printJson, table } from '../output.js';

/** Exit status of a command whose input is invalid (as for INVALID_ARGUMENT in main). */
const INVALID = 2;

export function registerOvfCommands(program: Command): void {
  const ovf = program.command('ovf').description('OVF descriptors and packages (local files, no server)');
  ovf
    .command('inspect <file>')
    .description(
      'read an .ovf, an .ova or a package directory: systems, disks, networks, properties; checks the .mf digests',
    )
    .action(async (file: string, _o, cmd: Command) => {
      const g = cmd.optsWithGlobals<{ json?: boolean }>();
      let pkg: OvfPackage;
      try {
        pkg = await readPackage(file);
      } catch (e) {
        // Located problems ("file:line: <Element>: message"), one per line, and never a stack trace.
        const message = problemOf(e, file);
        if (message === null) throw e;
        process.stderr.write(`${message}\n`);
        process.exitCode = INVALID;
        return;
      }
      if (g.json) {
        const model = ovfModelOf(pkg.document);
        model.warnings.push(...pkg.warnings);
        printJson(model);
      } else process.stdout.write(report(pkg));
      if (pkg.problems.length > 0) {
        process.stderr.write(`${pkg.problems.join('\n')}\n`);
        process.exitCode = INVALID;
      }
    });
  registerSigningCommands(ovf);
}

/** `ovf sign` and `ovf verify` (SEC-5): the .mf/.cert of a package, with the OVF tool's layout. */
function registerSigningCommands(ovf: Command): void {
  ovf
    .command('sign <package>')
    .description(
      'sign an .ova or a package directory in place: rewrites the .mf over every file and writes the .cert ' +
        '(signature of the .mf, then the certificate chain)',
    )
    .requiredOption('--key <pem>', 'PEM private key of the publisher')
    .requiredOption(
      '--cert <pem>',
      'PEM certificate of the key, followed by any intermediate CA certificates',
    )
    .option('--digest <alg>', 'sha256 or sha512, for the manifest and the signature', 'sha256')
    .action(async (file: string, o: { key: string; cert: string; digest: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<{ json?: boolean }>();
      if (o.digest !== 'sha256' && o.digest !== 'sha512') {
        process.stderr.write(`--digest must be sha256 or sha512, not "${o.digest}"\n`);
        process.exitCode = INVALID;
        return;
      }
      const algorithm = o.digest;
      await refusingBadInput(file, async () => {
        const [key, cert] = await Promise.all([readFile(o.key, 'utf8'), readFile(o.cert, 'utf8')]);
        const signed = await signPackage({ package: file, key, cert, algorithm });
        if (g.json) printJson(signed);
        else
          process.stdout.write(
            `signed ${signed.path}: ${signed.manifest} (${signed.algorithm}, ${signed.files.length} files) ` +
              `and ${signed.certificate} by "${signed.signer}"\npackage digest: sha256:${signed.packageDigest}\n`,
          );
      });
    });
  ovf
    .command('verify <package>')
    .description(
      'check the .mf digests and the .cert signature and chain of an .ova or a package directory; ' +
        'exits 0 when the package would be admitted, 2 (reasons on stderr) when it would be refused',
    )
    .option(
      '--trust <pem>',
      'trusted CA or publisher certificate(s), PEM; repeatable',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option('--require-signature', 'refuse unsigned packages and SHA-1 digests')
    .action(async (file: string, o: { trust: string[]; requireSignature?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<{ json?: boolean }>();
      await refusingBadInput(file, async () => {
        const v = await verifyPackage(file, {
          trustStore: o.trust,
          requireSignature: o.requireSignature === true,
        });
        const { package: _pkg, ...result } = v;
        if (g.json) printJson(result);
        else process.stdout.write(verification(v));
        if (!v.admitted) {
          process.stderr.write(`${v.reasons.join('\n')}\n`);
          process.exitCode = INVALID;
        }
      });
    });
}

/** Runs `work`, turning bad input (unreadable files, invalid packages or keys) into a message and exit 2. */
async function refusingBadInput(file: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (e) {
    const message = problemOf(e, file);
    if (message === null) throw e;
    process.stderr.write(`${message}\n`);
    process.exitCode = INVALID;
  }
}

function verification(v: PackageVerification): string {
  const out = [`${v.path}: ${v.admitted ? 'admitted' : 'refused'}`];
  out.push(`manifest: ${v.manifest ?? 'none'}`);
  if (v.digests.length > 0)
    out.push(
      table(
        ['FILE', 'DIGEST', 'ALGORITHM', 'LINE'],
        v.digests.map((d) => [d.file, d.status, d.algorithm ?? '-', d.line ?? '-']),
      ),
    );
  const s = v.signature;
  out.push(`signature: ${s.status}${s.file === null ? '' : ` (${s.algorithm ?? '?'}, ${s.file})`}`);
  const c = v.certificate;
  if (c !== null) {
    out.push(
      `certificate: "${c.subject}" issued by "${c.issuer}", valid ${c.validFrom} to ${c.validTo}: ${c.status}`,
    );
    out.push(`chain: ${c.chain.map((x) => `"${x.subject}"`).join(' <- ')}`);
  }
  for (const w of v.warnings) out.push(`warning: ${w.type}: ${w.message}`);
  for (const w of v.package.warnings) out.push(`note: ${w}`);
  if (v.packageDigest !== null) out.push(`package digest: sha256:${v.packageDigest}`);
  return `${out.join('\n')}\n`;
}

async function readPackage(file: string): Promise<OvfPackage> {
  const s = await stat(file).catch(() => null);
  if (s !== null && s.isFile() && /\.(ova|tar)$/i.test(file)) return readOvaPackage(file);
  return readOvfPackage(file);
}

function problemOf(e: unknown, file: string): string | null {
  if (isReservoirError(e)) return e.code === 'INVALID_ARGUMENT' || e.code === 'NOT_FOUND' ? e.message : null;
  const errno = e as NodeJS.ErrnoException;
  return typeof errno.code === 'string' && errno.code.startsWith('E') ? `${file}: ${errno.message}` : null;
}

function report(pkg: OvfPackage): string {
  const doc = pkg.document;
  const out: string[] = [`${pkg.path}: OVF ${doc.edition}, descriptor ${pkg.descriptorName}`];
  const disk = (d: { diskId: string; capacityBytes: number | null }) =>
    `${d.diskId} ${bytes(d.capacityBytes)}`;
  out.push(
    table(
      ['SYSTEM', 'NAME', 'IN', 'OS', 'CPUS', 'MEMORY', 'DISKS', 'NICS'],
      doc.virtualSystems.map((v) => [
        v.id,
        v.name,
        v.parentId ?? '',
        v.osType,
        v.cpus ?? '-',
        v.memoryMiB === null ? '-' : mib(v.memoryMiB),
        v.disks.map(disk).join('\n'),
        v.nicNetworks.map((n) => n || '(unconnected)').join('\n'),
      ]),
    ),
  );
  if (doc.collections.length > 0) {
    out.push(
      table(
        ['COLLECTION', 'NAME', 'IN', 'STARTUP ORDER'],
        doc.collections.map((c) => [
          c.id,
          c.name,
          c.parentId ?? '',
          c.startup.map((s) => `${s.order}. ${s.id}`).join('\n'),
        ]),
      ),
    );
  }
  const properties = doc.virtualSystems.flatMap((v) =>
    v.propertyDetails.map((p) => ({ system: v.id, ...p })),
  );
  if (properties.length > 0) {
    out.push(
      table(
        ['SYSTEM', 'PROPERTY', 'TYPE', 'VALUE', 'USER'],
        properties.map((p) => [p.system, p.key, p.type, p.value, p.userConfigurable ? 'yes' : '']),
      ),
    );
  }
  if (doc.references.length > 0) {
    out.push(
      table(
        ['FILE', 'HREF', 'SIZE'],
        doc.references.map((r) => [r.id, r.href, bytes(r.size)]),
      ),
    );
  }
  if (doc.networks.length > 0) {
    out.push(
      table(
        ['NETWORK', 'DESCRIPTION'],
        doc.networks.map((n) => [n.name, n.description]),
      ),
    );
  }
  out.push(
    table(
      ['PACKAGE MEMBER', 'SIZE'],
      pkg.files.map((f) => [f.name, bytes(f.size)]),
    ),
  );
  const mf = pkg.manifest;
  if (mf === null) out.push('manifest: none');
  else {
    const verdict = mf.problems.length === 0 ? 'all digests match' : `${mf.problems.length} problem(s)`;
    out.push(`manifest: ${mf.name} (${mf.algorithms.join(', ')}): ${verdict}`);
  }
  for (const w of [...doc.warnings, ...pkg.warnings]) out.push(`warning: ${w}`);
  return `${out.join('\n')}\n`;
}

function bytes(n: number | null): string {
  if (n === null) return '-';
  for (const [unit, size] of [
    ['TiB', 2 ** 40],
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ] as const) {
    if (n >= size) return `${Number((n / size).toFixed(1))} ${unit}`;
  }
  return `${n} B`;
}
