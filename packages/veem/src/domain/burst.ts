import { errors } from '@reservoir/runtime';
import type { CapabilityProfile } from './host.js';
import type { Resources } from './resources.js';
import type { Vm } from './vm.js';

// Guaranteed and burst allocations (seed 000, "VM Cloudburst"): placement reserves the guarantee;
// a VM may grow above it up to its burst allowance (at most 100% of the guarantee, or the site's
// lower share) while its host has physical room; guarantee + burst stays within the hypervisor's
// hard limits per VM. See docs/burst.md.

export type Size = Pick<Resources, 'vcpus' | 'memoryMib'>;
type Burstable = Pick<Vm, 'resources' | 'burst' | 'guarantee'>;

export const DEFAULT_BURST_MAX_RATIO = 1;
const KEYS = ['vcpus', 'memoryMib'] as const;
const UNIT = { vcpus: ' vCPUs', memoryMib: ' MiB' } as const;
const FIELD = { vcpus: 'vcpus', memoryMib: 'memory_mib' } as const;

export function hasBurst(b: Size | undefined): b is Size {
  return !!b && (b.vcpus > 0 || b.memoryMib > 0);
}

/** What the VM is always entitled to: its guarantee, or its size when it does not burst. */
export function guaranteeOf(vm: Burstable): Resources {
  return hasBurst(vm.burst) && vm.guarantee ? vm.guarantee : vm.resources;
}

/** The largest size the VM may reach: guarantee + burst. */
export function burstCeiling(vm: Burstable): Size {
  const g = guaranteeOf(vm);
  const b = hasBurst(vm.burst) ? vm.burst : { vcpus: 0, memoryMib: 0 };
  return { vcpus: g.vcpus + b.vcpus, memoryMib: g.memoryMib + b.memoryMib };
}

/** The part of the VM's size above its guarantee: what is billed as burst. */
export function burstInUse(vm: Burstable): Size {
  const g = guaranteeOf(vm);
  return {
    vcpus: Math.max(0, vm.resources.vcpus - g.vcpus),
    memoryMib: Math.max(0, vm.resources.memoryMib - g.memoryMib),
  };
}

/** Refuses an allowance above the site's share of the guarantee (`maxRatio`, 1 = 100%). */
export function checkBurstAllowance(field: string, guarantee: Size, burst: Size, maxRatio: number): void {
  for (const k of KEYS) {
    const max = Math.floor(guarantee[k] * maxRatio);
    if (burst[k] > max)
      throw errors.invalid(
        `${field}.${FIELD[k]}`,
        `a burst of ${burst[k]}${UNIT[k]} exceeds ${Math.round(maxRatio * 100)}% of the guarantee of ${guarantee[k]}${UNIT[k]} (at most ${max}${UNIT[k]})`,
      );
  }
}

/** Why guarantee + burst passes a hypervisor's hard limits per VM (naming the limit), or undefined. */
export function ceilingRefusal(
  ceiling: Size,
  profile: Pick<CapabilityProfile, 'hypervisor' | 'maxVcpusPerVm' | 'maxMemoryMibPerVm'>,
): string | undefined {
  const limits = { vcpus: profile.maxVcpusPerVm, memoryMib: profile.maxMemoryMibPerVm };
  for (const k of KEYS) {
    if (limits[k] > 0 && ceiling[k] > limits[k])
      return `guarantee + burst of ${ceiling[k]}${UNIT[k]} exceeds ${profile.hypervisor}'s hard limit of ${limits[k]}${UNIT[k]} per VM`;
  }
  return undefined;
}

/**
 * A resize of a VM with a burst allowance moves its size between the guarantee and guarantee +
 * burst; the guarantee itself is a contract that a resize does not change. A VM without an
 * allowance is resized as before (its size is its guarantee).
 */
export function checkBurstResize(vm: Burstable & Pick<Vm, 'id'>, want: Size): void {
  if (!hasBurst(vm.burst)) return;
  const g = guaranteeOf(vm);
  const c = burstCeiling(vm);
  for (const k of KEYS) {
    if (want[k] > c[k])
      throw errors.invalid(
        FIELD[k],
        `${want[k]}${UNIT[k]} is beyond VM ${vm.id}'s burst allowance: guarantee ${g[k]} + burst ${vm.burst[k]} = ${c[k]}${UNIT[k]}`,
      );
    if (want[k] < g[k])
      throw errors.invalid(
        FIELD[k],
        `${want[k]}${UNIT[k]} is below VM ${vm.id}'s guarantee of ${g[k]}${UNIT[k]}; a VM with a burst allowance runs between its guarantee and guarantee + burst`,
      );
  }
}

/**
 * Why the host has no physical room for the burst a resize adds, or undefined. Bursts are never
 * overcommitted: a resource the VM grows above its guarantee must fit the host's real capacity.
 */
export function burstRoomRefusal(
  vm: Burstable,
  want: Size,
  host: { name: string; capacity: Resources },
  used: Resources,
): string | undefined {
  const g = guaranteeOf(vm);
  for (const k of KEYS) {
    const grow = want[k] - vm.resources[k];
    if (grow <= 0 || want[k] <= g[k]) continue;
    if (used[k] + grow > host.capacity[k])
      return `host ${host.name} has no physical room for a burst to ${want[k]}${UNIT[k]}: ${used[k]} of ${host.capacity[k]}${UNIT[k]} are allocated, and bursts are never overcommitted`;
  }
  return undefined;
}
