import type { Registry } from 'prom-client';
import type { Counter, Histogram } from 'prom-client';
import { counter, DURATION_BUCKETS, histogram } from './registry.js';

export type GrpcCallType = 'unary' | 'server_stream';

/**
 * Every RPC a GrpcServer handles, by service, method and status code (the error code names of
 * errors.ts, OK on success). The labels come from the registered definitions and the fixed code
 * list, so their number is bounded whatever the callers send.
 */
export class GrpcServerMetrics {
  private readonly handled: Counter<'grpc_service' | 'grpc_method' | 'grpc_type' | 'grpc_code'>;
  private readonly seconds: Histogram<'grpc_service' | 'grpc_method' | 'grpc_type'>;

  constructor(registry: Registry) {
    this.handled = counter(registry, {
      name: 'grpc_server_handled_total',
      help: 'RPCs completed by the server, by service, method, type and status code.',
      labelNames: ['grpc_service', 'grpc_method', 'grpc_type', 'grpc_code'],
    });
    this.seconds = histogram(registry, {
      name: 'grpc_server_handling_seconds',
      help: 'Time from the start of an RPC to its last response, by service, method and type.',
      labelNames: ['grpc_service', 'grpc_method', 'grpc_type'],
      buckets: DURATION_BUCKETS,
    });
  }

  /** Starts timing a call of `path` ("/pkg.Service/Method"); call the result once with its code. */
  start(path: string, type: GrpcCallType): (code: string) => void {
    const slash = path.lastIndexOf('/');
    const labels = {
      grpc_service: path.slice(1, slash),
      grpc_method: path.slice(slash + 1),
      grpc_type: type,
    };
    const end = this.seconds.startTimer(labels);
    let ended = false;
    return (code) => {
      if (ended) return;
      ended = true;
      end();
      this.handled.inc({ ...labels, grpc_code: code });
    };
  }
}
