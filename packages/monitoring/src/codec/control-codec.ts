// ProbeControl requests and ProbeControlAck answers between protobuf and plain objects.
import { reservoir } from '@reservoir/contracts';
import { errors } from '@reservoir/runtime';
import { probeInfoFromPb, probeInfoToPb } from './info-codec.js';
import type { AttributeSpec, ProbeInfoJson } from './model.js';

const pb = reservoir.monitoring.v1;

export const CONTROL_ACTIONS = ['on', 'off', 'rate', 'add', 'remove'] as const;
export type ControlAction = (typeof CONTROL_ACTIONS)[number];

export interface ControlRequest {
  correlationId: string;
  dataSourceId: string;
  probeId?: string;
  action: ControlAction;
  periodMs?: number;
  probe?: Partial<ProbeInfoJson>;
}

export interface ControlAck {
  correlationId: string;
  ok: boolean;
  errorCode?: string;
  errorMessage?: string;
  probe?: ProbeInfoJson;
}

export function encodeControl(r: ControlRequest): Uint8Array {
  const probe = r.probe;
  return pb.ProbeControl.encode({
    correlationId: r.correlationId,
    dataSourceId: r.dataSourceId,
    probeId: r.probeId ?? '',
    action: r.action,
    periodMs: r.periodMs ?? 0,
    probe: probe
      ? probeInfoToPb({
          id: probe.id ?? '',
          name: probe.name ?? '',
          dataSourceId: probe.dataSourceId ?? r.dataSourceId,
          serviceId: probe.serviceId ?? '',
          attributes: probe.attributes ?? [],
          periodMs: probe.periodMs ?? 0,
          on: probe.on ?? true,
          qos: probe.qos ?? 0,
        })
      : null,
  }).finish();
}

/** Throws INVALID_ARGUMENT when the bytes are not a ProbeControl with a known action. */
export function decodeControl(bytes: Uint8Array): ControlRequest {
  let m: reservoir.monitoring.v1.ProbeControl;
  try {
    m = pb.ProbeControl.decode(bytes);
  } catch (e) {
    throw errors.invalid('ProbeControl', `undecodable: ${(e as Error).message}`);
  }
  if (!m.correlationId) throw errors.invalid('ProbeControl.correlationId', 'is empty');
  if (!(CONTROL_ACTIONS as readonly string[]).includes(m.action)) {
    throw errors.invalid('ProbeControl.action', `unknown action "${m.action}"`);
  }
  const req: ControlRequest = {
    correlationId: m.correlationId,
    dataSourceId: m.dataSourceId,
    action: m.action as ControlAction,
  };
  if (m.probeId) req.probeId = m.probeId;
  if (m.periodMs) req.periodMs = m.periodMs;
  if (m.probe) req.probe = partialProbe(m.probe);
  return req;
}

function partialProbe(p: reservoir.monitoring.v1.ProbeInfo.$Properties): Partial<ProbeInfoJson> {
  // An added probe may come without an id (the data source assigns one).
  const full = probeInfoFromPb({ ...p, id: p.id || '-' }, 'ProbeControl.probe');
  const out: Partial<ProbeInfoJson> = { ...full, attributes: full.attributes as AttributeSpec[] };
  if (!p.id) delete out.id;
  if (!p.periodMs) delete out.periodMs;
  return out;
}

export function encodeAck(a: ControlAck): Uint8Array {
  return pb.ProbeControlAck.encode({
    correlationId: a.correlationId,
    ok: a.ok,
    errorCode: a.errorCode ?? '',
    errorMessage: a.errorMessage ?? '',
    probe: a.probe ? probeInfoToPb(a.probe) : null,
  }).finish();
}

/** Throws INVALID_ARGUMENT when the bytes are not a ProbeControlAck. */
export function decodeAck(bytes: Uint8Array): ControlAck {
  let m: reservoir.monitoring.v1.ProbeControlAck;
  try {
    m = pb.ProbeControlAck.decode(bytes);
  } catch (e) {
    throw errors.invalid('ProbeControlAck', `undecodable: ${(e as Error).message}`);
  }
  if (!m.correlationId) throw errors.invalid('ProbeControlAck.correlationId', 'is empty');
  const ack: ControlAck = { correlationId: m.correlationId, ok: m.ok };
  if (m.errorCode) ack.errorCode = m.errorCode;
  if (m.errorMessage) ack.errorMessage = m.errorMessage;
  if (m.probe) ack.probe = probeInfoFromPb(m.probe, 'ProbeControlAck.probe');
  return ack;
}
