import { isReservoirError } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  canTransition,
  holdsHost,
  isVmState,
  ON_HOST,
  TRANSIENT,
  VM_STATES,
  type VmState,
} from './vm-state.js';

// The life cycle as specified, written out here independently of the implementation's table.
const LEGAL: Record<VmState, VmState[]> = {
  pending: ['hold', 'prolog', 'done'],
  hold: ['pending', 'done'],
  prolog: ['boot', 'failed', 'unknown'],
  boot: ['running', 'failed', 'unknown'],
  running: ['shutdown', 'saving', 'migrating', 'poweroff', 'failed', 'unknown'],
  migrating: ['running', 'poweroff', 'suspended', 'failed', 'unknown'],
  saving: ['suspended', 'epilog', 'running', 'failed', 'unknown'],
  suspended: ['boot', 'epilog', 'migrating', 'unknown', 'failed'],
  stopped: ['pending', 'done'],
  poweroff: ['boot', 'epilog', 'migrating', 'running', 'unknown', 'failed'],
  shutdown: ['poweroff', 'epilog', 'running', 'failed', 'unknown'],
  epilog: ['done', 'stopped', 'failed', 'unknown'],
  done: [],
  failed: ['pending', 'prolog', 'boot', 'running', 'poweroff', 'suspended', 'epilog', 'done'],
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

const legalPairs = VM_STATES.flatMap((from) => LEGAL[from].map((to) => [from, to] as const));
const illegalPairs = VM_STATES.flatMap((from) =>
  VM_STATES.filter((to) => !LEGAL[from].includes(to)).map((to) => [from, to] as const),
);

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('VM state machine', () => {
  it.each(legalPairs)('accepts %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition('vm-1', from, to)).not.toThrow();
  });

  it.each([
    ['done', 'pending'],
    ['done', 'running'],
    ['done', 'failed'],
    ['pending', 'running'],
    ['pending', 'boot'],
    ['hold', 'running'],
    ['hold', 'prolog'],
    ['stopped', 'running'],
    ['stopped', 'boot'],
    ['boot', 'pending'],
    ['running', 'done'],
    ['running', 'pending'],
    ['epilog', 'running'],
    ['prolog', 'running'],
  ] as const)('refuses %s → %s with FAILED_PRECONDITION naming both states', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    const e = thrown(() => assertTransition('vm-7', from, to));
    expect(isReservoirError(e)).toBe(true);
    if (!isReservoirError(e)) return;
    expect(e.code).toBe('FAILED_PRECONDITION');
    expect(e.message).toContain('vm-7');
    expect(e.message).toContain(`${from} → ${to}`);
  });

  it('refuses every transition the specification does not list', () => {
    // 15 states, 15 × 15 pairs: every one is either listed or refused.
    expect(legalPairs.length + illegalPairs.length).toBe(VM_STATES.length ** 2);
    for (const [from, to] of illegalPairs) {
      expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
      expect(() => assertTransition('vm', from, to)).toThrow(`${from} → ${to}`);
    }
  });

  it('has no way out of done and no self-loops', () => {
    for (const to of VM_STATES) expect(canTransition('done', to)).toBe(false);
    for (const s of VM_STATES) expect(canTransition(s, s)).toBe(false);
  });

  it('reaches done from every state', () => {
    for (const start of VM_STATES) {
      const seen = new Set<VmState>([start]);
      const queue: VmState[] = [start];
      while (queue.length > 0) {
        const s = queue.shift()!;
        for (const to of VM_STATES) {
          if (canTransition(s, to) && !seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
      }
      expect(seen.has('done'), `done reachable from ${start}`).toBe(true);
    }
  });
});

describe('isVmState', () => {
  it('recognises exactly the states', () => {
    for (const s of VM_STATES) expect(isVmState(s)).toBe(true);
    for (const s of ['', 'RUNNING', 'deleted', 'active', 'done ']) expect(isVmState(s)).toBe(false);
  });
});

describe('holdsHost', () => {
  it('is false only for states without a placement', () => {
    const free: VmState[] = ['pending', 'hold', 'stopped', 'done'];
    for (const s of VM_STATES) expect(holdsHost(s), s).toBe(!free.includes(s));
  });

  it('is true for every transient and every on-host state', () => {
    for (const s of TRANSIENT) expect(holdsHost(s), s).toBe(true);
    for (const s of ON_HOST) expect(holdsHost(s), s).toBe(true);
  });
});

describe('TRANSIENT and ON_HOST', () => {
  it('lists the states with an operation in flight', () => {
    expect([...TRANSIENT].sort()).toEqual(['boot', 'epilog', 'migrating', 'prolog', 'saving', 'shutdown']);
  });

  it('holds only real states, and no settled or terminal one is transient', () => {
    for (const s of TRANSIENT) expect(isVmState(s)).toBe(true);
    for (const s of [
      'pending',
      'hold',
      'running',
      'poweroff',
      'suspended',
      'stopped',
      'done',
      'failed',
      'unknown',
    ] as const) {
      expect(TRANSIENT.has(s), s).toBe(false);
    }
  });

  it('asks hosts only about settled placed VMs', () => {
    expect([...ON_HOST].sort()).toEqual(['poweroff', 'running', 'suspended', 'unknown']);
    for (const s of ON_HOST) expect(TRANSIENT.has(s)).toBe(false);
  });

  it('lets every transient state fail or lose contact, so no operation can wedge a VM', () => {
    for (const s of TRANSIENT) {
      expect(canTransition(s, 'failed'), s).toBe(true);
      expect(canTransition(s, 'unknown'), s).toBe(true);
    }
  });
});
