import cliProgress from 'cli-progress';
import { isTerminal, ReservoirError, type Task } from '@reservoir/runtime';
import type { VmiClient } from '@reservoir/veem';
import { taskJson } from './output.js';

/**
 * Follows a task to its end through WatchTask, with a progress bar on a terminal.
 * Resolves with the final task; a failed task is not thrown (the caller decides).
 */
export async function waitForTask(
  client: Pick<VmiClient, 'tasks'>,
  taskId: string,
  opts: { quiet?: boolean; timeoutMs?: number } = {},
): Promise<Task> {
  const tty = process.stderr.isTTY && !opts.quiet;
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: ' {bar} {percentage}% | {operation} | {message}',
          hideCursor: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let last: Task | undefined;
  const ac = new AbortController();
  const timer = opts.timeoutMs ? setTimeout(() => ac.abort(), opts.timeoutMs) : undefined;
  try {
    bar?.start(100, 0, { operation: '', message: '' });
    for await (const pb of client.tasks.watchTask({ id: taskId }, { signal: ac.signal })) {
      last = taskJson(pb);
      bar?.update(last.progress, { operation: last.operation, message: last.message });
      if (isTerminal(last.state)) break;
    }
  } finally {
    if (timer) clearTimeout(timer);
    bar?.stop();
  }
  if (!last || !isTerminal(last.state)) {
    throw new ReservoirError(
      'DEADLINE_EXCEEDED',
      `task ${taskId} had not ended when the wait stopped${last ? ` (${last.state}, ${last.progress}%)` : ''}`,
    );
  }
  return last;
}
