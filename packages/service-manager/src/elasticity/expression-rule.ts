import type { ExpressionRule } from '../manifest/model.js';
import { applyAdjustment } from './adjustment.js';
import type { ExpressionEnv, ExpressionEvaluator } from './expression-evaluator.js';
import { measured, plural } from './format.js';
import type { KpiFunction } from './kpi-windows.js';
import type { RuleContext, RuleVerdict } from './verdict.js';

export interface ExpressionJudgement {
  verdict: RuleVerdict;
  /** The consecutive-true count after this evaluation. */
  consecutiveTrue: number;
}

/**
 * OneFlow's elasticity policy: the expression over the KPIs of the last period must hold for
 * periodCount evaluations in a row; a false (or undecidable) evaluation starts the count again.
 */
export function judgeExpression(
  rule: ExpressionRule,
  evaluate: ExpressionEvaluator,
  { windows, instances, nowMs }: RuleContext,
  consecutiveTrue: number,
): ExpressionJudgement {
  const seen = new Map<string, number>();
  const missing = new Set<string>();
  const env: ExpressionEnv = {
    instances,
    value(kpi: string, fn: KpiFunction): number {
      const v = windows.value(kpi, fn, rule.periodSeconds, nowMs);
      if (Number.isNaN(v)) missing.add(kpi);
      seen.set(`${fn}(${kpi})`, v);
      return v;
    },
  };
  let holds: boolean;
  try {
    holds = evaluate(rule.expression, env);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      verdict: { kind: 'error', reason: `cannot evaluate '${rule.expression}': ${message}` },
      consecutiveTrue: 0,
    };
  }
  if (missing.size > 0) {
    const kpis = [...missing].join(', ');
    return {
      verdict: { kind: 'no-data', reason: `no samples of ${kpis} in the last ${rule.periodSeconds} s` },
      consecutiveTrue: 0,
    };
  }
  const values = [...seen].map(([k, v]) => `${k} ${measured(v)}`).join(', ');
  const cited = `${values === '' ? '' : `${values}: `}'${rule.expression}'`;
  if (!holds) return { verdict: { kind: 'quiet', reason: `${cited} false` }, consecutiveTrue: 0 };
  // Capped: a rule held back by cooldown stays ready to fire, and the snapshot stays small.
  const count = Math.min(consecutiveTrue + 1, rule.periodCount);
  const periods = `${plural(rule.periodCount, 'period')} of ${rule.periodSeconds} s`;
  if (count < rule.periodCount)
    return {
      verdict: { kind: 'counting', reason: `${cited} true for ${count} of ${periods}` },
      consecutiveTrue: count,
    };
  const adjustment = applyAdjustment(instances, rule);
  return {
    verdict: {
      kind: 'fire',
      target: adjustment.target,
      reason: `${cited} true for ${periods}; ${adjustment.description}`,
    },
    consecutiveTrue: count,
  };
}
