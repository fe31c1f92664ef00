// Decisions and what travels with them. XACML 3.0 splits Indeterminate by the decision it could
// have had: {D} (only Deny was possible), {P} (only Permit), {DP} (either).

export type Effect = 'Permit' | 'Deny';

export type Decision =
  'Permit' | 'Deny' | 'NotApplicable' | 'Indeterminate{D}' | 'Indeterminate{P}' | 'Indeterminate{DP}';

export type StatusCode = 'ok' | 'missing-attribute' | 'processing-error';

export interface Status {
  code: StatusCode;
  /** Why the decision is Indeterminate. */
  message?: string;
  /** Path of ids (root/…/rule) of the policy element whose evaluation failed. */
  path?: string;
}

/** A scalar or a list, as expressions and attribute assignments produce them. */
export type Value = string | number | boolean | readonly (string | number | boolean)[];

/** An obligation (the PEP must discharge it or deny) or an advice (the PEP may ignore it). */
export interface Directive {
  id: string;
  attributes: Readonly<Record<string, Value>>;
}

export interface DecisionResult {
  decision: Decision;
  status: Status;
  obligations: readonly Directive[];
  advice: readonly Directive[];
  /** Ids from the root policy set down to the rule (or policy) that decided; empty if none did. */
  decidedBy: readonly string[];
}

export function isIndeterminate(d: Decision): boolean {
  return d.startsWith('Indeterminate');
}

/** What an Indeterminate in evaluating an element with this effect could have been. */
export function indeterminateOf(effect: Effect): Decision {
  return effect === 'Permit' ? 'Indeterminate{P}' : 'Indeterminate{D}';
}

/** An evaluation error, returned as a value: the PDP never throws while deciding. */
export class Fault {
  constructor(
    readonly code: 'missing-attribute' | 'processing-error',
    readonly message: string,
  ) {}
}
