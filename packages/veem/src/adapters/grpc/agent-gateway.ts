import { HostAgentDefinition, reservoir } from '@reservoir/contracts';
import { createClient, isReservoirError, type ClosableClient } from '@reservoir/runtime';
import { VhiBatcher } from './vhi-batcher.js';
import type {
  AgentGateway,
  AgentPort,
  DomainInfo,
  DomainSpec,
  DomainStateName,
  HostDescription,
  HostReport,
} from '../../app/ports.js';
import type { CapabilityProfile } from '../../domain/host.js';
import type { Resources } from '../../domain/resources.js';

const DS = reservoir.veeh.v1.DomainState;
const STATE_NAMES: Record<number, DomainStateName> = {
  [DS.DOMAIN_STATE_DEFINED]: 'defined',
  [DS.DOMAIN_STATE_RUNNING]: 'running',
  [DS.DOMAIN_STATE_PAUSED]: 'paused',
  [DS.DOMAIN_STATE_SUSPENDED]: 'suspended',
  [DS.DOMAIN_STATE_SHUTOFF]: 'shutoff',
  [DS.DOMAIN_STATE_CRASHED]: 'crashed',
  [DS.DOMAIN_STATE_INCOMING]: 'incoming',
  [DS.DOMAIN_STATE_MIGRATING]: 'migrating',
};

type PbResources = reservoir.common.v1.Resources.$Properties | null | undefined;

export function resourcesFromPb(r: PbResources): Resources {
  return { vcpus: r?.vcpus ?? 0, memoryMib: r?.memoryMib ?? 0, diskMib: r?.diskMib ?? 0 };
}

export function profileFromPb(
  p: reservoir.common.v1.CapabilityProfile.$Properties | null | undefined,
): CapabilityProfile {
  return {
    hypervisor: p?.hypervisor ?? '',
    hypervisorVersion: p?.hypervisorVersion ?? '',
    maxVcpusPerVm: p?.maxVcpusPerVm ?? 0,
    maxMemoryMibPerVm: p?.maxMemoryMibPerVm ?? 0,
    diskFormats: [...(p?.diskFormats ?? [])],
    liveMigration: !!p?.liveMigration,
    cpuHotplug: !!p?.cpuHotplug,
    memoryHotplug: !!p?.memoryHotplug,
    snapshots: !!p?.snapshots,
    sharedStorageRequiredForLiveMigration: !!p?.sharedStorageRequiredForLiveMigration,
    driver: p?.driver ?? '',
  };
}

function domain(d: reservoir.veeh.v1.Domain): DomainInfo {
  return {
    vmId: d.vmId,
    state: STATE_NAMES[d.state] ?? 'defined',
    snapshots: [...d.snapshots],
    cpuUsedPercent: d.cpuUsedPercent,
    memoryUsedMib: d.memoryUsedMib,
    resources: resourcesFromPb(d.spec?.resources),
    ...(d.migration
      ? {
          migration: {
            phase: d.migration.phase ?? '',
            totalBytes: Number(d.migration.totalBytes),
            transferredBytes: Number(d.migration.transferredBytes),
            remainingBytes: Number(d.migration.remainingBytes),
            dirtyBytesPerSecond: Number(d.migration.dirtyBytesPerSecond),
          },
        }
      : {}),
  };
}

function description(h: reservoir.veeh.v1.HostDescription): HostDescription {
  return {
    agentHostId: h.hostId,
    hostname: h.hostname,
    capacity: resourcesFromPb(h.capacity),
    profile: profileFromPb(h.profile),
    labels: { ...h.labels },
  };
}

function specToPb(s: DomainSpec): reservoir.veeh.v1.DomainSpec.$Properties {
  return {
    vmId: s.vmId,
    name: s.name,
    resources: s.resources,
    disks: s.disks,
    nics: s.nics,
    context: s.context,
  };
}

/** VHI over gRPC: one client per agent endpoint, reused by every host it serves. */
class GrpcAgent implements AgentPort {
  private readonly batcher: VhiBatcher;

  constructor(
    private readonly c: ClosableClient<typeof HostAgentDefinition>,
    deadlineMs: number,
  ) {
    this.batcher = new VhiBatcher(c, deadlineMs);
  }

  private async batched(op: reservoir.veeh.v1.BatchOp.$Properties): Promise<DomainInfo> {
    return domain((await this.batcher.submit(op)).domain as reservoir.veeh.v1.Domain);
  }

  async listHosts(): Promise<HostDescription[]> {
    return (await this.c.listAgentHosts({})).hosts.map((h) =>
      description(h as reservoir.veeh.v1.HostDescription),
    );
  }
  async describeHost(hostId: string): Promise<HostDescription> {
    return description(await this.c.describeHost({ hostId }));
  }
  async monitor(): Promise<HostReport[]> {
    const r = await this.c.monitor({});
    return r.hosts.map((h) => ({
      agentHostId: h.hostId ?? '',
      reachable: !!h.reachable,
      error: h.error ?? '',
      cpuUsedPercent: h.cpuUsedPercent ?? 0,
      memoryUsedMib: h.memoryUsedMib ?? 0,
      domains: (h.domains ?? []).map((d) => domain(d as reservoir.veeh.v1.Domain)),
    }));
  }
  async createDomain(hostId: string, spec: DomainSpec): Promise<DomainInfo> {
    return this.batched({ create: { hostId, spec: specToPb(spec) } });
  }
  async getDomain(hostId: string, vmId: string): Promise<DomainInfo | undefined> {
    try {
      return await this.batched({ get: { hostId, vmId } });
    } catch (e) {
      if (isReservoirError(e) && e.code === 'NOT_FOUND' && /domain|vm/i.test(e.message)) return undefined;
      throw e;
    }
  }
  async startDomain(hostId: string, vmId: string): Promise<DomainInfo> {
    return this.batched({ start: { hostId, vmId } });
  }
  async shutdownDomain(hostId: string, vmId: string, hard: boolean): Promise<DomainInfo> {
    return this.batched({ shutdown: { hostId, vmId, hard } });
  }
  async destroyDomain(hostId: string, vmId: string): Promise<boolean> {
    return !!(await this.batcher.submit({ destroy: { hostId, vmId } })).existed;
  }
  async suspendDomain(hostId: string, vmId: string): Promise<DomainInfo> {
    return this.batched({ suspend: { hostId, vmId } });
  }
  async resumeDomain(hostId: string, vmId: string): Promise<DomainInfo> {
    return this.batched({ resume: { hostId, vmId } });
  }
  async rebootDomain(hostId: string, vmId: string): Promise<DomainInfo> {
    return this.batched({ reboot: { hostId, vmId } });
  }
  async snapshotDomain(hostId: string, vmId: string, name: string): Promise<DomainInfo> {
    return domain(await this.c.snapshotDomain({ hostId, vmId, name }));
  }
  async revertDomain(hostId: string, vmId: string, name: string): Promise<DomainInfo> {
    return domain(await this.c.revertDomain({ hostId, vmId, name }));
  }
  async resizeDomain(hostId: string, vmId: string, vcpus: number, memoryMib: number): Promise<DomainInfo> {
    return domain(await this.c.resizeDomain({ hostId, vmId, vcpus, memoryMib }));
  }
  async prepareIncoming(hostId: string, spec: DomainSpec, live: boolean): Promise<DomainInfo> {
    return domain(await this.c.prepareIncoming({ hostId, spec: specToPb(spec), live }));
  }
  async migrateDomain(
    hostId: string,
    vmId: string,
    target: { agentHostId: string; endpoint: string },
    live: boolean,
  ) {
    // Migrations move memory and disks: they get a longer deadline than other calls.
    const r = await this.c.migrateDomain(
      { hostId, vmId, targetHostId: target.agentHostId, targetEndpoint: target.endpoint, live },
      { deadlineMs: 600_000 },
    );
    return {
      domain: domain(r.domain as reservoir.veeh.v1.Domain),
      downtimeMs: r.downtimeMs,
      durationMs: r.durationMs,
    };
  }
  async abortIncoming(hostId: string, vmId: string): Promise<boolean> {
    return (await this.c.abortIncoming({ hostId, vmId })).existed;
  }
  async cancelMigration(hostId: string, vmId: string): Promise<DomainInfo> {
    // The agent answers once the source is back as it was, which may take a rollback's time.
    return domain(await this.c.cancelMigration({ hostId, vmId }, { deadlineMs: 120_000 }));
  }
}

export class GrpcAgentGateway implements AgentGateway {
  private readonly agents = new Map<string, GrpcAgent>();
  private readonly clients: ClosableClient<typeof HostAgentDefinition>[] = [];

  constructor(private readonly deadlineMs = 15_000) {}

  agent(endpoint: string): AgentPort {
    let a = this.agents.get(endpoint);
    if (!a) {
      const c = createClient(HostAgentDefinition, endpoint, { deadlineMs: this.deadlineMs });
      this.clients.push(c);
      a = new GrpcAgent(c, this.deadlineMs);
      this.agents.set(endpoint, a);
    }
    return a;
  }

  close(): void {
    for (const c of this.clients) c.close();
    this.agents.clear();
  }
}
