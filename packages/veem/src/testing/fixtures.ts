// Records for unit tests: complete and valid, so a test states only what it is about.
import type { Host } from '../domain/host.js';
import type { Vm } from '../domain/vm.js';

export function testVm(id: string, o: Partial<Vm> = {}): Vm {
  return {
    id,
    name: `name-${id}`,
    state: 'pending',
    host: '',
    site: 'site-a',
    organization: 'acme',
    owner: 'alice',
    resources: { vcpus: 2, memoryMib: 2048, diskMib: 10_000 },
    imageId: '',
    diskFormat: '',
    nics: [],
    labels: {},
    requirements: {},
    reason: '',
    createdAtMs: 1,
    stateSinceMs: 1,
    previousState: '',
    migrationTarget: '',
    deployHost: '',
    snapshots: [],
    opFrom: '',
    taskId: '',
    requestId: '',
    version: 1,
    ...o,
  };
}

export function testHost(
  id: string,
  o: Partial<Omit<Host, 'profile'>> & { profile?: Partial<Host['profile']> } = {},
): Host {
  const { profile, ...rest } = o;
  return {
    id,
    name: `node-${id}`,
    site: 'site-a',
    agentEndpoint: 'localhost:7000',
    agentHostId: id,
    admin: 'enabled',
    health: 'monitored',
    capacity: { vcpus: 16, memoryMib: 65_536, diskMib: 1_000_000 },
    overcommit: { cpu: 1, memory: 1, disk: 1 },
    profile: {
      hypervisor: 'kvm',
      hypervisorVersion: '8.0',
      maxVcpusPerVm: 0,
      maxMemoryMibPerVm: 0,
      diskFormats: ['qcow2', 'raw'],
      liveMigration: true,
      cpuHotplug: true,
      memoryHotplug: true,
      snapshots: true,
      driver: 'sim',
      ...profile,
    },
    labels: {},
    cpuUsedPercent: 0,
    memoryUsedMib: 0,
    lastSeenMs: 0,
    error: '',
    createdAtMs: 0,
    ...rest,
  };
}
