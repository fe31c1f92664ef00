// Compiles a condition tree into closures over the request. Semantics, XACML-like:
// - an absent attribute is Indeterminate (missing-attribute), as XACML's one-and-only on an
//   empty bag; has(x) tests presence without failing;
// - 'and' is false if any operand is false, 'or' true if any is true, even when another operand
//   is Indeterminate (order does not matter); otherwise an Indeterminate operand wins;
// - '==' compares scalars strictly (different types are unequal) and lists as sets;
// - '<' etc. need two numbers or two strings; anything else is a processing error;
// - 'x in bag' tests membership (a scalar right side is a bag of one); a list on the left asks
//   whether at least one of its members is in the bag.

import { attributeName, readAttribute, type Category, type DecisionRequest } from './attributes.js';
import { Fault, type Value } from './decision.js';
import { formatExpr, type CompareOperator, type Expr } from './expression.js';

export type Evaluator = (req: DecisionRequest) => Value | Fault;

type Item = string | number | boolean;

export function compileExpression(e: Expr): Evaluator {
  switch (e.kind) {
    case 'literal': {
      const v = e.value;
      return () => v;
    }
    case 'list': {
      const items = e.items.map(compileExpression);
      if (e.items.every((i) => i.kind === 'literal')) {
        const fixed = Object.freeze(e.items.map((i) => (i as { value: Item }).value));
        return () => fixed;
      }
      return (req) => {
        const out: Item[] = [];
        for (const item of items) {
          const v = item(req);
          if (v instanceof Fault) return v;
          if (Array.isArray(v)) out.push(...(v as Item[]));
          else out.push(v as Item);
        }
        return out;
      };
    }
    case 'attribute':
      return attributeEvaluator(e.category, e.name);
    case 'compare':
      return compareEvaluator(e, compileExpression(e.left), compileExpression(e.right));
    case 'and':
    case 'or':
      return logicalEvaluator(e, e.operands.map(compileExpression));
    case 'not': {
      const operand = compileExpression(e.operand);
      return (req) => {
        const v = operand(req);
        if (v instanceof Fault) return v;
        return typeof v === 'boolean' ? !v : typeFault(`'not' needs a boolean`, e);
      };
    }
    case 'call':
      return callEvaluator(e);
  }
}

/** Messages are built when an error happens, not at load: most never do. */
function typeFault(what: string, e: Expr): Fault {
  return new Fault('processing-error', `${what}: ${formatExpr(e)}`);
}

function attributeEvaluator(category: Category, name: string): Evaluator {
  return (req) => {
    const v = readAttribute(req, category, name);
    if (v === undefined) return new Fault('missing-attribute', `${attributeName(category, name)} is missing`);
    const t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean' || Array.isArray(v)) return v as Value;
    return new Fault(
      'processing-error',
      `${attributeName(category, name)} is not a string, number, boolean or list`,
    );
  };
}

function compareEvaluator(e: Expr & { op: CompareOperator }, left: Evaluator, right: Evaluator): Evaluator {
  const test = COMPARATORS[e.op];
  return (req) => {
    const a = left(req);
    if (a instanceof Fault) return a;
    const b = right(req);
    if (b instanceof Fault) return b;
    const r = test(a, b);
    return r === undefined ? typeFault('operands of different or unordered types', e) : r;
  };
}

/** Each returns undefined when the operands cannot be compared that way. */
const COMPARATORS: Record<CompareOperator, (a: Value, b: Value) => boolean | undefined> = {
  '==': (a, b) => equal(a, b),
  '!=': (a, b) => !equal(a, b),
  '<': byOrder((o) => o < 0),
  '<=': byOrder((o) => o <= 0),
  '>': byOrder((o) => o > 0),
  '>=': byOrder((o) => o >= 0),
  in: (a, b) => {
    const bag = Array.isArray(b) ? (b as readonly Item[]) : [b as Item];
    if (!Array.isArray(a)) return bag.includes(a as Item);
    return (a as readonly Item[]).some((x) => bag.includes(x));
  },
};

function equal(a: Value, b: Value): boolean {
  const la = Array.isArray(a);
  if (la !== Array.isArray(b)) return false;
  if (!la) return a === b;
  const xs = a as readonly Item[];
  const ys = b as readonly Item[];
  return xs.every((x) => ys.includes(x)) && ys.every((y) => xs.includes(y));
}

/** Two numbers or two strings compare; anything else is undefined (a processing error). */
function byOrder(test: (order: number) => boolean): (a: Value, b: Value) => boolean | undefined {
  return (a, b) => {
    const t = typeof a;
    if ((t !== 'number' && t !== 'string') || typeof b !== t) return undefined;
    const x = a as number | string;
    const y = b as number | string;
    if (x !== x || y !== y) return undefined; // NaN has no order
    return test(x < y ? -1 : x > y ? 1 : 0);
  };
}

function logicalEvaluator(e: Expr & { kind: 'and' | 'or' }, operands: readonly Evaluator[]): Evaluator {
  const decisive = e.kind === 'or'; // the value that settles the result on its own
  return (req) => {
    let fault: Fault | undefined;
    for (const operand of operands) {
      const v = operand(req);
      if (v === decisive) return decisive;
      if (v instanceof Fault) fault ??= v;
      else if (typeof v !== 'boolean') fault ??= typeFault(`'${e.kind}' needs boolean operands`, e);
    }
    return fault ?? !decisive;
  };
}

function callEvaluator(e: Extract<Expr, { kind: 'call' }>): Evaluator {
  if (e.fn === 'has') {
    const a = e.args[0] as Extract<Expr, { kind: 'attribute' }>;
    const { category, name } = a;
    return (req) => readAttribute(req, category, name) !== undefined;
  }
  const [s, affix] = e.args.map(compileExpression) as [Evaluator, Evaluator];
  const starts = e.fn === 'startsWith';
  return (req) => {
    const a = s(req);
    if (a instanceof Fault) return a;
    const b = affix(req);
    if (b instanceof Fault) return b;
    if (typeof a !== 'string' || typeof b !== 'string') return typeFault(`${e.fn} needs two strings`, e);
    return starts ? a.startsWith(b) : a.endsWith(b);
  };
}
