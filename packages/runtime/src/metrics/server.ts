import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { ReservoirError, toReservoirError, type ErrorCode } from '../errors.js';
import type { CallGuard } from '../grpc/server.js';
import type { Logger } from '../log/logger.js';

export interface MetricsServerOptions {
  registry: Registry;
  /** host:port; port 0 picks a free one. */
  listen: string;
  /**
   * Runs before a scrape is served, as on a gRPC call, with method "GET /metrics" and the
   * request's Authorization header; a refusal answers 401, 403 or 429.
   */
  guard?: CallGuard;
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
};

/** The path every metrics server guards. */
export const METRICS_METHOD = 'GET /metrics';

export interface MetricsServer {
  /** host:port a scraper dials (a wildcard bind is announced as loopback). */
  address: string;
  close(): Promise<void>;
}

/** Splits "host:port", "[::1]:port" or ":port"; INVALID_ARGUMENT otherwise. */
function parseListen(listen: string): { host: string; port: number } {
  const i = listen.lastIndexOf(':');
  const port = Number(listen.slice(i + 1));
  if (i < 0 || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new ReservoirError('INVALID_ARGUMENT', `metrics listen address "${listen}" must be host:port`, {
      field: 'metrics.listen',
    });
  const host = listen.slice(0, i).replace(/^\[(.*)\]$/, '$1');
  return { host: host === '' ? '0.0.0.0' : host, port };
}

/** Serves GET /metrics in the Prometheus text format; every other path is 404. */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const { registry } = options;
  const { host, port } = parseListen(options.listen);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found; try /metrics\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end();
      return;
    }
    const authorization = req.headers.authorization;
    const ac = new AbortController();
    req.once('close', () => ac.abort());
    // An async wrapper, so that a guard throwing synchronously still answers the request.
    (async () =>
      options.guard?.(
        {
          metadata: authorization ? { authorization } : {},
          method: METRICS_METHOD,
          peer: `${req.socket.remoteAddress ?? ''}:${req.socket.remotePort ?? ''}`,
          signal: ac.signal,
        },
        {},
      ))()
      .then(() => registry.metrics())
      .then(
        (body) => {
          res.writeHead(200, { 'Content-Type': registry.contentType });
          res.end(req.method === 'HEAD' ? undefined : body);
        },
        (e: unknown) => {
          const err = toReservoirError(e);
          const status = HTTP_STATUS[err.code] ?? 500;
          const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8' };
          if (status === 401) headers['WWW-Authenticate'] = 'Bearer realm="reservoir"';
          if (err.retryAfterMs !== undefined)
            headers['Retry-After'] = String(Math.ceil(err.retryAfterMs / 1000));
          res.writeHead(status, headers);
          res.end(`${status === 500 ? err.message : err.toString()}\n`);
        },
      );
  });
  // A scrape keeps its connection open; do not let it hold the process at close.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const dial = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    address: `${dial}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A service factory's last step: serve its metrics when an address was given. If the server
 * cannot start, `undo` stops what the factory already started before the error is rethrown, so
 * a failed factory leaves nothing running.
 */
export async function serveMetricsOrUndo(o: {
  registry: Registry | undefined;
  listen: string | undefined;
  undo: () => Promise<void>;
  logger: Logger;
  guard?: CallGuard | undefined;
}): Promise<MetricsServer | undefined> {
  if (!o.registry || o.listen === undefined) return undefined;
  try {
    const server = await startMetricsServer({
      registry: o.registry,
      listen: o.listen,
      ...(o.guard ? { guard: o.guard } : {}),
    });
    o.logger.info({ metrics: server.address }, 'metrics listening');
    return server;
  } catch (e) {
    await o.undo();
    throw e;
  }
}
