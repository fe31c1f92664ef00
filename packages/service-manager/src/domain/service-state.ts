import { ReservoirError } from '@reservoir/runtime';

// The service life cycle (SPEC SM-4), after OneFlow's states with failed states per phase.

export const SERVICE_STATES = [
  'submitted',
  'admitted',
  'rejected',
  'deploying',
  'running',
  'scaling',
  'reconfiguring',
  'undeploying',
  'suspending',
  'suspended',
  'resuming',
  'finished',
  'deploy-failed',
  'scale-failed',
  'undeploy-failed',
] as const;

export type ServiceState = (typeof SERVICE_STATES)[number];

const NEXT: Readonly<Record<ServiceState, readonly ServiceState[]>> = {
  submitted: ['admitted', 'rejected'],
  admitted: ['deploying', 'undeploying'],
  rejected: [],
  deploying: ['running', 'deploy-failed'],
  running: ['scaling', 'reconfiguring', 'undeploying', 'suspending'],
  // Suspended for the account (prepaid credit at zero): VMs saved, nothing scales, until resumed.
  suspending: ['suspended', 'running'],
  suspended: ['resuming', 'undeploying'],
  resuming: ['running', 'suspended'],
  scaling: ['running', 'scale-failed'],
  reconfiguring: ['running'],
  undeploying: ['finished', 'undeploy-failed'],
  finished: [],
  // recover: retry the phase, or delete what the service holds.
  'deploy-failed': ['deploying', 'undeploying'],
  'scale-failed': ['scaling', 'running', 'undeploying'],
  'undeploy-failed': ['undeploying'],
};

export function canMove(from: ServiceState, to: ServiceState): boolean {
  return NEXT[from].includes(to);
}

export function checkMove(serviceId: string, from: ServiceState, to: ServiceState): void {
  if (!canMove(from, to)) {
    throw new ReservoirError(
      'FAILED_PRECONDITION',
      `service ${serviceId} is ${from}; it cannot become ${to}`,
    );
  }
}

export function isFailed(s: ServiceState): boolean {
  return s.endsWith('-failed');
}

/** States that end the service's life: nothing runs and no verb applies but reading. */
export function isEnded(s: ServiceState): boolean {
  return s === 'finished' || s === 'rejected';
}
