import type { Placement } from './placement.js';
import type { Resources } from './resources.js';
import { holdsHost, type VmState } from './vm-state.js';

export interface VmNic {
  networkId: string;
  ip: string;
  mac: string;
}

/** The operation a VM is going through; its steps resume from the persisted state after a crash. */
export type VmOperation =
  | { kind: 'deploy' }
  | { kind: 'start' }
  | { kind: 'stop'; hard: boolean }
  | { kind: 'suspend' }
  | { kind: 'resume' }
  | { kind: 'reboot' }
  | { kind: 'undeploy' }
  | { kind: 'delete' }
  | { kind: 'migrate'; target: string; live: boolean; resumeState: VmState }
  | {
      kind: 'resize';
      vcpus: number;
      memoryMib: number;
      /** Shut down, resize powered off, start again: the hypervisor cannot hot-plug the change. */
      reboot?: boolean;
      /** Set when the host refused the resize while powered off: the VM restarts at its old size. */
      error?: { code: string; message: string };
    }
  | { kind: 'snapshot'; name: string }
  | { kind: 'revert'; name: string };

export interface Vm {
  id: string;
  name: string;
  state: VmState;
  /** Host the VM is placed on ('' while unplaced). */
  host: string;
  site: string;
  organization: string;
  owner: string;
  resources: Resources;
  imageId: string;
  /** Disk format of the image, kept to filter hosts without reading the image again. */
  diskFormat: string;
  nics: VmNic[];
  labels: Record<string, string>;
  requirements: Record<string, string>;
  /** Promises every operation keeps or refuses (no-reboot-on-cpu-change=true...); absent: none. */
  operationalRequirements?: Record<string, string>;
  /** Burst allowance above the guarantee; absent: the VM does not burst. */
  burst?: Pick<Resources, 'vcpus' | 'memoryMib'>;
  /** With a burst allowance, the size placement reserved; `resources` is then the current size. */
  guarantee?: Resources;
  /** Placement constraints; absent when the VM has none. */
  placement?: Placement;
  /**
   * A host chosen for the next placement only: by an administrator (ONE's "deploy") or by the
   * admission of the VM's set.
   */
  deployHost: string;
  reason: string;
  createdAtMs: number;
  stateSinceMs: number;
  previousState: VmState | '';
  migrationTarget: string;
  snapshots: string[];
  op?: VmOperation;
  /** The state the VM was in when its current operation began (where a failed operation returns). */
  opFrom: VmState | '';
  taskId: string;
  requestId: string;
  /**
   * A held VM that keeps this host's capacity: a partner's reservation (federation), released
   * into the host when the partner starts it.
   */
  reservedHost?: string;
  /** Contextualization for the guest, handed to the host agent with the domain. */
  context?: Record<string, string>;
  /** Incremented on every persisted change. */
  version: number;
}

/** The hosts whose capacity a VM holds: its host while placed, and both ends of a migration. */
export function heldHosts(vm: Pick<Vm, 'state' | 'host' | 'migrationTarget' | 'reservedHost'>): string[] {
  if (vm.state === 'hold' && vm.reservedHost) return [vm.reservedHost];
  if (!holdsHost(vm.state) || !vm.host) return [];
  return vm.state === 'migrating' && vm.migrationTarget ? [vm.host, vm.migrationTarget] : [vm.host];
}
