import { describe, expect, it } from 'vitest';
import { formatExpr } from './expression.js';
import { ExpressionSyntaxError, parseCondition, parseExpression } from './expression-parser.js';

function syntaxError(src: string, parse = parseExpression): ExpressionSyntaxError {
  try {
    parse(src);
  } catch (e) {
    if (e instanceof ExpressionSyntaxError) return e;
    throw e;
  }
  throw new Error(`"${src}" parsed`);
}

describe('parseExpression', () => {
  it('reads attribute references, literals and lists', () => {
    expect(parseExpression('subject.organization')).toMatchObject({
      kind: 'attribute',
      category: 'subject',
      name: 'organization',
    });
    expect(parseExpression('resource.labels.tier')).toMatchObject({ kind: 'attribute', name: 'labels.tier' });
    expect(parseExpression(`"it's"`)).toMatchObject({ kind: 'literal', value: "it's" });
    expect(parseExpression(`'a\\'b'`)).toMatchObject({ kind: 'literal', value: "a'b" });
    expect(parseExpression('-2.5')).toMatchObject({ kind: 'literal', value: -2.5 });
    expect(parseExpression('true')).toMatchObject({ kind: 'literal', value: true });
    expect(parseExpression("['a', 1, subject.id]")).toMatchObject({ kind: 'list' });
  });

  it('binds not tighter than and, and tighter than or, comparisons tightest', () => {
    const e = parseExpression("not subject.a == 1 and subject.b or subject.c in ['x']");
    expect(formatExpr(e)).toBe("(not (subject.a == 1) and subject.b) or subject.c in ['x']");
    expect(e).toMatchObject({ kind: 'or', operands: [{ kind: 'and' }, { kind: 'compare', op: 'in' }] });
  });

  it('flattens chains of and / or and honours parentheses', () => {
    const e = parseExpression('subject.a and (subject.b or subject.c) and subject.d');
    expect(e).toMatchObject({ kind: 'and', operands: [{}, { kind: 'or' }, {}] });
  });

  it('reads the functions has, startsWith and endsWith', () => {
    expect(parseExpression('has(resource.owner)')).toMatchObject({ kind: 'call', fn: 'has' });
    expect(parseExpression("startsWith(action.id, 'vm.')")).toMatchObject({ kind: 'call', fn: 'startsWith' });
  });

  it.each([
    ['subjct.id == 1', 1, "unknown attribute category 'subjct'"],
    ["subject.id = 'x'", 12, "use '=='"],
    ['subject.id == ', 15, 'ends too early'],
    ['subject.id && resource.id', 12, "write 'and'"],
    ['(subject.id == 1', 17, "expected ')'"],
    ['subject.a == 1 == 2', 16, 'do not chain'],
    ['owner == 1', 1, "unknown name 'owner'"],
    ['has(1)', 1, 'has() takes an attribute'],
    ['size(subject.roles)', 1, "unknown function 'size'"],
    ['startsWith(action.id)', 1, 'takes 2 argument(s)'],
    ["'open", 1, 'unterminated string'],
    ['subject.id # 1', 12, "unexpected character '#'"],
    ['subject.constructor', 1, 'reserved name'],
    ['subject.', 9, 'expected an attribute name'],
    ['[subject.a == 1]', 12, 'a list holds literals and attributes only'],
  ])('refuses %j at column %i', (src, column, message) => {
    const e = syntaxError(src);
    expect(e.column).toBe(column);
    expect(e.message).toContain(`column ${column}`);
    expect(e.message).toContain(message);
  });

  it('refuses nesting deeper than 64 levels instead of overflowing the stack', () => {
    expect(syntaxError(`${'('.repeat(10_000)}true${')'.repeat(10_000)}`).message).toContain(
      'nested more than 64 deep',
    );
    expect(syntaxError(`${'not '.repeat(100)}true`).column).toBe(257);
    expect(() => parseExpression(`${'('.repeat(60)}true${')'.repeat(60)}`)).not.toThrow();
  });
});

describe('parseCondition', () => {
  it('accepts comparisons, logic, functions, booleans and boolean attributes', () => {
    for (const src of ['subject.a == 1', 'not subject.mfa', 'has(subject.x)', 'true', 'subject.mfa'])
      expect(() => parseCondition(src)).not.toThrow();
  });

  it('refuses conditions that can never be a boolean', () => {
    expect(syntaxError("'yes'", parseCondition).message).toContain('a condition must be');
    expect(syntaxError('[1, 2]', parseCondition).message).toContain('a condition must be');
    expect(syntaxError("subject.a and 'x'", parseCondition).message).toContain(
      "'and' needs boolean operands",
    );
    expect(syntaxError('not 3', parseCondition).column).toBe(5);
  });
});
