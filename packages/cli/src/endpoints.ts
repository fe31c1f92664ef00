import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ReservoirError } from '@reservoir/runtime';

export interface SiteEndpoints {
  veem: string;
  veeh: string[];
}

/** What `reservoir up` writes to <data-dir>/endpoints.json for clients to find it. */
export interface Endpoints {
  pid: number;
  mqtt: string;
  dataDir: string;
  sites: Record<string, SiteEndpoints>;
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

/** --endpoint, then RESERVOIR_ENDPOINT, then the data directory of a running `reservoir up`. */
export function resolveEndpoint(opts: { endpoint?: string; dataDir?: string; site?: string }): string {
  if (opts.endpoint) return opts.endpoint;
  const env = process.env.RESERVOIR_ENDPOINT;
  if (env) return env;
  const dataDir = opts.dataDir ?? process.env.RESERVOIR_DATA_DIR ?? DEFAULT_DATA_DIR;
  const eps = readEndpoints(dataDir);
  if (!eps) {
    throw new ReservoirError(
      'UNAVAILABLE',
      `no endpoint: pass --endpoint HOST:PORT, set RESERVOIR_ENDPOINT, or start the platform with "reservoir up" (looked for ${endpointsFile(dataDir)})`,
    );
  }
  const sites = Object.keys(eps.sites);
  const site = opts.site ?? sites[0];
  const s = site ? eps.sites[site] : undefined;
  if (!s)
    throw new ReservoirError(
      'NOT_FOUND',
      `site "${site}" is not in ${endpointsFile(dataDir)} (sites: ${sites.join(', ')})`,
    );
  return s.veem;
}
