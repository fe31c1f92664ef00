// Readers of policy-document values on top of the runtime's Problems (every problem with its path).

import { at, type Problems } from '@reservoir/runtime';
import type { Scalar } from './attributes.js';

export { Problems, at, checkKeys, isRecord, type Problem } from '@reservoir/runtime';

export function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

/** A non-empty list of strings, numbers and booleans. */
export function scalarList(list: unknown[], field: string, problems: Problems): Scalar[] | undefined {
  if (list.length === 0) {
    problems.add(field, 'must not be empty');
    return undefined;
  }
  const bad = list.findIndex((x) => !isScalar(x));
  if (bad >= 0) {
    problems.add(at(field, bad), 'must be a string, number or boolean');
    return undefined;
  }
  return list as Scalar[];
}
