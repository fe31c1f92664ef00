import { ReservoirError } from '@reservoir/runtime';

// The VM life cycle as an explicit state machine (OpenNebula's model flattened to one level).

export const VM_STATES = [
  'pending',
  'hold',
  'prolog',
  'boot',
  'running',
  'migrating',
  'saving',
  'suspended',
  'stopped',
  'poweroff',
  'shutdown',
  'epilog',
  'done',
  'failed',
  'unknown',
] as const;

export type VmState = (typeof VM_STATES)[number];

const T: Record<VmState, readonly VmState[]> = {
  pending: ['hold', 'prolog', 'done'],
  hold: ['pending', 'done'],
  prolog: ['boot', 'failed', 'unknown'],
  boot: ['running', 'failed', 'unknown'],
  // poweroff: the guest shut itself down or vanished from a live host.
  running: ['shutdown', 'saving', 'migrating', 'poweroff', 'failed', 'unknown'],
  migrating: ['running', 'poweroff', 'suspended', 'failed', 'unknown'],
  saving: ['suspended', 'epilog', 'running', 'failed', 'unknown'],
  suspended: ['boot', 'epilog', 'migrating', 'unknown', 'failed'],
  stopped: ['pending', 'done'],
  poweroff: ['boot', 'epilog', 'migrating', 'running', 'unknown', 'failed'],
  // running again: the guest ignored the shutdown request.
  shutdown: ['poweroff', 'epilog', 'running', 'failed', 'unknown'],
  epilog: ['done', 'stopped', 'failed', 'unknown'],
  done: [],
  // failed is left only through recover.
  failed: ['pending', 'prolog', 'boot', 'running', 'poweroff', 'suspended', 'epilog', 'done'],
  // unknown ends when the host answers again, with what it says the VM is.
  unknown: [
    'running',
    'poweroff',
    'suspended',
    'failed',
    'epilog',
    'migrating',
    'boot',
    'prolog',
    'shutdown',
    'saving',
  ],
};

export function canTransition(from: VmState, to: VmState): boolean {
  return T[from].includes(to);
}

export function assertTransition(vmId: string, from: VmState, to: VmState): void {
  if (!canTransition(from, to)) {
    throw new ReservoirError('FAILED_PRECONDITION', `VM ${vmId}: illegal transition ${from} → ${to}`);
  }
}

export function isVmState(s: string): s is VmState {
  return (VM_STATES as readonly string[]).includes(s);
}

/** States in which an operation is in flight; a new request must wait for it. */
export const TRANSIENT: ReadonlySet<VmState> = new Set([
  'prolog',
  'boot',
  'migrating',
  'saving',
  'shutdown',
  'epilog',
]);

/**
 * States in which a placed VM holds its reservation on its host. A failed VM keeps it while it
 * still names a host: its domain may still be there until recover cleans it up.
 */
export function holdsHost(state: VmState): boolean {
  return state !== 'pending' && state !== 'hold' && state !== 'stopped' && state !== 'done';
}

/** States the VEEM asks the host about during monitoring. */
export const ON_HOST: ReadonlySet<VmState> = new Set(['running', 'poweroff', 'suspended', 'unknown']);
