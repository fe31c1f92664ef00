import { errors, ReservoirError, Semaphore, toReservoirError } from '@reservoir/runtime';
import type { PlanStep } from '../domain/result.js';
import type { VeemPort } from './ports.js';

export interface PlanRunOptions {
  /** Live migrations at once. */
  concurrency: number;
  /** After each migration that succeeded. */
  onProgress(done: number, total: number, step: PlanStep): Promise<void> | void;
  signal?: AbortSignal;
}

/** Waves in ascending order, each with its steps in plan order. */
export function planWaves(plan: readonly PlanStep[]): PlanStep[][] {
  const byWave = new Map<number, PlanStep[]>();
  for (const s of plan) byWave.set(s.wave, [...(byWave.get(s.wave) ?? []), s]);
  return [...byWave.entries()].sort(([a], [b]) => a - b).map(([, steps]) => steps);
}

function stepFailed(step: PlanStep, e: unknown): ReservoirError {
  const err = toReservoirError(e);
  return new ReservoirError(
    err.code,
    `migration of ${step.vm} from ${step.from} to ${step.to} (wave ${step.wave}) failed: ${err.message}`,
    { cause: e },
  );
}

async function migrate(veem: VeemPort, step: PlanStep, signal: AbortSignal | undefined): Promise<void> {
  const taskId = await veem.migrate(step.vm, step.to);
  const end = await veem.waitTask(taskId, signal);
  if (end.state !== 'succeeded')
    throw new ReservoirError(
      end.errorCode ?? 'INTERNAL',
      `VEEM task ${taskId} ${end.state}: ${end.errorMessage ?? end.message}`,
    );
}

/**
 * Runs a migration plan through the VEEM: waves in order, the steps of one wave at most
 * `concurrency` at a time. The first failure lets the migrations already started finish, starts
 * no other, and is thrown with the step it broke.
 */
export async function runPlan(plan: readonly PlanStep[], veem: VeemPort, o: PlanRunOptions): Promise<void> {
  const total = plan.length;
  let done = 0;
  let failure: ReservoirError | undefined;
  const gate = new Semaphore(o.concurrency);
  for (const steps of planWaves(plan)) {
    await Promise.all(
      steps.map((step) =>
        gate.run(async () => {
          if (failure || o.signal?.aborted) return;
          try {
            await migrate(veem, step, o.signal);
          } catch (e) {
            failure ??= stepFailed(step, e);
            return;
          }
          await o.onProgress(++done, total, step);
        }),
      ),
    );
    if (failure) throw failure;
    if (o.signal?.aborted) throw errors.aborted(`stopped after ${done}/${total} migrations`);
  }
}
