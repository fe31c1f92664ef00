import { loadTrustStore } from '@reservoir/ovf';
import type { Identities } from '@reservoir/security';
import type { SignaturePolicy } from '../../app/ports.js';

/**
 * The SM's rule for signed OVF packages (SEC-4). With the security store, an organization's
 * requireSignedOvf decides, and an organization the store does not know is NOT_FOUND (its deploy
 * is refused, not let through unsigned); without it no organization requires signatures. Signers
 * must chain to the certificates of the trust store files. Undefined when there is neither.
 */
export async function ovfSignaturePolicy(o: {
  trustStore: readonly string[];
  identities?: Pick<Identities, 'getOrganization'>;
}): Promise<SignaturePolicy | undefined> {
  const { identities } = o;
  if (!identities && o.trustStore.length === 0) return undefined;
  return {
    trustStore: await loadTrustStore(o.trustStore),
    requireFor: identities
      ? async (organization) => (await identities.getOrganization(organization)).requireSignedOvf
      : async () => false,
  };
}
