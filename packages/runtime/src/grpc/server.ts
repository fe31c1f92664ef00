import * as grpc from '@grpc/grpc-js';
import { HealthDefinition, grpc as pb } from '@reservoir/contracts';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { errors, isReservoirError, toReservoirError } from '../errors.js';
import { GrpcServerMetrics } from '../metrics/grpc-metrics.js';
import { toServiceError } from './status.js';
import type { CallContext, Handlers, ServiceDef } from './types.js';

/**
 * Runs before every handler with the decoded request; throws a ReservoirError to refuse the call
 * (authentication, authorization, rate limits) and may set ctx.principal and ctx.may.
 */
export type CallGuard = (ctx: CallContext, request: unknown) => void | Promise<void>;

const ServingStatus = pb.health.v1.HealthCheckResponse.ServingStatus;

export interface GrpcServerOptions {
  logger: Logger;
  guards?: CallGuard[];
  /** Largest message accepted, in bytes (default 64 MiB: a 10,000-VM listing is well below). */
  maxMessageBytes?: number;
  /** Counts and times every RPC into this registry (grpc_server_handled_total, grpc_server_handling_seconds). */
  metrics?: Registry;
}

/**
 * A grpc-js server with the standard health service, one error mapping, call guards,
 * and graceful shutdown.
 */
export class GrpcServer {
  private readonly server: grpc.Server;
  private readonly health = new Map<string, number>([['', ServingStatus.SERVING]]);
  private readonly guards: CallGuard[];
  private readonly metrics: GrpcServerMetrics | undefined;
  private port = 0;

  constructor(private readonly options: GrpcServerOptions) {
    const max = options.maxMessageBytes ?? 64 * 1024 * 1024;
    this.server = new grpc.Server({
      'grpc.max_receive_message_length': max,
      'grpc.max_send_message_length': max,
    });
    this.guards = options.guards ?? [];
    this.metrics = options.metrics ? new GrpcServerMetrics(options.metrics) : undefined;
    // Health is open to every caller, as probes and load balancers expect: it tells nothing else.
    this.register('grpc.health.v1.Health', HealthDefinition, false, {
      check: (req) => {
        const s = this.health.get(req.service);
        if (s === undefined) throw errors.notFound('service', req.service);
        return { status: s };
      },
      watch: async (req, send, ctx) => {
        send({ status: this.health.get(req.service) ?? ServingStatus.SERVICE_UNKNOWN });
        await new Promise<void>((resolve) =>
          ctx.signal.addEventListener('abort', () => resolve(), { once: true }),
        );
      },
    });
  }

  addService<D extends ServiceDef>(name: string, definition: D, handlers: Handlers<D>): this {
    return this.register(name, definition, true, handlers);
  }

  private register<D extends ServiceDef>(
    name: string,
    definition: D,
    guarded: boolean,
    handlers: Handlers<D>,
  ): this {
    const impl: grpc.UntypedServiceImplementation = {};
    const guards = guarded ? this.guards : [];
    for (const [key, def] of Object.entries(definition)) {
      const handler = handlers[key as keyof D] as unknown as (...args: unknown[]) => unknown;
      impl[key] = def.responseStream
        ? this.wrapStream(def.path, handler, guards)
        : this.wrapUnary(def.path, handler, guards);
    }
    this.server.addService(definition as unknown as grpc.ServiceDefinition, impl);
    this.health.set(name, ServingStatus.SERVING);
    return this;
  }

  setServing(name: string, serving: boolean): void {
    this.health.set(name, serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
  }

  /** Binds and starts; returns the port (useful with port 0). */
  async listen(address: string): Promise<number> {
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (err, port) =>
        err ? reject(err) : resolve(port),
      ),
    );
    return this.port;
  }

  /** Stops accepting calls, lets running ones finish for graceMs, then cancels the rest. */
  async shutdown(graceMs = 5_000): Promise<void> {
    for (const k of this.health.keys()) this.health.set(k, ServingStatus.NOT_SERVING);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private context(
    call: grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown>,
    method: string,
  ): CallContext {
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(call.metadata.getMap()))
      metadata[k] = typeof v === 'string' ? v : v.toString();
    // The signal is made only for handlers that ask for it: most calls never look.
    let ac: AbortController | undefined;
    let cancelled = false;
    call.on('cancelled', () => {
      cancelled = true;
      ac?.abort();
    });
    return {
      metadata,
      method,
      get peer() {
        return call.getPeer();
      },
      get signal() {
        if (!ac) {
          ac = new AbortController();
          if (cancelled) ac.abort();
        }
        return ac.signal;
      },
    };
  }

  private logFailure(method: string, e: unknown): void {
    if (isReservoirError(e) && e.code !== 'INTERNAL') {
      this.options.logger.debug({ method, code: e.code, err: e.message }, 'call refused');
    } else {
      this.options.logger.error({ method, err: e }, 'call failed');
    }
  }

  private wrapUnary(
    method: string,
    handler: (...args: unknown[]) => unknown,
    guards: readonly CallGuard[],
  ): grpc.handleUnaryCall<unknown, unknown> {
    return (call, callback) => {
      const ctx = this.context(call, method);
      const done = this.metrics?.start(method, 'unary');
      void (async () => {
        try {
          for (const g of guards) await g(ctx, call.request);
          callback(null, await handler(call.request, ctx));
          done?.('OK');
        } catch (e) {
          this.logFailure(method, e);
          done?.(toReservoirError(e).code);
          callback(toServiceError(e) as grpc.ServiceError);
        }
      })();
    };
  }

  private wrapStream(
    method: string,
    handler: (...args: unknown[]) => unknown,
    guards: readonly CallGuard[],
  ): grpc.handleServerStreamingCall<unknown, unknown> {
    return (call) => {
      const ctx = this.context(call, method);
      const done = this.metrics?.start(method, 'server_stream');
      void (async () => {
        try {
          for (const g of guards) await g(ctx, call.request);
          await handler(call.request, (m: unknown) => call.write(m), ctx);
          call.end();
          done?.(call.cancelled ? 'CANCELLED' : 'OK');
        } catch (e) {
          this.logFailure(method, e);
          done?.(call.cancelled ? 'CANCELLED' : toReservoirError(e).code);
          // grpc-js turns an 'error' on the stream into the call's status; destroy() would drop it
          // when nothing had been written yet.
          const status = toServiceError(e);
          call.emit('error', Object.assign(new Error((status.details as string) ?? 'error'), status));
        }
      })();
    };
  }
}
