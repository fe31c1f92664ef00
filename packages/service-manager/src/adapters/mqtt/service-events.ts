import { topics } from '@reservoir/contracts';
import type { Logger, MessageBus } from '@reservoir/runtime';
import type { ServiceEventSink } from '../../app/ports.js';
import type { Service, ServiceEvent } from '../../domain/service.js';

/** Publishes each service event (JSON, with the service's state) at QoS 1; the log is the record. */
export class MqttServiceEvents implements ServiceEventSink {
  constructor(
    private readonly bus: MessageBus,
    private readonly site: string,
    private readonly logger: Logger,
  ) {}

  published(e: ServiceEvent, s: Service): void {
    const payload = Buffer.from(JSON.stringify({ ...e, state: s.state }));
    this.bus.publish(topics.serviceEvent(this.site, s.id), payload, { qos: 1 }).catch((err: unknown) => {
      this.logger.warn({ err, service: s.id }, 'service event not published');
    });
  }
}
