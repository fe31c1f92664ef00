import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  checkPolicyName,
  checkSolverName,
  checkTimeLimit,
  parseInstanceText,
  solveInstance,
  type PolicyClient,
  type SolveResult,
} from '@reservoir/policy-engine';
import { ReservoirError, type Task } from '@reservoir/runtime';
import type { GlobalOptions } from '../command-context.js';
import { details, printJson, table, taskJson } from '../output.js';
import { waitForTask } from '../wait.js';
import { parseSeconds, PE_ENDPOINT_OPTION, withPolicyClient } from './policy.js';

/** Optimize and Solve run the solver server-side for up to the policy's time limit (at most an hour). */
const SOLVE_DEADLINE_MS = 3_660_000;

function readInstanceFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.message;
    throw new ReservoirError('INVALID_ARGUMENT', `${file}: cannot read the instance: ${why}`, {
      field: file,
    });
  }
}

function num(n: number): string {
  return Number.isFinite(n) && !Number.isInteger(n) ? n.toFixed(3) : String(n);
}

function printPlan(r: SolveResult): void {
  if (r.unplaced.length > 0)
    process.stdout.write(
      `${table(
        ['UNPLACED VM', 'REASONS'],
        r.unplaced.map((u) => [u.vm, u.reasons.join('; ')]),
      )}\n`,
    );
  if (r.plan.length === 0) return void process.stdout.write('plan: no migration\n');
  process.stdout.write(
    `${table(
      ['WAVE', 'VM', 'FROM', 'TO'],
      r.plan.map((s) => [s.wave, s.vm, s.from, s.temporary ? `${s.to} (temporary)` : s.to]),
    )}\n`,
  );
}

function printResult(r: SolveResult): void {
  process.stdout.write(
    `${details([
      ['status', r.status],
      ['hosts used', r.hostsUsed],
      ['lower bound', num(r.lowerBound)],
      ['gap', Number.isFinite(r.gap) ? `${(r.gap * 100).toFixed(1)}%` : String(r.gap)],
      ['objective', num(r.objective)],
      ['migrations', r.migrations],
      ['placed VMs', Object.keys(r.assignment).length],
      ['solver', r.solver],
      ['policy', r.policy],
      ['first feasible', `${Math.round(r.firstFeasibleMs)} ms`],
      ['time', `${Math.round(r.ms)} ms`],
    ])}\n`,
  );
  printPlan(r);
}

/** The PE's plans are tasks of its own TaskService. */
function waitForPeTask(c: PolicyClient, id: string, quiet: boolean): Promise<Task> {
  return waitForTask(c, id, { quiet });
}

function failIfNotSucceeded(t: Task): void {
  if (t.state !== 'succeeded')
    throw new ReservoirError(
      t.errorCode ?? 'INTERNAL',
      `task ${t.id} ${t.state}: ${t.errorMessage ?? t.message}`,
    );
}

export function registerPeCommands(program: Command): void {
  const pe = program
    .command('pe')
    .description('the Policy Engine: offline solving and site optimization')
    .option(...PE_ENDPOINT_OPTION);

  pe.command('solve <instance>')
    .description('solve an instance file in this process, no service needed (docs/pe-instance-format.md)')
    .option(
      '--policy <name>',
      "replace the instance's policy: consolidate, balance, min-migrations, profit, weighted",
    )
    .option('--solver <name>', 'auto, heuristic, glpk or highs', 'auto')
    .option('--time-limit <seconds>', 'stop searching after this long', '10')
    .action(async (file: string, o: { policy?: string; solver: string; timeLimit: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const choices = {
        ...(o.policy !== undefined ? { policy: checkPolicyName('--policy', o.policy) } : {}),
        solver: checkSolverName('--solver', o.solver),
        timeLimitMs: 1000 * checkTimeLimit('--time-limit', parseSeconds('--time-limit', o.timeLimit)),
      };
      const instance = parseInstanceText(readInstanceFile(file), file);
      const result = await solveInstance(instance, choices);
      if (g.json) printJson(result);
      else printResult(result);
    });

  pe.command('optimize')
    .description("compute a consolidation plan for the site's running VMs and run it as a task")
    .option('--dry-run', 'show the plan without running it')
    .option('--wait', 'follow the plan until its last migration')
    .action(async (o: { dryRun?: boolean; wait?: boolean }, cmd: Command) =>
      withPolicyClient(cmd, async (c, g) => {
        const r = await c.policy.optimize({ dryRun: !!o.dryRun }, { deadlineMs: SOLVE_DEADLINE_MS });
        const result = JSON.parse(r.resultJson) as SolveResult;
        let task = r.task ? taskJson(r.task) : undefined;
        if (!g.json) printResult(result);
        if (task && o.wait) task = await waitForPeTask(c, task.id, !!g.json);
        if (g.json) printJson({ result, task: task ?? null });
        else if (task)
          process.stdout.write(
            o.wait
              ? `task ${task.id}: ${task.state}, ${task.errorMessage ?? task.message}\n`
              : `task ${task.id} (${task.state}); follow it with: reservoir pe task ${task.id} --wait\n`,
          );
        if (task && o.wait) failIfNotSucceeded(task);
      }),
    );

  pe.command('task <id>')
    .description('show a task of the Policy Engine (an optimization plan); --wait follows it')
    .option('--wait', 'wait until the task ends')
    .action(async (id: string, o: { wait?: boolean }, cmd: Command) =>
      withPolicyClient(cmd, async (c, g) => {
        const t = o.wait ? await waitForPeTask(c, id, !!g.json) : taskJson(await c.tasks.getTask({ id }));
        if (g.json) printJson(t);
        else
          process.stdout.write(
            `${details([
              ['id', t.id],
              ['operation', t.operation],
              ['site', t.site],
              ['state', t.state],
              ['progress', `${t.progress}%`],
              ['message', t.message],
              ['error', t.errorCode ? `${t.errorCode}: ${t.errorMessage}` : ''],
            ])}\n`,
          );
        if (o.wait) failIfNotSucceeded(t);
      }),
    );
}
