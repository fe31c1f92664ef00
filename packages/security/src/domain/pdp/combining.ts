// XACML 3.0 combining algorithms (core spec appendix C) with the extended Indeterminate. Children
// arrive in document order (an index may have left out children that are certainly
// NotApplicable, which no algorithm distinguishes from absent ones).
// Obligations and advice: every child that was evaluated and agrees with the combined decision
// contributes its own. Under deny-overrides several Permit children all contribute (all of them
// are evaluated when no Deny appears: AuthzForce #91/#92); the first Deny ends the evaluation,
// so only its obligations come back. deny-unless-permit gathers every Deny child's, symmetrically.

import type { DecisionRequest } from './attributes.js';
import type { Decision } from './decision.js';
import type { PolicyCombiningAlgorithm } from './policy.js';
import { concat, indeterminate, NOT_APPLICABLE, NONE, widen, type Outcome } from './outcome.js';
import type { TargetResult } from './target.js';
import type { TraceEntry } from './trace.js';

export interface Context {
  readonly req: DecisionRequest;
  /** Present while explaining: elements append what they did, in evaluation order. */
  readonly trace: TraceEntry[] | undefined;
  depth: number;
}

export interface Combinable {
  readonly path: readonly string[];
  readonly target: (req: DecisionRequest) => TargetResult;
  evaluate(ctx: Context): Outcome;
}

export type Combiner = (children: readonly Combinable[], ctx: Context, self: readonly string[]) => Outcome;

export const COMBINERS: Readonly<Record<PolicyCombiningAlgorithm, Combiner>> = {
  'deny-overrides': (c, ctx) => overrides(c, ctx, 'Deny'),
  'ordered-deny-overrides': (c, ctx) => overrides(c, ctx, 'Deny'),
  'permit-overrides': (c, ctx) => overrides(c, ctx, 'Permit'),
  'ordered-permit-overrides': (c, ctx) => overrides(c, ctx, 'Permit'),
  'deny-unless-permit': (c, ctx, self) => unless(c, ctx, self, 'Permit'),
  'permit-unless-deny': (c, ctx, self) => unless(c, ctx, self, 'Deny'),
  'first-applicable': firstApplicable,
  'only-one-applicable': onlyOneApplicable,
};

/**
 * deny-overrides (strong = Deny) and permit-overrides (strong = Permit), C.2 and C.4:
 * the strong decision wins at once; otherwise an Indeterminate that might have been strong
 * outweighs the weak decision, and the weak decision outweighs an Indeterminate that could only
 * have been weak.
 */
function overrides(children: readonly Combinable[], ctx: Context, strong: 'Deny' | 'Permit'): Outcome {
  const strongErr: Decision = strong === 'Deny' ? 'Indeterminate{D}' : 'Indeterminate{P}';
  const weakErr: Decision = strong === 'Deny' ? 'Indeterminate{P}' : 'Indeterminate{D}';
  let weak: Outcome | undefined;
  let obligations = NONE;
  let advice = NONE;
  let errStrong: Outcome | undefined;
  let errWeak: Outcome | undefined;
  let errBoth: Outcome | undefined;
  for (const child of children) {
    const o = child.evaluate(ctx);
    switch (o.decision) {
      case strong:
        return o;
      case 'NotApplicable':
        break;
      case strongErr:
        errStrong ??= o;
        break;
      case weakErr:
        errWeak ??= o;
        break;
      case 'Indeterminate{DP}':
        errBoth ??= o;
        break;
      default: // the weak decision
        weak ??= o;
        obligations = concat(obligations, o.obligations);
        advice = concat(advice, o.advice);
    }
  }
  if (errBoth) return errBoth;
  if (errStrong && (errWeak || weak)) return widen(errStrong, 'Indeterminate{DP}');
  if (errStrong) return errStrong;
  if (weak)
    return obligations === weak.obligations && advice === weak.advice
      ? weak
      : { ...weak, obligations, advice };
  return errWeak ?? NOT_APPLICABLE;
}

/**
 * deny-unless-permit (wanted = Permit) and permit-unless-deny (wanted = Deny), C.6 and C.7:
 * never NotApplicable, never Indeterminate. The default decision is taken by this element.
 */
function unless(
  children: readonly Combinable[],
  ctx: Context,
  self: readonly string[],
  wanted: 'Permit' | 'Deny',
): Outcome {
  const fallback = wanted === 'Permit' ? 'Deny' : 'Permit';
  let first: Outcome | undefined;
  let obligations = NONE;
  let advice = NONE;
  for (const child of children) {
    const o = child.evaluate(ctx);
    if (o.decision === wanted) return o;
    if (o.decision === fallback) {
      first ??= o;
      obligations = concat(obligations, o.obligations);
      advice = concat(advice, o.advice);
    }
  }
  if (first)
    return obligations === first.obligations && advice === first.advice
      ? first
      : { ...first, obligations, advice };
  return { decision: fallback, obligations: NONE, advice: NONE, by: self, status: undefined };
}

/** C.8: the first child that is not NotApplicable decides, Indeterminate included. */
function firstApplicable(children: readonly Combinable[], ctx: Context): Outcome {
  for (const child of children) {
    const o = child.evaluate(ctx);
    if (o.decision !== 'NotApplicable') return o;
  }
  return NOT_APPLICABLE;
}

/**
 * C.9 (policies only): applicability is the child's target alone. Two applicable children, or one
 * whose applicability cannot be told, make the result Indeterminate{DP}.
 */
function onlyOneApplicable(children: readonly Combinable[], ctx: Context, self: readonly string[]): Outcome {
  let selected: Combinable | undefined;
  for (const child of children) {
    const t = child.target(ctx.req);
    if (t === false) continue;
    if (t !== true) return indeterminate('Indeterminate{DP}', child.path, t);
    if (selected)
      return indeterminate('Indeterminate{DP}', self, {
        code: 'processing-error',
        message: `only-one-applicable: both ${selected.path.at(-1)} and ${child.path.at(-1)} apply`,
        path: self.join('/'),
      });
    selected = child;
  }
  return selected ? selected.evaluate(ctx) : NOT_APPLICABLE;
}
