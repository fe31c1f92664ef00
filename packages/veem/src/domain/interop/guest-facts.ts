import type { Difference } from './report.js';

// What scripts inside the guest report before and after a migration (seed 001: CPU, memory, IP
// addresses, routing table). Each change is a warning; a guest profile may treat some as failures.

export interface GuestFacts {
  cpuModel: string;
  vcpus: number;
  memoryMib: number;
  ips: string[];
  routes: string[];
}

export type GuestFact = keyof GuestFacts;

export const GUEST_FACTS: readonly GuestFact[] = ['cpuModel', 'vcpus', 'memoryMib', 'ips', 'routes'];

/** The difference code each guest fact's change is reported under. */
export const GUEST_FACT_CODES: Readonly<Record<GuestFact, string>> = {
  cpuModel: 'CPU_MODEL_CHANGE',
  vcpus: 'VCPU_CHANGE',
  memoryMib: 'MEMORY_CHANGE',
  ips: 'ADDRESS_CHANGE',
  routes: 'ROUTES_CHANGE',
};

const LABELS: Record<GuestFact, string> = {
  cpuModel: 'CPU model',
  vcpus: 'vCPU count',
  memoryMib: 'memory (MiB)',
  ips: 'IP addresses',
  routes: 'routes',
};

/** The guest fact a difference code stands for, undefined for other codes. */
export function guestFactOf(code: string): GuestFact | undefined {
  return GUEST_FACTS.find((f) => GUEST_FACT_CODES[f] === code);
}

/** Every fact that changed, as a warning naming both values. Lists compare as sets. */
export function compareGuestFacts(before: GuestFacts, after: GuestFacts): Difference[] {
  const ds: Difference[] = [];
  for (const fact of GUEST_FACTS) {
    const a = show(before[fact]);
    const b = show(after[fact]);
    if (a === b) continue;
    ds.push({
      code: GUEST_FACT_CODES[fact],
      severity: 'warning',
      field: `guest.${fact}`,
      message: `${LABELS[fact]} changed from ${a || 'none'} to ${b || 'none'}`,
      source: a,
      target: b,
    });
  }
  return ds;
}

// Order inside a list carries no meaning here: the same addresses in another order are no change.
function show(v: string | number | readonly string[]): string {
  return Array.isArray(v) ? [...new Set(v)].sort().join(', ') : String(v);
}
