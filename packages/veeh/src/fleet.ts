import { errors } from '@reservoir/runtime';
import { HYPERVISOR_FAMILIES, isHypervisorFamily, type HypervisorFamily } from './domain/families.js';
import type { SimHostConfig } from './domain/sim-host.js';

/** What every host of a generated fleet has in common. */
export type HostTemplate = Omit<SimHostConfig, 'id' | 'hostname' | 'family'>;

/** Families of a fleet: with counts ("kvm:8,hyperv:2") or dealt round-robin ("kvm,xen"). */
export type FamilyMix = readonly { family: HypervisorFamily; count?: number }[];

export interface HostFleet {
  count?: number;
  /** Host ids are the prefix and a zero-padded index: host-01, host-02 ... */
  prefix?: string;
  template: HostTemplate;
  /** Default kvm. A string is parsed as by parseFamilyMix. */
  families?: FamilyMix | string;
}

export function parseFamilyMix(text: string): FamilyMix {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw errors.invalid('family', 'empty');
  return parts.map((part) => {
    const [name = '', count] = part.split(':');
    if (!isHypervisorFamily(name))
      throw errors.invalid('family', `unknown family ${name} (known: ${HYPERVISOR_FAMILIES.join(', ')})`);
    if (count === undefined) return { family: name };
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1)
      throw errors.invalid('family', `${part}: the count must be a positive integer`);
    return { family: name, count: n };
  });
}

/** The host configurations of a fleet, in id order. */
export function buildFleet(fleet: HostFleet): SimHostConfig[] {
  const mix =
    typeof fleet.families === 'string'
      ? parseFamilyMix(fleet.families)
      : (fleet.families ?? [{ family: 'kvm' }]);
  const counted = mix.filter((m) => m.count !== undefined).length;
  if (counted !== 0 && counted !== mix.length)
    throw errors.invalid('family', 'give a count to every family or to none');
  let families: HypervisorFamily[];
  if (counted > 0) {
    families = mix.flatMap((m) => Array.from({ length: m.count ?? 0 }, () => m.family));
    if (fleet.count !== undefined && fleet.count !== families.length) {
      throw errors.invalid(
        'hosts',
        `${fleet.count} hosts asked but the family mix counts ${families.length}`,
      );
    }
  } else {
    const count = fleet.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw errors.invalid('hosts', 'must be a positive integer');
    families = Array.from({ length: count }, (_, i) => mix[i % mix.length]!.family);
  }
  const prefix = fleet.prefix ?? 'host-';
  const width = Math.max(2, String(families.length).length);
  return families.map((family, i) => ({
    ...fleet.template,
    id: `${prefix}${String(i + 1).padStart(width, '0')}`,
    family,
  }));
}
