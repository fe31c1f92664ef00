import type { Domain, DomainSpec, HostDescription, MigrationImage } from '../domain/driver.js';

/**
 * Other VEEH agents, reached by endpoint: the target side of a migration whose target host this
 * agent does not serve. The gRPC adapter implements it; tests may plug in an in-process one.
 */
export interface PeerAgents {
  describeHost(endpoint: string, hostId: string): Promise<HostDescription>;
  getDomain(endpoint: string, hostId: string, vmId: string): Promise<Domain>;
  prepareIncoming(endpoint: string, hostId: string, spec: DomainSpec, live: boolean): Promise<Domain>;
  receiveMigration(endpoint: string, hostId: string, image: MigrationImage): Promise<Domain>;
  abortIncoming(endpoint: string, hostId: string, vmId: string): Promise<boolean>;
  close(): void;
}
