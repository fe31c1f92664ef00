// The event/measurement port: MQTT publish/subscribe of protobuf payloads.

export type MessageHandler = (topic: string, payload: Buffer) => void;

export interface PublishOptions {
  /** 0: at most once (measurements); 1: at least once (state events, the default). */
  qos?: 0 | 1;
  retain?: boolean;
}

export interface MessageBus {
  publish(topic: string, payload: Uint8Array, options?: PublishOptions): Promise<void>;
  /** Subscribes to a topic filter ('+' and '#' wildcards); resolves once the broker confirmed. */
  subscribe(filter: string, handler: MessageHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
