// Control-plane client: one request to a data source over MQTT, answered on its ack topic
// with the same correlation id.
import { randomUUID } from 'node:crypto';
import { topics } from '@reservoir/contracts';
import { ReservoirError, type MessageBus } from '@reservoir/runtime';
import { decodeAck, encodeControl, type ControlAction, type ControlAck } from '../codec/control-codec.js';
import type { ProbeInfoJson } from '../codec/model.js';

export interface ControlProbeRequest {
  dataSourceId: string;
  probeId?: string;
  action: ControlAction;
  periodMs?: number;
  probe?: Partial<ProbeInfoJson>;
}

export type ControlProbeResult = Omit<ControlAck, 'correlationId'>;

/**
 * Sends the request and resolves with the data source's answer (ok=false with an error code
 * such as NOT_FOUND or INVALID_ARGUMENT when it refused). Rejects with DEADLINE_EXCEEDED when
 * no answer comes within timeoutMs (default 5 s).
 */
export async function controlProbe(
  bus: MessageBus,
  site: string,
  req: ControlProbeRequest,
  timeoutMs = 5000,
): Promise<ControlProbeResult> {
  const correlationId = randomUUID();
  const channel = await ackChannel(bus, topics.monitoringControlAck(site, req.dataSourceId));
  let timer: NodeJS.Timeout | undefined;
  const answered = new Promise<ControlAck>((resolve, reject) => {
    channel.waiting.set(correlationId, resolve);
    timer = setTimeout(
      () =>
        reject(
          new ReservoirError(
            'DEADLINE_EXCEEDED',
            `data source "${req.dataSourceId}" at site "${site}" did not answer "${req.action}" within ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
    timer.unref();
  });
  try {
    // QoS 0: the data source's answer acknowledges the request; a lost one ends in the deadline.
    await bus.publish(
      topics.monitoringControl(site, req.dataSourceId),
      encodeControl({ ...req, correlationId }),
      {
        qos: 0,
      },
    );
    const { correlationId: _id, ...result } = await answered;
    return result;
  } finally {
    clearTimeout(timer);
    channel.waiting.delete(correlationId);
  }
}

interface AckChannel {
  waiting: Map<string, (ack: ControlAck) => void>;
}

/**
 * One subscription per bus and ack topic, kept for later requests: subscribing and
 * unsubscribing around every request would cost two more broker round trips each time.
 */
const channels = new WeakMap<MessageBus, Map<string, Promise<AckChannel>>>();

function ackChannel(bus: MessageBus, topic: string): Promise<AckChannel> {
  let byTopic = channels.get(bus);
  if (!byTopic) channels.set(bus, (byTopic = new Map()));
  let channel = byTopic.get(topic);
  if (!channel) {
    const waiting = new Map<string, (ack: ControlAck) => void>();
    channel = bus
      .subscribe(topic, (_t, payload) => {
        try {
          const ack = decodeAck(payload);
          waiting.get(ack.correlationId)?.(ack);
        } catch {
          // Not an answer to anyone: ignore.
        }
      })
      .then(() => ({ waiting }));
    // A failed subscription is not kept: the next request tries again.
    channel.catch(() => byTopic.delete(topic));
    byTopic.set(topic, channel);
  }
  return channel;
}
