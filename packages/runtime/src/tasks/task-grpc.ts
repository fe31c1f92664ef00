import { reservoir } from '@reservoir/contracts';
import type { Handlers } from '../grpc/types.js';
import type { TaskServiceDefinition } from '@reservoir/contracts';
import { isTerminal, type Task, type TaskState } from './task.js';
import type { TaskRegistry } from './task-registry.js';

const PbState = reservoir.common.v1.TaskState;

const STATE_TO_PB: Record<TaskState, number> = {
  queued: PbState.TASK_STATE_QUEUED,
  running: PbState.TASK_STATE_RUNNING,
  succeeded: PbState.TASK_STATE_SUCCEEDED,
  failed: PbState.TASK_STATE_FAILED,
  canceled: PbState.TASK_STATE_CANCELED,
};

const PB_TO_STATE = new Map<number, TaskState>(
  Object.entries(STATE_TO_PB).map(([k, v]) => [v, k as TaskState]),
);

export function taskToPb(t: Task): reservoir.common.v1.Task.$Properties {
  return {
    id: t.id,
    operation: t.operation,
    targetKind: t.targetKind,
    targetId: t.targetId,
    state: STATE_TO_PB[t.state],
    progress: t.progress,
    message: t.message,
    errorCode: t.errorCode ?? '',
    errorMessage: t.errorMessage ?? '',
    organization: t.organization,
    owner: t.owner,
    site: t.site,
    createdAtMs: t.createdAtMs,
    startedAtMs: t.startedAtMs ?? 0,
    endedAtMs: t.endedAtMs ?? 0,
    ...(t.transfer ? { transfer: { ...t.transfer } } : {}),
  };
}

/** The plain-JSON view of a task that CLIs print: state as its lower-case name. */
export function taskFromPb(t: reservoir.common.v1.Task.$Properties): Task {
  return {
    id: t.id ?? '',
    operation: t.operation ?? '',
    targetKind: t.targetKind ?? '',
    targetId: t.targetId ?? '',
    state: PB_TO_STATE.get(t.state ?? 0) ?? 'queued',
    progress: t.progress ?? 0,
    message: t.message ?? '',
    ...(t.errorCode ? { errorCode: t.errorCode as Task['errorCode'] } : {}),
    ...(t.errorMessage ? { errorMessage: t.errorMessage } : {}),
    organization: t.organization ?? '',
    owner: t.owner ?? '',
    site: t.site ?? '',
    createdAtMs: Number(t.createdAtMs ?? 0),
    ...(t.startedAtMs ? { startedAtMs: Number(t.startedAtMs) } : {}),
    ...(t.endedAtMs ? { endedAtMs: Number(t.endedAtMs) } : {}),
    ...(t.transfer
      ? {
          transfer: {
            phase: t.transfer.phase ?? '',
            totalBytes: Number(t.transfer.totalBytes ?? 0),
            transferredBytes: Number(t.transfer.transferredBytes ?? 0),
            remainingBytes: Number(t.transfer.remainingBytes ?? 0),
            dirtyBytesPerSecond: Number(t.transfer.dirtyBytesPerSecond ?? 0),
          },
        }
      : {}),
  };
}

export function taskHandlers(registry: TaskRegistry): Handlers<typeof TaskServiceDefinition> {
  return {
    getTask: async (req) => taskToPb(await registry.get(req.id)),
    watchTask: (req, send, ctx) =>
      // Watch before reading, so a change between the read and the subscription is not lost.
      new Promise<void>((resolve, reject) => {
        let done = false;
        const emit = (t: Task) => {
          if (done) return;
          send(taskToPb(t));
          if (isTerminal(t.state)) finish();
        };
        const stop = registry.watch(req.id, emit);
        const finish = () => {
          done = true;
          stop();
          resolve();
        };
        ctx.signal.addEventListener('abort', finish, { once: true });
        registry.get(req.id).then(emit, (e: unknown) => {
          done = true;
          stop();
          reject(e);
        });
      }),
    listTasks: async (req) => {
      const limit = req.pageSize || 100;
      const tasks = await registry.list({
        ...(req.targetId ? { targetId: req.targetId } : {}),
        activeOnly: req.activeOnly,
        limit: limit + 1,
        ...(req.pageToken ? { afterId: req.pageToken } : {}),
      });
      const page = tasks.slice(0, limit);
      return {
        tasks: page.map(taskToPb),
        nextPageToken: tasks.length > limit ? (page[page.length - 1]?.id ?? '') : '',
      };
    },
  };
}
