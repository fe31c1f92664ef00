// The answer to "can this VM go there?" (seed 000, usage scenario 1): yes, no, or the list of
// differences, with the portability level that is possible.

/** info: worth knowing, changes nothing; warning: the VM runs but something changed; blocking: it cannot go. */
export type Severity = 'info' | 'warning' | 'blocking';

export const SEVERITIES: readonly Severity[] = ['blocking', 'warning', 'info'];

export interface Difference {
  /** Stable UPPER_SNAKE code a program can match on, e.g. MEMORY_LIMIT or ADDRESS_CHANGE. */
  code: string;
  severity: Severity;
  /** Where the difference is, as a path into the VM or the target, e.g. "vm.vcpus". */
  field: string;
  /** One sentence naming both values. */
  message: string;
  source?: string;
  target?: string;
}

/** DMTF portability levels (seed 000): 1 live (suspend/resume), 2 cold (shutdown/reboot), 3 rebuild. */
export type PortabilityLevel = 1 | 2 | 3;

export interface InteropReport {
  /** True when no difference is blocking: the VM can go live or cold as it is. */
  interoperable: boolean;
  /** The best feasible level; null when limits, geography, licences or capacity rule every level out. */
  level: PortabilityLevel | null;
  /** The host chosen at the target, '' when none can take the VM. */
  targetHost: string;
  /** The disk format the VM will have at the target, '' when the target has no host. */
  targetFormat: string;
  differences: Difference[];
}

const RANK: Record<Severity, number> = { blocking: 0, warning: 1, info: 2 };

/** Most severe first, then by code and field, so the same input always lists the same way. */
export function compareDifferences(a: Difference, b: Difference): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    cmp(a.code, b.code) ||
    cmp(a.field, b.field) ||
    cmp(a.message, b.message)
  );
}

/** Sorted and without repeats (the same code, field and message reached twice counts once). */
export function orderDifferences(ds: Iterable<Difference>): Difference[] {
  const seen = new Map<string, Difference>();
  for (const d of ds) {
    const key = `${d.code}\u0000${d.field}\u0000${d.message}`;
    const had = seen.get(key);
    if (!had || RANK[d.severity] < RANK[had.severity]) seen.set(key, d);
  }
  return [...seen.values()].sort(compareDifferences);
}

export function worstSeverity(ds: readonly Difference[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const d of ds) if (worst === undefined || RANK[d.severity] < RANK[worst]) worst = d.severity;
  return worst;
}

export function hasBlocking(ds: readonly Difference[]): boolean {
  return ds.some((d) => d.severity === 'blocking');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
