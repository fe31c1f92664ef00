// Targets in a policy document. A mapping { "category.name": spec } is one AllOf; a list holds such
// mappings and { anyOf: [mapping, ...] } groups, each one AnyOf. A spec is a value (equals), a
// list of values (in), or a mapping of match functions with an optional mustBePresent.

import { CATEGORIES, internCategory, isCategory, isReservedName, type Scalar } from './attributes.js';
import { at, checkKeys, isRecord, isScalar, scalarList, type Problems } from './problems.js';
import {
  MATCH_FUNCTIONS,
  type AllOf,
  type AnyOf,
  type Match,
  type MatchFunction,
  type Target,
} from './target.js';

const MATCH_KEYS = [...MATCH_FUNCTIONS, 'mustBePresent'];

/** A mapping { "category.attribute": spec } is one AllOf; a list holds AnyOf groups. */
export function readTarget(raw: unknown, path: string, problems: Problems): Target {
  if (raw === undefined || raw === null) return [];
  if (isRecord(raw)) return [[readAllOf(raw, path, problems)]];
  if (!Array.isArray(raw)) {
    problems.add(path, 'must be a mapping of attribute matches or a list of { anyOf: [...] }');
    return [];
  }
  return raw.map((item, i): AnyOf => {
    const p = at(path, i);
    if (!isRecord(item)) {
      problems.add(p, 'must be a mapping of attribute matches or { anyOf: [...] }');
      return [];
    }
    if (!('anyOf' in item)) return [readAllOf(item, p, problems)];
    checkKeys(item, ['anyOf'], p, problems);
    const groups = Array.isArray(item.anyOf) ? item.anyOf : [];
    if (!Array.isArray(item.anyOf)) problems.add(at(p, 'anyOf'), 'must be a list');
    else if (groups.length === 0) problems.add(at(p, 'anyOf'), 'must not be empty');
    return groups.map((g, j) => {
      if (isRecord(g)) return readAllOf(g, at(at(p, 'anyOf'), j), problems);
      problems.add(at(at(p, 'anyOf'), j), 'must be a mapping of attribute matches');
      return [];
    });
  });
}

function readAllOf(raw: Record<string, unknown>, path: string, problems: Problems): AllOf {
  const matches: Match[] = [];
  if (Object.keys(raw).length === 0) problems.add(path, 'must name at least one attribute');
  for (const [key, spec] of Object.entries(raw)) {
    const field = at(path, key);
    const dot = key.indexOf('.');
    const category = dot < 0 ? key : key.slice(0, dot);
    const attribute = dot < 0 ? '' : key.slice(dot + 1);
    if (!isCategory(category)) {
      problems.add(
        field,
        `unknown attribute category "${category}" (expected one of: ${CATEGORIES.join(', ')})`,
      );
      continue;
    }
    if (attribute === '' || isReservedName(attribute)) {
      problems.add(
        field,
        attribute === '' ? 'name the attribute: category.name' : `"${attribute}" is a reserved name`,
      );
      continue;
    }
    for (const [fn, value, mustBePresent] of readMatchSpec(spec, field, problems))
      matches.push({ category: internCategory(category), attribute, fn, value, mustBePresent });
  }
  return matches;
}

/** A scalar means equals, a list means in, a mapping names functions: { glob: 'vm.*' }. */
function readMatchSpec(
  spec: unknown,
  field: string,
  problems: Problems,
): [MatchFunction, Scalar | readonly Scalar[], boolean][] {
  if (isScalar(spec)) return [['equals', spec, false]];
  if (Array.isArray(spec)) {
    const values = scalarList(spec, field, problems);
    return values ? [['in', values, false]] : [];
  }
  if (!isRecord(spec)) {
    problems.add(field, 'must be a value, a list of values, or a mapping of match functions');
    return [];
  }
  checkKeys(spec, MATCH_KEYS, field, problems);
  let mustBePresent = false;
  if (spec.mustBePresent !== undefined) {
    if (typeof spec.mustBePresent === 'boolean') mustBePresent = spec.mustBePresent;
    else problems.add(at(field, 'mustBePresent'), 'must be true or false');
  }
  const out: [MatchFunction, Scalar | readonly Scalar[], boolean][] = [];
  // In the order written: an AllOf's matches are evaluated in that order.
  for (const key of Object.keys(spec)) {
    if (!(MATCH_FUNCTIONS as readonly string[]).includes(key)) continue;
    const fn = key as MatchFunction;
    const value = readMatchValue(fn, spec[fn], at(field, fn), problems);
    if (value !== undefined) out.push([fn, value, mustBePresent]);
  }
  if (!MATCH_FUNCTIONS.some((fn) => fn in spec))
    problems.add(field, `name a match function (one of: ${MATCH_FUNCTIONS.join(', ')})`);
  return out;
}

function readMatchValue(
  fn: MatchFunction,
  v: unknown,
  field: string,
  problems: Problems,
): Scalar | readonly Scalar[] | undefined {
  const fail = (message: string): undefined => {
    problems.add(field, message);
    return undefined;
  };
  switch (fn) {
    case 'equals':
      return isScalar(v) ? v : fail('must be a string, number or boolean');
    case 'in':
      return Array.isArray(v) ? scalarList(v, field, problems) : fail('must be a list of values');
    case 'glob':
    case 'prefix':
      return typeof v === 'string' ? v : fail('must be a string');
    case 'regex':
      if (typeof v !== 'string') return fail('must be a string');
      try {
        new RegExp(v);
        return v;
      } catch (e) {
        return fail(`not a valid regular expression: ${(e as Error).message}`);
      }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return typeof v === 'number' && Number.isFinite(v) ? v : fail('must be a number');
  }
}
