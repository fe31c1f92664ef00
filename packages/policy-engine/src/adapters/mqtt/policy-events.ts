import { reservoir, topic } from '@reservoir/contracts';
import type { Logger, MessageBus } from '@reservoir/runtime';
import type { PolicySettings } from '../../app/policy-settings.js';
import type { PolicyEvents } from '../../app/ports.js';
import { policyToPb } from '../grpc/policy-mapping.js';

/** reservoir/v1/<site>/pe/policy/current/changed, carrying the new Policy as protobuf. */
export function policyTopic(site: string): string {
  return topic(site, 'pe', 'policy', 'current', 'changed');
}

/** Policy changes on MQTT: announced after they are durable, and heard from other replicas. */
export class MqttPolicyEvents implements PolicyEvents {
  constructor(
    private readonly bus: MessageBus,
    private readonly site: string,
    private readonly logger: Logger,
  ) {}

  published(p: PolicySettings): void {
    const payload = reservoir.pe.v1.Policy.encode(policyToPb(p)).finish();
    this.bus
      .publish(policyTopic(this.site), payload, { qos: 1 })
      .catch((e: unknown) =>
        this.logger.warn({ err: (e as Error).message, version: p.version }, 'policy change not published'),
      );
  }

  subscribe(onChange: (version: number) => void): Promise<() => Promise<void>> {
    return this.bus.subscribe(policyTopic(this.site), (_topic, payload) => {
      try {
        onChange(Number(reservoir.pe.v1.Policy.decode(payload).version));
      } catch (e) {
        this.logger.warn({ err: (e as Error).message }, 'unreadable policy event');
      }
    });
  }
}
