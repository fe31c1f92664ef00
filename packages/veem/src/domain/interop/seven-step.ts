// The migration test of seed 001: seven scripted steps, each scored SUCCESS, WARNING or FAILURE,
// and the aggregation rule that makes the lowest score the score of the whole test.

export const INTEROP_STEPS = [
  'sanity-check-source',
  'shutdown-source',
  'export-ovf',
  'resource-check-target',
  'consistency-check-target',
  'import-target',
  'restart-target',
] as const;

export type InteropStep = (typeof INTEROP_STEPS)[number];

export const STEP_TITLES: Readonly<Record<InteropStep, string>> = {
  'sanity-check-source': 'Sanity check at the source',
  'shutdown-source': 'Shut down the VM at the source',
  'export-ovf': 'Export to OVF or the target format',
  'resource-check-target': 'Resource check at the target',
  'consistency-check-target': 'Consistency check at the target',
  'import-target': 'Import into the target',
  'restart-target': 'Restart at the target',
};

export type Score = 'SUCCESS' | 'WARNING' | 'FAILURE';

/** Ordered from the lowest: FAILURE < WARNING < SUCCESS (seed 001). */
export const SCORES: readonly Score[] = ['FAILURE', 'WARNING', 'SUCCESS'];

export interface StepResult {
  step: InteropStep;
  title: string;
  score: Score;
  detail: string;
  ms: number;
  /** The step never ran because an earlier one failed; it scores FAILURE. */
  notRun?: boolean;
}

export function isInteropStep(s: string): s is InteropStep {
  return (INTEROP_STEPS as readonly string[]).includes(s);
}

/** The lower of two scores. */
export function lowest(a: Score, b: Score): Score {
  return SCORES.indexOf(a) <= SCORES.indexOf(b) ? a : b;
}

/**
 * The aggregation rule: the lowest score of any step, a step not run counting as FAILURE. A test
 * missing any of the seven steps has not been completed, which seed 001 scores as a failure too.
 */
export function aggregate(results: readonly StepResult[]): Score {
  let score: Score = 'SUCCESS';
  for (const r of results) score = lowest(score, r.notRun ? 'FAILURE' : r.score);
  const ran = new Set(results.map((r) => r.step));
  if (INTEROP_STEPS.some((s) => !ran.has(s))) return 'FAILURE';
  return score;
}

/** The first step that failed or did not run, in step order. */
export function firstFailure(results: readonly StepResult[]): StepResult | undefined {
  return inOrder(results).find((r) => r.notRun || r.score === 'FAILURE');
}

/**
 * The seven steps in order, the ones not reached filled in as FAILURE "not run". What the partial
 * run reported is kept as it was; a later step in it after a failure is kept too, since it ran.
 */
export function completeSteps(partial: readonly StepResult[]): StepResult[] {
  const byStep = new Map<InteropStep, StepResult>();
  for (const r of partial) if (!byStep.has(r.step)) byStep.set(r.step, r);
  const out: StepResult[] = [];
  let blocker: StepResult | undefined;
  for (const step of INTEROP_STEPS) {
    const r = byStep.get(step);
    if (r) {
      out.push(r);
      if (!blocker && (r.notRun || r.score === 'FAILURE')) blocker = r;
      continue;
    }
    const why = blocker ? `step ${blocker.step} failed` : 'the run stopped before it';
    out.push({
      step,
      title: STEP_TITLES[step],
      score: 'FAILURE',
      detail: `not run: ${why}`,
      ms: 0,
      notRun: true,
    });
  }
  return out;
}

/** A step's result with its title filled in. */
export function stepResult(step: InteropStep, score: Score, detail: string, ms = 0): StepResult {
  return { step, title: STEP_TITLES[step], score, detail, ms };
}

function inOrder(results: readonly StepResult[]): StepResult[] {
  return [...results].sort((a, b) => INTEROP_STEPS.indexOf(a.step) - INTEROP_STEPS.indexOf(b.step));
}
