import type { CallContext, ResourceAttributes } from './types.js';

/**
 * The items of a listing the caller may see: each is put to the server's decision point as
 * `action` on its resource attributes. A server that checks nothing returns them all.
 */
export function visible<T>(
  ctx: Pick<CallContext, 'may'> | undefined,
  action: string,
  items: readonly T[],
  attributes: (item: T) => ResourceAttributes,
): T[] {
  const may = ctx?.may;
  if (!may) return items as T[];
  return items.filter((item) => may(action, attributes(item)));
}
