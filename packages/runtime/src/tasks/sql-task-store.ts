import type { ErrorCode } from '../errors.js';
import { GroupCommit } from '../store/group-commit.js';
import type { Migration, SqlDatabase } from '../store/sql-database.js';
import type { Task, TaskState } from './task.js';
import type { TaskStore } from './task-registry.js';

export const TASK_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tasks',
    sql: `CREATE TABLE IF NOT EXISTS tasks (
  id TEXT PRIMARY KEY,
  target_id TEXT NOT NULL,
  state TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_target ON tasks (target_id);
CREATE INDEX IF NOT EXISTS tasks_state ON tasks (state);`,
  },
];

const ACTIVE: TaskState[] = ['queued', 'running'];

interface Row extends Record<string, unknown> {
  body: string;
}

/** Tasks as JSON documents with the columns listings filter on. */
export class SqlTaskStore implements TaskStore {
  private readonly writes: GroupCommit;

  /** Pass the service's GroupCommit so task and entity writes share commits. */
  constructor(
    private readonly db: SqlDatabase,
    writes?: GroupCommit,
  ) {
    this.writes = writes ?? new GroupCommit(db);
  }

  async migrate(): Promise<void> {
    await this.db.migrate('tasks', TASK_MIGRATIONS);
  }

  async putTask(t: Task): Promise<void> {
    await this.writes.exec(
      `INSERT INTO tasks (id, target_id, state, body) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, body = excluded.body`,
      [t.id, t.targetId, t.state, JSON.stringify(t)],
    );
  }

  async getTask(id: string): Promise<Task | undefined> {
    const rows = await this.db.query<Row>('SELECT body FROM tasks WHERE id = $1', [id]);
    return rows[0] ? parse(rows[0].body) : undefined;
  }

  async listActiveTasks(): Promise<Task[]> {
    const rows = await this.db.query<Row>(
      `SELECT body FROM tasks WHERE state IN ($1, $2) ORDER BY id`,
      ACTIVE,
    );
    return rows.map((r) => parse(r.body));
  }

  async listTasks(filter: {
    targetId?: string;
    activeOnly?: boolean;
    limit?: number;
    afterId?: string;
  }): Promise<Task[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.targetId) {
      params.push(filter.targetId);
      where.push(`target_id = $${params.length}`);
    }
    if (filter.activeOnly) {
      params.push(...ACTIVE);
      where.push(`state IN ($${params.length - 1}, $${params.length})`);
    }
    if (filter.afterId) {
      params.push(filter.afterId);
      where.push(`id > $${params.length}`);
    }
    params.push(Math.min(filter.limit ?? 1000, 10_000));
    const sql = `SELECT body FROM tasks ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`;
    return (await this.db.query<Row>(sql, params)).map((r) => parse(r.body));
  }
}

function parse(body: string): Task {
  const t = JSON.parse(body) as Task & { errorCode?: ErrorCode };
  return t;
}
