import { errors } from '@reservoir/runtime';
import { burstRoomRefusal, type Size } from '../domain/burst.js';
import type { Host } from '../domain/host.js';
import { add, limit, RESOURCE_KEYS, RESOURCE_NAMES, type Resources } from '../domain/resources.js';
import type { Vm } from '../domain/vm.js';

/** Refuses a size above the hypervisor's hard limits per VM, naming the limit. */
export function checkHypervisorLimits(host: Host, want: Size): void {
  const p = host.profile;
  if (p.maxVcpusPerVm && want.vcpus > p.maxVcpusPerVm)
    throw errors.invalid(
      'vcpus',
      `${want.vcpus} exceeds ${p.hypervisor}'s limit of ${p.maxVcpusPerVm} vCPUs per VM`,
    );
  if (p.maxMemoryMibPerVm && want.memoryMib > p.maxMemoryMibPerVm)
    throw errors.invalid(
      'memory_mib',
      `${want.memoryMib} MiB exceeds ${p.hypervisor}'s limit of ${p.maxMemoryMibPerVm} MiB per VM`,
    );
}

/**
 * Refuses a resize its host has no room for: the growth must fit the host's overcommitted limit,
 * and a burst above the guarantee its physical capacity too.
 */
export function checkHostRoom(vm: Vm, host: Host, want: Size, delta: Resources, used: Resources): void {
  const max = limit(host.capacity, host.overcommit);
  const after = add(used, delta);
  for (const k of RESOURCE_KEYS) {
    if (after[k] > max[k])
      throw errors.exhausted(`host ${host.name} has not enough free ${RESOURCE_NAMES[k]} for the new size`);
  }
  const noRoom = burstRoomRefusal(vm, want, host, used);
  if (noRoom) throw errors.exhausted(noRoom);
}
