export * from './model.js';
export { manifestFromOvf, readOvfManifest, type ReadManifest } from './ovf-read.js';
export { manifestToOvf } from './ovf-write.js';
export { manifestFromYaml, readYamlManifest } from './yaml-read.js';
export { manifestToYaml } from './yaml-write.js';
export { loadManifest, manifestFormat, readManifest } from './load.js';
export { readRulesUpdate, type RulesUpdateDocument } from './rules-update-read.js';
export { validateManifest, type ValidateOptions } from './validate.js';
export { formatProblem, refuseOnErrors, type ManifestProblem } from './problem.js';
export type { ManifestSource, SourcePlace } from './source.js';
export {
  componentResources,
  estimateCost,
  instanceCostPerHour,
  REFERENCE_PRICES,
  type ComponentCost,
  type CostEstimate,
  type PriceList,
} from './cost.js';
export {
  AGGREGATES,
  evaluateExpression,
  EXPRESSION_BUILTINS,
  namesOf,
  parseExpression,
  type AggregateFn,
  type ArithOp,
  type CompareOp,
  type Expr,
  type ExpressionEnv,
  type LogicOp,
} from './expression.js';
export { checkExpression, type ExpressionIssue } from './expression-check.js';
export { dependencyCycles } from './check-dependencies.js';
export { DEFAULT_COOLDOWN_SECONDS, DEFAULT_INSTANCES, DEFAULT_SCALE_IN } from './defaults.js';
