import type { ComponentView } from './component.js';
import type { ScalingDecision } from './decision.js';
import { BOUNDS_RULE_ID } from './decision.js';
import { plural } from './format.js';
import type { ActionContext } from './scale-action.js';
import { decideAction } from './scale-action.js';

/**
 * A count outside [min, max] (bounds just changed, instances lost) is brought back at once: bounds
 * are hard limits, so cooldown does not hold this back; an action in progress and the budget do.
 */
export function correctBounds(view: ComponentView, ctx: ActionContext): ScalingDecision | null {
  const from = view.runtime.instances.length;
  const { min, max } = view.limits.instances;
  if (from >= min && from <= max) return null;
  const to = from > max ? max : min;
  const reason =
    from > max
      ? `${plural(from, 'instance')} above max ${max}`
      : `${plural(from, 'instance')} below min ${min}`;
  return decideAction(view, { ruleId: BOUNDS_RULE_ID, to, reason, honourCooldown: false }, ctx);
}
