// MeasurementBatch: a probe table, then measurements as (probe index, seq, offset, values).
import { reservoir } from '@reservoir/contracts';
import { errors } from '@reservoir/runtime';
import type { WireValue } from './value-codec.js';

const pb = reservoir.monitoring.v1;

export interface WireMeasurement {
  probeId: string;
  seq: number;
  timeMs: number;
  values: WireValue[];
}

export interface WireBatch {
  dataSourceId: string;
  serviceId: string;
  measurements: WireMeasurement[];
}

export function encodeBatch(batch: WireBatch): Uint8Array {
  const probes: string[] = [];
  const index = new Map<string, number>();
  let base = Infinity;
  for (const m of batch.measurements) base = Math.min(base, m.timeMs);
  if (!Number.isFinite(base)) base = 0;
  const measurements = batch.measurements.map((m) => {
    let i = index.get(m.probeId);
    if (i === undefined) {
      i = probes.length;
      probes.push(m.probeId);
      index.set(m.probeId, i);
    }
    return { probe: i, seq: m.seq, offsetMs: m.timeMs - base, values: m.values };
  });
  return pb.MeasurementBatch.encode({
    dataSourceId: batch.dataSourceId,
    serviceId: batch.serviceId,
    probes,
    baseTimeMs: base,
    measurements,
  }).finish();
}

/** Throws INVALID_ARGUMENT when the bytes are not a consistent MeasurementBatch. */
export function decodeBatch(bytes: Uint8Array): WireBatch {
  if (bytes.length === 0) throw errors.invalid('MeasurementBatch', 'is empty');
  let m: reservoir.monitoring.v1.MeasurementBatch;
  try {
    m = pb.MeasurementBatch.decode(bytes);
  } catch (e) {
    throw errors.invalid('MeasurementBatch', `undecodable: ${(e as Error).message}`);
  }
  if (!m.dataSourceId) throw errors.invalid('MeasurementBatch.dataSourceId', 'is empty');
  if (m.measurements.length === 0) throw errors.invalid('MeasurementBatch.measurements', 'is empty');
  if (m.probes.some((p) => !p)) throw errors.invalid('MeasurementBatch.probes', 'holds an empty id');
  const base = Number(m.baseTimeMs);
  const measurements = m.measurements.map((x, i): WireMeasurement => {
    const probeId = m.probes[x.probe ?? 0];
    if (probeId === undefined)
      throw errors.invalid(`MeasurementBatch.measurements[${i}].probe`, 'out of range');
    const values = x.values ?? [];
    if (values.some((v) => !v.field)) {
      throw errors.invalid(
        `MeasurementBatch.measurements[${i}].values`,
        'holds a value without a field number',
      );
    }
    return { probeId, seq: Number(x.seq ?? 0), timeMs: base + (x.offsetMs ?? 0), values };
  });
  return { dataSourceId: m.dataSourceId, serviceId: m.serviceId, measurements };
}
