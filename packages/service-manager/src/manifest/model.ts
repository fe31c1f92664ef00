// The service manifest: what the Service Manager runs. It is read from OVF with Reservoir
// extensions (or from its YAML authoring form) and written back to either without loss.

export const RESERVOIR_OVF_NS = 'urn:reservoir:ovf:extensions:1';

export interface ManifestFile {
  id: string;
  href: string;
  sizeBytes: number | null;
}

export interface ManifestNetwork {
  name: string;
  description: string;
  /** Reachable from outside the service (Claudia's rsrvr:public). */
  public: boolean;
}

export interface ComponentDisk {
  diskId: string;
  capacityBytes: number;
  format: string;
  /** References[].id of the image file; null for a blank disk. */
  fileRef: string | null;
}

export interface ComponentProperty {
  key: string;
  type: string;
  value: string;
  label: string;
  description: string;
  userConfigurable: boolean;
}

export interface InstanceBounds {
  min: number;
  max: number;
  initial: number;
}

export type ScaleInPolicy = 'youngest' | 'oldest';

/** One tier of the service: a VirtualSystem of the collection. */
export interface Component {
  id: string;
  name: string;
  osType: string;
  cpus: number;
  memoryMiB: number;
  disks: ComponentDisk[];
  /** One NIC per entry, connected to the named network. */
  networks: string[];
  properties: ComponentProperty[];
  instances: InstanceBounds;
  /** StartupSection order: lower starts first; equal orders start together. */
  startupOrder: number;
  /** Components that must be running before this one starts (their addresses reach its context). */
  dependsOn: string[];
  scaleInPolicy: ScaleInPolicy;
  /** After a scaling action of this component, no other scaling of it for this long. */
  cooldownSeconds: number;
}

export interface Kpi {
  name: string;
  units: string;
  description: string;
}

/** Claudia's ElasticArray rule: per-instance load target with a ± tolerance dead band, ±1 instance. */
export interface ThresholdRule {
  kind: 'threshold';
  id: string;
  component: string;
  kpi: string;
  windowSeconds: number;
  frequencySeconds: number;
  /** Target value of the KPI's window mean per instance. */
  quota: number;
  tolerancePercent: number;
}

export type AdjustmentType = 'change' | 'cardinality' | 'percentage';

/** OneFlow-style rule: a boolean expression over KPIs, true for periodCount periods in a row. */
export interface ExpressionRule {
  kind: 'expression';
  id: string;
  component: string;
  expression: string;
  periodSeconds: number;
  periodCount: number;
  adjustment: AdjustmentType;
  /** change: ±instances; cardinality: the count; percentage: ±% of the current count. */
  value: number;
  /** percentage only: the least change in instances (default 1). */
  minStep: number;
  cooldownSeconds: number;
}

export type ElasticityRule = ThresholdRule | ExpressionRule;

export interface DeploymentConstraints {
  allowedSites: string[];
  /** ISO 3166-1 alpha-2 codes. */
  allowedCountries: string[];
  legalZones: string[];
}

export interface AffinityRule {
  type: 'affinity' | 'anti-affinity';
  components: string[];
  scope: 'host' | 'site';
  hard: boolean;
}

/**
 * A KPI every service has without declaring it: 100 while each component has a running instance,
 * 0 otherwise, sampled by the SM. Its mean over a window is the availability in percent.
 */
export const AVAILABILITY_KPI = 'service.availability';

export interface SlaObjective {
  name: string;
  kpi: string;
  operator: '<' | '<=' | '>' | '>=';
  threshold: number;
  windowSeconds: number;
}

export interface BusinessDirectives {
  /** Most the service may cost per hour at any size; null for no limit. */
  budgetPerHour: number | null;
  currency: string;
  /** Providers (site operators) the service may run at; empty allows all. */
  allowedProviders: string[];
}

export interface ServiceManifest {
  /** ovf:id of the top VirtualSystemCollection (or VirtualSystem). */
  id: string;
  name: string;
  description: string;
  files: ManifestFile[];
  networks: ManifestNetwork[];
  components: Component[];
  kpis: Kpi[];
  rules: ElasticityRule[];
  deployment: DeploymentConstraints;
  affinity: AffinityRule[];
  sla: SlaObjective[];
  business: BusinessDirectives;
}
