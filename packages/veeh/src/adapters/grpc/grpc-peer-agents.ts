import { HostAgentDefinition } from '@reservoir/contracts';
import { createClient, type ClosableClient } from '@reservoir/runtime';
import type { PeerAgents } from '../../app/peer-agents.js';
import type { Domain, DomainSpec, HostDescription, MigrationImage } from '../../domain/driver.js';
import { domainFromPb, hostDescriptionFromPb, specToPb, stateToPb } from './mapping.js';

type VhiClient = ClosableClient<typeof HostAgentDefinition>;

/** Other agents over VHI/gRPC, one client per endpoint, kept for the life of the agent. */
export class GrpcPeerAgents implements PeerAgents {
  private readonly clients = new Map<string, VhiClient>();

  constructor(private readonly deadlineMs = 30_000) {}

  async describeHost(endpoint: string, hostId: string): Promise<HostDescription> {
    return hostDescriptionFromPb(await this.client(endpoint).describeHost({ hostId }));
  }

  async getDomain(endpoint: string, hostId: string, vmId: string): Promise<Domain> {
    return domainFromPb(await this.client(endpoint).getDomain({ hostId, vmId }));
  }

  async prepareIncoming(endpoint: string, hostId: string, spec: DomainSpec, live: boolean): Promise<Domain> {
    return domainFromPb(await this.client(endpoint).prepareIncoming({ hostId, spec: specToPb(spec), live }));
  }

  async receiveMigration(endpoint: string, hostId: string, image: MigrationImage): Promise<Domain> {
    return domainFromPb(
      await this.client(endpoint).receiveMigration({
        hostId,
        vmId: image.vmId,
        live: image.live,
        sourceState: stateToPb(image.sourceState),
        snapshots: image.snapshots,
        memoryImageMib: image.memoryImageMib,
      }),
    );
  }

  async abortIncoming(endpoint: string, hostId: string, vmId: string): Promise<boolean> {
    return (await this.client(endpoint).abortIncoming({ hostId, vmId })).existed;
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }

  private client(endpoint: string): VhiClient {
    let c = this.clients.get(endpoint);
    if (!c) {
      c = createClient(HostAgentDefinition, endpoint, { deadlineMs: this.deadlineMs });
      this.clients.set(endpoint, c);
    }
    return c;
  }
}
