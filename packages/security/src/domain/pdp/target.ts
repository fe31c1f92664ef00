// Targets as XACML 3.0 writes them: a Target is a conjunction of AnyOf, an AnyOf a disjunction of
// AllOf, an AllOf a conjunction of Match. A Match applies its function to a literal and each value
// of the attribute's bag and is true if any application is; an empty bag is false, or
// Indeterminate when the match says mustBePresent. False dominates Indeterminate in AllOf and in
// the Target; true dominates it in AnyOf.

import {
  attributeName,
  readAttribute,
  type Category,
  type DecisionRequest,
  type Scalar,
} from './attributes.js';
import { Fault } from './decision.js';

export const MATCH_FUNCTIONS = ['equals', 'in', 'glob', 'prefix', 'regex', 'lt', 'lte', 'gt', 'gte'] as const;
export type MatchFunction = (typeof MATCH_FUNCTIONS)[number];

export interface Match {
  category: Category;
  attribute: string;
  fn: MatchFunction;
  /** A list for 'in'; a number for lt/lte/gt/gte; a string for glob/prefix/regex. */
  value: Scalar | readonly Scalar[];
  mustBePresent: boolean;
}

export type AllOf = readonly Match[];
export type AnyOf = readonly AllOf[];
/** Empty: matches every request. */
export type Target = readonly AnyOf[];

export type TargetResult = boolean | Fault;
export type TargetEvaluator = (req: DecisionRequest) => TargetResult;

/**
 * A match ready to evaluate. Targets compile to nested arrays of these flat records, read by one
 * function, rather than to closures over closures: with 100,000 rules the policy's size in memory
 * is what a decision waits for.
 */
interface MatchRecord {
  readonly category: Category;
  readonly attribute: string;
  readonly kind: number;
  /** equals: the literal; prefix: the string; lt/lte/gt/gte: the bound. */
  readonly literal: Scalar;
  /** in (short lists) */
  readonly list: readonly Scalar[] | undefined;
  /** in (long lists) */
  readonly set: ReadonlySet<Scalar> | undefined;
  /** glob, regex */
  readonly re: RegExp | undefined;
  readonly mustBePresent: boolean;
}

const EQUALS = 0;
const IN_LIST = 1;
const IN_SET = 2;
const PREFIX = 3;
const PATTERN = 4;
const LT = 5;
const LTE = 6;
const GT = 7;
const GTE = 8;
const NUMERIC_NAMES = ['lt', 'lte', 'gt', 'gte'];
/** Up to this many values, scanning a list beats hashing into a Set. */
const SHORT_LIST = 8;

/** A target compiled; undefined for the empty target, which matches everything. */
export type CompiledTarget = readonly (readonly (readonly MatchRecord[])[])[] | undefined;

export function compileTargetRecords(target: Target): CompiledTarget {
  if (target.length === 0) return undefined;
  return target.map((anyOf) => anyOf.map((allOf) => allOf.map(matchRecord)));
}

export function compileTarget(target: Target): TargetEvaluator {
  const compiled = compileTargetRecords(target);
  return (req) => evaluateTarget(compiled, req);
}

export function evaluateTarget(target: CompiledTarget, req: DecisionRequest): TargetResult {
  if (target === undefined) return true;
  let fault: Fault | undefined;
  for (let i = 0; i < target.length; i++) {
    const r = evaluateAnyOf(target[i]!, req);
    if (r === false) return false;
    if (r !== true) fault ??= r;
  }
  return fault ?? true;
}

function evaluateAnyOf(anyOf: readonly (readonly MatchRecord[])[], req: DecisionRequest): TargetResult {
  let fault: Fault | undefined;
  for (let i = 0; i < anyOf.length; i++) {
    const r = evaluateAllOf(anyOf[i]!, req);
    if (r === true) return true;
    if (r !== false) fault ??= r;
  }
  return fault ?? false;
}

function evaluateAllOf(allOf: readonly MatchRecord[], req: DecisionRequest): TargetResult {
  let fault: Fault | undefined;
  for (let i = 0; i < allOf.length; i++) {
    const r = evaluateMatch(allOf[i]!, req);
    if (r === false) return false;
    if (r !== true) fault ??= r;
  }
  return fault ?? true;
}

function evaluateMatch(m: MatchRecord, req: DecisionRequest): TargetResult {
  const v = readAttribute(req, m.category, m.attribute);
  if (v === undefined)
    return m.mustBePresent
      ? new Fault('missing-attribute', `${attributeName(m.category, m.attribute)} is missing (mustBePresent)`)
      : false;
  if (!Array.isArray(v)) return testValue(m, v);
  let fault: Fault | undefined;
  for (let i = 0; i < v.length; i++) {
    const r = testValue(m, v[i]);
    if (r === true) return true;
    if (r !== false) fault ??= r;
  }
  return fault ?? false;
}

/** Whether one value of the bag satisfies the match; a Fault when the function cannot apply to it. */
function testValue(m: MatchRecord, v: unknown): TargetResult {
  switch (m.kind) {
    case EQUALS:
      return v === m.literal;
    case IN_LIST:
      return m.list!.includes(v as Scalar);
    case IN_SET:
      return m.set!.has(v as Scalar);
    case PREFIX:
      return typeof v === 'string' && v.startsWith(m.literal as string);
    case PATTERN:
      return typeof v === 'string' && m.re!.test(v);
    default: {
      if (typeof v !== 'number' || v !== v)
        return new Fault(
          'processing-error',
          `${attributeName(m.category, m.attribute)} is not a number (${NUMERIC_NAMES[m.kind - LT]} ${String(m.literal)})`,
        );
      const b = m.literal as number;
      return m.kind === LT ? v < b : m.kind === LTE ? v <= b : m.kind === GT ? v > b : v >= b;
    }
  }
}

function matchRecord(m: Match): MatchRecord {
  const list = m.fn === 'in' ? (m.value as readonly Scalar[]) : undefined;
  const kind = {
    equals: EQUALS,
    in: list && list.length > SHORT_LIST ? IN_SET : IN_LIST,
    prefix: PREFIX,
    glob: PATTERN,
    regex: PATTERN,
    lt: LT,
    lte: LTE,
    gt: GT,
    gte: GTE,
  }[m.fn];
  return {
    category: m.category,
    attribute: m.attribute,
    kind,
    literal: list ? '' : (m.value as Scalar),
    list: kind === IN_LIST ? Object.freeze([...list!]) : undefined,
    set: kind === IN_SET ? new Set(list) : undefined,
    re:
      m.fn === 'glob'
        ? globToRegExp(m.value as string)
        : m.fn === 'regex'
          ? new RegExp(m.value as string)
          : undefined,
    mustBePresent: m.mustBePresent,
  };
}

/** `*` is any run of characters (dots included), `?` one character; the rest is literal. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`));
  return new RegExp(`^${body}$`, 's');
}

/** Values an attribute must take, one of them, for a target to match. */
export interface EqualityFact {
  category: Category;
  attribute: string;
  values: Set<Scalar>;
}

/**
 * The equality facts of a target that an index can rely on: attribute → values such that, if the
 * request carries none of the values, the target is certainly "No match". Only matches that are
 * false for an absent attribute qualify (no mustBePresent), so a skipped child is NotApplicable.
 */
export function equalityFacts(target: Target): Map<string, EqualityFact> {
  const facts = new Map<string, EqualityFact>();
  for (const anyOf of target) {
    if (anyOf.length === 0) continue;
    // An attribute qualifies for this AnyOf if every AllOf pins it to some values.
    let common: Map<string, EqualityFact> | undefined;
    for (const allOf of anyOf) {
      const here = new Map<string, EqualityFact>();
      for (const m of allOf) {
        if (m.mustBePresent || (m.fn !== 'equals' && m.fn !== 'in')) continue;
        const key = attributeName(m.category, m.attribute);
        const values = new Set<Scalar>(m.fn === 'in' ? (m.value as readonly Scalar[]) : [m.value as Scalar]);
        const prev = here.get(key);
        // Two pins on one attribute in an AllOf: either alone is a sound superset; keep the smaller.
        if (!prev || values.size < prev.values.size)
          here.set(key, { category: m.category, attribute: m.attribute, values });
      }
      if (common === undefined) common = here;
      else
        for (const [key, fact] of common) {
          const other = here.get(key);
          if (!other) common.delete(key);
          else for (const v of other.values) fact.values.add(v);
        }
    }
    for (const [key, fact] of common ?? []) {
      const prev = facts.get(key);
      if (!prev || fact.values.size < prev.values.size) facts.set(key, fact);
    }
  }
  return facts;
}
