import type { Command } from 'commander';
import { reservoir } from '@reservoir/contracts';
import { checkPolicyName, checkSolverName, policyClient, type PolicyClient } from '@reservoir/policy-engine';
import { ReservoirError } from '@reservoir/runtime';
import { keyValue, parseCount, type GlobalOptions } from '../command-context.js';
import { resolvePeEndpoint } from '../endpoints.js';
import { details, plain, printJson } from '../output.js';

export interface PeGlobalOptions extends GlobalOptions {
  peEndpoint?: string;
}

export const PE_ENDPOINT_OPTION = [
  '--pe-endpoint <host:port>',
  'Policy Engine endpoint (default: RESERVOIR_PE_ENDPOINT, or the site\'s engine under "reservoir up")',
] as const;

/** Runs a command with a client of the site's Policy Engine, closing it afterwards. */
export async function withPolicyClient<T>(
  cmd: Command,
  fn: (client: PolicyClient, g: PeGlobalOptions) => Promise<T>,
): Promise<T> {
  const g = cmd.optsWithGlobals<PeGlobalOptions>();
  const client = policyClient(resolvePeEndpoint(g));
  try {
    return await fn(client, g);
  } finally {
    client.close();
  }
}

/** "10", "2.5" → seconds; anything else is refused naming the option. */
export function parseSeconds(field: string, raw: string): number {
  if (!/^\d+(\.\d+)?$/.test(raw.trim()))
    throw new ReservoirError('INVALID_ARGUMENT', `${field}: "${raw}" is not a number of seconds`, { field });
  return Number(raw);
}

function parseWeights(raw: Record<string, string>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => {
      const field = `--weight ${k}`;
      if (!/^\d+(\.\d+)?$/.test(v.trim()))
        throw new ReservoirError('INVALID_ARGUMENT', `${field}: "${v}" is not a number ≥ 0`, { field });
      return [k, Number(v)];
    }),
  );
}

function printPolicy(p: reservoir.pe.v1.Policy, g: GlobalOptions): void {
  if (g.json) return printJson(plain(p, reservoir.pe.v1.Policy));
  const weights = Object.entries(p.weights)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  process.stdout.write(
    `${details([
      ['policy', p.name],
      ['weights', weights || '-'],
      ['max migrations', p.maxMigrations < 0 ? 'no limit' : p.maxMigrations],
      ['solver', p.solver],
      ['time limit', `${p.timeLimitSeconds} s`],
      ['optimization cycle', p.cycleIntervalSeconds > 0 ? `every ${p.cycleIntervalSeconds} s` : 'on demand'],
      ['plan concurrency', p.planConcurrency],
      ['version', p.version],
    ])}\n`,
  );
}

interface SetOptions {
  name?: string;
  weight?: Record<string, string>;
  maxMigrations?: string;
  solver?: string;
  timeLimit?: string;
  interval?: string;
  concurrency?: string;
}

/** The SetPolicy request for the options given: only they change (the update mask names them). */
function setRequest(o: SetOptions): reservoir.pe.v1.SetPolicyRequest.$Properties {
  const policy: reservoir.pe.v1.Policy.$Properties = {};
  const mask: string[] = [];
  if (o.name !== undefined) {
    policy.name = checkPolicyName('--name', o.name);
    mask.push('name');
  }
  if (o.weight !== undefined) {
    policy.weights = parseWeights(o.weight);
    mask.push('weights');
  }
  if (o.maxMigrations !== undefined) {
    const n = o.maxMigrations === 'none' ? -1 : parseCount('--max-migrations', o.maxMigrations);
    if (n < 0 && o.maxMigrations !== 'none')
      throw new ReservoirError('INVALID_ARGUMENT', `--max-migrations: ${n} must be ≥ 0, or none`, {
        field: '--max-migrations',
      });
    policy.maxMigrations = n;
    mask.push('max_migrations');
  }
  if (o.solver !== undefined) {
    policy.solver = checkSolverName('--solver', o.solver);
    mask.push('solver');
  }
  if (o.timeLimit !== undefined) {
    policy.timeLimitSeconds = parseSeconds('--time-limit', o.timeLimit);
    mask.push('time_limit_seconds');
  }
  if (o.interval !== undefined) {
    policy.cycleIntervalSeconds = parseSeconds('--interval', o.interval);
    mask.push('cycle_interval_seconds');
  }
  if (o.concurrency !== undefined) {
    policy.planConcurrency = parseCount('--concurrency', o.concurrency);
    mask.push('plan_concurrency');
  }
  if (mask.length === 0)
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      'nothing to change: pass --name, --weight, --max-migrations, --solver, --time-limit, --interval or --concurrency',
    );
  return { policy, updateMask: mask };
}

export function registerPolicyCommands(program: Command): void {
  const policy = program
    .command('policy')
    .description("the site's placement policy (Policy Engine)")
    .option(...PE_ENDPOINT_OPTION);

  policy
    .command('show')
    .description('show the policy and the optimization settings')
    .action(async (_o, cmd: Command) =>
      withPolicyClient(cmd, async (c, g) => printPolicy(await c.policy.getPolicy({}), g)),
    );

  policy
    .command('set')
    .description('change the policy; it applies from the next decision')
    .option('--name <policy>', 'consolidate, balance, min-migrations, profit or weighted')
    .option(
      '--weight <objective=share>',
      'for weighted, e.g. consolidate=0.7 (repeatable; replaces all weights)',
      keyValue,
    )
    .option('--max-migrations <n|none>', 'VMs one optimization may move')
    .option('--solver <name>', 'auto, heuristic, glpk or highs')
    .option('--time-limit <seconds>', 'time limit of one optimization')
    .option('--interval <seconds>', 'seconds between optimization cycles; 0 runs them on demand only')
    .option('--concurrency <n>', 'live migrations a plan runs at once')
    .action(async (o: SetOptions, cmd: Command) => {
      const req = setRequest(o);
      await withPolicyClient(cmd, async (c, g) => printPolicy(await c.policy.setPolicy(req), g));
    });
}
