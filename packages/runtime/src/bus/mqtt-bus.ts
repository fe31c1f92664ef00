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
  /**
   * Keep the session on the broker (clean session off): the subscriptions outlive a disconnection
   * or a restart of the process, and QoS 1 messages published meanwhile wait on the broker, so the
   * clientId must be stable and used by one process at a time. Messages are handled one at a time
   * and acknowledged once their handlers' promises settled: one a crash cut short comes again.
   * A resumed session's messages arrive before anything is subscribed: one that no handler matches
   * waits up to `holdMs` (default 10 s) for one, and holds back those behind it meanwhile.
   */
  persistent?: boolean;
  holdMs?: number;
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
  private connectedBefore = false;
  /** Persistent bus: the message waiting for a handler, if any. */
  private waiting: { topic: string; wake: () => void } | undefined;

  private constructor(
    private readonly client: MqttClient,
    private readonly logger: Logger,
    /** Set on a persistent bus only. */
    private readonly holdMs?: number,
  ) {
    if (holdMs === undefined) {
      client.on('message', (topic, payload) => {
        for (const h of this.matching(topic)) {
          try {
            const done = h(topic, payload);
            if (done instanceof Promise) done.catch((e: unknown) => this.failed(e, topic));
          } catch (e) {
            // One consumer's bug must not stop delivery to the others.
            this.failed(e, topic);
          }
        }
      });
    } else {
      // mqtt.js acknowledges a message and reads the next one once handleMessage calls back.
      client.handleMessage = (packet, callback) => {
        const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
        void this.deliver(String(packet.topic), payload).then(() => callback());
      };
    }
    client.on('error', (e) => logger.warn({ err: e.message }, 'mqtt error'));
    client.on('offline', () => logger.warn('mqtt offline'));
    // mqtt.js registered its own listener first, so queued publishes and resubscriptions are sent.
    client.on('connect', () => {
      if (!this.connectedBefore) {
        this.connectedBefore = true;
        return;
      }
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

  private matching(topic: string): MessageHandler[] {
    const out: MessageHandler[] = [];
    for (const [filter, set] of this.handlers) if (topicMatches(filter, topic)) out.push(...set);
    return out;
  }

  private failed(e: unknown, topic: string): void {
    this.logger.error({ err: e, topic }, 'message handler failed');
  }

  /** Persistent bus: runs the handlers of one message in turn, waiting for one if there is none yet. */
  private async deliver(topic: string, payload: Buffer): Promise<void> {
    let handlers = this.matching(topic);
    if (handlers.length === 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.holdMs);
        timer.unref();
        this.waiting = {
          topic,
          wake: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
      this.waiting = undefined;
      handlers = this.matching(topic);
      if (handlers.length === 0) {
        this.logger.warn({ topic }, 'message dropped: nothing subscribed to it');
        return;
      }
    }
    for (const h of handlers) {
      try {
        await h(topic, payload);
      } catch (e) {
        this.failed(e, topic);
      }
    }
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  static async connect(options: MqttBusOptions): Promise<MqttBus> {
    const client = mqtt.connect(options.url, {
      clientId: options.clientId,
      clean: !options.persistent,
      reconnectPeriod: 1000,
      connectTimeout: options.connectTimeoutMs ?? 10_000,
      resubscribe: true,
    });
    // Built before the first connection: a resumed session's messages follow it at once.
    const bus = new MqttBus(
      client,
      options.logger,
      options.persistent ? (options.holdMs ?? 10_000) : undefined,
    );
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
    return bus;
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
      if (this.waiting && topicMatches(filter, this.waiting.topic)) this.waiting.wake();
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
