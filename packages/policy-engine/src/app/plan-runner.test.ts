import type { Task } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../domain/result.js';
import { planWaves, runPlan } from './plan-runner.js';
import type { VeemPort } from './ports.js';

/** A VEEM whose migrations end when the test says, recording what ran at once. */
function fakeVeem(fail: Set<string> = new Set()) {
  const started: string[] = [];
  let running = 0;
  let peak = 0;
  const veem: VeemPort = {
    listHosts: async () => [],
    listVms: async () => [],
    migrate: async (vm) => {
      started.push(vm);
      running++;
      peak = Math.max(peak, running);
      return `t-${vm}`;
    },
    waitTask: async (id) => {
      await new Promise((r) => setTimeout(r, 5));
      running--;
      const vm = id.slice(2);
      return {
        id,
        state: fail.has(vm) ? 'failed' : 'succeeded',
        ...(fail.has(vm)
          ? { errorCode: 'RESOURCE_EXHAUSTED' as const, errorMessage: 'not enough free memory' }
          : {}),
      } as Task;
    },
    close: () => undefined,
  };
  return { veem, started, peak: () => peak };
}

const step = (vm: string, wave: number): PlanStep => ({ vm, from: 'a', to: 'b', wave });

describe('runPlan', () => {
  it('orders waves and keeps plan order within one', () => {
    expect(planWaves([step('x', 2), step('y', 1), step('z', 2)]).map((w) => w.map((s) => s.vm))).toEqual([
      ['y'],
      ['x', 'z'],
    ]);
  });

  it('runs waves in order with at most the given migrations at once, reporting each', async () => {
    const f = fakeVeem();
    const plan = [step('v1', 0), step('v2', 0), step('v3', 0), step('v4', 0), step('v5', 1)];
    const progress: string[] = [];
    await runPlan(plan, f.veem, { concurrency: 2, onProgress: (k, n) => void progress.push(`${k}/${n}`) });
    expect(f.peak()).toBe(2);
    expect(f.started.at(-1)).toBe('v5');
    expect(progress).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
  });

  it('stops at the first failed migration: no later wave starts', async () => {
    const f = fakeVeem(new Set(['v2']));
    const plan = [step('v1', 0), step('v2', 0), step('v3', 1)];
    await expect(
      runPlan(plan, f.veem, { concurrency: 1, onProgress: () => undefined }),
    ).rejects.toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
      message: 'migration of v2 from a to b (wave 0) failed: VEEM task t-v2 failed: not enough free memory',
    });
    expect(f.started).toEqual(['v1', 'v2']);
  });

  it('stops when aborted', async () => {
    const f = fakeVeem();
    const ac = new AbortController();
    const plan = [step('v1', 0), step('v2', 1)];
    const run = runPlan(plan, f.veem, { concurrency: 1, signal: ac.signal, onProgress: () => ac.abort() });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
    expect(f.started).toEqual(['v1']);
  });
});
