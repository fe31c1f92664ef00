import { reservoir } from '@reservoir/contracts';
import { errors } from '@reservoir/runtime';
import type {
  CapabilityProfile,
  DiskSpec,
  Domain,
  DomainSpec,
  DomainState,
  HostDescription,
  HostStatus,
  MigrationProgress,
  NicSpec,
  Resources,
  TransferPhase,
} from '../../domain/driver.js';

// Translation between the VHI messages and the agent's plain types. 64-bit fields go through
// Number() so they stay numbers whichever way the protobuf runtime decodes them (number or Long).

type PbState = reservoir.veeh.v1.DomainState;
const PbState = reservoir.veeh.v1.DomainState;
type PbResources = reservoir.common.v1.Resources.$Properties;
type PbProfile = reservoir.common.v1.CapabilityProfile.$Properties;
type PbDisk = reservoir.veeh.v1.Disk.$Properties;
type PbNic = reservoir.veeh.v1.Nic.$Properties;
type PbSpec = reservoir.veeh.v1.DomainSpec.$Properties;
type PbDomain = reservoir.veeh.v1.Domain.$Properties;
type PbHostDescription = reservoir.veeh.v1.HostDescription.$Properties;
type PbHostStatus = reservoir.veeh.v1.HostStatus.$Properties;

const TO_PB_STATE: Readonly<Record<DomainState, PbState>> = {
  defined: PbState.DOMAIN_STATE_DEFINED,
  running: PbState.DOMAIN_STATE_RUNNING,
  paused: PbState.DOMAIN_STATE_PAUSED,
  suspended: PbState.DOMAIN_STATE_SUSPENDED,
  shutoff: PbState.DOMAIN_STATE_SHUTOFF,
  crashed: PbState.DOMAIN_STATE_CRASHED,
  incoming: PbState.DOMAIN_STATE_INCOMING,
  migrating: PbState.DOMAIN_STATE_MIGRATING,
};

const FROM_PB_STATE = new Map<number, DomainState>(
  Object.entries(TO_PB_STATE).map(([name, value]) => [value, name as DomainState]),
);

export function stateToPb(state: DomainState): PbState {
  return TO_PB_STATE[state];
}

export function stateFromPb(value: number | null | undefined, field: string): DomainState {
  const state = FROM_PB_STATE.get(value ?? 0);
  if (!state) throw errors.invalid(field, `not a domain state: ${value ?? 'unspecified'}`);
  return state;
}

export function resourcesFromPb(r: PbResources | null | undefined): Resources {
  return { vcpus: r?.vcpus ?? 0, memoryMib: r?.memoryMib ?? 0, diskMib: r?.diskMib ?? 0 };
}

export function resourcesToPb(r: Resources): PbResources {
  return { vcpus: r.vcpus, memoryMib: r.memoryMib, diskMib: r.diskMib };
}

export function diskFromPb(d: PbDisk | null | undefined): DiskSpec {
  return {
    id: d?.id ?? '',
    imageId: d?.imageId ?? '',
    format: d?.format ?? '',
    sizeMib: d?.sizeMib ?? 0,
    target: d?.target ?? '',
  };
}

export function nicFromPb(n: PbNic | null | undefined): NicSpec {
  return { id: n?.id ?? '', networkId: n?.networkId ?? '', ip: n?.ip ?? '', mac: n?.mac ?? '' };
}

export function specFromPb(s: PbSpec | null | undefined): DomainSpec {
  return {
    vmId: s?.vmId ?? '',
    name: s?.name ?? '',
    resources: resourcesFromPb(s?.resources),
    disks: (s?.disks ?? []).map(diskFromPb),
    nics: (s?.nics ?? []).map(nicFromPb),
    context: { ...s?.context },
  };
}

export function specToPb(s: DomainSpec): PbSpec {
  return {
    vmId: s.vmId,
    name: s.name,
    resources: resourcesToPb(s.resources),
    disks: s.disks.map((d) => ({ ...d })),
    nics: s.nics.map((n) => ({ ...n })),
    context: { ...s.context },
  };
}

export function domainToPb(d: Domain): PbDomain {
  return {
    hostId: d.hostId,
    vmId: d.vmId,
    state: stateToPb(d.state),
    spec: specToPb(d.spec),
    snapshots: d.snapshots,
    cpuUsedPercent: d.cpuUsedPercent,
    memoryUsedMib: d.memoryUsedMib,
    stateSinceMs: d.stateSinceMs,
    incomingNbd: d.incoming ? `${d.incoming.nbd.host}:${d.incoming.nbd.port}` : '',
    incomingMigrationUri: d.incoming?.migrationUri ?? '',
    ...(d.migration ? { migration: { ...d.migration } } : {}),
    diskCounters: d.counters?.disks.map((c) => ({ ...c })) ?? [],
    nicCounters: d.counters?.nics.map((c) => ({ ...c })) ?? [],
  };
}

export function domainFromPb(d: PbDomain): Domain {
  const nbd = d.incomingNbd ?? '';
  const colon = nbd.lastIndexOf(':');
  return {
    hostId: d.hostId ?? '',
    vmId: d.vmId ?? '',
    state: stateFromPb(d.state, 'state'),
    spec: specFromPb(d.spec),
    snapshots: [...(d.snapshots ?? [])],
    cpuUsedPercent: d.cpuUsedPercent ?? 0,
    memoryUsedMib: d.memoryUsedMib ?? 0,
    stateSinceMs: Number(d.stateSinceMs ?? 0),
    ...(d.migration ? { migration: migrationFromPb(d.migration) } : {}),
    ...(d.diskCounters?.length || d.nicCounters?.length
      ? {
          counters: {
            disks: (d.diskCounters ?? []).map((c) => ({
              diskId: c.diskId ?? '',
              readBytes: Number(c.readBytes ?? 0),
              writeBytes: Number(c.writeBytes ?? 0),
              readOps: Number(c.readOps ?? 0),
              writeOps: Number(c.writeOps ?? 0),
            })),
            nics: (d.nicCounters ?? []).map((c) => ({
              nicId: c.nicId ?? '',
              rxBytes: Number(c.rxBytes ?? 0),
              txBytes: Number(c.txBytes ?? 0),
              rxPackets: Number(c.rxPackets ?? 0),
              txPackets: Number(c.txPackets ?? 0),
            })),
          },
        }
      : {}),
    ...(colon > 0
      ? {
          incoming: {
            nbd: { host: nbd.slice(0, colon), port: Number(nbd.slice(colon + 1)) },
            migrationUri: d.incomingMigrationUri ?? '',
          },
        }
      : {}),
  };
}

export function profileToPb(p: CapabilityProfile): PbProfile {
  return { ...p, diskFormats: [...p.diskFormats] };
}

export function profileFromPb(p: PbProfile | null | undefined): CapabilityProfile {
  return {
    hypervisor: p?.hypervisor ?? '',
    hypervisorVersion: p?.hypervisorVersion ?? '',
    maxVcpusPerVm: p?.maxVcpusPerVm ?? 0,
    maxMemoryMibPerVm: p?.maxMemoryMibPerVm ?? 0,
    diskFormats: [...(p?.diskFormats ?? [])],
    liveMigration: p?.liveMigration ?? false,
    cpuHotplug: p?.cpuHotplug ?? false,
    memoryHotplug: p?.memoryHotplug ?? false,
    snapshots: p?.snapshots ?? false,
    sharedStorageRequiredForLiveMigration: p?.sharedStorageRequiredForLiveMigration ?? false,
    driver: p?.driver ?? '',
  };
}

export function hostDescriptionToPb(h: HostDescription): PbHostDescription {
  return {
    hostId: h.hostId,
    hostname: h.hostname,
    capacity: resourcesToPb(h.capacity),
    profile: profileToPb(h.profile),
    labels: { ...h.labels },
  };
}

export function hostDescriptionFromPb(h: PbHostDescription): HostDescription {
  return {
    hostId: h.hostId ?? '',
    hostname: h.hostname ?? '',
    capacity: resourcesFromPb(h.capacity),
    profile: profileFromPb(h.profile),
    labels: { ...h.labels },
  };
}

export function hostStatusToPb(s: HostStatus): PbHostStatus {
  return {
    hostId: s.hostId,
    allocated: resourcesToPb(s.allocated),
    cpuUsedPercent: s.cpuUsedPercent,
    memoryUsedMib: s.memoryUsedMib,
    domains: s.domains.map(domainToPb),
    reachable: s.reachable,
    error: s.error,
  };
}

const PHASES: readonly TransferPhase[] = ['disks', 'memory', 'switch-over', 'cold', 'modelled'];

export function migrationFromPb(m: reservoir.veeh.v1.MigrationProgress.$Properties): MigrationProgress {
  const phase = PHASES.find((p) => p === m.phase) ?? 'modelled';
  return {
    targetHostId: m.targetHostId ?? '',
    live: !!m.live,
    phase,
    totalBytes: Number(m.totalBytes ?? 0),
    transferredBytes: Number(m.transferredBytes ?? 0),
    remainingBytes: Number(m.remainingBytes ?? 0),
    dirtyBytesPerSecond: Number(m.dirtyBytesPerSecond ?? 0),
    startedAtMs: Number(m.startedAtMs ?? 0),
    updatedAtMs: Number(m.updatedAtMs ?? 0),
  };
}
