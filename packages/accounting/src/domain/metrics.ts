// The metrics that can be priced. A closed set (plus application KPIs under "kpi.") so that a
// misspelt metric is refused where it enters, not billed at zero (Kill Bill #2013).

import { errors } from '@reservoir/runtime';

/** Resource metrics and their display units. */
export const RESOURCE_METRICS: Readonly<Record<string, string>> = {
  'vm.hours': 'h',
  'vcpu.hours': 'vCPU·h',
  'memory.gib_hours': 'GiB·h',
  'disk.gib_hours': 'GiB·h',
  'network.gib': 'GiB',
};

const KPI_METRIC = /^kpi\.[A-Za-z][A-Za-z0-9_.-]*$/;

/** Quantities are exact decimals with up to 12 places (a second is 1/3600 h ≈ 0.000277777778). */
export const QUANTITY_DIGITS = 12;

export function isMetric(metric: string): boolean {
  return Object.hasOwn(RESOURCE_METRICS, metric) || KPI_METRIC.test(metric);
}

/** Throws INVALID_ARGUMENT naming the field and the metric unless it is one that can be priced. */
export function checkMetric(metric: unknown, field: string): string {
  if (typeof metric === 'string' && isMetric(metric)) return metric;
  throw errors.invalid(
    field,
    `unknown metric ${JSON.stringify(metric)} (expected ${Object.keys(RESOURCE_METRICS).join(', ')}, or kpi.<name>)`,
  );
}

/** "vcpu.hours" → "vCPU·h"; "kpi.transactions" → "transactions". */
export function defaultUnit(metric: string): string {
  return RESOURCE_METRICS[metric] ?? metric.replace(/^kpi\./, '');
}
