// A recursive-descent parser for conditions such as
//   subject.organization == resource.organization and not ('viewer' in subject.roles)
// Grammar (lowest precedence first):
//   or      := and ('or' and)*
//   and     := unary ('and' unary)*
//   unary   := 'not' unary | compare
//   compare := primary (('=='|'!='|'<'|'<='|'>'|'>='|'in') primary)?
//   primary := literal | '[' (or (',' or)*)? ']' | call | category '.' name ('.' name)* | '(' or ')'
// Errors name the column (1-based) so a site admin finds the spot in a long line.

import { CATEGORIES, internCategory, isCategory, isReservedName } from './attributes.js';
import { FUNCTION_ARITY, type CompareOperator, type Expr, type FunctionName } from './expression.js';

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(`column ${column}: ${message}`);
    this.name = 'ExpressionSyntaxError';
  }
}

type Token =
  | { t: 'num'; value: number; col: number }
  | { t: 'str'; value: string; col: number }
  | { t: 'id'; value: string; col: number }
  | { t: 'op'; value: string; col: number }
  | { t: 'end'; col: number };

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false']);
const COMPARE = new Set(['==', '!=', '<', '<=', '>', '>=', 'in']);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const col = i + 1;
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i))!;
      out.push({ t: 'num', value: Number(m[0]), col });
      i += m[0].length;
      if (/[A-Za-z_]/.test(src[i] ?? '')) throw new ExpressionSyntaxError('a number runs into a name', i + 1);
    } else if (c === "'" || c === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const d = src[j];
        if (d === undefined) throw new ExpressionSyntaxError('unterminated string', col);
        if (d === c) break;
        if (d === '\\') {
          const e = src[j + 1];
          if (e === undefined) throw new ExpressionSyntaxError('unterminated string', col);
          value += e;
          j += 2;
        } else {
          value += d;
          j++;
        }
      }
      out.push({ t: 'str', value, col });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i))!;
      out.push({ t: 'id', value: m[0], col });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      if (['==', '!=', '<=', '>='].includes(two)) {
        out.push({ t: 'op', value: two, col });
        i += 2;
      } else if ('<>()[],.'.includes(c)) {
        out.push({ t: 'op', value: c, col });
        i++;
      } else if (c === '=') {
        throw new ExpressionSyntaxError("use '==' to compare", col);
      } else if (two === '&&' || two === '||' || c === '!') {
        throw new ExpressionSyntaxError(
          `write ${c === '!' ? "'not'" : two === '&&' ? "'and'" : "'or'"} instead of '${c === '!' ? c : two}'`,
          col,
        );
      } else {
        throw new ExpressionSyntaxError(`unexpected character '${c}'`, col);
      }
    }
  }
  out.push({ t: 'end', col: src.length + 1 });
  return out;
}

/** Deeper nesting is no policy anyone writes, and unbounded recursion could overflow the stack. */
const MAX_NESTING = 64;

class Parser {
  private pos = 0;
  private nesting = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isOp(value: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.value === value;
  }
  private isWord(value: string): boolean {
    const t = this.peek();
    return t.t === 'id' && t.value === value;
  }
  private expectOp(value: string): void {
    const t = this.next();
    if (t.t !== 'op' || t.value !== value)
      throw new ExpressionSyntaxError(`expected '${value}' but found ${describe(t)}`, t.col);
  }

  parseAll(): Expr {
    const e = this.or();
    const t = this.peek();
    if (t.t !== 'end') throw new ExpressionSyntaxError(`unexpected ${describe(t)}`, t.col);
    return e;
  }

  private or(): Expr {
    return this.chain('or', () => this.and());
  }
  private and(): Expr {
    return this.chain('and', () => this.unary());
  }
  private chain(kind: 'and' | 'or', operand: () => Expr): Expr {
    const first = operand();
    if (!this.isWord(kind)) return first;
    const operands = [first];
    while (this.isWord(kind)) {
      this.next();
      operands.push(operand());
    }
    return { kind, operands, column: first.column };
  }

  private unary(): Expr {
    const t = this.peek();
    if (this.isWord('not')) {
      this.next();
      return { kind: 'not', operand: this.nested(t.col, () => this.unary()), column: t.col };
    }
    return this.compare();
  }

  private nested<T>(col: number, parse: () => T): T {
    if (++this.nesting > MAX_NESTING)
      throw new ExpressionSyntaxError(`nested more than ${MAX_NESTING} deep`, col);
    const v = parse();
    this.nesting--;
    return v;
  }

  private compare(): Expr {
    const left = this.primary();
    const t = this.peek();
    const op = t.t === 'op' || t.t === 'id' ? t.value : '';
    if (!COMPARE.has(op)) return left;
    this.next();
    const right = this.primary();
    const after = this.peek();
    if ((after.t === 'op' || after.t === 'id') && COMPARE.has(after.value))
      throw new ExpressionSyntaxError(`comparisons do not chain; add parentheses or 'and'`, after.col);
    return { kind: 'compare', op: op as CompareOperator, left, right, column: t.col };
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.t) {
      case 'num':
        return { kind: 'literal', value: t.value, column: t.col };
      case 'str':
        return { kind: 'literal', value: t.value, column: t.col };
      case 'op':
        if (t.value === '(') {
          const e = this.nested(t.col, () => this.or());
          this.expectOp(')');
          return e;
        }
        if (t.value === '[') return this.nested(t.col, () => this.list(t.col));
        throw new ExpressionSyntaxError(`unexpected ${describe(t)}`, t.col);
      case 'id':
        return this.name(t);
      case 'end':
        throw new ExpressionSyntaxError('the expression ends too early', t.col);
    }
  }

  private commaSeparated(into: Expr[]): void {
    for (;;) {
      into.push(this.or());
      if (!this.isOp(',')) return;
      this.next();
    }
  }

  private list(col: number): Expr {
    const items: Expr[] = [];
    if (!this.isOp(']')) this.commaSeparated(items);
    this.expectOp(']');
    for (const item of items)
      if (item.kind !== 'literal' && item.kind !== 'attribute')
        throw new ExpressionSyntaxError('a list holds literals and attributes only', item.column);
    return { kind: 'list', items, column: col };
  }

  private name(t: { value: string; col: number }): Expr {
    if (t.value === 'true' || t.value === 'false')
      return { kind: 'literal', value: t.value === 'true', column: t.col };
    if (KEYWORDS.has(t.value))
      throw new ExpressionSyntaxError(`'${t.value}' needs an operand before it`, t.col);
    if (this.isOp('(')) return this.call(t);
    if (!this.isOp('.'))
      throw new ExpressionSyntaxError(
        `unknown name '${t.value}' (an attribute is written category.name, with category one of ${CATEGORIES.join(', ')})`,
        t.col,
      );
    if (!isCategory(t.value))
      throw new ExpressionSyntaxError(
        `unknown attribute category '${t.value}' (expected one of ${CATEGORIES.join(', ')})`,
        t.col,
      );
    const parts: string[] = [];
    while (this.isOp('.')) {
      this.next();
      const p = this.next();
      if (p.t !== 'id')
        throw new ExpressionSyntaxError(
          `expected an attribute name after '.' but found ${describe(p)}`,
          p.col,
        );
      parts.push(p.value);
    }
    const name = parts.join('.');
    if (isReservedName(name)) throw new ExpressionSyntaxError(`'${name}' is a reserved name`, t.col);
    return { kind: 'attribute', category: internCategory(t.value), name, column: t.col };
  }

  private call(t: { value: string; col: number }): Expr {
    if (!Object.hasOwn(FUNCTION_ARITY, t.value))
      throw new ExpressionSyntaxError(
        `unknown function '${t.value}' (known: ${Object.keys(FUNCTION_ARITY).join(', ')})`,
        t.col,
      );
    const fn = t.value as FunctionName;
    this.expectOp('(');
    const args: Expr[] = [];
    if (!this.isOp(')')) this.nested(t.col, () => this.commaSeparated(args));
    this.expectOp(')');
    if (args.length !== FUNCTION_ARITY[fn])
      throw new ExpressionSyntaxError(
        `${fn} takes ${FUNCTION_ARITY[fn]} argument(s), got ${args.length}`,
        t.col,
      );
    if (fn === 'has' && args[0]!.kind !== 'attribute')
      throw new ExpressionSyntaxError('has() takes an attribute, such as has(resource.owner)', t.col);
    return { kind: 'call', fn, args, column: t.col };
  }
}

function describe(t: Token): string {
  switch (t.t) {
    case 'end':
      return 'the end of the expression';
    case 'str':
      return `string '${t.value}'`;
    case 'num':
      return `number ${t.value}`;
    default:
      return `'${t.value}'`;
  }
}

/** Parses an expression; throws ExpressionSyntaxError with the column of the problem. */
export function parseExpression(src: string): Expr {
  return new Parser(tokenize(src)).parseAll();
}

/**
 * Parses a condition: an expression that can only be a boolean. A bare string, number or list
 * is refused here rather than making every decision Indeterminate later.
 */
export function parseCondition(src: string): Expr {
  const e = parseExpression(src);
  if (e.kind === 'list' || (e.kind === 'literal' && typeof e.value !== 'boolean'))
    throw new ExpressionSyntaxError(
      'a condition must be a comparison, a logical expression or a boolean',
      e.column,
    );
  if (e.kind === 'compare' || e.kind === 'and' || e.kind === 'or' || e.kind === 'not' || e.kind === 'call')
    checkBooleanOperands(e);
  return e;
}

/** 'and', 'or' and 'not' over a literal string, number or list can never be true or false. */
function checkBooleanOperands(e: Expr): void {
  const operands = e.kind === 'and' || e.kind === 'or' ? e.operands : e.kind === 'not' ? [e.operand] : [];
  for (const o of operands) {
    if (o.kind === 'list' || (o.kind === 'literal' && typeof o.value !== 'boolean'))
      throw new ExpressionSyntaxError(`'${e.kind}' needs boolean operands`, o.column);
    checkBooleanOperands(o);
  }
}
