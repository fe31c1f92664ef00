import { isReservoirError } from '@reservoir/runtime';
import type {
  CapabilityProfile,
  Domain,
  DomainSpec,
  HypervisorDriver,
  MigrationImage,
} from '../domain/driver.js';
import type { PeerAgents } from './peer-agents.js';

/** The receiving end of a migration, whether its host is served here or by another agent. */
export interface MigrationTarget {
  readonly hostId: string;
  /** For messages: "in-process" or the peer's endpoint. */
  readonly where: string;
  profile(): Promise<CapabilityProfile>;
  /** The domain on the target, or undefined when it has none. */
  find(vmId: string): Promise<Domain | undefined>;
  prepare(spec: DomainSpec, live: boolean): Promise<Domain>;
  receive(image: MigrationImage): Promise<Domain>;
  abort(vmId: string): Promise<boolean>;
}

async function orUndefined(p: Promise<Domain>): Promise<Domain | undefined> {
  try {
    return await p;
  } catch (e) {
    if (isReservoirError(e) && e.code === 'NOT_FOUND') return undefined;
    throw e;
  }
}

export function localTarget(driver: HypervisorDriver): MigrationTarget {
  return {
    hostId: driver.hostId,
    where: 'in-process',
    profile: async () => driver.describe().profile,
    find: (vmId) => orUndefined(driver.get(vmId)),
    prepare: (spec, live) => driver.prepareIncoming(spec, live),
    receive: (image) => driver.completeIncoming(image),
    abort: (vmId) => driver.abortIncoming(vmId),
  };
}

export function remoteTarget(peers: PeerAgents, endpoint: string, hostId: string): MigrationTarget {
  return {
    hostId,
    where: endpoint,
    profile: async () => (await peers.describeHost(endpoint, hostId)).profile,
    find: (vmId) => orUndefined(peers.getDomain(endpoint, hostId, vmId)),
    prepare: (spec, live) => peers.prepareIncoming(endpoint, hostId, spec, live),
    receive: (image) => peers.receiveMigration(endpoint, hostId, image),
    abort: (vmId) => peers.abortIncoming(endpoint, hostId, vmId),
  };
}
