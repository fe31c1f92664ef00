import { existsSync, readFileSync, statSync } from 'node:fs';
import { ReservoirError } from '@reservoir/runtime';
import { packageSigningFiles, readOvaPackage, readOvfPackage, type OvfPackage } from '@reservoir/ovf';

export interface ManifestInput {
  /** The OVF descriptor or YAML text. */
  text: string;
  /** Where it came from, for error messages. */
  fileName: string;
  /** The package's .mf check, when the manifest came from a package with one. */
  package?: OvfPackage;
  /** The package's .mf and .cert bytes (empty when it has none), which the SM admits the descriptor by. */
  signing?: { descriptorName: string; manifest: Buffer; certificate: Buffer };
}

function unreadable(file: string, why: string): ReservoirError {
  return new ReservoirError('INVALID_ARGUMENT', `${file}: cannot read the manifest: ${why}`, { field: file });
}

/**
 * A manifest from a file: an OVA, a package directory, an .ovf (with its sibling .mf checked when
 * there is one) or a YAML manifest. A digest that does not match refuses the package (SM-8). A
 * package's .mf and .cert come along, for organizations that require signed packages (SEC-4).
 */
export async function readManifestInput(file: string): Promise<ManifestInput> {
  let isDir: boolean;
  try {
    isDir = statSync(file).isDirectory();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw unreadable(file, err.code === 'ENOENT' ? 'no such file' : err.message);
  }
  const isOvf = /\.ovf$/i.test(file);
  const sibling = (ext: string) => existsSync(file.replace(/\.ovf$/i, ext));
  const isPackage = isDir || /\.ova$/i.test(file) || (isOvf && (sibling('.mf') || sibling('.cert')));
  if (isPackage) {
    const pkg = /\.ova$/i.test(file) ? await readOvaPackage(file) : await readOvfPackage(file);
    if (pkg.problems.length > 0) throw new ReservoirError('INVALID_ARGUMENT', pkg.problems.join('\n'));
    // An archive whose members cannot be located (not a plain tar) goes without them; the SM decides.
    const { manifest, certificate } = await packageSigningFiles(pkg);
    return {
      text: pkg.descriptor,
      fileName: `${file}${pkg.kind === 'ova' ? `/${pkg.descriptorName}` : ''}`,
      package: pkg,
      signing: {
        descriptorName: pkg.descriptorName,
        manifest: manifest?.bytes ?? Buffer.alloc(0),
        certificate: certificate?.bytes ?? Buffer.alloc(0),
      },
    };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw unreadable(file, (e as Error).message);
  }
  // A tar or disk image read as text would only yield pages of YAML syntax errors.
  if (text.includes('\u0000'))
    throw unreadable(file, 'it is a binary file, not an OVF descriptor or YAML (an OVA must be named *.ova)');
  return { text, fileName: file };
}
