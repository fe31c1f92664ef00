// Builders shared by this folder's tests (not exported from the index).
import type { ElasticityRule, ExpressionRule, ThresholdRule } from '../manifest/model.js';
import type { CostFunction } from './budget.js';
import type { ComponentLimits, ComponentRuntime } from './component.js';
import { ElasticityEngine } from './engine.js';
import { KpiWindows } from './kpi-windows.js';
import { createExpressionEvaluator } from './manifest-evaluator.js';
import type { RunningInstance } from './victims.js';

export const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);

export function threshold(overrides: Partial<ThresholdRule> = {}): ThresholdRule {
  return {
    kind: 'threshold',
    id: 'queue',
    component: 'worker',
    kpi: 'jobqueue',
    windowSeconds: 60,
    frequencySeconds: 20,
    quota: 50,
    tolerancePercent: 20,
    ...overrides,
  };
}

export function expressionRule(overrides: Partial<ExpressionRule> = {}): ExpressionRule {
  return {
    kind: 'expression',
    id: 'cpu-high',
    component: 'worker',
    expression: 'avg(cpu) > 80',
    periodSeconds: 30,
    periodCount: 3,
    adjustment: 'change',
    value: 1,
    minStep: 1,
    cooldownSeconds: 120,
    ...overrides,
  };
}

export function limits(overrides: Partial<ComponentLimits> = {}): ComponentLimits {
  return {
    id: 'worker',
    instances: { min: 1, max: 5 },
    cooldownSeconds: 60,
    scaleInPolicy: 'youngest',
    ...overrides,
  };
}

/** n instances named w1..wn, started one minute apart (w1 oldest). */
export function instances(n: number, prefix = 'w'): RunningInstance[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    startedAtMs: T0 - (n - i) * 60_000,
  }));
}

export function runtimeOf(n: number, scaling = false): ComponentRuntime {
  return { instances: instances(n), scaling };
}

export interface EngineSetup {
  rules: ElasticityRule[];
  components?: ComponentLimits[];
  costPerHour?: CostFunction;
  budgetPerHour?: number | null;
  nowMs?: number;
}

export function makeEngine(setup: EngineSetup): { engine: ElasticityEngine; windows: KpiWindows } {
  const windows = new KpiWindows();
  const engine = new ElasticityEngine({
    components: setup.components ?? [limits()],
    rules: setup.rules,
    windows,
    evaluateExpression: createExpressionEvaluator(),
    costPerHour: setup.costPerHour,
    budgetPerHour: setup.budgetPerHour ?? null,
    nowMs: setup.nowMs ?? T0,
  });
  return { engine, windows };
}

/** One sample of kpi every stepMs in [fromMs, toMs]. */
export function feed(
  windows: KpiWindows,
  kpi: string,
  value: number,
  fromMs: number,
  toMs: number,
  stepMs = 5000,
): void {
  for (let t = fromMs; t <= toMs; t += stepMs) windows.record(kpi, value, t);
}

/** Seconds after T0. */
export function at(seconds: number): number {
  return T0 + seconds * 1000;
}
