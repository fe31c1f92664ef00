import type { Expr } from '../manifest/expression.js';
import { evaluateExpression, parseExpression } from '../manifest/expression.js';
import type { ExpressionEvaluator } from './expression-evaluator.js';

/** Parsed trees are reused; the bound only matters for services whose rules change very often. */
const MAX_CACHED = 256;

/**
 * The evaluator for manifest expression rules: parses each expression once and reads bare KPI
 * names as their mean over the rule's period, `instances` as the component's size. A value that
 * is a number counts as true when non-zero.
 */
export function createExpressionEvaluator(): ExpressionEvaluator {
  const parsed = new Map<string, Expr>();
  return (expression, env) => {
    let expr = parsed.get(expression);
    if (expr === undefined) {
      expr = parseExpression(expression);
      if (parsed.size >= MAX_CACHED) parsed.clear();
      parsed.set(expression, expr);
    }
    const result = evaluateExpression(expr, {
      value: (name) => (name === 'instances' ? env.instances : env.value(name, 'avg')),
      aggregate: (fn, kpi) => env.value(kpi, fn),
    });
    return typeof result === 'boolean' ? result : result !== 0 && !Number.isNaN(result);
  };
}
