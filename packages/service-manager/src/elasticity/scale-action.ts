import type { CostFunction } from './budget.js';
import { fitBudget } from './budget.js';
import type { ComponentView } from './component.js';
import type { ScalingDecision } from './decision.js';
import { isoTime } from './format.js';
import { chooseVictims } from './victims.js';

export interface ActionContext {
  nowMs: number;
  /** Every component's count as decided so far in this evaluation (budget checks see them all). */
  counts: Readonly<Record<string, number>>;
  costPerHour: CostFunction | null;
  budgetPerHour: number | null;
}

export interface ActionRequest {
  ruleId: string;
  /** A count inside the bounds and different from the current one. */
  to: number;
  reason: string;
  /** Whether cooldown holds this action back (bounds corrections ignore it). */
  honourCooldown: boolean;
}

/**
 * Turns a wanted count into a decision: blocked while an action is in progress or cooling down,
 * a scale-out checked against the budget (reduced or refused), a scale-in with its victims.
 */
export function decideAction(
  view: ComponentView,
  request: ActionRequest,
  ctx: ActionContext,
): ScalingDecision {
  const component = view.limits.id;
  const from = view.runtime.instances.length;
  const base = { timeMs: ctx.nowMs, component, ruleId: request.ruleId, from, victims: [] as string[] };
  const blocked = (why: string): ScalingDecision => ({
    ...base,
    kind: 'blocked',
    to: request.to,
    reason: `${why}: ${request.reason}`,
  });
  if (view.runtime.scaling === true) return blocked('blocked by scaling in progress');
  if (request.honourCooldown && ctx.nowMs < view.cooldownUntilMs)
    return blocked(`blocked by cooldown until ${isoTime(view.cooldownUntilMs)}`);
  if (request.to < from) {
    const victims = chooseVictims(view.runtime.instances, from - request.to, view.limits.scaleInPolicy);
    return { ...base, kind: 'scale-in', to: request.to, victims, reason: request.reason };
  }
  if (ctx.costPerHour === null || ctx.budgetPerHour === null)
    return { ...base, kind: 'scale-out', to: request.to, reason: request.reason };
  const fit = fitBudget({
    component,
    from,
    to: request.to,
    counts: ctx.counts,
    costPerHour: ctx.costPerHour,
    budgetPerHour: ctx.budgetPerHour,
  });
  if (!fit.ok)
    return { ...base, kind: 'refused', to: request.to, reason: `${fit.reason}: ${request.reason}` };
  const note = fit.note === '' ? '' : `; ${fit.note}`;
  return { ...base, kind: 'scale-out', to: fit.to, reason: `${request.reason}${note}` };
}
