// Obligation and advice expressions, compiled. Their assignments are evaluated only when the
// element's decision matches FulfillOn/AppliesTo; an assignment that cannot be evaluated (say,
// resource.owner is missing) makes the element Indeterminate, as XACML 3.0 §7.18 requires.

import type { DecisionRequest } from './attributes.js';
import { Fault, type Directive, type Effect, type Value } from './decision.js';
import { compileExpression, type Evaluator } from './evaluate-expression.js';
import type { DirectiveExpression } from './policy.js';

interface CompiledDirective {
  id: string;
  assignments: readonly { name: string; value: Evaluator }[];
  /** When every assignment is a literal, the directive is built once. */
  fixed: Directive | undefined;
}

export class DirectiveSet {
  private constructor(private readonly directives: readonly CompiledDirective[]) {}

  /** The expressions of `list` that apply on `effect`; undefined when none do. */
  static for(list: readonly DirectiveExpression[], effect: Effect): DirectiveSet | undefined {
    if (!list.some((d) => d.on === effect)) return undefined;
    return new DirectiveSet(
      list
        .filter((d) => d.on === effect)
        .map((d) => {
          const literal = d.assignments.every(
            (a) =>
              a.value.kind === 'literal' ||
              (a.value.kind === 'list' && a.value.items.every((i) => i.kind === 'literal')),
          );
          const assignments = d.assignments.map((a) => ({ name: a.name, value: compileExpression(a.value) }));
          const fixed = literal ? build(d.id, assignments, {} as DecisionRequest) : undefined;
          return { id: d.id, assignments, fixed: fixed instanceof Fault ? undefined : fixed };
        }),
    );
  }

  evaluate(req: DecisionRequest): readonly Directive[] | Fault {
    const out: Directive[] = [];
    for (const d of this.directives) {
      const r = d.fixed ?? build(d.id, d.assignments, req);
      if (r instanceof Fault) return new Fault(r.code, `${d.id}: ${r.message}`);
      out.push(r);
    }
    return out;
  }
}

function build(
  id: string,
  assignments: CompiledDirective['assignments'],
  req: DecisionRequest,
): Directive | Fault {
  const attributes: Record<string, Value> = {};
  for (const a of assignments) {
    const v = a.value(req);
    if (v instanceof Fault) return v;
    attributes[a.name] = v;
  }
  return { id, attributes: Object.freeze(attributes) };
}
