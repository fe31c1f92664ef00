export type {
  AttributeSpec,
  AttributeType,
  DataSourceInfoJson,
  DataSourceKind,
  MeasurementJson,
  ProbeInfoJson,
  Sample,
} from './codec/model.js';
export { MAX_PERIOD_MS, MIN_PERIOD_MS } from './codec/model.js';
export { decodeDataSourceInfo, encodeDataSourceInfo } from './codec/info-codec.js';
export { decodeBatch, encodeBatch, type WireBatch, type WireMeasurement } from './codec/batch-codec.js';
export type { ControlAction } from './codec/control-codec.js';
export { DataSource, type DataSourceOptions } from './probe/data-source.js';
export type { ProbeSpec, Sampler } from './probe/probe-spec.js';
export { Directory, type DirectoryOptions, type DirectoryStats } from './directory/directory.js';
export {
  Consumer,
  type ConsumerOptions,
  type ConsumerStats,
  type MeasurementFilter,
} from './consumer/consumer.js';
export { reporters, type Reporter } from './consumer/reporters.js';
export { SlidingWindow } from './consumer/sliding-window.js';
export { controlProbe, type ControlProbeRequest, type ControlProbeResult } from './control/control-client.js';
export {
  createMonitoring,
  type CreateMonitoringOptions,
  type RunningMonitoring,
} from './create-monitoring.js';
export { monitoringClient, type MonitoringClient } from './client.js';
export { monitorConfigSchema, type MonitorConfig } from './config.js';
