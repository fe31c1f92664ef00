import { ReservoirError, TaskRegistry, type Logger, type TaskStore } from '@reservoir/runtime';
import type { SolveResult } from '../domain/result.js';
import { chooseSite } from '../domain/site-choice.js';
import type { SiteChoice } from '../domain/site-choice-model.js';
import { solveInstance } from './instance-solver.js';
import { parseInstanceText } from './instance-text.js';
import { OptimizeCycle } from './optimize-cycle.js';
import { Optimizer } from './optimizer.js';
import { Placer, type LoadCutoff } from './placer.js';
import { checkPolicyName, checkSolverName, checkTimeLimit } from './policy-settings.js';
import { PolicyStore } from './policy-store.js';
import { siteChoiceRequestOf, type SiteChoiceInput } from './site-choice-input.js';
import type { LeaderLock, PolicyEvents, PolicyRepository, VeemPort } from './ports.js';

export interface PolicyEngineDeps {
  site: string;
  repository: PolicyRepository;
  taskStore: TaskStore;
  events?: PolicyEvents;
  /** The site's VEEM, for optimization; without it the engine places and solves only. */
  veem?: VeemPort;
  lock: LeaderLock;
  logger: Logger;
  /** Load-aware placement from measured host load. */
  load?: LoadCutoff;
}

/** Overrides of a Solve call; empty or 0 values take the instance's policy and the site's settings. */
export interface SolveRequestInput {
  instanceJson: string;
  policy: string;
  solver: string;
  timeLimitSeconds: number;
}

/**
 * One site's Policy Engine: its policy, online placement, offline solving, the optimizer
 * with its cycle, and the federation's site choice. Transport-free; adapters expose it over gRPC.
 */
export class PolicyEngine {
  readonly placer: Placer;
  readonly optimizer: Optimizer;
  private readonly cycle: OptimizeCycle;

  private constructor(
    private readonly deps: PolicyEngineDeps,
    readonly policies: PolicyStore,
    readonly tasks: TaskRegistry,
  ) {
    this.placer = new Placer(policies, deps.load);
    this.optimizer = new Optimizer({ ...deps, policies, tasks });
    this.cycle = new OptimizeCycle(this.optimizer, policies, deps.logger);
  }

  static async open(deps: PolicyEngineDeps): Promise<PolicyEngine> {
    const policies = await PolicyStore.open(deps.repository, deps.events, deps.logger);
    return new PolicyEngine(deps, policies, new TaskRegistry(deps.taskStore));
  }

  /** Ends the plans a previous run left behind, follows other replicas' changes, starts the cycle. */
  async start(): Promise<void> {
    for (const t of await this.tasks.recover())
      await this.tasks.fail(
        t.id,
        new ReservoirError(
          'ABORTED',
          'the policy engine restarted during the plan; run the optimization again',
        ),
      );
    await this.policies.watch();
    this.cycle.start();
    const p = this.policies.get();
    this.deps.logger.info(
      { site: this.deps.site, policy: p.name, version: p.version, veem: this.optimizer.configured },
      'policy engine started',
    );
  }

  async stop(): Promise<void> {
    await this.cycle.stop();
    await this.optimizer.stop();
    await this.policies.close();
  }

  /**
   * Federation heuristics (PE-7): which site of a federation takes a demand. Reads no state, so
   * any engine of the federation answers alike; the chosen site's engine then places on its hosts.
   */
  chooseSite(input: SiteChoiceInput): SiteChoice {
    return chooseSite(siteChoiceRequestOf(input));
  }

  /** Solves an instance document with the request's overrides, defaulting to the site's solver settings. */
  async solve(req: SolveRequestInput, signal?: AbortSignal): Promise<SolveResult> {
    const settings = this.policies.get();
    const instance = parseInstanceText(req.instanceJson, 'instance_json');
    return solveInstance(instance, {
      ...(req.policy ? { policy: checkPolicyName('policy', req.policy) } : {}),
      solver: req.solver ? checkSolverName('solver', req.solver) : settings.solver,
      timeLimitMs:
        1000 *
        (req.timeLimitSeconds
          ? checkTimeLimit('time_limit_seconds', req.timeLimitSeconds)
          : settings.timeLimitSeconds),
      ...(signal ? { signal } : {}),
    });
  }
}
