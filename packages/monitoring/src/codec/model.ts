// The plain-object model shared by data sources, consumers and the directory.

export type AttributeType = 'double' | 'int' | 'string' | 'bool';

/** One data-dictionary entry of a probe: measurements carry `field`, the info plane the rest. */
export interface AttributeSpec {
  field: number;
  name: string;
  type: AttributeType;
  units: string;
}

/** One reading, keyed by attribute name. */
export type Sample = Record<string, number | string | boolean>;

export interface ProbeInfoJson {
  id: string;
  name: string;
  dataSourceId: string;
  serviceId: string;
  attributes: AttributeSpec[];
  periodMs: number;
  on: boolean;
  qos: 0 | 1;
}

export type DataSourceKind = 'host' | 'vm' | 'platform' | 'service';

export interface DataSourceInfoJson {
  id: string;
  name: string;
  site: string;
  kind: DataSourceKind;
  probes: ProbeInfoJson[];
  updatedAtMs: number;
}

export interface MeasurementJson {
  probeId: string;
  dataSourceId: string;
  serviceId: string;
  seq: number;
  timeMs: number;
  /** By attribute name, resolved through the directory. */
  values: Record<string, number | string | boolean>;
  site: string;
}

export const DATA_SOURCE_KINDS: readonly DataSourceKind[] = ['host', 'vm', 'platform', 'service'];

/** Probe periods accepted on the API and the control plane. */
export const MIN_PERIOD_MS = 10;
export const MAX_PERIOD_MS = 86_400_000;
