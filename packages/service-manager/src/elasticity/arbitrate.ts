import type { ComponentView } from './component.js';
import type { ScalingDecision } from './decision.js';
import { isAction, noAction } from './decision.js';
import type { ActionContext } from './scale-action.js';
import { decideAction } from './scale-action.js';

/** A fired rule's wish for its component. */
export interface Proposal {
  ruleId: string;
  target: number;
  reason: string;
  /** Cooldown to start if this proposal becomes the action. */
  cooldownSeconds: number;
}

/** firing: acted, blocked or refused. at-bound: nothing to do at this size. superseded: another rule won. */
export type ProposalPhase = 'firing' | 'at-bound' | 'superseded';

export interface ProposalResult {
  ruleId: string;
  phase: ProposalPhase;
  decision: ScalingDecision;
}

export interface Arbitration {
  results: ProposalResult[];
  /** The action to carry out, with the cooldown it starts. */
  action: { decision: ScalingDecision; cooldownSeconds: number } | null;
}

/**
 * Several rules of one component fired in the same evaluation. Scale-out wins over scale-in (a
 * rule asking for capacity vetoes removing it) and the largest scale-out wins; among scale-ins
 * the smallest step wins, the cautious choice. Ties go to the earlier rule. The winner is then
 * clamped to [min, max], and held back by an action in progress, cooldown or budget.
 */
export function arbitrate(
  view: ComponentView,
  proposals: readonly Proposal[],
  ctx: ActionContext,
): Arbitration {
  const from = view.runtime.instances.length;
  const none = (p: Proposal, reason: string, phase: ProposalPhase): ProposalResult => ({
    ruleId: p.ruleId,
    phase,
    decision: noAction({
      timeMs: ctx.nowMs,
      component: view.limits.id,
      ruleId: p.ruleId,
      count: from,
      reason,
    }),
  });
  const winner = pickWinner(proposals, from);
  if (winner === null)
    return {
      results: proposals.map((p) => none(p, `already at ${from}: ${p.reason}`, 'at-bound')),
      action: null,
    };
  const direction = winner.target > from ? 'scale-out' : 'scale-in';
  const results = proposals
    .filter((p) => p !== winner)
    .map((p) =>
      p.target === from
        ? none(p, `already at ${from}: ${p.reason}`, 'at-bound')
        : none(
            p,
            `superseded by ${winner.ruleId} (${direction} to ${winner.target}): ${p.reason}`,
            'superseded',
          ),
    );
  const { min, max } = view.limits.instances;
  const to = Math.min(max, Math.max(min, winner.target));
  if (direction === 'scale-out' ? to <= from : to >= from) {
    const bound = direction === 'scale-out' ? `at max ${max}` : `at min ${min}`;
    results.unshift(none(winner, `${bound}: ${winner.reason}`, 'at-bound'));
    return { results, action: null };
  }
  const clamped = to === winner.target ? '' : `; clamped to ${to === max ? 'max' : 'min'} ${to}`;
  const decision = decideAction(
    view,
    { ruleId: winner.ruleId, to, reason: `${winner.reason}${clamped}`, honourCooldown: true },
    ctx,
  );
  results.unshift({ ruleId: winner.ruleId, phase: 'firing', decision });
  return {
    results,
    action: isAction(decision) ? { decision, cooldownSeconds: winner.cooldownSeconds } : null,
  };
}

function pickWinner(proposals: readonly Proposal[], from: number): Proposal | null {
  let best: Proposal | null = null;
  for (const p of proposals) {
    if (p.target > from && (best === null || best.target < from || p.target > best.target)) best = p;
    else if (p.target < from && (best === null || (best.target < from && p.target > best.target))) best = p;
  }
  return best;
}
