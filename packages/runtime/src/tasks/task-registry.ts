import { errors, toReservoirError } from '../errors.js';
import {
  advanceTask,
  cancelTask,
  failTask,
  isTerminal,
  newTask,
  succeedTask,
  type NewTask,
  type Task,
  type TransferProgress,
} from './task.js';

/** Where tasks are kept; the registry writes through it on every change. */
export interface TaskStore {
  putTask(task: Task): Promise<void>;
  getTask(id: string): Promise<Task | undefined>;
  /** Tasks not yet ended, for recovery at start. */
  listActiveTasks(): Promise<Task[]>;
  listTasks(filter: {
    targetId?: string;
    activeOnly?: boolean;
    limit?: number;
    afterId?: string;
  }): Promise<Task[]>;
}

export type TaskListener = (task: Task) => void;

/**
 * Keeps tasks, persists every change, and lets callers watch or await one. Active tasks stay
 * in memory; ended ones are read back from the store.
 */
export class TaskRegistry {
  private readonly active = new Map<string, Task>();
  private readonly watchers = new Map<string, Set<TaskListener>>();
  private readonly globalListeners = new Set<TaskListener>();

  constructor(
    private readonly store: TaskStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Loads the tasks that were running when the process stopped. */
  async recover(): Promise<Task[]> {
    const tasks = await this.store.listActiveTasks();
    for (const t of tasks) this.active.set(t.id, t);
    return tasks;
  }

  async create(spec: NewTask): Promise<Task> {
    const t = newTask(spec, this.now());
    await this.save(t);
    return t;
  }

  async get(id: string): Promise<Task> {
    const t = this.active.get(id) ?? (await this.store.getTask(id));
    if (!t) throw errors.notFound('task', id);
    return t;
  }

  peek(id: string): Task | undefined {
    return this.active.get(id);
  }

  async list(filter: Parameters<TaskStore['listTasks']>[0]): Promise<Task[]> {
    return this.store.listTasks(filter);
  }

  async progress(id: string, progress: number, message: string, transfer?: TransferProgress): Promise<Task> {
    return this.change(id, (t) => advanceTask(t, progress, message, this.now(), transfer));
  }

  async succeed(id: string, message: string): Promise<Task> {
    return this.change(id, (t) => succeedTask(t, message, this.now()));
  }

  async fail(id: string, error: unknown): Promise<Task> {
    const e = toReservoirError(error);
    // Work someone stopped on purpose ends canceled, not failed.
    if (e.code === 'CANCELLED') return this.change(id, (t) => cancelTask(t, e.message, this.now()));
    return this.change(id, (t) => failTask(t, e.code, e.message, this.now()));
  }

  /** Calls listener with the task now and on every change until it ends; returns an unsubscribe. */
  watch(id: string, listener: TaskListener): () => void {
    let set = this.watchers.get(id);
    if (!set) {
      set = new Set();
      this.watchers.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.watchers.delete(id);
    };
  }

  /** Every task change, for publishing task events. */
  onChange(listener: TaskListener): () => void {
    this.globalListeners.add(listener);
    return () => this.globalListeners.delete(listener);
  }

  /** Resolves with the task once it has ended. */
  async waitFor(id: string, signal?: AbortSignal): Promise<Task> {
    const t = await this.get(id);
    if (isTerminal(t.state)) return t;
    return new Promise<Task>((resolve, reject) => {
      const stop = this.watch(id, (u) => {
        if (isTerminal(u.state)) {
          stop();
          resolve(u);
        }
      });
      signal?.addEventListener('abort', () => {
        stop();
        reject(errors.aborted(`stopped waiting for task ${id}`));
      });
    });
  }

  private async change(id: string, fn: (t: Task) => Task): Promise<Task> {
    // Active tasks are read from memory synchronously so concurrent changes apply in order.
    const current = this.active.get(id) ?? (await this.get(id));
    if (isTerminal(current.state)) return current;
    const next = fn(current);
    // Progress within a state is shown live but not written: after a restart the work resumes
    // and reports progress again, so only state changes need to be durable.
    await this.save(next, next.state !== current.state);
    return next;
  }

  private async save(t: Task, durable = true): Promise<void> {
    if (isTerminal(t.state)) this.active.delete(t.id);
    else this.active.set(t.id, t);
    if (durable) await this.store.putTask(t);
    for (const l of [...(this.watchers.get(t.id) ?? [])]) l(t);
    for (const l of this.globalListeners) l(t);
  }
}
