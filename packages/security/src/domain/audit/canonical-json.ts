// Canonical JSON: object keys sorted by code unit, no whitespace, numbers and strings as
// JSON.stringify writes them. The same value always yields the same text, which is what a hash
// chain needs after a round trip through a database.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

/** A deep copy that is plain JSON, or undefined when value is not representable as JSON. */
export function toJson(value: unknown): Json | undefined {
  try {
    canonicalJson(value);
    return JSON.parse(JSON.stringify(value)) as Json;
  } catch {
    return undefined;
  }
}
