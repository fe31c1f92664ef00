// The condition language's syntax tree. Conditions are parsed once when a policy loads; deciding
// runs closures compiled from this tree, never eval.

import type { Category, Scalar } from './attributes.js';

export type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in';
export type FunctionName = 'has' | 'startsWith' | 'endsWith';

export type Expr =
  | { kind: 'literal'; value: Scalar; column: number }
  | { kind: 'list'; items: readonly Expr[]; column: number }
  | { kind: 'attribute'; category: Category; name: string; column: number }
  | { kind: 'compare'; op: CompareOperator; left: Expr; right: Expr; column: number }
  | { kind: 'and' | 'or'; operands: readonly Expr[]; column: number }
  | { kind: 'not'; operand: Expr; column: number }
  | { kind: 'call'; fn: FunctionName; args: readonly Expr[]; column: number };

export const FUNCTION_ARITY: Readonly<Record<FunctionName, number>> = { has: 1, startsWith: 2, endsWith: 2 };

/** The text a policy would write for an expression: used in traces and messages. */
export function formatExpr(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return typeof e.value === 'string' ? `'${e.value.replace(/[\\']/g, '\\$&')}'` : String(e.value);
    case 'list':
      return `[${e.items.map(formatExpr).join(', ')}]`;
    case 'attribute':
      return `${e.category}.${e.name}`;
    case 'compare':
      return `${formatExpr(e.left)} ${e.op} ${formatExpr(e.right)}`;
    case 'and':
    case 'or':
      return e.operands
        .map((o) => (o.kind === 'and' || o.kind === 'or' ? `(${formatExpr(o)})` : formatExpr(o)))
        .join(` ${e.kind} `);
    case 'not':
      return `not ${e.operand.kind === 'attribute' || e.operand.kind === 'call' ? formatExpr(e.operand) : `(${formatExpr(e.operand)})`}`;
    case 'call':
      return `${e.fn}(${e.args.map(formatExpr).join(', ')})`;
  }
}
