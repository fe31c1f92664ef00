import type { KpiWindows } from './kpi-windows.js';

/** What a rule sees when judged: the KPI windows and its component's size, at one instant. */
export interface RuleContext {
  windows: KpiWindows;
  instances: number;
  nowMs: number;
}

/**
 * What one rule concluded at one evaluation. fire carries the count it asks for; the engine then
 * applies bounds, cooldown and budget, and arbitrates between rules of the same component.
 * no-data and error count as false (OneFlow: a missing attribute makes the expression false).
 */
export type RuleVerdict =
  | { kind: 'no-data'; reason: string }
  | { kind: 'error'; reason: string }
  | { kind: 'quiet'; reason: string }
  /** An expression rule that is true, but not yet for periodCount periods in a row. */
  | { kind: 'counting'; reason: string }
  | { kind: 'fire'; target: number; reason: string };
