// What a caller gives to define a probe, and the checks every definition goes through.
import { errors, newId } from '@reservoir/runtime';
import {
  MAX_PERIOD_MS,
  MIN_PERIOD_MS,
  type AttributeSpec,
  type ProbeInfoJson,
  type Sample,
} from '../codec/model.js';

export type Sampler = () => Sample | undefined | Promise<Sample | undefined>;

export interface ProbeSpec {
  id?: string;
  name: string;
  serviceId?: string;
  attributes: AttributeSpec[];
  periodMs: number;
  on?: boolean;
  qos?: 0 | 1;
  /** Called every period while on; undefined skips this period. */
  sample?: Sampler;
}

const ID = /^[A-Za-z0-9._:-]+$/;
const TYPES = new Set(['double', 'int', 'string', 'bool']);

export function checkPeriod(periodMs: unknown, field = 'periodMs'): number {
  if (
    typeof periodMs !== 'number' ||
    !Number.isInteger(periodMs) ||
    periodMs < MIN_PERIOD_MS ||
    periodMs > MAX_PERIOD_MS
  ) {
    throw errors.invalid(
      field,
      `must be an integer from ${MIN_PERIOD_MS} to ${MAX_PERIOD_MS} ms, not ${String(periodMs)}`,
    );
  }
  return periodMs;
}

/** Validates a spec and fills its defaults; throws INVALID_ARGUMENT naming the bad field. */
export function probeInfoOf(spec: ProbeSpec, dataSourceId: string): ProbeInfoJson {
  const id = spec.id ?? newId('probe');
  if (!ID.test(id))
    throw errors.invalid('probe.id', `"${id}" may hold letters, digits, '.', '_', ':' or '-' only`);
  if (!spec.name) throw errors.invalid('probe.name', 'is empty');
  const fields = new Set<number>();
  const names = new Set<string>();
  spec.attributes.forEach((a, i) => {
    const at = `probe.attributes[${i}]`;
    if (!Number.isInteger(a.field) || a.field < 1 || a.field > 0xffff) {
      throw errors.invalid(`${at}.field`, 'must be an integer from 1 to 65535');
    }
    if (!a.name) throw errors.invalid(`${at}.name`, 'is empty');
    if (!TYPES.has(a.type)) throw errors.invalid(`${at}.type`, `unknown type "${a.type}"`);
    if (fields.has(a.field)) throw errors.invalid(`${at}.field`, `field ${a.field} is used twice`);
    if (names.has(a.name)) throw errors.invalid(`${at}.name`, `name "${a.name}" is used twice`);
    fields.add(a.field);
    names.add(a.name);
  });
  const qos = spec.qos ?? 0;
  if (qos !== 0 && qos !== 1) throw errors.invalid('probe.qos', 'must be 0 or 1');
  return {
    id,
    name: spec.name,
    dataSourceId,
    serviceId: spec.serviceId ?? '',
    attributes: spec.attributes.map((a) => ({
      field: a.field,
      name: a.name,
      type: a.type,
      units: a.units ?? '',
    })),
    periodMs: checkPeriod(spec.periodMs, 'probe.periodMs'),
    on: spec.on ?? true,
    qos,
  };
}
