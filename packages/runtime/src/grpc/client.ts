import * as grpc from '@grpc/grpc-js';
import { fromServiceError } from './status.js';
import type { CallOptions, Client, ServiceDef } from './types.js';

export interface ClientOptions {
  /** Default deadline of every call (default 30 s); each call may set its own. */
  deadlineMs?: number;
  /** Metadata sent with every call (credentials, caller identity). */
  metadata?: Record<string, string>;
  maxMessageBytes?: number;
  /** A channel to share between clients of several services on one endpoint. */
  channel?: grpc.Client;
}

/** Gives the credential ("Bearer …") to present on calls that do not carry one; undefined for none. */
export type CredentialSource = () => string | undefined;

let defaultCredential: CredentialSource | undefined;

/**
 * Sets the credential every client of this process presents unless a call or client sets its own
 * `authorization`: a service's own token, or the CLI's stored login.
 */
export function setDefaultCredential(source: CredentialSource | undefined): void {
  defaultCredential = source;
}

export type ClosableClient<D extends ServiceDef> = Client<D> & { close(): void; readonly address: string };

/**
 * A typed client for one service. Every call has a deadline; failures come back as
 * ReservoirError with the server's code, or UNAVAILABLE when the endpoint cannot be reached.
 */
export function createClient<D extends ServiceDef>(
  definition: D,
  address: string,
  options: ClientOptions = {},
): ClosableClient<D> {
  const max = options.maxMessageBytes ?? 64 * 1024 * 1024;
  const raw =
    options.channel ??
    new grpc.Client(address, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': max,
      'grpc.max_send_message_length': max,
      'grpc.keepalive_time_ms': 30_000,
    });
  const defaultDeadline = options.deadlineMs ?? 30_000;

  const metadataFor = (o?: CallOptions): grpc.Metadata => {
    const md = new grpc.Metadata();
    for (const [k, v] of Object.entries({ ...options.metadata, ...o?.metadata })) md.set(k, v);
    if (defaultCredential && md.get('authorization').length === 0) {
      const credential = defaultCredential();
      if (credential) md.set('authorization', credential);
    }
    return md;
  };
  const deadlineFor = (o?: CallOptions) => Date.now() + (o?.deadlineMs ?? defaultDeadline);

  const client: Record<string, unknown> = {
    address,
    close: () => {
      if (!options.channel) raw.close();
    },
  };
  for (const [key, def] of Object.entries(definition)) {
    const what = `${def.path} at ${address}`;
    if (def.responseStream) {
      client[key] = (req: unknown, o?: CallOptions) => {
        const call = raw.makeServerStreamRequest(
          def.path,
          def.requestSerialize,
          def.responseDeserialize,
          req,
          metadataFor(o),
          { deadline: o?.deadlineMs === undefined ? Infinity : deadlineFor(o) },
        );
        o?.signal?.addEventListener('abort', () => call.cancel(), { once: true });
        return (async function* () {
          try {
            for await (const m of call) yield m;
          } catch (e) {
            if ((e as grpc.ServiceError).code === grpc.status.CANCELLED && o?.signal?.aborted) return;
            throw fromServiceError(e as grpc.ServiceError, what);
          }
        })();
      };
    } else {
      client[key] = (req: unknown, o?: CallOptions) =>
        new Promise((resolve, reject) => {
          const call = raw.makeUnaryRequest(
            def.path,
            def.requestSerialize,
            def.responseDeserialize,
            req,
            metadataFor(o),
            { deadline: deadlineFor(o) },
            (err, res) => (err ? reject(fromServiceError(err, what)) : resolve(res)),
          );
          o?.signal?.addEventListener('abort', () => call.cancel(), { once: true });
        });
    }
  }
  return client as ClosableClient<D>;
}

/** One channel for several service clients on the same endpoint. */
export function createChannel(address: string, maxMessageBytes = 64 * 1024 * 1024): grpc.Client {
  return new grpc.Client(address, grpc.credentials.createInsecure(), {
    'grpc.max_receive_message_length': maxMessageBytes,
    'grpc.max_send_message_length': maxMessageBytes,
    'grpc.keepalive_time_ms': 30_000,
  });
}
