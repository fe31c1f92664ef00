import type { PolicyServiceDefinition } from '@reservoir/contracts';
import { taskToPb, type Handlers } from '@reservoir/runtime';
import type { PolicyEngine } from '../../app/policy-engine.js';
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
