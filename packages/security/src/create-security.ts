import { SecurityServiceDefinition } from '@reservoir/contracts';
import {
  createServiceMetrics,
  GrpcServer,
  isReservoirError,
  startMetricsServer,
  type Logger,
  type MetricsRegistry,
  type MetricsServer,
} from '@reservoir/runtime';
import { securityAccess } from './adapters/grpc/access.js';
import { securityHandlers } from './adapters/grpc/security-handlers.js';
import type { PolicyStore } from './app/ports.js';
import type { BootstrapResult } from './app/identities.js';
import { DEFAULT_POLICY_YAML } from './domain/pdp/index.js';
import { METRICS_ACCESS } from './pep/access-map.js';
import { policyDigest } from './pep/policy-source.js';
import type { RateLimitOptions } from './pep/rate-limiter.js';
import { openServiceSecurity, type ServiceSecurity } from './pep/service-security.js';

export interface CreateSecurityOptions {
  /** The security store: "sqlite:<file>", "sqlite::memory:" or a PostgreSQL URL. */
  database: string;
  logger: Logger;
  /** gRPC listen address; port 0 picks a free one. */
  listen?: string;
  /** Serves Prometheus metrics (GET /metrics) on this address; port 0 picks a free one. Off when absent. */
  metricsListen?: string;
  /** Names this server in audit entries; default "security". */
  service?: string;
  rateLimit?: RateLimitOptions | false;
  /** How often the policy version is checked; default 2 s. */
  policyPollMs?: number;
}

export interface RunningSecurity {
  /** The store, identities, audit log and policy this server administers and enforces with. */
  security: ServiceSecurity;
  /** host:port of the security service. */
  address: string;
  metrics?: string;
  registry?: MetricsRegistry;
  /** Only on the start that created the store's first organizations: the administrator's one-time password. */
  bootstrap?: NonNullable<BootstrapResult['admin']>;
  stop(): Promise<void>;
}

/**
 * Stores the built-in policy as version 1 when the store holds none, so what decides is on record
 * (digest, who, when) and the first apply has a version to expect. Replicas starting together
 * race on it; the loser finds the version taken and leaves it.
 */
export async function storeDefaultPolicy(store: PolicyStore, now: number): Promise<boolean> {
  if ((await store.policyVersion()) > 0) return false;
  try {
    await store.savePolicy(
      {
        document: DEFAULT_POLICY_YAML,
        digest: policyDigest(DEFAULT_POLICY_YAML),
        appliedBy: 'bootstrap',
        appliedAt: now,
      },
      0,
    );
    return true;
  } catch (e) {
    if (isReservoirError(e) && e.code === 'FAILED_PRECONDITION') return false;
    throw e;
  }
}

/** Wires the security service over its store, behind its own enforcement point; main.ts and the tests use it. */
export async function createSecurity(options: CreateSecurityOptions): Promise<RunningSecurity> {
  const service = options.service ?? 'security';
  const security = await openServiceSecurity({
    database: options.database,
    service,
    logger: options.logger,
    ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
    ...(options.policyPollMs === undefined ? {} : { policyPollMs: options.policyPollMs }),
  });
  let server: GrpcServer | undefined;
  const served: { metrics: MetricsServer | undefined } = { metrics: undefined };
  const stop = async () => {
    await served.metrics?.close();
    await server?.shutdown(2000);
    await security.close();
  };
  try {
    const boot = await security.identities.bootstrap();
    if (await storeDefaultPolicy(security.store, Date.now()))
      options.logger.info('stored the built-in access policy as version 1');
    await security.policy.refresh();
    // Partners register this site by its public key before anyone has logged in here.
    if ((await security.identities.tokens.publicKeys()).length === 0)
      await security.identities.tokens.rotate();
    const registry =
      options.metricsListen === undefined ? undefined : createServiceMetrics({ service: 'security' });
    server = new GrpcServer({
      logger: options.logger,
      guards: [security.enforce(securityAccess(security.store))],
      ...(registry ? { metrics: registry } : {}),
    }).addService(
      'reservoir.security.v1.SecurityService',
      SecurityServiceDefinition,
      securityHandlers({
        identities: security.identities,
        audit: security.audit,
        policy: security.policy,
        store: security.store,
        service,
        logger: options.logger,
      }),
    );
    const listen = options.listen ?? '127.0.0.1:0';
    const port = await server.listen(listen);
    const address = `${listen.slice(0, listen.lastIndexOf(':'))}:${port}`;
    if (registry && options.metricsListen !== undefined) {
      served.metrics = await startMetricsServer({
        registry,
        listen: options.metricsListen,
        guard: security.enforce(METRICS_ACCESS),
      });
      options.logger.info({ metrics: served.metrics.address }, 'metrics listening');
    }
    return {
      security,
      address,
      ...(served.metrics ? { metrics: served.metrics.address, registry } : {}),
      ...(boot.admin ? { bootstrap: boot.admin } : {}),
      stop,
    };
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
}
