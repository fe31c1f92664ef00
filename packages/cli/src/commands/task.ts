import type { Command } from 'commander';
import { ReservoirError, transferSummary, type Task } from '@reservoir/runtime';
import { withClient } from '../command-context.js';
import { ago, details, printJson, table, taskJson } from '../output.js';
import { waitForTask } from '../wait.js';

function printTask(t: Task): void {
  process.stdout.write(
    `${details([
      ['id', t.id],
      ['operation', t.operation],
      ['target', `${t.targetKind} ${t.targetId}`],
      ['state', t.state],
      ['progress', `${t.progress}%`],
      ['message', t.message],
      ['transfer', t.transfer ? transferSummary(t.transfer) : ''],
      ['error', t.errorCode ? `${t.errorCode}: ${t.errorMessage}` : ''],
      ['created', `${ago(t.createdAtMs)} ago`],
      ['duration', t.endedAtMs && t.startedAtMs ? `${t.endedAtMs - t.startedAtMs} ms` : ''],
    ])}\n`,
  );
}

export function registerTaskCommands(program: Command): void {
  const task = program.command('task').description('long-running operations');

  task
    .command('show <id>')
    .description('show a task; --wait follows it to its end with a progress bar')
    .option('--wait', 'wait until the task ends')
    .option('--timeout <seconds>', 'stop waiting after this long', Number)
    .action(async (id: string, o, cmd: Command) =>
      withClient(cmd, async (c, g) => {
        const t = o.wait
          ? await waitForTask(c, id, {
              quiet: !!g.json,
              ...(o.timeout ? { timeoutMs: o.timeout * 1000 } : {}),
            })
          : taskJson(await c.tasks.getTask({ id }));
        if (g.json) printJson(t);
        else printTask(t);
        if (o.wait && t.state !== 'succeeded')
          throw new ReservoirError(
            t.errorCode ?? 'INTERNAL',
            `task ${t.id} ${t.state}: ${t.errorMessage ?? t.message}`,
          );
      }),
    );

  task
    .command('list')
    .description('list tasks')
    .option('--target <id>', 'tasks of one resource')
    .option('--active', 'only tasks not yet ended')
    .option('--limit <n>', 'at most this many', Number, 100)
    .action(async (o, cmd: Command) =>
      withClient(cmd, async (c, g) => {
        const r = await c.tasks.listTasks({
          targetId: o.target ?? '',
          activeOnly: !!o.active,
          pageSize: o.limit,
        });
        const tasks = r.tasks.map(taskJson);
        if (g.json) return printJson(tasks);
        process.stdout.write(
          `${table(
            ['ID', 'OPERATION', 'TARGET', 'STATE', '%', 'MESSAGE'],
            tasks.map((t) => [
              t.id,
              t.operation,
              t.targetId,
              t.state,
              t.progress,
              (t.errorMessage ?? t.message).slice(0, 60),
            ]),
          )}\n`,
        );
      }),
    );
}
