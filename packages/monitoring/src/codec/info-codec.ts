// DataSourceInfo and ProbeInfo between protobuf and the plain model, validating what comes in.
import { reservoir } from '@reservoir/contracts';
import { errors } from '@reservoir/runtime';
import {
  DATA_SOURCE_KINDS,
  type AttributeSpec,
  type AttributeType,
  type DataSourceInfoJson,
  type DataSourceKind,
  type ProbeInfoJson,
} from './model.js';

const pb = reservoir.monitoring.v1;

const TYPE_TO_PB: Record<AttributeType, reservoir.monitoring.v1.AttributeType> = {
  double: pb.AttributeType.ATTRIBUTE_TYPE_DOUBLE,
  int: pb.AttributeType.ATTRIBUTE_TYPE_INT,
  string: pb.AttributeType.ATTRIBUTE_TYPE_STRING,
  bool: pb.AttributeType.ATTRIBUTE_TYPE_BOOL,
};

const PB_TO_TYPE = new Map<number, AttributeType>(
  Object.entries(TYPE_TO_PB).map(([k, v]) => [v, k as AttributeType]),
);

export function probeInfoToPb(p: ProbeInfoJson): reservoir.monitoring.v1.ProbeInfo.$Properties {
  return {
    id: p.id,
    name: p.name,
    dataSourceId: p.dataSourceId,
    serviceId: p.serviceId,
    attributes: p.attributes.map((a) => ({
      field: a.field,
      name: a.name,
      type: TYPE_TO_PB[a.type],
      units: a.units,
    })),
    periodMs: p.periodMs,
    on: p.on,
    qos: p.qos,
  };
}

/** Throws INVALID_ARGUMENT when the message is not a usable probe description. */
export function probeInfoFromPb(
  p: reservoir.monitoring.v1.ProbeInfo.$Properties,
  path = 'probe',
): ProbeInfoJson {
  if (!p.id) throw errors.invalid(`${path}.id`, 'is empty');
  const attributes = (p.attributes ?? []).map((a, i): AttributeSpec => {
    const type = PB_TO_TYPE.get(a.type ?? 0);
    if (!type) throw errors.invalid(`${path}.attributes[${i}].type`, `unknown attribute type ${a.type}`);
    if (!a.field || !a.name)
      throw errors.invalid(`${path}.attributes[${i}]`, 'needs a field number and a name');
    return { field: a.field, name: a.name, type, units: a.units ?? '' };
  });
  const qos = p.qos ?? 0;
  if (qos !== 0 && qos !== 1) throw errors.invalid(`${path}.qos`, `must be 0 or 1, not ${qos}`);
  return {
    id: p.id,
    name: p.name ?? '',
    dataSourceId: p.dataSourceId ?? '',
    serviceId: p.serviceId ?? '',
    attributes,
    periodMs: p.periodMs ?? 0,
    on: p.on ?? false,
    qos,
  };
}

export function encodeDataSourceInfo(info: DataSourceInfoJson): Uint8Array {
  return pb.DataSourceInfo.encode({
    id: info.id,
    name: info.name,
    site: info.site,
    kind: info.kind,
    probes: info.probes.map(probeInfoToPb),
    updatedAtMs: info.updatedAtMs,
  }).finish();
}

/**
 * Decodes a retained info payload. Returns undefined for an empty payload (the data source
 * cleared its entry); throws INVALID_ARGUMENT when the bytes are not a DataSourceInfo.
 */
export function decodeDataSourceInfo(bytes: Uint8Array): DataSourceInfoJson | undefined {
  if (bytes.length === 0) return undefined;
  let m: reservoir.monitoring.v1.DataSourceInfo;
  try {
    m = pb.DataSourceInfo.decode(bytes);
  } catch (e) {
    throw errors.invalid('DataSourceInfo', `undecodable: ${(e as Error).message}`);
  }
  if (!m.id) throw errors.invalid('DataSourceInfo.id', 'is empty');
  if (!DATA_SOURCE_KINDS.includes(m.kind as DataSourceKind)) {
    throw errors.invalid('DataSourceInfo.kind', `unknown kind "${m.kind}"`);
  }
  return {
    id: m.id,
    name: m.name,
    site: m.site,
    kind: m.kind as DataSourceKind,
    probes: m.probes.map((p, i) => probeInfoFromPb(p, `DataSourceInfo.probes[${i}]`)),
    updatedAtMs: Number(m.updatedAtMs),
  };
}
