import type { DomainState, Resources } from './driver.js';
import { fnv1a, unitFrom } from './prng.js';

/** Measurements change once per period, like a monitoring probe's sampling interval. */
export const LOAD_PERIOD_MS = 10_000;

export function loadSeed(seed: number, hostId: string, vmId: string): number {
  return fnv1a(`${hostId}/${vmId}`, fnv1a(String(seed)));
}

export interface Measurement {
  cpuUsedPercent: number;
  memoryUsedMib: number;
}

const IDLE: Readonly<Measurement> = Object.freeze({ cpuUsedPercent: 0, memoryUsedMib: 0 });

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * The simulated load of a domain at a sampling tick: each domain has its own steady level (from
 * its seed) with a small per-tick wobble, so the same seed and clock always give the same figures.
 * Only an executing guest uses CPU; a paused one still holds its resident memory.
 */
export function measure(state: DomainState, resources: Resources, seed: number, tick: number): Measurement {
  if (state !== 'running' && state !== 'migrating' && state !== 'paused') return IDLE;
  const memLevel = 0.35 + 0.5 * unitFrom(seed ^ 0x85ebca6b);
  const memWobble = (unitFrom(seed ^ Math.imul(tick + 1, 0xc2b2ae35)) - 0.5) * 0.05;
  const memoryUsedMib = Math.round(resources.memoryMib * clamp(memLevel + memWobble, 0.05, 1));
  if (state === 'paused') return { cpuUsedPercent: 0, memoryUsedMib };
  const cpuLevel = 0.05 + 0.8 * unitFrom(seed);
  const cpuWobble = (unitFrom(seed ^ Math.imul(tick + 1, 0x9e3779b1)) - 0.5) * 0.2;
  const cpuUsedPercent = Math.round(clamp(cpuLevel + cpuWobble, 0.01, 1) * resources.vcpus * 1000) / 10;
  return { cpuUsedPercent, memoryUsedMib };
}
