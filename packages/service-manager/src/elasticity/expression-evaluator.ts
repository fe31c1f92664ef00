import type { KpiFunction } from './kpi-windows.js';

/** What an expression rule's condition can see at one evaluation. */
export interface ExpressionEnv {
  /** fn over the KPI's samples in the rule's period; NaN when there are none (count: 0). */
  value(kpi: string, fn: KpiFunction): number;
  /** The component's current instance count. */
  readonly instances: number;
}

/**
 * Decides an expression rule's condition. Injected so the engine does not depend on one parser;
 * the manifest's expression module provides the real one (parse once, evaluate many).
 */
export type ExpressionEvaluator = (expression: string, env: ExpressionEnv) => boolean;
