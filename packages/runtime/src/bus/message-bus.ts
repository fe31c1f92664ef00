// The event/measurement port: MQTT publish/subscribe of protobuf payloads.

/**
 * Receives one message. On a persistent bus (MqttBusOptions.persistent) the message is acknowledged
 * only once the promise a handler returns, if any, settled; elsewhere what it returns is ignored.
 */
export type MessageHandler = (topic: string, payload: Buffer) => unknown;

export interface PublishOptions {
  /** 0: at most once (measurements); 1: at least once (state events, the default). */
  qos?: 0 | 1;
  retain?: boolean;
}

export interface MessageBus {
  publish(topic: string, payload: Uint8Array, options?: PublishOptions): Promise<void>;
  /**
   * Subscribes to a topic filter ('+' and '#' wildcards); resolves once the broker confirmed.
   * The handler receives the filter's retained messages, even when another handler of the same
   * bus holds the filter already (that one may then see them again, as after a reconnect).
   */
  subscribe(filter: string, handler: MessageHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /**
   * Calls the listener each time the bus is connected again after losing its broker, once
   * subscriptions are restored (a broker that lost its retained messages needs them republished).
   * Returns a function that removes the listener.
   */
  onReconnect?(listener: () => void): () => void;
}
