import { errors } from '@reservoir/runtime';
import type { DomainState } from './driver.js';

/** Everything that moves a domain between states, or that only some states allow. */
export type LifecycleOp =
  | 'start'
  | 'shutdown'
  | 'hardShutdown'
  | 'suspend'
  | 'resume'
  | 'reboot'
  | 'snapshot'
  | 'revert'
  | 'deleteSnapshot'
  | 'resize'
  | 'devices'
  | 'destroy'
  | 'migrateLive'
  | 'migrateCold'
  | 'crash'
  | 'pause';

interface Rule {
  verb: string;
  /** States the operation acts from. */
  from: readonly DomainState[];
  /** Where it leads; absent when the state stays as it is. */
  to?: DomainState;
  /** States where the operation is already done: a repeat answers the domain unchanged. */
  done?: readonly DomainState[];
  /** Extra advice for a refused state. */
  hint?: Partial<Record<DomainState, string>>;
}

const SETTLED: readonly DomainState[] = ['defined', 'running', 'paused', 'suspended', 'shutoff', 'crashed'];

const RULES: Readonly<Record<LifecycleOp, Rule>> = {
  start: {
    verb: 'start',
    from: ['defined', 'shutoff', 'crashed'],
    to: 'running',
    done: ['running'],
    hint: { paused: 'resume it', suspended: 'resume it' },
  },
  // An ACPI request needs a guest that executes; a hard power-off does not.
  shutdown: {
    verb: 'shut down',
    from: ['running'],
    to: 'shutoff',
    done: ['shutoff', 'defined'],
    hint: { paused: 'use a hard shutdown', suspended: 'use a hard shutdown', crashed: 'use a hard shutdown' },
  },
  hardShutdown: {
    verb: 'power off',
    from: ['running', 'paused', 'suspended', 'crashed'],
    to: 'shutoff',
    done: ['shutoff', 'defined'],
  },
  suspend: { verb: 'suspend', from: ['running', 'paused'], to: 'suspended', done: ['suspended'] },
  resume: {
    verb: 'resume',
    from: ['suspended', 'paused'],
    to: 'running',
    done: ['running'],
    hint: { shutoff: 'start it', defined: 'start it' },
  },
  reboot: { verb: 'reboot', from: ['running'] },
  snapshot: { verb: 'snapshot', from: ['defined', 'running', 'paused', 'suspended', 'shutoff'] },
  revert: { verb: 'revert', from: SETTLED },
  deleteSnapshot: { verb: 'delete a snapshot of', from: SETTLED },
  resize: {
    verb: 'resize',
    from: ['running', 'defined', 'shutoff'],
    hint: { paused: 'resume it or power it off', suspended: 'resume it or power it off' },
  },
  devices: { verb: 'change the devices of', from: ['defined', 'running', 'paused', 'shutoff'] },
  destroy: {
    verb: 'destroy',
    from: [...SETTLED, 'incoming'],
    hint: { migrating: 'wait for the migration to end' },
  },
  migrateLive: {
    verb: 'live-migrate',
    from: ['running'],
    to: 'migrating',
    hint: {
      shutoff: 'use a cold migration',
      defined: 'use a cold migration',
      suspended: 'use a cold migration',
      paused: 'use a cold migration',
    },
  },
  migrateCold: {
    verb: 'migrate',
    from: ['defined', 'running', 'paused', 'suspended', 'shutoff'],
    to: 'migrating',
    hint: { crashed: 'power it off first' },
  },
  crash: { verb: 'crash', from: ['running', 'paused', 'migrating'], to: 'crashed', done: ['crashed'] },
  pause: { verb: 'pause', from: ['running'], to: 'paused', done: ['paused'] },
};

/**
 * The state a domain in `state` reaches through `op`; null when it is already there, so a retried
 * call answers unchanged. Refuses with FAILED_PRECONDITION naming the current state.
 */
export function transition(op: LifecycleOp, state: DomainState, subject: string): DomainState | null {
  const rule = RULES[op];
  if (rule.done?.includes(state)) return null;
  if (!rule.from.includes(state)) {
    const hint = rule.hint?.[state];
    throw errors.precondition(
      `cannot ${rule.verb} ${subject}: it is ${state} (allowed from ${rule.from.join(', ')})${hint ? `; ${hint}` : ''}`,
    );
  }
  return rule.to ?? state;
}

/** Refuses unless `op` may act on a domain in `state`. */
export function assertAllowed(op: LifecycleOp, state: DomainState, subject: string): void {
  transition(op, state, subject);
}
