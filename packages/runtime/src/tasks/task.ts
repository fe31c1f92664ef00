import { ReservoirError, type ErrorCode } from '../errors.js';

// A long-running operation, as vCloud models it: every slow mutating call returns one.

export type TaskState = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';

export interface Task {
  id: string;
  operation: string;
  targetKind: string;
  targetId: string;
  state: TaskState;
  /** 0..100 */
  progress: number;
  message: string;
  errorCode?: ErrorCode;
  errorMessage?: string;
  organization: string;
  owner: string;
  site: string;
  createdAtMs: number;
  startedAtMs?: number;
  endedAtMs?: number;
  /** While the task moves data: the transfer's latest figures. */
  transfer?: TransferProgress;
}

export interface TransferProgress {
  /** What is being moved now, e.g. disks, memory, switch-over, cold. */
  phase: string;
  totalBytes: number;
  transferredBytes: number;
  remainingBytes: number;
  /** Guest memory written per second while memory is copied. */
  dirtyBytesPerSecond: number;
}

export function isTerminal(state: TaskState): boolean {
  return state === 'succeeded' || state === 'failed' || state === 'canceled';
}

export interface NewTask {
  id: string;
  operation: string;
  targetKind: string;
  targetId: string;
  organization: string;
  owner: string;
  site: string;
}

export function newTask(t: NewTask, nowMs: number): Task {
  return { ...t, state: 'queued', progress: 0, message: 'queued', createdAtMs: nowMs };
}

function assertOpen(t: Task, verb: string): void {
  if (isTerminal(t.state)) {
    throw new ReservoirError('FAILED_PRECONDITION', `task ${t.id} is ${t.state}; it cannot ${verb}`);
  }
}

/** Moves a task forward; progress never goes backwards and a task that ended stays ended. */
export function advanceTask(
  t: Task,
  progress: number,
  message: string,
  nowMs: number,
  transfer?: TransferProgress,
): Task {
  assertOpen(t, 'progress');
  const p = Math.max(t.progress, Math.min(99, Math.round(progress)));
  return {
    ...settled(t),
    state: 'running',
    progress: p,
    message,
    startedAtMs: t.startedAtMs ?? nowMs,
    ...(transfer ? { transfer } : {}),
  };
}

/** An ended task keeps no transfer figures: they describe work in flight. */
function settled(t: Task): Omit<Task, 'transfer'> {
  const { transfer: _inFlight, ...rest } = t;
  return rest;
}

export function succeedTask(t: Task, message: string, nowMs: number): Task {
  assertOpen(t, 'succeed');
  return {
    ...settled(t),
    state: 'succeeded',
    progress: 100,
    message,
    startedAtMs: t.startedAtMs ?? nowMs,
    endedAtMs: nowMs,
  };
}

export function failTask(t: Task, code: ErrorCode, errorMessage: string, nowMs: number): Task {
  assertOpen(t, 'fail');
  return {
    ...settled(t),
    state: 'failed',
    message: 'failed',
    errorCode: code,
    errorMessage,
    startedAtMs: t.startedAtMs ?? nowMs,
    endedAtMs: nowMs,
  };
}

export function cancelTask(t: Task, reason: string, nowMs: number): Task {
  assertOpen(t, 'be canceled');
  return {
    ...settled(t),
    state: 'canceled',
    message: reason,
    errorCode: 'CANCELLED',
    errorMessage: reason,
    startedAtMs: t.startedAtMs ?? nowMs,
    endedAtMs: nowMs,
  };
}
