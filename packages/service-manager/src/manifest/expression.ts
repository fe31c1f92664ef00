// The condition language of expression rules (OneFlow's elasticity expressions, with C-style
// precedence): numbers, KPI names and the built-in `instances`, + - * /, comparisons,
// && || ! (and OneFlow's single & |), parentheses, and window aggregates avg/min/max/sum/last/count(kpi).
// Validation parses and type-checks it; the elasticity engine evaluates the same tree.
import { ReservoirError } from '@reservoir/runtime';

export const AGGREGATES = ['avg', 'min', 'max', 'sum', 'last', 'count'] as const;
export type AggregateFn = (typeof AGGREGATES)[number];
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type ArithOp = '+' | '-' | '*' | '/';
export type LogicOp = '&&' | '||';

/** Names an expression may use besides the service's KPIs. */
export const EXPRESSION_BUILTINS: readonly string[] = ['instances'];

/** `at` is the 1-based column where the node starts in the expression text. */
export type Expr =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'identifier'; name: string; at: number }
  | { kind: 'aggregate'; fn: AggregateFn; kpi: string; at: number }
  | { kind: 'not'; operand: Expr; at: number }
  | { kind: 'negate'; operand: Expr; at: number }
  | { kind: 'arith'; op: ArithOp; left: Expr; right: Expr; at: number }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr; at: number }
  | { kind: 'logic'; op: LogicOp; left: Expr; right: Expr; at: number };

interface Token {
  text: string;
  kind: 'number' | 'identifier' | 'operator' | 'end';
  at: number;
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_.]*)|(<=|>=|==|!=|&&|\|\||[<>!&|+\-*/()]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    if (text.slice(pos).trim() === '') break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (m === null) {
      const at = pos + (text.slice(pos).length - text.slice(pos).trimStart().length);
      throw syntaxError(at + 1, `unexpected "${text[at]}"`);
    }
    const [whole, num, ident, op] = m;
    const at = pos + whole.length - (num ?? ident ?? op ?? '').length + 1;
    if (num !== undefined) tokens.push({ text: num, kind: 'number', at });
    else if (ident !== undefined) tokens.push({ text: ident, kind: 'identifier', at });
    else tokens.push({ text: op === '&' ? '&&' : op === '|' ? '||' : (op ?? ''), kind: 'operator', at });
    pos += whole.length;
  }
  tokens.push({ text: '', kind: 'end', at: text.length + 1 });
  return tokens;
}

function syntaxError(column: number, message: string): ReservoirError {
  return new ReservoirError('INVALID_ARGUMENT', `column ${column}: ${message}`, { field: 'expression' });
}

const COMPARE_OPS = new Set(['<', '<=', '>', '>=', '==', '!=']);

/** Recursive descent, lowest precedence first: || then && then comparison then + - then * / then unary. */
class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.or();
    const t = this.peek();
    if (t.kind !== 'end') throw syntaxError(t.at, `unexpected "${t.text}"`);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.i] ?? { text: '', kind: 'end', at: 0 };
  }

  private next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }

  private accept(...ops: string[]): Token | null {
    const t = this.peek();
    return t.kind === 'operator' && ops.includes(t.text) ? this.next() : null;
  }

  private or(): Expr {
    let left = this.and();
    for (let t = this.accept('||'); t !== null; t = this.accept('||')) {
      left = { kind: 'logic', op: '||', left, right: this.and(), at: left.at };
    }
    return left;
  }

  private and(): Expr {
    let left = this.comparison();
    for (let t = this.accept('&&'); t !== null; t = this.accept('&&')) {
      left = { kind: 'logic', op: '&&', left, right: this.comparison(), at: left.at };
    }
    return left;
  }

  private comparison(): Expr {
    const left = this.sum();
    const t = this.accept(...COMPARE_OPS);
    if (t === null) return left;
    const expr: Expr = { kind: 'compare', op: t.text as CompareOp, left, right: this.sum(), at: left.at };
    const again = this.accept(...COMPARE_OPS);
    if (again !== null) throw syntaxError(again.at, 'comparisons do not chain; join them with &&');
    return expr;
  }

  private sum(): Expr {
    let left = this.product();
    for (let t = this.accept('+', '-'); t !== null; t = this.accept('+', '-')) {
      left = { kind: 'arith', op: t.text as ArithOp, left, right: this.product(), at: left.at };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    for (let t = this.accept('*', '/'); t !== null; t = this.accept('*', '/')) {
      left = { kind: 'arith', op: t.text as ArithOp, left, right: this.unary(), at: left.at };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.accept('!', '-');
    if (t === null) return this.primary();
    const operand = this.unary();
    return t.text === '!' ? { kind: 'not', operand, at: t.at } : { kind: 'negate', operand, at: t.at };
  }

  private primary(): Expr {
    const t = this.next();
    if (t.kind === 'number') return { kind: 'number', value: Number(t.text), at: t.at };
    if (t.kind === 'identifier') {
      if (this.accept('(') === null) return { kind: 'identifier', name: t.text, at: t.at };
      if (!(AGGREGATES as readonly string[]).includes(t.text)) {
        throw syntaxError(t.at, `unknown function "${t.text}" (functions: ${AGGREGATES.join(', ')})`);
      }
      const arg = this.next();
      if (arg.kind !== 'identifier') throw syntaxError(arg.at, `${t.text}() takes a KPI name`);
      this.expect(')');
      return { kind: 'aggregate', fn: t.text as AggregateFn, kpi: arg.text, at: t.at };
    }
    if (t.kind === 'operator' && t.text === '(') {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    throw syntaxError(t.at, t.kind === 'end' ? 'unexpected end of expression' : `unexpected "${t.text}"`);
  }

  private expect(op: string): void {
    const t = this.peek();
    if (this.accept(op) === null) {
      throw syntaxError(t.at, t.kind === 'end' ? `missing "${op}"` : `expected "${op}", found "${t.text}"`);
    }
  }
}

/** Parses an expression; a syntax error throws INVALID_ARGUMENT "column N: …". */
export function parseExpression(text: string): Expr {
  return new Parser(tokenize(text)).parse();
}

/** Every name the expression reads (bare or inside an aggregate), in order of first use. */
export function namesOf(expr: Expr): string[] {
  const out = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.kind === 'identifier') out.add(e.name);
    else if (e.kind === 'aggregate') out.add(e.kpi);
    else if (e.kind === 'not' || e.kind === 'negate') walk(e.operand);
    else if (e.kind !== 'number') {
      walk(e.left);
      walk(e.right);
    }
  };
  walk(expr);
  return [...out];
}

export interface ExpressionEnv {
  /** A bare name: a KPI's current value (OneFlow: the mean over the component's instances) or a built-in. */
  value(name: string): number | undefined;
  /** An aggregate of the KPI's samples over the rule's window. */
  aggregate(fn: AggregateFn, kpi: string): number | undefined;
}

/**
 * Evaluates a parsed expression. A missing value is NaN and every comparison with it is false
 * (also !=), so a rule never fires on data it does not have (OneFlow: missing = false).
 */
export function evaluateExpression(expr: Expr, env: ExpressionEnv): number | boolean {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'identifier':
      return env.value(expr.name) ?? NaN;
    case 'aggregate':
      return env.aggregate(expr.fn, expr.kpi) ?? NaN;
    case 'not':
      return !truthy(evaluateExpression(expr.operand, env));
    case 'negate':
      return -Number(evaluateExpression(expr.operand, env));
    case 'arith':
      return arith(
        expr.op,
        Number(evaluateExpression(expr.left, env)),
        Number(evaluateExpression(expr.right, env)),
      );
    case 'compare':
      return compare(expr.op, evaluateExpression(expr.left, env), evaluateExpression(expr.right, env));
    case 'logic': {
      const left = truthy(evaluateExpression(expr.left, env));
      if (expr.op === '&&') return left && truthy(evaluateExpression(expr.right, env));
      return left || truthy(evaluateExpression(expr.right, env));
    }
  }
}

function truthy(v: number | boolean): boolean {
  return typeof v === 'boolean' ? v : v !== 0 && !Number.isNaN(v);
}

function arith(op: ArithOp, a: number, b: number): number {
  if (op === '+') return a + b;
  if (op === '-') return a - b;
  if (op === '*') return a * b;
  return a / b;
}

function compare(op: CompareOp, a: number | boolean, b: number | boolean): boolean {
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return false;
  if (op === '<') return x < y;
  if (op === '<=') return x <= y;
  if (op === '>') return x > y;
  if (op === '>=') return x >= y;
  return op === '==' ? x === y : x !== y;
}
