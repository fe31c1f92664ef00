import { errors } from '@reservoir/runtime';
import type { DomainSpec, DomainState, Resources } from './driver.js';

export const ZERO: Readonly<Resources> = Object.freeze({ vcpus: 0, memoryMib: 0, diskMib: 0 });

/** Per-resource overcommit ratios of a host (1.0 = none). */
export interface Overcommit {
  cpu: number;
  memory: number;
  disk: number;
}

// 16 vCPUs per core is the usual ceiling of IaaS schedulers (OpenStack's cpu_allocation_ratio);
// memory and disk are never overcommitted unless a host says so.
export const DEFAULT_OVERCOMMIT: Readonly<Overcommit> = Object.freeze({ cpu: 16, memory: 1, disk: 1 });

// A defined or powered-off VM keeps only its disks; a suspended one has written its memory to disk
// and released compute and memory but not storage (seed 000). Incoming reserves everything, since
// a live migration lands running.
const HOLDS_COMPUTE: ReadonlySet<DomainState> = new Set<DomainState>([
  'running',
  'paused',
  'migrating',
  'incoming',
]);

/** What a domain holds in a state. A migrating domain holds what it held before the migration began. */
export function held(state: DomainState, spec: DomainSpec, priorState?: DomainState): Resources {
  const effective = state === 'migrating' && priorState !== undefined ? priorState : state;
  const r = spec.resources;
  return HOLDS_COMPUTE.has(effective)
    ? { vcpus: r.vcpus, memoryMib: r.memoryMib, diskMib: r.diskMib }
    : { vcpus: 0, memoryMib: 0, diskMib: r.diskMib };
}

export function limitsOf(capacity: Resources, overcommit: Overcommit): Resources {
  return {
    vcpus: Math.floor(capacity.vcpus * overcommit.cpu),
    memoryMib: Math.floor(capacity.memoryMib * overcommit.memory),
    diskMib: Math.floor(capacity.diskMib * overcommit.disk),
  };
}

const LABELS: Readonly<Record<keyof Resources, [string, string]>> = {
  vcpus: ['vCPUs', ''],
  memoryMib: ['memory', ' MiB'],
  diskMib: ['disk', ' MiB'],
};
const KEYS = ['vcpus', 'memoryMib', 'diskMib'] as const;

/** The exact sum of what the domains of one host hold, kept within its limits. */
export class Ledger {
  readonly used: Resources = { vcpus: 0, memoryMib: 0, diskMib: 0 };

  constructor(
    private readonly hostId: string,
    readonly limits: Readonly<Resources>,
  ) {}

  free(): Resources {
    return {
      vcpus: this.limits.vcpus - this.used.vcpus,
      memoryMib: this.limits.memoryMib - this.used.memoryMib,
      diskMib: this.limits.diskMib - this.used.diskMib,
    };
  }

  /**
   * Replaces a holding `before` by `after`, or refuses with RESOURCE_EXHAUSTED naming every
   * resource that does not fit. Releasing always fits.
   */
  move(before: Readonly<Resources>, after: Readonly<Resources>): void {
    const short: string[] = [];
    for (const k of KEYS) {
      const asked = after[k] - before[k];
      const free = this.limits[k] - this.used[k];
      if (asked > 0 && asked > free) {
        const [name, unit] = LABELS[k];
        short.push(
          `${name}: asked ${asked}${unit}, free ${Math.max(free, 0)}${unit} of ${this.limits[k]}${unit}`,
        );
      }
    }
    if (short.length > 0) throw errors.exhausted(`host ${this.hostId} has not enough ${short.join('; ')}`);
    for (const k of KEYS) this.used[k] += after[k] - before[k];
  }
}
