import { REFERENCE_PRICES, type PriceList } from '../manifest/index.js';

export interface SmSettings {
  site: string;
  /** The operator of this site, matched against business directives' allowed providers. */
  provider: string;
  /** ISO 3166-1 alpha-2 code of the site, matched against deployment constraints. */
  country: string;
  legalZone: string;
  /** Where instances push their KPIs (the monitoring service's host:port); put in their context. */
  kpiEndpoint: string;
  prices: PriceList;
  /** Private service networks are /24s counted up from this address (10.128.0.0 → 10.128.0.0/24, 10.128.1.0/24…). */
  subnetBase: string;
  /** How often VM states are read while waiting for instances. */
  pollMs: number;
  /** Most an instance may take to reach running. */
  instanceTimeoutMs: number;
  /** VM creations and deletions in flight per operation. */
  concurrency: number;
}

export function defaultSettings(site: string): SmSettings {
  return {
    site,
    provider: 'reservoir',
    country: 'ES',
    legalZone: 'EU',
    kpiEndpoint: '',
    prices: { ...REFERENCE_PRICES },
    subnetBase: '10.128.0.0',
    pollMs: 200,
    instanceTimeoutMs: 10 * 60_000,
    concurrency: 16,
  };
}

/** The /24 of a service's private networks: the index-th after the base. */
export function subnetFor(base: string, index: number): string {
  const parts = base.split('.').map(Number);
  const start = (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8)) >>> 0;
  const n = (start + index * 256) >>> 0;
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.0/24`;
}
