// The XACML-like Policy Decision Point: model, policy documents, evaluation, roles.

export {
  CATEGORIES,
  type AttributeValue,
  type Attributes,
  type Category,
  type DecisionRequest,
  type Scalar,
} from './attributes.js';
export {
  isIndeterminate,
  type Decision,
  type DecisionResult,
  type Directive,
  type Effect,
  type Status,
  type StatusCode,
  type Value,
} from './decision.js';
export type { CompareOperator, Expr, FunctionName } from './expression.js';
export { ExpressionSyntaxError, parseCondition, parseExpression } from './expression-parser.js';
export {
  MATCH_FUNCTIONS,
  type AllOf,
  type AnyOf,
  type Match,
  type MatchFunction,
  type Target,
} from './target.js';
export {
  POLICY_COMBINING,
  RULE_COMBINING,
  type AttributeAssignment,
  type DirectiveExpression,
  type Policy,
  type PolicyCombiningAlgorithm,
  type PolicySet,
  type Rule,
  type RuleCombiningAlgorithm,
} from './policy.js';
export { parsePolicyDocument, policySetFromObject } from './policy-document.js';
export {
  compilePolicy,
  type CompileOptions,
  type CompiledPolicy,
  type Explanation,
  type PolicyStats,
} from './compile-policy.js';
export type { TraceEntry } from './trace.js';
export { RoleDirectory, type Grouping } from './role-directory.js';
export { DEFAULT_POLICY_YAML } from './default-policy.js';
