import { basename } from 'node:path';
import { descriptorDigestOf, verifySignedDescriptor } from '@reservoir/ovf';
import { errors } from '@reservoir/runtime';
import type { AdmittedPackage, Service, ServiceEvent } from '../domain/service.js';
import type { SmContext } from './context.js';

// SEC-4: an organization may require signed OVF packages. A deploy then carries the package's
// .mf and .cert with the descriptor; the SM admits the descriptor against them and records what it
// admitted, so that the descriptor it keeps can be checked again before the service grows.

export interface PackageMaterial {
  /** The descriptor text deployed. */
  descriptor: string;
  /** Its name in the package; empty to take it from `fileName`. */
  descriptorName: string;
  fileName: string;
  /** Empty when none came. */
  manifest: Uint8Array;
  certificate: Uint8Array;
}

export type PackageDecision =
  /** Nothing to record: no .mf came, or it could not be verified (`unverified` says why). */
  { record: null; unverified: string[] } | { record: AdmittedPackage; unverified: null };

/**
 * Admits the descriptor by its package when the organization requires signatures (refusing with
 * FAILED_PRECONDITION and every reason otherwise), and says what to record when a .mf came.
 */
export async function admitPackage(
  ctx: SmContext,
  m: PackageMaterial,
  organization: string,
): Promise<PackageDecision> {
  const required = (await ctx.signatures?.requireFor(organization)) ?? false;
  const manifest = m.manifest.byteLength > 0 ? m.manifest : null;
  const certificate = m.certificate.byteLength > 0 ? m.certificate : null;
  if (!required && manifest === null && certificate === null) return { record: null, unverified: [] };
  const descriptorName = m.descriptorName || basename(m.fileName || 'manifest');
  const v = await verifySignedDescriptor({
    descriptorName,
    descriptor: m.descriptor,
    manifest,
    certificate,
    trustStore: ctx.signatures?.trustStore ?? [],
    requireSignature: required,
    now: new Date(ctx.now()),
  });
  if (required && !v.admitted)
    throw errors.precondition(
      `organization "${organization}" requires signed OVF packages; ${m.fileName || descriptorName} is refused:\n${v.reasons.join('\n')}`,
    );
  if (!v.admitted || v.packageDigest === null || v.descriptorDigest === null)
    return { record: null, unverified: v.reasons };
  return {
    record: {
      digest: v.packageDigest,
      descriptorName,
      descriptorDigest: v.descriptorDigest,
      signer: v.signer,
    },
    unverified: null,
  };
}

/** The reason of a package.admitted event: what a reader of the log needs to recognize the package. */
export function admittedReason(p: AdmittedPackage): string {
  const d = p.descriptorDigest;
  const by = p.signer
    ? `signed by "${p.signer.subject}" (certificate SHA-256 ${p.signer.fingerprint256})`
    : 'unsigned';
  return `package admitted: manifest sha256 ${p.digest}, ${p.descriptorName} ${d.algorithm.toLowerCase()} ${d.digest}, ${by}`;
}

/**
 * Refuses (FAILED_PRECONDITION) when the descriptor the SM keeps for `s` no longer hashes to what
 * the admitted .mf listed. The reference is the package.admitted event, as the log is only ever
 * appended to while the service record is rewritten at every change; the record stands in only
 * when the event is missing (the SM stopped between storing the service and logging it).
 */
export function checkStoredDescriptor(s: Service, logged: ServiceEvent | undefined): void {
  const admitted = logged?.package ?? s.package;
  if (!admitted) return;
  const expected = admitted.descriptorDigest;
  const actual = s.package ? descriptorDigestOf(s.package.descriptor, expected.algorithm) : 'no descriptor';
  if (actual !== expected.digest || s.package?.digest !== admitted.digest)
    throw errors.precondition(
      `the stored descriptor of service ${s.id} no longer matches the package admitted at deploy (${expected.algorithm.toLowerCase()} ${expected.digest}, now ${actual})`,
    );
}
