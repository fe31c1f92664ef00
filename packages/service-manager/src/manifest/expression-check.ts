// Static checks of a parsed expression: every name is a KPI or a built-in, aggregates take KPIs,
// and numbers and conditions are not mixed (`cpu && 3`, `!cpu > 5`), the whole being a condition.
import { EXPRESSION_BUILTINS, type Expr } from './expression.js';

export interface ExpressionIssue {
  /** 1-based column in the expression text. */
  at: number;
  message: string;
}

type Type = 'number' | 'condition';

/** Every issue of the expression (empty when it can drive a rule). */
export function checkExpression(expr: Expr, kpis: ReadonlySet<string>): ExpressionIssue[] {
  const issues: ExpressionIssue[] = [];
  const top = typeOf(expr, kpis, issues);
  if (top === 'number') issues.push({ at: expr.at, message: 'is a number, not a condition; compare it' });
  return issues;
}

function typeOf(e: Expr, kpis: ReadonlySet<string>, issues: ExpressionIssue[]): Type {
  // A mismatch inside an operand is reported there only, not again by every node above it.
  const want = (operand: Expr, type: Type, why: string): void => {
    const before = issues.length;
    if (typeOf(operand, kpis, issues) !== type && issues.length === before) {
      issues.push({ at: operand.at, message: why });
    }
  };
  switch (e.kind) {
    case 'number':
      return 'number';
    case 'identifier':
      if (!kpis.has(e.name) && !EXPRESSION_BUILTINS.includes(e.name)) {
        issues.push({ at: e.at, message: `unknown KPI "${e.name}"` });
      }
      return 'number';
    case 'aggregate':
      if (!kpis.has(e.kpi)) issues.push({ at: e.at, message: `${e.fn}() of unknown KPI "${e.kpi}"` });
      return 'number';
    case 'negate':
      want(e.operand, 'number', '- applies to a number');
      return 'number';
    case 'arith':
      want(e.left, 'number', `${e.op} applies to numbers`);
      want(e.right, 'number', `${e.op} applies to numbers`);
      return 'number';
    case 'not':
      want(e.operand, 'condition', '! applies to a condition; write !(a > b)');
      return 'condition';
    case 'compare':
      want(e.left, 'number', `${e.op} compares numbers`);
      want(e.right, 'number', `${e.op} compares numbers`);
      return 'condition';
    case 'logic':
      want(e.left, 'condition', `${e.op} joins conditions`);
      want(e.right, 'condition', `${e.op} joins conditions`);
      return 'condition';
  }
}
