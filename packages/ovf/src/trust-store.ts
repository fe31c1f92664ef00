// X.509 side of OVF package signing (crosscutting.md §5): the certificates of a `.cert`, a trust
// store, and the chain from the signer to a trusted certificate, with Node's crypto only.
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ReservoirError } from '@reservoir/runtime';

/** vSphere-like signing warnings (vSphere's `WarningType` names, plus WEAK_DIGEST for SHA-1). */
export type SigningWarningType =
  'SELF_SIGNED' | 'EXPIRED' | 'NOT_YET_VALID' | 'UNTRUSTED_CERTIFICATE' | 'WEAK_DIGEST';

export interface SigningWarning {
  type: SigningWarningType;
  message: string;
}

/** Whether the signer's chain reaches the trust store. */
export type ChainTrust = 'trusted' | 'untrusted' | 'self-signed';
/** Whether every certificate of the chain is valid at the time of the check. */
export type ChainValidity = 'valid' | 'expired' | 'not-yet-valid';
/** Trust first, then time: `trusted` only when the chain is trusted and valid. */
export type CertificateStatus = 'trusted' | 'untrusted' | 'self-signed' | 'expired' | 'not-yet-valid';

export interface CertificateSummary {
  /** Distinguished names as `CN=…, O=…`. */
  subject: string;
  issuer: string;
  serialNumber: string;
  fingerprint256: string;
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
}

/** The signer's certificate and what became of its chain. */
export interface CertificateReport extends CertificateSummary {
  status: CertificateStatus;
  trust: ChainTrust;
  validity: ChainValidity;
  /** Signer first, then each issuer found, ending at the trust-store certificate when trusted. */
  chain: CertificateSummary[];
}

/** Trust anchors: certificates, PEM texts, or paths of PEM files (each may hold several certificates). */
export type TrustStoreInput = readonly (X509Certificate | string)[];

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const MAX_CHAIN = 8;

/** Every PEM certificate in `text`, in order; a block that does not parse throws INVALID_ARGUMENT naming `label`. */
export function parsePemCertificates(text: string, label: string): X509Certificate[] {
  return [...text.matchAll(PEM_BLOCK)].map((m, i) => {
    try {
      return new X509Certificate(m[0]);
    } catch (e) {
      throw new ReservoirError(
        'INVALID_ARGUMENT',
        `${label}: certificate ${i + 1} is not a valid X.509 certificate (${(e as Error).message})`,
      );
    }
  });
}

/** Reads a trust store; a file without any certificate is refused, as a likely mistake. */
export async function loadTrustStore(input: TrustStoreInput): Promise<X509Certificate[]> {
  const out: X509Certificate[] = [];
  for (const item of input) {
    if (item instanceof X509Certificate) {
      out.push(item);
      continue;
    }
    const isPem = item.includes('-----BEGIN');
    const text = isPem
      ? item
      : await readFile(item, 'utf8').catch((e: NodeJS.ErrnoException) => {
          throw new ReservoirError(
            e.code === 'ENOENT' ? 'NOT_FOUND' : 'INVALID_ARGUMENT',
            `${item}: cannot read the trust store (${e.message})`,
          );
        });
    const label = isPem ? 'trust store' : item;
    const certs = parsePemCertificates(text, label);
    if (certs.length === 0) throw new ReservoirError('INVALID_ARGUMENT', `${label}: no PEM certificate`);
    out.push(...certs);
  }
  return out;
}

export function summarize(cert: X509Certificate): CertificateSummary {
  return {
    subject: dn(cert.subject),
    issuer: dn(cert.issuer),
    serialNumber: cert.serialNumber,
    fingerprint256: cert.fingerprint256,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
  };
}

/**
 * Builds the chain from `certs[0]` (the signer) through the other certificates of the `.cert` to
 * the trust store, and checks every certificate's validity at `now`. An issuer must be a CA
 * (basicConstraints) whose key verifies the certificate; a certificate that is itself in the
 * store (a pinned self-signed signer, say) is trusted. Problems come back unlocated, one per fact.
 */
export function assessCertificate(
  certs: readonly X509Certificate[],
  trustStore: readonly X509Certificate[],
  now: Date,
): { report: CertificateReport; warnings: SigningWarning[]; problems: string[] } {
  const [signer, ...extra] = certs;
  if (signer === undefined) throw new ReservoirError('INVALID_ARGUMENT', 'no certificate to assess');
  const { chain, trust } = buildChain(signer, extra, trustStore);
  const warnings: SigningWarning[] = [];
  const problems: string[] = [];
  const name = (c: X509Certificate) => `"${dn(c.subject)}"`;
  if (isSelfSigned(signer))
    warnings.push({ type: 'SELF_SIGNED', message: `certificate ${name(signer)} is self-signed` });
  if (trust !== 'trusted') {
    const last = chain[chain.length - 1] ?? signer;
    const why =
      trust === 'self-signed'
        ? 'is self-signed and not in the trust store'
        : last === signer
          ? `is issued by "${dn(signer.issuer)}", which is neither in the trust store nor in the .cert`
          : `chains to ${name(last)}, issued by "${dn(last.issuer)}", which is not in the trust store`;
    warnings.push({ type: 'UNTRUSTED_CERTIFICATE', message: `certificate ${name(signer)} ${why}` });
    problems.push(`certificate ${name(signer)} is not trusted: it ${why}`);
  }
  let validity: ChainValidity = 'valid';
  for (const c of chain) {
    const from = new Date(c.validFrom);
    const to = new Date(c.validTo);
    if (now.getTime() > to.getTime()) {
      validity = 'expired';
      const message = `certificate ${name(c)} expired on ${to.toISOString()}`;
      warnings.push({ type: 'EXPIRED', message });
      problems.push(message);
    } else if (now.getTime() < from.getTime()) {
      if (validity === 'valid') validity = 'not-yet-valid';
      const message = `certificate ${name(c)} is not valid before ${from.toISOString()}`;
      warnings.push({ type: 'NOT_YET_VALID', message });
      problems.push(message);
    }
  }
  const status: CertificateStatus = trust !== 'trusted' ? trust : validity === 'valid' ? 'trusted' : validity;
  return {
    report: { ...summarize(signer), status, trust, validity, chain: chain.map(summarize) },
    warnings,
    problems,
  };
}

function buildChain(
  signer: X509Certificate,
  extra: readonly X509Certificate[],
  store: readonly X509Certificate[],
): { chain: X509Certificate[]; trust: ChainTrust } {
  const chain = [signer];
  let cert = signer;
  while (chain.length <= MAX_CHAIN) {
    if (store.some((t) => t.fingerprint256 === cert.fingerprint256)) return { chain, trust: 'trusted' };
    const anchor = store.find((t) => issued(cert, t));
    if (anchor !== undefined) return { chain: [...chain, anchor], trust: 'trusted' };
    if (isSelfSigned(cert)) break;
    const next = extra.find((c) => !chain.includes(c) && issued(cert, c));
    if (next === undefined) break;
    chain.push(next);
    cert = next;
  }
  return { chain, trust: chain.length === 1 && isSelfSigned(signer) ? 'self-signed' : 'untrusted' };
}

/** `issuer` is a CA whose name matches `cert`'s issuer and whose key verifies its signature. */
function issued(cert: X509Certificate, issuer: X509Certificate): boolean {
  return issuer.ca && cert.checkIssued(issuer) && verifies(cert, issuer);
}

/** Issued by itself: same name, signed by its own key (checkIssued would also demand keyCertSign usage). */
function isSelfSigned(cert: X509Certificate): boolean {
  return cert.subject === cert.issuer && verifies(cert, cert);
}

function verifies(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Node separates the RDNs of a distinguished name by newlines. */
function dn(name: string): string {
  return name.split('\n').join(', ');
}
