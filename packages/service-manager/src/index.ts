export {
  createServiceManager,
  serviceManagerSchema,
  type CreateServiceManagerOptions,
  type RunningServiceManager,
} from './create-service-manager.js';
export { smiClient, type SmiClient } from './client.js';
export { ovfSignaturePolicy } from './adapters/security/ovf-signatures.js';
export type { SignaturePolicy } from './app/ports.js';
export { smConfigSchema, type SmConfig } from './config.js';
export { ServiceManager, type DeployRequest, type ServiceWithTask } from './app/service-manager.js';
export type { AdmittedPackage, Service, Instance, ServiceEvent } from './domain/service.js';
export { SERVICE_STATES, type ServiceState } from './domain/service-state.js';
export * from './manifest/index.js';
