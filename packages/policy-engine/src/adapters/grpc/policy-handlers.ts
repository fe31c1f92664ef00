import type { PolicyServiceDefinition, TaskServiceDefinition } from '@reservoir/contracts';
import { taskHandlers, taskToPb, visible, type Handlers, type TaskRegistry } from '@reservoir/runtime';
import type { PolicyEngine } from '../../app/policy-engine.js';
import { taskResource } from './access.js';
import { placeInputFromPb, placeOutcomeToPb, policyChangeFromPb, policyToPb } from './policy-mapping.js';
import { siteChoiceInputFromPb, siteChoiceToPb } from './site-choice-mapping.js';

/** The PolicyService over one engine. */
export function policyHandlers(engine: PolicyEngine): Handlers<typeof PolicyServiceDefinition> {
  return {
    getPolicy: async () => policyToPb(await engine.policies.refresh()),
    setPolicy: async (req) => policyToPb(await engine.policies.set(policyChangeFromPb(req))),
    place: (req) => placeOutcomeToPb(engine.placer.place(placeInputFromPb(req))),
    solve: async (req, ctx) => ({
      resultJson: JSON.stringify(
        await engine.solve(
          {
            instanceJson: req.instanceJson,
            policy: req.policy,
            solver: req.solver,
            timeLimitSeconds: req.timeLimitSeconds,
          },
          ctx.signal,
        ),
      ),
    }),
    optimize: async (req) => {
      const r = await engine.optimizer.optimize({ dryRun: req.dryRun });
      return { resultJson: JSON.stringify(r.result), ...(r.task ? { task: taskToPb(r.task) } : {}) };
    },
    chooseSite: (req) => siteChoiceToPb(engine.chooseSite(siteChoiceInputFromPb(req))),
  };
}

/** The TaskService of the engine's plans; a listing holds only the tasks the caller may see. */
export function planTaskHandlers(tasks: TaskRegistry): Handlers<typeof TaskServiceDefinition> {
  const inner = taskHandlers(tasks);
  return {
    ...inner,
    listTasks: async (req, ctx) => {
      const page = await inner.listTasks(req, ctx);
      return { ...page, tasks: visible(ctx, 'task.read', page.tasks ?? [], taskResource) };
    },
  };
}
