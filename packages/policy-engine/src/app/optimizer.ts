import {
  errors,
  newId,
  ReservoirError,
  toReservoirError,
  type Logger,
  type Task,
  type TaskRegistry,
} from '@reservoir/runtime';
import type { SolveResult } from '../domain/result.js';
import { solve } from '../solvers/solve.js';
import { runPlan } from './plan-runner.js';
import { toPePolicy } from './policy-settings.js';
import type { PolicyStore } from './policy-store.js';
import type { LeaderLock, VeemPort } from './ports.js';
import { siteInstance } from './site-snapshot.js';

export interface OptimizeOutcome {
  result: SolveResult;
  /** The task running the plan; absent for a dry run or an empty plan. */
  task?: Task;
}

export interface OptimizerDeps {
  site: string;
  veem?: VeemPort;
  policies: PolicyStore;
  tasks: TaskRegistry;
  lock: LeaderLock;
  logger: Logger;
}

/**
 * Consolidation of a running site: snapshot it through the VEEM, solve with the current policy,
 * and run the migration plan as a task. One run at a time: a second one is refused while the
 * first computes or migrates.
 */
export class Optimizer {
  private claimed = false;
  private planTask: string | undefined;
  private running: Promise<void> | undefined;
  private readonly stopping = new AbortController();

  constructor(private readonly deps: OptimizerDeps) {}

  /** True while a run computes or migrates. */
  get busy(): boolean {
    return this.claimed;
  }

  get configured(): boolean {
    return this.deps.veem !== undefined;
  }

  async optimize(o: { dryRun: boolean }): Promise<OptimizeOutcome> {
    const veem = this.deps.veem;
    if (!veem)
      throw errors.precondition(
        'this policy engine has no VEEM to optimize: start it with --veem HOST:PORT (RESERVOIR_PE_VEEM)',
      );
    if (o.dryRun) return { result: await this.compute(veem) };
    await this.claim();
    let handedOver = false;
    try {
      const result = await this.compute(veem);
      if (result.plan.length === 0) return { result };
      const { site } = this.deps;
      const task = await this.deps.tasks.create({
        id: newId('task'),
        operation: 'pe.optimize',
        targetKind: 'site',
        targetId: site,
        organization: '',
        owner: '',
        site,
      });
      this.planTask = task.id;
      this.running = this.execute(veem, task.id, result).finally(() => {
        this.claimed = false;
        this.planTask = undefined;
        this.running = undefined;
      });
      handedOver = true;
      return { result, task };
    } finally {
      if (!handedOver) this.claimed = false;
    }
  }

  /** Stops waiting on migrations (the VEEM finishes those it started) and fails the plan's task. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async claim(): Promise<void> {
    if (this.claimed)
      throw errors.precondition(
        this.planTask
          ? `an optimization plan is already running (task ${this.planTask}); wait for it to end, or ask for a dry run`
          : 'an optimization is already being computed; wait for it to end, or ask for a dry run',
      );
    this.claimed = true;
    try {
      if (!(await this.deps.lock.acquire()))
        throw errors.precondition(
          `another policy engine replica runs the optimizer of site ${this.deps.site}`,
        );
    } catch (e) {
      this.claimed = false;
      throw e;
    }
  }

  private async compute(veem: VeemPort): Promise<SolveResult> {
    const policy = await this.deps.policies.refresh();
    const [hosts, vms] = await Promise.all([veem.listHosts(), veem.listVms()]);
    const instance = siteInstance(hosts, vms, toPePolicy(policy));
    const result = await solve(instance, {
      solver: policy.solver,
      timeLimitMs: policy.timeLimitSeconds * 1000,
      policy: instance.policy,
      // Each solve listens on a signal of its own, so none accumulates on the engine's.
      signal: AbortSignal.any([this.stopping.signal]),
    });
    this.deps.logger.info(
      {
        hosts: instance.hosts.length,
        vms: instance.vms.length,
        policy: policy.name,
        status: result.status,
        hostsUsed: result.hostsUsed,
        migrations: result.plan.length,
        ms: Math.round(result.ms),
      },
      'site optimized',
    );
    return result;
  }

  private async execute(veem: VeemPort, taskId: string, result: SolveResult): Promise<void> {
    const { tasks, logger } = this.deps;
    const total = result.plan.length;
    let done = 0;
    try {
      await tasks.progress(taskId, 0, `0/${total} migrations`);
      await runPlan(result.plan, veem, {
        concurrency: this.deps.policies.get().planConcurrency,
        signal: this.stopping.signal,
        onProgress: async (k) => {
          done = k;
          await tasks.progress(taskId, (100 * k) / total, `${k}/${total} migrations`);
        },
      });
      await tasks.succeed(taskId, `${total}/${total} migrations`);
      logger.info({ task: taskId, migrations: total }, 'plan done');
    } catch (e) {
      const err = toReservoirError(e);
      const reason = this.stopping.signal.aborted
        ? new ReservoirError(
            'ABORTED',
            `the policy engine stopped during the plan after ${done}/${total} migrations`,
          )
        : new ReservoirError(err.code, `${err.message} (${done}/${total} migrations done)`);
      logger.warn({ task: taskId, err: reason.message }, 'plan failed');
      await tasks
        .fail(taskId, reason)
        .catch((x: unknown) =>
          logger.error({ task: taskId, err: (x as Error).message }, 'plan task not recorded'),
        );
    }
  }
}
