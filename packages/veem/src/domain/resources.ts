export interface Resources {
  vcpus: number;
  memoryMib: number;
  diskMib: number;
}

export interface Overcommit {
  cpu: number;
  memory: number;
  disk: number;
}

export const ZERO: Resources = Object.freeze({ vcpus: 0, memoryMib: 0, diskMib: 0 });
export const NO_OVERCOMMIT: Overcommit = Object.freeze({ cpu: 1, memory: 1, disk: 1 });

export function add(a: Resources, b: Resources): Resources {
  return { vcpus: a.vcpus + b.vcpus, memoryMib: a.memoryMib + b.memoryMib, diskMib: a.diskMib + b.diskMib };
}

export function sub(a: Resources, b: Resources): Resources {
  return { vcpus: a.vcpus - b.vcpus, memoryMib: a.memoryMib - b.memoryMib, diskMib: a.diskMib - b.diskMib };
}

/** What a host may hand out: its capacity times the overcommit ratio of each resource. */
export function limit(capacity: Resources, oc: Overcommit): Resources {
  return {
    vcpus: Math.floor(capacity.vcpus * oc.cpu),
    memoryMib: Math.floor(capacity.memoryMib * oc.memory),
    diskMib: Math.floor(capacity.diskMib * oc.disk),
  };
}

export const RESOURCE_NAMES = { vcpus: 'CPU', memoryMib: 'memory', diskMib: 'disk' } as const;
export type ResourceKey = keyof typeof RESOURCE_NAMES;
export const RESOURCE_KEYS: readonly ResourceKey[] = ['vcpus', 'memoryMib', 'diskMib'];
