import { describe, expect, it } from 'vitest';
import {
  INTEROP_STEPS,
  STEP_TITLES,
  aggregate,
  completeSteps,
  firstFailure,
  stepResult,
  type Score,
  type StepResult,
} from './seven-step.js';

function run(...scores: Score[]): StepResult[] {
  return scores.map((s, i) => stepResult(INTEROP_STEPS[i]!, s, `step ${i + 1}`, 10));
}

describe('INTEROP_STEPS', () => {
  it('are the seven steps of seed 001, in order, each with a title', () => {
    expect(INTEROP_STEPS).toEqual([
      'sanity-check-source',
      'shutdown-source',
      'export-ovf',
      'resource-check-target',
      'consistency-check-target',
      'import-target',
      'restart-target',
    ]);
    for (const s of INTEROP_STEPS) expect(STEP_TITLES[s].length).toBeGreaterThan(5);
    expect(stepResult('export-ovf', 'SUCCESS', 'ok')).toEqual({
      step: 'export-ovf',
      title: 'Export to OVF or the target format',
      score: 'SUCCESS',
      detail: 'ok',
      ms: 0,
    });
  });
});

describe('aggregate', () => {
  it('is the lowest score of any step', () => {
    expect(aggregate(run('SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS'))).toBe(
      'SUCCESS',
    );
    expect(aggregate(run('SUCCESS', 'SUCCESS', 'WARNING', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS'))).toBe(
      'WARNING',
    );
    expect(aggregate(run('WARNING', 'SUCCESS', 'WARNING', 'SUCCESS', 'FAILURE', 'SUCCESS', 'WARNING'))).toBe(
      'FAILURE',
    );
  });

  it('counts a step not run as FAILURE, whatever score it carries', () => {
    const steps = run('SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS');
    steps[6] = { ...steps[6]!, notRun: true };
    expect(aggregate(steps)).toBe('FAILURE');
  });

  it('counts a missing step as FAILURE: the test was not completed', () => {
    expect(aggregate(run('SUCCESS', 'SUCCESS', 'SUCCESS'))).toBe('FAILURE');
    expect(aggregate([])).toBe('FAILURE');
  });
});

describe('completeSteps', () => {
  it('fills the steps after a failure as FAILURE, not run, naming the failed step', () => {
    const out = completeSteps(run('SUCCESS', 'SUCCESS', 'SUCCESS', 'FAILURE'));
    expect(out.map((s) => s.step)).toEqual(INTEROP_STEPS);
    expect(out.slice(0, 4).every((s) => !s.notRun)).toBe(true);
    expect(out.slice(4)).toEqual(
      ['consistency-check-target', 'import-target', 'restart-target'].map((step) => ({
        step,
        title: STEP_TITLES[step as (typeof INTEROP_STEPS)[number]],
        score: 'FAILURE',
        detail: 'not run: step resource-check-target failed',
        ms: 0,
        notRun: true,
      })),
    );
    expect(aggregate(out)).toBe('FAILURE');
  });

  it('says the run stopped when nothing failed before a missing step', () => {
    const out = completeSteps(run('SUCCESS', 'WARNING'));
    expect(out[2]).toMatchObject({
      notRun: true,
      score: 'FAILURE',
      detail: 'not run: the run stopped before it',
    });
  });

  it('keeps a complete run as it is, in step order', () => {
    const full = run('SUCCESS', 'WARNING', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS');
    expect(completeSteps([...full].reverse())).toEqual(full);
    expect(aggregate(completeSteps(full))).toBe('WARNING');
  });
});

describe('firstFailure', () => {
  it('finds the first failed or not-run step in step order', () => {
    const out = completeSteps(run('SUCCESS', 'WARNING', 'FAILURE'));
    expect(firstFailure(out)?.step).toBe('export-ovf');
    expect(firstFailure([...out].reverse())?.step).toBe('export-ovf');
    expect(firstFailure(run('SUCCESS', 'WARNING'))).toBeUndefined();
    const notRun = { ...stepResult('shutdown-source', 'SUCCESS', ''), notRun: true };
    expect(firstFailure([stepResult('sanity-check-source', 'SUCCESS', ''), notRun])).toBe(notRun);
  });
});
