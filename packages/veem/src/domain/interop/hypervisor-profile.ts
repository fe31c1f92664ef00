import type { CapabilityProfile } from '../host.js';

/**
 * What a hypervisor family can do, as a host reports it: the host's capability profile with every
 * fact known (the check reads them all). The first disk format is the one the family prefers when
 * a disk has to be converted for it.
 */
export type HypervisorProfile = Required<Omit<CapabilityProfile, 'diskFormats'>> & {
  diskFormats: readonly string[];
};

/** The format a family writes when a disk has to be converted for it. */
export function preferredFormat(p: HypervisorProfile): string {
  return p.diskFormats[0] ?? '';
}
