import { FederationServiceDefinition } from '@reservoir/contracts';
import { createClient } from '@reservoir/runtime';

/** The federation service of a VEEM: interoperability checks, copies and moves, the seven-step test. */
export function federationClient(address: string, deadlineMs = 30_000) {
  return createClient(FederationServiceDefinition, address, { deadlineMs });
}

export type FederationClient = ReturnType<typeof federationClient>;
