import { afterEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../testing/databases.js';
import type { SqlDatabase } from '../store/sql-database.js';
import { ReservoirError } from '../errors.js';
import { SqlTaskStore } from './sql-task-store.js';
import { TaskRegistry } from './task-registry.js';
import { advanceTask, newTask, succeedTask } from './task.js';

const spec = (id: string, targetId = 'vm-1') => ({
  id,
  operation: 'vm.create',
  targetKind: 'vm',
  targetId,
  organization: 'org',
  owner: 'u',
  site: 's',
});

describe('task life', () => {
  it('moves forward only and stays ended', () => {
    const t = newTask(spec('t1'), 1000);
    expect(t).toMatchObject({ state: 'queued', progress: 0 });
    const r = advanceTask(t, 40, 'working', 1100);
    expect(r).toMatchObject({ state: 'running', progress: 40, startedAtMs: 1100 });
    expect(advanceTask(r, 10, 'again', 1200).progress).toBe(40);
    expect(advanceTask(r, 250, 'over', 1200).progress).toBe(99);
    const done = succeedTask(r, 'ok', 1300);
    expect(done).toMatchObject({ state: 'succeeded', progress: 100, endedAtMs: 1300 });
    expect(() => advanceTask(done, 50, 'x', 1400)).toThrow(/succeeded; it cannot progress/);
  });
});

describe.each(testDatabases())('TaskRegistry on $name', (database) => {
  let db: SqlDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  async function registry(now = () => 5000): Promise<{ reg: TaskRegistry; store: SqlTaskStore }> {
    db = await database.open();
    const store = new SqlTaskStore(db);
    await store.migrate();
    return { reg: new TaskRegistry(store, now), store };
  }

  it('persists every state change and recovers the tasks still active', async () => {
    const { reg, store } = await registry();
    await reg.create(spec('task-a'));
    await reg.create(spec('task-b', 'vm-2'));
    await reg.progress('task-a', 30, 'step one');
    await reg.succeed('task-b', 'done');
    await reg.fail('task-a', new ReservoirError('UNAVAILABLE', 'host gone'));
    await reg.create(spec('task-c'));
    await reg.progress('task-c', 20, 'running');
    expect(await store.getTask('task-a')).toMatchObject({
      state: 'failed',
      errorCode: 'UNAVAILABLE',
      errorMessage: 'host gone',
    });
    const fresh = new TaskRegistry(store);
    const active = await fresh.recover();
    expect(active.map((t) => t.id)).toEqual(['task-c']);
    expect(active[0]).toMatchObject({ state: 'running' });
    expect(await store.listTasks({ targetId: 'vm-1' })).toHaveLength(2);
    expect((await store.listTasks({ limit: 2 })).map((t) => t.id)).toEqual(['task-a', 'task-b']);
    expect((await store.listTasks({ afterId: 'task-a' })).map((t) => t.id)).toEqual(['task-b', 'task-c']);
  });

  it('notifies watchers and resolves waiters when the task ends', async () => {
    const { reg } = await registry();
    await reg.create(spec('task-w'));
    const seen: number[] = [];
    const stop = reg.watch('task-w', (t) => seen.push(t.progress));
    const waiting = reg.waitFor('task-w');
    await reg.progress('task-w', 50, 'half');
    await reg.succeed('task-w', 'ok');
    const end = await waiting;
    stop();
    expect(end.state).toBe('succeeded');
    expect(seen).toEqual([50, 100]);
    // A second end is ignored: the first outcome stands.
    expect((await reg.fail('task-w', new Error('late'))).state).toBe('succeeded');
    await expect(reg.get('task-nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
