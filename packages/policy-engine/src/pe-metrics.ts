import type { PolicyServiceDefinition } from '@reservoir/contracts';
import {
  counter,
  DURATION_BUCKETS,
  gauge,
  histogram,
  isTerminal,
  SLOW_DURATION_BUCKETS,
  type Handlers,
  type MetricsRegistry,
} from '@reservoir/runtime';
import type { PolicyEngine } from './app/policy-engine.js';

// The engine's own series: how long placement and solving take, the policy version in force, and
// what optimization runs came to. Labels are fixed outcome names only.

type PolicyHandlers = Handlers<typeof PolicyServiceDefinition>;

export interface PeMetrics {
  /** Times Place and Solve as the service runs them. */
  handlers(inner: PolicyHandlers): PolicyHandlers;
  /** Reads the policy version at each scrape, and counts optimization runs and their plans. */
  observe(engine: PolicyEngine): void;
}

export function peMetrics(registry: MetricsRegistry): PeMetrics {
  const placeSeconds = histogram(registry, {
    name: 'pe_place_duration_seconds',
    help: 'Duration of Place calls (one placement decision for a batch of VMs), by outcome (ok or error).',
    labelNames: ['outcome'],
    buckets: DURATION_BUCKETS,
  });
  const solveSeconds = histogram(registry, {
    name: 'pe_solve_duration_seconds',
    help: 'Duration of Solve calls (an offline instance), by outcome (ok or error).',
    labelNames: ['outcome'],
    buckets: SLOW_DURATION_BUCKETS,
  });
  const runs = counter(registry, {
    name: 'pe_optimize_runs_total',
    help: 'Optimization runs (requested or periodic), by outcome: dry_run, no_plan, plan (a plan task started) or error.',
    labelNames: ['outcome'],
  });
  const plans = counter(registry, {
    name: 'pe_optimize_plans_total',
    help: 'Migration plans that ended, by final task state (succeeded, failed, canceled).',
    labelNames: ['state'],
  });
  for (const outcome of ['dry_run', 'no_plan', 'plan', 'error']) runs.inc({ outcome }, 0);
  for (const state of ['succeeded', 'failed', 'canceled']) plans.inc({ state }, 0);

  const timed = <A extends unknown[], R>(
    h: { observe(labels: { outcome: string }, v: number): void },
    fn: (...args: A) => R | Promise<R>,
  ) => {
    return async (...args: A): Promise<R> => {
      const t0 = performance.now();
      let outcome = 'error';
      try {
        const r = await fn(...args);
        outcome = 'ok';
        return r;
      } finally {
        h.observe({ outcome }, (performance.now() - t0) / 1000);
      }
    };
  };

  return {
    handlers: (inner) => ({
      ...inner,
      place: timed(placeSeconds, inner.place),
      solve: timed(solveSeconds, inner.solve),
    }),
    observe: (engine) => {
      gauge(registry, {
        name: 'pe_policy_version',
        help: 'Version of the site policy in force (it grows by one with every change).',
        collect() {
          this.set(engine.policies.get().version);
        },
      });
      // Runs are counted by wrapping optimize() on this instance: the cycle and the RPC both call it.
      const optimizer = engine.optimizer;
      const optimize = optimizer.optimize.bind(optimizer);
      optimizer.optimize = async (o) => {
        try {
          const r = await optimize(o);
          runs.inc({ outcome: o.dryRun ? 'dry_run' : r.task ? 'plan' : 'no_plan' });
          return r;
        } catch (e) {
          runs.inc({ outcome: 'error' });
          throw e;
        }
      };
      engine.tasks.onChange((t) => {
        if (t.operation === 'pe.optimize' && isTerminal(t.state)) plans.inc({ state: t.state });
      });
    },
  };
}
