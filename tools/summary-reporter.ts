import type { Reporter, RunnerTestFile } from 'vitest/node';

type Task = { type: string; mode?: string; result?: { state?: string }; tasks?: Task[] };

/** Ends a run with one plain line, "N passed, N failed, N skipped", that any CI can read. */
export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = []): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    const walk = (t: Task): void => {
      if (t.type === 'test') {
        if (t.result?.state === 'pass') count.passed++;
        else if (t.result?.state === 'fail') count.failed++;
        else count.skipped++;
      }
      for (const c of t.tasks ?? []) walk(c);
    };
    for (const f of files) walk(f as unknown as Task);
    process.stdout.write(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
