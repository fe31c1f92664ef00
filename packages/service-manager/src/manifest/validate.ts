// Every problem of a manifest at once, each placed in its source document when there is one.
import { checkBudget } from './check-budget.js';
import { checkComponents } from './check-components.js';
import { checkConstraints } from './check-constraints.js';
import { checkDependencies } from './check-dependencies.js';
import { checkIdentity } from './check-identity.js';
import { checkRules } from './check-rules.js';
import { REFERENCE_PRICES, type CostEstimate, type PriceList } from './cost.js';
import type { ServiceManifest } from './model.js';
import { Findings, type ManifestProblem } from './problem.js';
import type { ManifestSource } from './source.js';

export interface ValidateOptions {
  /** Prices for the budget check; REFERENCE_PRICES when the provider's are not known. */
  prices?: PriceList;
  /** The provider's own estimate (accounting's price list); replaces the one from `prices`. */
  estimate?: CostEstimate;
}

/**
 * Every problem, errors and warnings, never stopping at the first. `located` is the source the
 * manifest was read from (read*Manifest), or just a file name for a manifest built in code.
 */
export function validateManifest(
  m: ServiceManifest,
  located?: ManifestSource | string,
  options: ValidateOptions = {},
): ManifestProblem[] {
  const f = new Findings(typeof located === 'string' ? undefined : located);
  checkIdentity(m, f);
  checkComponents(m, f);
  checkDependencies(m, f);
  checkRules(m, f);
  checkConstraints(m, f);
  checkBudget(m, options.prices ?? REFERENCE_PRICES, f, options.estimate);
  return f.problems;
}
