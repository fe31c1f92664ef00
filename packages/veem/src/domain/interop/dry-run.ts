import { checkInterop } from './check.js';
import { compareGuestFacts } from './guest-facts.js';
import type { GuestProfile } from './guest-profiles.js';
import type { HypervisorProfile } from './hypervisor-profile.js';
import { summarizeCell, type InteropMatrix, type MatrixCell } from './matrix.js';
import type { Difference } from './report.js';
import { completeSteps, stepResult, type InteropStep, type StepResult } from './seven-step.js';
import {
  scoreConsistencyCheck,
  scoreGuestChecks,
  scoreResourceCheck,
  scoreSourceSanity,
  type StepOutcome,
} from './step-scoring.js';
import { cellInput, guestFactsOn, testbedHost, type Testbed } from './testbed.js';

// The matrix as the test bed predicts it, without running anything: the judging steps score as the
// real run scores them, the acting steps (shut down, export, import) are assumed to work, and the
// guest reports what guestFactsOn says it would. A real run replaces the assumptions with outcomes.

const ASSUMED = 'dry run: assumed to succeed';

export function dryRunCell(
  guest: GuestProfile,
  source: HypervisorProfile,
  target: HypervisorProfile,
  bed: Testbed,
): MatrixCell {
  const input = cellInput(guest, source, target, bed);
  const report = checkInterop(input);
  const steps: StepResult[] = [];
  const counted: Difference[] = [];
  const run = (
    step: InteropStep,
    o: Pick<StepOutcome, 'score' | 'detail'> & Partial<StepOutcome>,
  ): boolean => {
    steps.push(stepResult(step, o.score, o.detail));
    counted.push(...(o.differences ?? []));
    return o.score !== 'FAILURE';
  };

  const from = input.vm.diskFormat;
  const exported =
    report.targetFormat && report.targetFormat !== from
      ? `dry run: ${from} disk assumed converted to ${report.targetFormat}`
      : `dry run: ${from} disk assumed exported`;
  const before = guestFactsOn(guest, testbedHost(bed, source.hypervisor));
  const after = guestFactsOn(guest, testbedHost(bed, target.hypervisor), before.ips[0]);

  // Each step runs only when the ones before it did not fail, as in the scripted test.
  void (
    run('sanity-check-source', scoreSourceSanity(input.vm, source)) &&
    run('shutdown-source', { score: 'SUCCESS', detail: ASSUMED }) &&
    run('export-ovf', { score: 'SUCCESS', detail: exported }) &&
    run('resource-check-target', scoreResourceCheck(report)) &&
    run('consistency-check-target', scoreConsistencyCheck(report)) &&
    run('import-target', { score: 'SUCCESS', detail: ASSUMED }) &&
    run('restart-target', scoreGuestChecks(guest.guestChecks, compareGuestFacts(before, after)))
  );

  const all = completeSteps(steps);
  const { score, reasons } = summarizeCell(all, counted);
  return {
    profile: guest.id,
    source: source.hypervisor,
    target: target.hypervisor,
    score,
    // A failed test reached no level, whatever the check promised.
    level: score === 'FAILURE' ? null : report.level,
    reasons,
    steps: all,
  };
}

/** Every profile × source × target cell, families in the order given. */
export function dryRunMatrix(
  guests: readonly GuestProfile[],
  families: readonly HypervisorProfile[],
  bed: Testbed,
  generatedAt: string,
): InteropMatrix {
  const cells: MatrixCell[] = [];
  for (const g of guests) {
    for (const s of families) for (const t of families) cells.push(dryRunCell(g, s, t, bed));
  }
  return {
    generatedAt,
    families: families.map((f) => f.hypervisor),
    profiles: guests.map((g) => ({ id: g.id, title: g.title })),
    cells,
  };
}
