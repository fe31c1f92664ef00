import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ReservoirError } from '@reservoir/runtime';

export interface SiteEndpoints {
  veem: string;
  veeh: string[];
  /** The site's Policy Engine (absent in files written before it ran under `reservoir up`). */
  pe?: string;
  /** The site's Service Manager (absent in files written before it ran under `reservoir up`). */
  sm?: string;
  /** Each service's Prometheus metrics, host:port serving GET /metrics (absent in older files). */
  metrics?: SiteMetricsEndpoints;
}

export interface SiteMetricsEndpoints {
  veem: string;
  veeh: string[];
  pe: string;
  sm?: string;
}

/** What `reservoir up` writes to <data-dir>/endpoints.json for clients to find it. */
export interface Endpoints {
  pid: number;
  mqtt: string;
  dataDir: string;
  sites: Record<string, SiteEndpoints>;
  /** The monitoring service (directory, probe control, KPI ingress) of the whole platform. */
  monitor?: string;
  /** Its Prometheus metrics, with the bridged measurements. */
  monitorMetrics?: string;
  /** The accounting and billing service of the platform. */
  accounting?: string;
  /** The security service: logins, identities, the access policy and the audit log. */
  security?: string;
  startedAt: string;
}

export const DEFAULT_DATA_DIR = './.reservoir';

export function endpointsFile(dataDir: string): string {
  return join(resolve(dataDir), 'endpoints.json');
}

export function readEndpoints(dataDir: string): Endpoints | undefined {
  const file = endpointsFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Endpoints;
  } catch (e) {
    throw new ReservoirError('INVALID_ARGUMENT', `${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** The endpoints of one site of a running `reservoir up` (the first site by default). */
function siteEndpoints(
  opts: { dataDir?: string; site?: string },
  flag: string,
  env: string,
): { site: string; file: string; eps: SiteEndpoints } {
  const dataDir = opts.dataDir ?? process.env.RESERVOIR_DATA_DIR ?? DEFAULT_DATA_DIR;
  const file = endpointsFile(dataDir);
  const eps = readEndpoints(dataDir);
  if (!eps) {
    throw new ReservoirError(
      'UNAVAILABLE',
      `no endpoint: pass ${flag} HOST:PORT, set ${env}, or start the platform with "reservoir up" (looked for ${file})`,
    );
  }
  const sites = Object.keys(eps.sites);
  const site = opts.site ?? sites[0];
  const s = site ? eps.sites[site] : undefined;
  if (!s || !site)
    throw new ReservoirError('NOT_FOUND', `site "${site}" is not in ${file} (sites: ${sites.join(', ')})`);
  return { site, file, eps: s };
}

/** --endpoint, then RESERVOIR_ENDPOINT, then the data directory of a running `reservoir up`. */
export function resolveEndpoint(opts: { endpoint?: string; dataDir?: string; site?: string }): string {
  if (opts.endpoint) return opts.endpoint;
  const env = process.env.RESERVOIR_ENDPOINT;
  if (env) return env;
  return siteEndpoints(opts, '--endpoint', 'RESERVOIR_ENDPOINT').eps.veem;
}

/** The site's Policy Engine: --pe-endpoint, then RESERVOIR_PE_ENDPOINT, then `reservoir up`'s endpoints.json. */
export function resolvePeEndpoint(opts: { peEndpoint?: string; dataDir?: string; site?: string }): string {
  if (opts.peEndpoint) return opts.peEndpoint;
  const env = process.env.RESERVOIR_PE_ENDPOINT;
  if (env) return env;
  const { site, file, eps } = siteEndpoints(opts, '--pe-endpoint', 'RESERVOIR_PE_ENDPOINT');
  if (!eps.pe)
    throw new ReservoirError(
      'UNAVAILABLE',
      `site "${site}" has no policy engine in ${file}; restart "reservoir up", or pass --pe-endpoint HOST:PORT`,
    );
  return eps.pe;
}

/** The site's Service Manager: --sm-endpoint, then RESERVOIR_SM_ENDPOINT, then `reservoir up`'s endpoints.json. */
export function resolveSmEndpoint(opts: { smEndpoint?: string; dataDir?: string; site?: string }): string {
  if (opts.smEndpoint) return opts.smEndpoint;
  const env = process.env.RESERVOIR_SM_ENDPOINT;
  if (env) return env;
  const { site, file, eps } = siteEndpoints(opts, '--sm-endpoint', 'RESERVOIR_SM_ENDPOINT');
  if (!eps.sm)
    throw new ReservoirError(
      'UNAVAILABLE',
      `site "${site}" has no service manager in ${file}; restart "reservoir up", or pass --sm-endpoint HOST:PORT`,
    );
  return eps.sm;
}

/**
 * A platform-wide service (one for all sites): the flag, then the environment variable, then the
 * key of `reservoir up`'s endpoints.json.
 */
export function resolvePlatformEndpoint(
  given: string | undefined,
  opts: { dataDir?: string },
  key: 'monitor' | 'accounting' | 'security',
  flag: string,
  env: string,
  what: string,
): string {
  if (given) return given;
  const fromEnv = process.env[env];
  if (fromEnv) return fromEnv;
  const dataDir = opts.dataDir ?? process.env.RESERVOIR_DATA_DIR ?? DEFAULT_DATA_DIR;
  const file = endpointsFile(dataDir);
  const eps = readEndpoints(dataDir) as Record<string, unknown> | undefined;
  if (!eps) {
    throw new ReservoirError(
      'UNAVAILABLE',
      `no endpoint: pass ${flag} HOST:PORT, set ${env}, or start the platform with "reservoir up" (looked for ${file})`,
    );
  }
  const value = eps[key];
  if (typeof value !== 'string' || !value) {
    throw new ReservoirError(
      'UNAVAILABLE',
      `${file} names no ${what}; restart "reservoir up", or pass ${flag} HOST:PORT`,
    );
  }
  return value;
}

/** The security service: --security-endpoint, then RESERVOIR_SECURITY_ENDPOINT, then `reservoir up`'s endpoints.json. */
export function resolveSecurityEndpoint(opts: { securityEndpoint?: string; dataDir?: string }): string {
  return resolvePlatformEndpoint(
    opts.securityEndpoint,
    opts,
    'security',
    '--security-endpoint',
    'RESERVOIR_SECURITY_ENDPOINT',
    'security service',
  );
}
