// A sample (values by attribute name) to wire values (field numbers only), and back.
import type { reservoir } from '@reservoir/contracts';
import { errors } from '@reservoir/runtime';
import type { AttributeSpec, Sample } from './model.js';

export type WireValue = reservoir.monitoring.v1.Value.$Properties;
export type ScalarValue = number | string | boolean;

/** Throws INVALID_ARGUMENT for a name outside the data dictionary or a value of the wrong type. */
export function sampleToValues(attributes: readonly AttributeSpec[], sample: Sample): WireValue[] {
  const out: WireValue[] = [];
  for (const [name, value] of Object.entries(sample)) {
    const a = attributes.find((x) => x.name === name);
    if (!a) throw errors.invalid(`sample.${name}`, 'is not an attribute of the probe');
    switch (a.type) {
      case 'double':
        if (typeof value !== 'number') throw errors.invalid(`sample.${name}`, 'must be a number');
        out.push({ field: a.field, d: value });
        break;
      case 'int':
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
          throw errors.invalid(`sample.${name}`, 'must be a safe integer');
        }
        out.push({ field: a.field, i: value });
        break;
      case 'string':
        if (typeof value !== 'string') throw errors.invalid(`sample.${name}`, 'must be a string');
        out.push({ field: a.field, s: value });
        break;
      case 'bool':
        if (typeof value !== 'boolean') throw errors.invalid(`sample.${name}`, 'must be a boolean');
        out.push({ field: a.field, b: value });
        break;
    }
  }
  return out;
}

/** The scalar a decoded wire value carries, or undefined when none is set. */
export function wireScalar(v: WireValue): ScalarValue | undefined {
  if (v.d != null) return v.d;
  if (v.i != null) return Number(v.i);
  if (v.s != null) return v.s;
  if (v.b != null) return v.b;
  return undefined;
}

/** Field numbers to names through the probe's data dictionary; fields it does not know are left out. */
export function valuesToRecord(attributes: readonly AttributeSpec[], values: readonly WireValue[]): Sample {
  const out: Sample = {};
  for (const v of values) {
    const a = attributes.find((x) => x.field === v.field);
    const s = wireScalar(v);
    if (a && s !== undefined) out[a.name] = s;
  }
  return out;
}
