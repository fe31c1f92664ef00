/** Where a service's KPI samples come from (the monitoring data plane). */
export interface KpiSource {
  /** Calls onSample for every KPI value of the service; returns the unsubscribe. */
  subscribe(serviceId: string, onSample: (kpi: string, value: number, timeMs: number) => void): () => void;
}
