// The policy model: PolicySet ⊃ Policy ⊃ Rule, each with a target; rules with a condition and an
// effect; policies and sets with a combining algorithm; obligation and advice expressions on all
// three (XACML 3.0 allows them on rules too).

import type { Effect } from './decision.js';
import type { Expr } from './expression.js';
import type { Target } from './target.js';

export const RULE_COMBINING = [
  'deny-overrides',
  'permit-overrides',
  'first-applicable',
  'deny-unless-permit',
  'permit-unless-deny',
  'ordered-deny-overrides',
  'ordered-permit-overrides',
] as const;
/** only-one-applicable combines policies only: rules have no target-only applicability test in XACML. */
export const POLICY_COMBINING = [...RULE_COMBINING, 'only-one-applicable'] as const;

export type RuleCombiningAlgorithm = (typeof RULE_COMBINING)[number];
export type PolicyCombiningAlgorithm = (typeof POLICY_COMBINING)[number];

export interface AttributeAssignment {
  name: string;
  /** A literal, a list or an expression over request attributes (e.g. resource.owner). */
  value: Expr;
}

/** An obligation or advice expression; `on` is XACML's FulfillOn (obligations) or AppliesTo (advice). */
export interface DirectiveExpression {
  id: string;
  on: Effect;
  assignments: readonly AttributeAssignment[];
}

interface Element {
  id: string;
  description?: string;
  target: Target;
  obligations: readonly DirectiveExpression[];
  advice: readonly DirectiveExpression[];
}

export interface Rule extends Element {
  effect: Effect;
  condition?: Expr;
}

export interface Policy extends Element {
  kind: 'policy';
  combining: RuleCombiningAlgorithm;
  rules: readonly Rule[];
}

export interface PolicySet extends Element {
  kind: 'policySet';
  combining: PolicyCombiningAlgorithm;
  policies: readonly (Policy | PolicySet)[];
}
