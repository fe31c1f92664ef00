import { familyFit } from './family-differences.js';
import { guestFactOf, type GuestFact } from './guest-facts.js';
import type { GuestCheck } from './guest-profiles.js';
import type { HypervisorProfile } from './hypervisor-profile.js';
import type { Difference, InteropReport } from './report.js';
import { parseRequirements } from './requirements.js';
import { lowest, type Score } from './seven-step.js';

// The scores of the seven-step test's judging steps, from pure inputs: the source sanity check, the
// resource and consistency checks at the target (both read the interoperability report) and the
// guest's view after the restart. The steps that act (shut down, export, import, restart) are the
// runner's; it scores those from what happened.

export interface StepOutcome {
  score: Score;
  detail: string;
  /** The differences that made the score, blocking for a FAILURE and warning for a WARNING. */
  differences: Difference[];
}

/** Report codes the resource check owns: per-VM hard limits and free capacity. */
export const RESOURCE_CODES: ReadonlySet<string> = new Set([
  'VCPU_LIMIT',
  'MEMORY_LIMIT',
  'RESERVATION_IMPOSSIBLE',
]);

/** Report codes only the guest can confirm after the restart, where its profile judges them. */
export const GUEST_OBSERVED_CODES: ReadonlySet<string> = new Set([
  'ADDRESS_CHANGE',
  'SUBNET_CHANGE',
  'CPU_MODEL_CHANGE',
]);

const SEVERITY_OF: Record<Exclude<Score, 'SUCCESS'>, Difference['severity']> = {
  FAILURE: 'blocking',
  WARNING: 'warning',
};

function outcome(success: string, judged: { score: Score; d: Difference }[]): StepOutcome {
  let score: Score = 'SUCCESS';
  for (const j of judged) score = lowest(score, j.score);
  const counted = judged.filter((j) => j.score !== 'SUCCESS');
  return {
    score,
    detail: counted.length ? counted.map((j) => j.d.message).join('; ') : success,
    differences: judged.map(({ score: s, d }) => ({
      ...d,
      severity: s === 'SUCCESS' ? 'info' : SEVERITY_OF[s],
    })),
  };
}

/**
 * Step 1: can the source run the VM as it is? Beyond the source's own hard limits it cannot (and the
 * test stops); a requirement the source does not honour either is a warning, not the move's fault.
 */
export function scoreSourceSanity(
  vm: {
    vcpus: number;
    memoryMib: number;
    diskFormat: string;
    requirements: Readonly<Record<string, string>>;
  },
  source: HypervisorProfile,
): StepOutcome {
  const fit = familyFit(vm, parseRequirements(vm.requirements), source, source);
  const judged = fit.differences.flatMap((d): { score: Score; d: Difference }[] => {
    if (d.code === 'VCPU_LIMIT' || d.code === 'MEMORY_LIMIT') return [{ score: 'FAILURE', d }];
    if (d.code === 'DISK_CONVERSION') {
      return [
        {
          score: 'FAILURE',
          d: { ...d, message: `${source.hypervisor} does not run its VM's ${vm.diskFormat} disk` },
        },
      ];
    }
    if (d.severity === 'blocking') {
      return [{ score: 'WARNING', d: { ...d, message: `already at the source: ${d.message}` } }];
    }
    return [];
  });
  return outcome(`the VM is within the limits of ${source.hypervisor} (${source.hypervisorVersion})`, judged);
}

/** Step 4: the target's per-VM hard limits and free capacity. */
export function scoreResourceCheck(report: InteropReport): StepOutcome {
  const judged = report.differences
    .filter((d) => d.severity === 'blocking' && RESOURCE_CODES.has(d.code))
    .map((d) => ({ score: 'FAILURE' as const, d }));
  const where = report.targetHost ? `host ${report.targetHost}` : 'the target';
  return outcome(`${where} has room within its per-VM limits`, judged);
}

/**
 * Step 5: will the VM be runnable there? Anything else blocking fails it, except virtual hardware:
 * seed 001 scored a disk that had to be attached to a VM made by hand at the target as a warning.
 * Other warnings count too, but not those the guest itself reports after the restart.
 */
export function scoreConsistencyCheck(report: InteropReport): StepOutcome {
  const judged = report.differences.flatMap((d): { score: Score; d: Difference }[] => {
    if (RESOURCE_CODES.has(d.code) || GUEST_OBSERVED_CODES.has(d.code)) {
      // A static address the target cannot keep is refused here, before the import.
      return d.code === 'ADDRESS_CHANGE' && d.severity === 'blocking' ? [{ score: 'FAILURE', d }] : [];
    }
    if (d.code === 'VIRTUAL_HARDWARE') return [{ score: 'WARNING', d }];
    if (d.severity === 'blocking') return [{ score: 'FAILURE', d }];
    if (d.severity === 'warning') return [{ score: 'WARNING', d }];
    return [];
  });
  const how = report.level === null ? '' : ` at level ${report.level}`;
  return outcome(`the VM is runnable at the target as ${report.targetFormat || 'it is'}${how}`, judged);
}

/**
 * Step 7, the guest's part: each changed fact scores what the profile says; a fact the profile
 * does not check is kept as info so the report still shows it.
 */
export function scoreGuestChecks(
  checks: Readonly<Partial<Record<GuestFact, GuestCheck>>>,
  changes: readonly Difference[],
): StepOutcome {
  const judged = changes.map((d) => {
    const fact = guestFactOf(d.code);
    const check = fact === undefined ? 'WARNING' : checks[fact];
    return { score: check ?? ('SUCCESS' as Score), d };
  });
  return outcome('the guest reports the same CPU, memory, addresses and routes', judged);
}
