import type { DomainSpec } from '../domain/driver.js';
import { LATENCY_PROFILES, type LatencyProfile } from '../domain/latency.js';
import { SimHost, type SimHostConfig } from '../domain/sim-host.js';
import { ManualClock } from './manual-clock.js';

export function spec(
  vmId: string,
  vcpus = 2,
  memoryMib = 4096,
  diskMib = 10_240,
  extra: Partial<DomainSpec> = {},
): DomainSpec {
  return {
    vmId,
    name: '',
    resources: { vcpus, memoryMib, diskMib },
    disks: [],
    nics: [],
    context: {},
    ...extra,
  };
}

export interface SimFixture {
  host: SimHost;
  clock: ManualClock;
}

/** A host of 4 cores (64 vCPUs at 16:1), 16 GiB and 100,000 MiB of disk unless told otherwise. */
export function simHost(
  config: Partial<SimHostConfig> = {},
  options: { latencies?: LatencyProfile; seed?: number; clock?: ManualClock } = {},
): SimFixture {
  const clock = options.clock ?? new ManualClock();
  const host = new SimHost(
    { id: 'h1', cores: 4, memoryMib: 16_384, diskMib: 100_000, ...config },
    { clock, latencies: options.latencies ?? LATENCY_PROFILES.none, seed: options.seed ?? 1 },
  );
  return { host, clock };
}
