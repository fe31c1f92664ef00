import mqtt, { type ISubscriptionMap, type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { ReservoirError } from '../errors.js';
import type { MessageBus, MessageHandler, PublishOptions } from './message-bus.js';

export interface MqttBusOptions {
  url: string;
  clientId: string;
  logger: Logger;
  /** How long to wait for the first connection before failing (default 10 s). */
  connectTimeoutMs?: number;
}

/** Matches an MQTT topic against a filter with '+' and '#'. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/**
 * mqtt.js behind the MessageBus port. The client reconnects by itself and queues
 * publishes while offline; subscriptions are restored on reconnect (resubscribe), and
 * onReconnect listeners run after that.
 */
export class MqttBus implements MessageBus {
  private readonly handlers = new Map<string, Set<MessageHandler>>();
  private readonly reconnectListeners = new Set<() => void>();

  private constructor(
    private readonly client: MqttClient,
    private readonly logger: Logger,
  ) {
    client.on('message', (topic, payload) => {
      for (const [filter, set] of this.handlers) {
        if (!topicMatches(filter, topic)) continue;
        for (const h of set) {
          try {
            h(topic, payload);
          } catch (e) {
            // One consumer's bug must not stop delivery to the others.
            this.logger.error({ err: e, topic }, 'message handler failed');
          }
        }
      }
    });
    client.on('error', (e) => logger.warn({ err: e.message }, 'mqtt error'));
    client.on('offline', () => logger.warn('mqtt offline'));
    // The first 'connect' happened before construction: every later one is a reconnection.
    // mqtt.js registered its own listener first, so queued publishes and resubscriptions are sent.
    client.on('connect', () => {
      logger.info('mqtt reconnected');
      for (const l of this.reconnectListeners) {
        try {
          l();
        } catch (e) {
          this.logger.error({ err: e }, 'reconnect listener failed');
        }
      }
    });
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  static async connect(options: MqttBusOptions): Promise<MqttBus> {
    const client = mqtt.connect(options.url, {
      clientId: options.clientId,
      reconnectPeriod: 1000,
      connectTimeout: options.connectTimeoutMs ?? 10_000,
      resubscribe: true,
    });
    // Small request/reply messages (control, acks) would otherwise wait on Nagle's algorithm and
    // the peer's delayed ACK, about 40 ms each way; set on every (re)connection's socket.
    client.on('connect', () => {
      const socket = client.stream as unknown as { setNoDelay?: (on: boolean) => void };
      socket.setNoDelay?.(true);
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        client.end(true);
        reject(
          new ReservoirError(
            'UNAVAILABLE',
            `MQTT broker ${options.url} did not accept a connection within ${options.connectTimeoutMs ?? 10_000} ms`,
          ),
        );
      }, options.connectTimeoutMs ?? 10_000);
      client.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return new MqttBus(client, options.logger);
  }

  async publish(topic: string, payload: Uint8Array, options: PublishOptions = {}): Promise<void> {
    await this.client.publishAsync(
      topic,
      Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength),
      {
        qos: options.qos ?? 1,
        retain: options.retain ?? false,
      },
    );
  }

  async subscribe(filter: string, handler: MessageHandler): Promise<() => Promise<void>> {
    let set = this.handlers.get(filter);
    if (!set) {
      set = new Set();
      this.handlers.set(filter, set);
      set.add(handler);
      await this.client.subscribeAsync(filter, { qos: 1 });
    } else {
      set.add(handler);
      // Subscribing again to a filter already held makes the broker resend its retained messages,
      // which the new handler needs; handlers already there see them again, as after a reconnect.
      // mqtt.js skips filters it holds unless told to resubscribe.
      const again = { [filter]: { qos: 1 }, resubscribe: true } as unknown as ISubscriptionMap;
      await this.client.subscribeAsync(again);
    }
    return async () => {
      const s = this.handlers.get(filter);
      if (!s) return;
      s.delete(handler);
      if (s.size === 0) {
        this.handlers.delete(filter);
        await this.client.unsubscribeAsync(filter);
      }
    };
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}
