import { errors } from '@reservoir/runtime';
import type { CapabilityProfile } from './host.js';
import { parseRequirements } from './interop/requirements.js';
import type { Resources } from './resources.js';

// Operational requirements: promises about how a VM is operated (seed 000, usage scenario 3,
// failure condition 2: "no reboot when CPUs grow" must not be broken silently by another site or
// hypervisor). Every operation keeps them or is refused with the reason.

export const NO_REBOOT_ON_CPU_CHANGE = 'no-reboot-on-cpu-change';
export const NO_REBOOT_ON_MEMORY_CHANGE = 'no-reboot-on-memory-change';
export const OPERATIONAL_REQUIREMENTS = [NO_REBOOT_ON_CPU_CHANGE, NO_REBOOT_ON_MEMORY_CHANGE] as const;
export type OperationalRequirement = (typeof OPERATIONAL_REQUIREMENTS)[number];

/** Requirements checked when a VM goes to another site or hypervisor kind (see interop/requirements). */
export const SITE_REQUIREMENTS = [
  'live-migration',
  'snapshots',
  'static-ip',
  'licence',
  'country',
  'allowed-countries',
  'virtual-hardware',
] as const;

type Size = Pick<Resources, 'vcpus' | 'memoryMib'>;
type Hotplug = Pick<CapabilityProfile, 'hypervisor' | 'cpuHotplug' | 'memoryHotplug'>;

/** A change that reboots the VM, and the requirement that forbids it. */
export interface RebootNeed {
  requirement: OperationalRequirement;
  /** Why, after the hypervisor's name: "cannot hot-plug CPUs". */
  why: string;
}

/**
 * Checks the requirements a request gives: an unknown one cannot be honoured, so it is refused
 * rather than ignored. Returns the map to keep.
 */
export function checkOperationalRequirements(
  field: string,
  given: Record<string, string>,
): Record<string, string> {
  for (const [k, v] of Object.entries(given)) {
    if (!(OPERATIONAL_REQUIREMENTS as readonly string[]).includes(k)) {
      // The others are promises a site or a move must keep (interoperability): live-migration,
      // snapshots, static-ip, licence, country, virtual-hardware, checked wherever the VM goes.
      let unknown: string[];
      try {
        unknown = parseRequirements({ [k]: v }).unknown;
      } catch (e) {
        throw errors.invalid(`${field}.${k}`, (e as Error).message.replace(/^[^:]*: /, ''));
      }
      if (unknown.length)
        throw errors.invalid(
          `${field}.${k}`,
          `unknown operational requirement; known: ${[...OPERATIONAL_REQUIREMENTS, ...SITE_REQUIREMENTS].join(', ')}`,
        );
      continue;
    }
    if (v !== 'true' && v !== 'false') throw errors.invalid(`${field}.${k}`, `"${v}" must be true or false`);
  }
  return { ...given };
}

export function requires(reqs: Record<string, string> | undefined, r: OperationalRequirement): boolean {
  return reqs?.[r] === 'true';
}

/**
 * Why resizing a running VM from `current` to `want` needs a reboot on this hypervisor; empty
 * when it hot-plugs. Removing CPUs or memory from a running guest is never done hot (as the
 * host drivers refuse it), adding needs the family's hot-plug.
 */
export function rebootNeeds(profile: Hotplug, current: Size, want: Size): RebootNeed[] {
  const out: RebootNeed[] = [];
  if (want.vcpus < current.vcpus)
    out.push({ requirement: NO_REBOOT_ON_CPU_CHANGE, why: 'cannot remove CPUs from a running VM' });
  else if (want.vcpus > current.vcpus && !profile.cpuHotplug)
    out.push({ requirement: NO_REBOOT_ON_CPU_CHANGE, why: 'cannot hot-plug CPUs' });
  if (want.memoryMib < current.memoryMib)
    out.push({ requirement: NO_REBOOT_ON_MEMORY_CHANGE, why: 'cannot remove memory from a running VM' });
  else if (want.memoryMib > current.memoryMib && !profile.memoryHotplug)
    out.push({ requirement: NO_REBOOT_ON_MEMORY_CHANGE, why: 'cannot hot-plug memory' });
  return out;
}

/** The requirements a hypervisor family can never keep: growing the VM would reboot it. */
export function unhonoured(profile: Hotplug, reqs: Record<string, string> | undefined): RebootNeed[] {
  const out: RebootNeed[] = [];
  if (requires(reqs, NO_REBOOT_ON_CPU_CHANGE) && !profile.cpuHotplug)
    out.push({ requirement: NO_REBOOT_ON_CPU_CHANGE, why: 'cannot hot-plug CPUs' });
  if (requires(reqs, NO_REBOOT_ON_MEMORY_CHANGE) && !profile.memoryHotplug)
    out.push({ requirement: NO_REBOOT_ON_MEMORY_CHANGE, why: 'cannot hot-plug memory' });
  return out;
}

/**
 * Whether resizing a running VM reboots it: false when the hypervisor hot-plugs the change, true
 * when it may reboot (allowReboot). Refuses when the VM's requirements forbid the reboot (even
 * with allowReboot: the requirement is the VM owner's promise) or when the caller did not allow it.
 */
export function decideReboot(
  vm: { id: string; resources: Size; operationalRequirements?: Record<string, string> },
  host: { name: string; profile: Hotplug },
  want: Size,
  allowReboot: boolean,
): boolean {
  const needs = rebootNeeds(host.profile, vm.resources, want);
  if (needs.length === 0) return false;
  const hv = `${host.profile.hypervisor} on ${host.name}`;
  const broken = needs.find((n) => requires(vm.operationalRequirements, n.requirement));
  if (broken)
    throw errors.precondition(
      `VM ${vm.id} requires ${broken.requirement}=true, and ${hv} ${broken.why}: the resize would reboot it, so it is refused (allow_reboot does not lift an operational requirement; power the VM off first to resize it)`,
    );
  if (!allowReboot)
    throw errors.precondition(
      `${hv} ${needs.map((n) => n.why).join(' and ')}: the resize needs a reboot; allow it with allow_reboot (reservoir vm resize --allow-reboot) or power the VM off first`,
    );
  return true;
}
