import { instanceCostPerHour, type PriceList, type ServiceManifest } from '../manifest/index.js';

/** What the service costs per hour with these instance counts per component. */
export function costPerHour(
  m: ServiceManifest,
  counts: Readonly<Record<string, number>>,
  prices: PriceList,
): number {
  return m.components.reduce((sum, c) => sum + (counts[c.id] ?? 0) * instanceCostPerHour(c, prices), 0);
}
