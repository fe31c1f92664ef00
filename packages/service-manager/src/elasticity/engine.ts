import { ReservoirError } from '@reservoir/runtime';
import type { ElasticityRule } from '../manifest/model.js';
import type { Proposal, ProposalPhase } from './arbitrate.js';
import { arbitrate } from './arbitrate.js';
import { correctBounds } from './bounds.js';
import type { CostFunction } from './budget.js';
import type { ComponentLimits, ComponentView, ServiceRuntime } from './component.js';
import type { ScalingDecision } from './decision.js';
import { isAction, noAction } from './decision.js';
import type { ExpressionEvaluator } from './expression-evaluator.js';
import { judgeExpression } from './expression-rule.js';
import type { KpiWindows } from './kpi-windows.js';
import type { RulePhase, RuleState } from './rule-state.js';
import { freshState, periodMs, rescheduled, sameRule, windowSeconds } from './rule-state.js';
import type { ActionContext } from './scale-action.js';
import type { ElasticitySnapshot } from './snapshot.js';
import { parseSnapshot } from './snapshot.js';
import { judgeThreshold } from './threshold-rule.js';
import type { RuleVerdict } from './verdict.js';
import { validateBounds, validateComponents, validateRules } from './validate.js';

export interface ElasticityEngineOptions {
  components: readonly ComponentLimits[];
  rules: readonly ElasticityRule[];
  /** The service's KPI samples; the engine sets their retention to what its rules read. */
  windows: KpiWindows;
  evaluateExpression: ExpressionEvaluator;
  /** Needed when budgetPerHour is set. */
  costPerHour?: CostFunction;
  budgetPerHour?: number | null;
  /** Every rule is first due at this time. */
  nowMs: number;
}

/** Kept beyond the longest rule window, for sources whose clocks run a little ahead. */
const RETENTION_SLACK_SECONDS = 60;

/**
 * SM-6: decides one service's scaling from its rules and KPI windows. Pure and clock-free: the
 * caller passes the time and the components' instances, carries out scale-out / scale-in
 * decisions, and schedules the next call at nextDueMs().
 */
export class ElasticityEngine {
  private readonly limits = new Map<string, ComponentLimits>();
  private rules: ElasticityRule[] = [];
  private states = new Map<string, RuleState>();
  private cooldownUntil = new Map<string, number>();
  private readonly windows: KpiWindows;
  private readonly evaluateExpression: ExpressionEvaluator;
  private readonly costPerHour: CostFunction | null;
  private budgetPerHour: number | null = null;

  constructor(options: ElasticityEngineOptions) {
    validateComponents(options.components);
    for (const c of options.components) this.limits.set(c.id, copyLimits(c));
    this.windows = options.windows;
    this.evaluateExpression = options.evaluateExpression;
    this.costPerHour = options.costPerHour ?? null;
    this.updateBudget(options.budgetPerHour ?? null);
    this.updateRules(options.rules, options.nowMs);
  }

  /**
   * Judges every rule that is due (and any rule waiting for its first samples), then decides at
   * most one action per component. Returns the decisions to log; scale-out and scale-in ones are
   * the actions to carry out.
   */
  evaluate(nowMs: number, runtime: ServiceRuntime): ScalingDecision[] {
    for (const id of this.limits.keys())
      if (runtime[id] === undefined)
        throw new ReservoirError('INVALID_ARGUMENT', `runtime has no entry for component ${id}`, {
          field: id,
        });
    this.windows.prune(nowMs);
    const log: ScalingDecision[] = [];
    const proposals = this.judgeDueRules(nowMs, runtime, log);
    const counts: Record<string, number> = {};
    for (const id of this.limits.keys()) counts[id] = runtime[id]?.instances.length ?? 0;
    const ctx: ActionContext = {
      nowMs,
      counts,
      costPerHour: this.costPerHour,
      budgetPerHour: this.budgetPerHour,
    };
    for (const [id, limits] of this.limits) {
      const view: ComponentView = {
        limits,
        runtime: runtime[id] ?? { instances: [] },
        cooldownUntilMs: this.cooldownUntil.get(id) ?? 0,
      };
      const wishes = proposals.get(id) ?? [];
      const correction = correctBounds(view, ctx);
      if (correction !== null) {
        log.push(correction);
        for (const p of wishes) {
          const reason = `superseded by the bounds correction: ${p.reason}`;
          const count = view.runtime.instances.length;
          this.note(
            p.ruleId,
            'superseded',
            noAction({ timeMs: nowMs, component: id, ruleId: p.ruleId, count, reason }),
            log,
          );
        }
        if (isAction(correction)) this.applyAction(correction, limits.cooldownSeconds, counts);
        continue;
      }
      if (wishes.length === 0) continue;
      const { results, action } = arbitrate(view, wishes, ctx);
      for (const r of results) this.note(r.ruleId, r.phase, r.decision, log);
      if (action !== null) this.applyAction(action.decision, action.cooldownSeconds, counts);
    }
    return log;
  }

  /** When the next rule is due (null without rules): the time to call evaluate again. */
  nextDueMs(): number | null {
    let next: number | null = null;
    for (const s of this.states.values()) if (next === null || s.nextDueMs < next) next = s.nextDueMs;
    return next;
  }

  /** Replaces the rules: a rule with the same id, kind and component keeps its state; new rules are due at nowMs. */
  updateRules(rules: readonly ElasticityRule[], nowMs: number): void {
    validateRules(rules, new Set(this.limits.keys()));
    const previous = new Map(this.rules.map((r) => [r.id, r]));
    const states = new Map<string, RuleState>();
    for (const rule of rules) {
      const before = previous.get(rule.id);
      const state = this.states.get(rule.id);
      states.set(
        rule.id,
        before !== undefined && state !== undefined && sameRule(before, rule)
          ? rescheduled(state, rule)
          : freshState(nowMs),
      );
    }
    this.rules = rules.map((r) => ({ ...r }));
    this.states = states;
    const longest = Math.max(0, ...this.rules.map(windowSeconds));
    this.windows.setRetentionSeconds(longest + RETENTION_SLACK_SECONDS);
  }

  /** Changes a component's min / max; a count now outside them is corrected at the next evaluate. */
  updateBounds(componentId: string, bounds: { min: number; max: number }): void {
    const limits = this.limits.get(componentId);
    if (limits === undefined)
      throw new ReservoirError('NOT_FOUND', `no component ${componentId}`, { field: componentId });
    validateBounds(componentId, bounds);
    this.limits.set(componentId, { ...limits, instances: { min: bounds.min, max: bounds.max } });
  }

  /** Changes the service's hourly budget (null: no limit). */
  updateBudget(budgetPerHour: number | null): void {
    if (budgetPerHour !== null && !(budgetPerHour >= 0 && Number.isFinite(budgetPerHour)))
      throw new ReservoirError(
        'INVALID_ARGUMENT',
        `budgetPerHour must be a number ≥ 0, got ${budgetPerHour}`,
      );
    if (budgetPerHour !== null && this.costPerHour === null)
      throw new ReservoirError('INVALID_ARGUMENT', 'a budget needs a costPerHour function to check it');
    this.budgetPerHour = budgetPerHour;
  }

  /** Until when a component cools down after its last action (null: never acted on). */
  cooldownUntilMs(componentId: string): number | null {
    return this.cooldownUntil.get(componentId) ?? null;
  }

  /** The state to persist; plain JSON. */
  snapshot(): ElasticitySnapshot {
    return structuredClone({
      version: 1,
      rules: Object.fromEntries(this.states),
      cooldownUntilMs: Object.fromEntries(this.cooldownUntil),
    });
  }

  /** Resumes from a snapshot: state of rules and components that no longer exist is ignored. */
  restore(snapshot: unknown): void {
    const snap = parseSnapshot(snapshot);
    for (const rule of this.rules) {
      const saved = snap.rules[rule.id];
      if (saved !== undefined) this.states.set(rule.id, rescheduled(saved, rule));
    }
    this.cooldownUntil = new Map(Object.entries(snap.cooldownUntilMs).filter(([id]) => this.limits.has(id)));
  }

  private judgeDueRules(
    nowMs: number,
    runtime: ServiceRuntime,
    log: ScalingDecision[],
  ): Map<string, Proposal[]> {
    const proposals = new Map<string, Proposal[]>();
    for (const rule of this.rules) {
      const state = this.states.get(rule.id) as RuleState;
      // A rule whose window was empty is judged as soon as a sample is there, not a period later.
      const early = nowMs < state.nextDueMs;
      if (early && state.phase !== 'no-data') continue;
      const instances = runtime[rule.component]?.instances.length ?? 0;
      const { verdict, consecutiveTrue } = this.judge(rule, state, instances, nowMs);
      if (early && verdict.kind === 'no-data') continue;
      state.lastEvaluatedMs = nowMs;
      state.nextDueMs = nowMs + periodMs(rule);
      state.consecutiveTrue = consecutiveTrue;
      if (verdict.kind === 'fire') {
        const cooldownSeconds =
          rule.kind === 'expression'
            ? rule.cooldownSeconds
            : (this.limits.get(rule.component)?.cooldownSeconds ?? 0);
        const list = proposals.get(rule.component) ?? [];
        list.push({ ruleId: rule.id, target: verdict.target, reason: verdict.reason, cooldownSeconds });
        proposals.set(rule.component, list);
      } else {
        const decision = noAction({
          timeMs: nowMs,
          component: rule.component,
          ruleId: rule.id,
          count: instances,
          reason: verdict.reason,
        });
        this.note(rule.id, verdict.kind, decision, log);
      }
    }
    return proposals;
  }

  private judge(
    rule: ElasticityRule,
    state: RuleState,
    instances: number,
    nowMs: number,
  ): { verdict: RuleVerdict; consecutiveTrue: number } {
    const ctx = { windows: this.windows, instances, nowMs };
    if (rule.kind === 'threshold') return { verdict: judgeThreshold(rule, ctx), consecutiveTrue: 0 };
    // Periods in a row must be consecutive: a stalled driver or a restart starts the count again.
    const gap = state.lastEvaluatedMs !== null && nowMs - state.lastEvaluatedMs > 2 * periodMs(rule);
    return judgeExpression(rule, this.evaluateExpression, ctx, gap ? 0 : state.consecutiveTrue);
  }

  /** Records a rule's new phase; logs every firing, and 'none' decisions only when the phase changes. */
  private note(
    ruleId: string,
    outcome: Exclude<RuleVerdict['kind'], 'fire'> | ProposalPhase,
    decision: ScalingDecision,
    log: ScalingDecision[],
  ): void {
    const state = this.states.get(ruleId) as RuleState;
    const before = state.phase;
    if (outcome === 'counting') {
      // Not a phase of its own: "quiet after firing" must still show through a count that broke off.
      if (before === 'idle' || before === 'no-data' || before === 'error') state.phase = 'quiet';
      return;
    }
    state.phase = outcome;
    if (outcome === 'firing' || (outcome !== before && worthLogging(outcome, before))) log.push(decision);
  }

  private applyAction(
    decision: ScalingDecision,
    cooldownSeconds: number,
    counts: Record<string, number>,
  ): void {
    this.cooldownUntil.set(decision.component, decision.timeMs + cooldownSeconds * 1000);
    counts[decision.component] = decision.to;
    // The service changed size: expression rules must prove themselves again at the new size.
    for (const rule of this.rules)
      if (rule.component === decision.component) (this.states.get(rule.id) as RuleState).consecutiveTrue = 0;
  }
}

/** Going quiet is news only after the rule wanted something; every other new phase is news. */
function worthLogging(phase: RulePhase, before: RulePhase): boolean {
  return phase !== 'quiet' || before === 'firing' || before === 'at-bound' || before === 'superseded';
}

function copyLimits(c: ComponentLimits): ComponentLimits {
  return {
    id: c.id,
    instances: { min: c.instances.min, max: c.instances.max },
    cooldownSeconds: c.cooldownSeconds,
    scaleInPolicy: c.scaleInPolicy,
  };
}
