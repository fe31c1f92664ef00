// Turns a PolicySet into an evaluator tree: targets become flat match records, conditions and
// assignments closures, obligation expressions are pre-filtered by effect, and every policy or
// set with many children gets a ChildIndex. Deciding never throws: evaluation errors become
// Indeterminate with a status naming the element that failed.

import type { DecisionRequest } from './attributes.js';
import { ChildIndex } from './child-index.js';
import { COMBINERS, type Combinable, type Combiner, type Context } from './combining.js';
import {
  Fault,
  indeterminateOf,
  type Decision,
  type DecisionResult,
  type Effect,
  type Status,
} from './decision.js';
import { DirectiveSet } from './directives.js';
import { compileExpression, type Evaluator } from './evaluate-expression.js';
import { concat, indeterminate, NOT_APPLICABLE, NONE, type Outcome } from './outcome.js';
import type { Policy, PolicySet, Rule } from './policy.js';
import {
  compileTargetRecords,
  equalityFacts,
  evaluateTarget,
  type CompiledTarget,
  type EqualityFact,
  type TargetResult,
} from './target.js';
import type { TraceEntry } from './trace.js';

export interface CompileOptions {
  /** Index children by the equality matches of their targets (default true). */
  index?: boolean;
}

export interface PolicyStats {
  policySets: number;
  policies: number;
  rules: number;
  /** Policies and sets whose children are indexed. */
  indexed: number;
}

export interface Explanation {
  result: DecisionResult;
  trace: readonly TraceEntry[];
}

export interface CompiledPolicy {
  /** Id of the root policy set. */
  readonly policyId: string;
  readonly stats: PolicyStats;
  decide(req: DecisionRequest): DecisionResult;
  explain(req: DecisionRequest): Explanation;
}

const OK: Status = Object.freeze({ code: 'ok' });
const EMPTY_REQUEST: DecisionRequest = Object.freeze({ subject: {}, resource: {}, action: {} });

export function compilePolicy(policySet: PolicySet, options: CompileOptions = {}): CompiledPolicy {
  const stats: PolicyStats = { policySets: 0, policies: 0, rules: 0, indexed: 0 };
  const { node: root } = compileElement(policySet, [], options.index ?? true, stats);
  const run = (req: DecisionRequest, trace: TraceEntry[] | undefined): DecisionResult => {
    let o: Outcome;
    try {
      // A PEP that passes no request at all gets the answer for a request that carries nothing.
      o = root.evaluate({
        req: typeof req === 'object' && req !== null ? req : EMPTY_REQUEST,
        trace,
        depth: 0,
      });
    } catch (e) {
      // A bug, not a policy error; still an answer the PEP can deny on.
      o = indeterminate(
        'Indeterminate{DP}',
        root.path,
        new Fault('processing-error', `internal error: ${String(e)}`),
      );
    }
    return {
      decision: o.decision,
      status: o.status ?? OK,
      obligations: o.obligations,
      advice: o.advice,
      decidedBy: o.by,
    };
  };
  return {
    policyId: policySet.id,
    stats,
    decide: (req) => run(req, undefined),
    explain: (req) => {
      const trace: TraceEntry[] = [];
      return { result: run(req, trace), trace };
    },
  };
}

type Node = Combinable;

/** A compiled element and the equality facts of its target, which only the parent's index needs. */
interface Compiled {
  node: Node;
  facts: Map<string, EqualityFact>;
}

function compileElement(
  e: Policy | PolicySet,
  parent: readonly string[],
  index: boolean,
  stats: PolicyStats,
): Compiled {
  const path = Object.freeze([...parent, e.id]);
  const compiled: Compiled[] =
    e.kind === 'policy'
      ? e.rules.map((r) => compileRule(r, path, stats))
      : e.policies.map((p) => compileElement(p, path, index, stats));
  if (e.kind === 'policy') stats.policies++;
  else stats.policySets++;
  const children = compiled.map((c) => c.node);
  const childIndex = index ? ChildIndex.build(children, (_, i) => compiled[i]!.facts) : undefined;
  if (childIndex) stats.indexed++;
  const node = new ElementNode(e.kind, path, compileTargetRecords(e.target), {
    combine: COMBINERS[e.combining],
    children,
    index: childIndex,
    obligations: {
      Permit: DirectiveSet.for(e.obligations, 'Permit'),
      Deny: DirectiveSet.for(e.obligations, 'Deny'),
    },
    advice: { Permit: DirectiveSet.for(e.advice, 'Permit'), Deny: DirectiveSet.for(e.advice, 'Deny') },
  });
  return { node, facts: equalityFacts(e.target) };
}

function compileRule(r: Rule, parent: readonly string[], stats: PolicyStats): Compiled {
  stats.rules++;
  const node = new RuleNode(
    Object.freeze([...parent, r.id]),
    r.effect,
    compileTargetRecords(r.target),
    r.condition ? compileExpression(r.condition) : undefined,
    DirectiveSet.for(r.obligations, r.effect),
    DirectiveSet.for(r.advice, r.effect),
  );
  return { node, facts: equalityFacts(r.target) };
}

/** Starts a trace entry; the caller fills in the decision when it is known. */
function open(
  ctx: Context,
  kind: TraceEntry['kind'],
  path: readonly string[],
  t: TargetResult,
): TraceEntry | undefined {
  if (!ctx.trace) return undefined;
  const entry: TraceEntry = {
    kind,
    path: path.join('/'),
    depth: ctx.depth,
    target: t === true ? 'match' : t === false ? 'no-match' : 'indeterminate',
    decision: 'NotApplicable',
  };
  if (t instanceof Fault) entry.reason = t.message;
  ctx.trace.push(entry);
  return entry;
}

function close(entry: TraceEntry | undefined, o: Outcome): Outcome {
  if (entry) {
    entry.decision = o.decision;
    if (o.status?.message !== undefined && entry.reason === undefined) entry.reason = o.status.message;
  }
  return o;
}

const NOT_BOOLEAN = new Fault('processing-error', 'the condition did not yield a boolean');

class RuleNode implements Node {
  /** The outcome when the rule applies and has nothing to evaluate for it. */
  private readonly plain: Outcome;

  constructor(
    readonly path: readonly string[],
    private readonly effect: Effect,
    private readonly compiledTarget: CompiledTarget,
    private readonly condition: Evaluator | undefined,
    private readonly obligations: DirectiveSet | undefined,
    private readonly advice: DirectiveSet | undefined,
  ) {
    this.plain = Object.freeze({
      decision: effect,
      obligations: NONE,
      advice: NONE,
      by: path,
      status: undefined,
    });
  }

  target(req: DecisionRequest): TargetResult {
    return evaluateTarget(this.compiledTarget, req);
  }

  evaluate(ctx: Context): Outcome {
    const t = evaluateTarget(this.compiledTarget, ctx.req);
    const entry = ctx.trace ? open(ctx, 'rule', this.path, t) : undefined;
    if (t === false) return close(entry, NOT_APPLICABLE);
    if (t !== true) return close(entry, indeterminate(indeterminateOf(this.effect), this.path, t));
    if (this.condition) {
      const c = this.condition(ctx.req);
      if (entry) entry.condition = c === true ? 'true' : c === false ? 'false' : 'indeterminate';
      if (c === false) return close(entry, NOT_APPLICABLE);
      if (c !== true)
        return close(
          entry,
          indeterminate(indeterminateOf(this.effect), this.path, c instanceof Fault ? c : NOT_BOOLEAN),
        );
    }
    return close(entry, this.obligations || this.advice ? this.withDirectives(ctx.req) : this.plain);
  }

  private withDirectives(req: DecisionRequest): Outcome {
    const obligations = this.obligations ? this.obligations.evaluate(req) : NONE;
    if (obligations instanceof Fault)
      return indeterminate(indeterminateOf(this.effect), this.path, obligations);
    const advice = this.advice ? this.advice.evaluate(req) : NONE;
    if (advice instanceof Fault) return indeterminate(indeterminateOf(this.effect), this.path, advice);
    return { ...this.plain, obligations, advice };
  }
}

interface ElementParts {
  combine: Combiner;
  children: readonly Node[];
  index: ChildIndex<Node> | undefined;
  obligations: Record<Effect, DirectiveSet | undefined>;
  advice: Record<Effect, DirectiveSet | undefined>;
}

/** XACML 3.0 Table 7: what an element with an Indeterminate target yields, by its children's value. */
const UNDER_INDETERMINATE_TARGET: Record<Decision, Decision> = {
  NotApplicable: 'NotApplicable',
  Permit: 'Indeterminate{P}',
  Deny: 'Indeterminate{D}',
  'Indeterminate{P}': 'Indeterminate{P}',
  'Indeterminate{D}': 'Indeterminate{D}',
  'Indeterminate{DP}': 'Indeterminate{DP}',
};

class ElementNode implements Node {
  constructor(
    private readonly kind: 'policy' | 'policySet',
    readonly path: readonly string[],
    private readonly compiledTarget: CompiledTarget,
    private readonly parts: ElementParts,
  ) {}

  target(req: DecisionRequest): TargetResult {
    return evaluateTarget(this.compiledTarget, req);
  }

  evaluate(ctx: Context): Outcome {
    const t = evaluateTarget(this.compiledTarget, ctx.req);
    const entry = ctx.trace ? open(ctx, this.kind, this.path, t) : undefined;
    if (t === false) return close(entry, NOT_APPLICABLE);
    const { combine, children, index } = this.parts;
    const candidates = index ? index.select(ctx.req) : children;
    if (entry) entry.candidates = { evaluated: candidates.length, total: children.length };
    ctx.depth++;
    const combined = combine(candidates, ctx, this.path);
    ctx.depth--;
    if (t !== true) {
      const decision = UNDER_INDETERMINATE_TARGET[combined.decision];
      return close(
        entry,
        decision === 'NotApplicable' ? NOT_APPLICABLE : indeterminate(decision, this.path, t),
      );
    }
    if (combined.decision === 'Permit' || combined.decision === 'Deny')
      return close(entry, this.withOwn(combined, combined.decision, ctx.req));
    return close(entry, combined);
  }

  /** Adds this element's own obligations and advice for the decision it reached. */
  private withOwn(o: Outcome, effect: Effect, req: DecisionRequest): Outcome {
    const obligationSet = this.parts.obligations[effect];
    const adviceSet = this.parts.advice[effect];
    if (!obligationSet && !adviceSet) return o;
    const obligations = obligationSet ? obligationSet.evaluate(req) : NONE;
    if (obligations instanceof Fault) return indeterminate(indeterminateOf(effect), this.path, obligations);
    const advice = adviceSet ? adviceSet.evaluate(req) : NONE;
    if (advice instanceof Fault) return indeterminate(indeterminateOf(effect), this.path, advice);
    return { ...o, obligations: concat(o.obligations, obligations), advice: concat(o.advice, advice) };
  }
}
