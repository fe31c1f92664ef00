import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { reservoir } from '@reservoir/contracts';
import { ReservoirError, type Task } from '@reservoir/runtime';
import { smiClient, type SmiClient } from '@reservoir/service-manager';
import type { GlobalOptions } from '../command-context.js';
import { keyValue } from '../command-context.js';
import { resolveSmEndpoint } from '../endpoints.js';
import { ago, details, plain, printJson, table, taskJson } from '../output.js';
import { waitForTask } from '../wait.js';
import { readManifestInput } from './service-input.js';

interface SmGlobalOptions extends GlobalOptions {
  smEndpoint?: string;
}

export const SM_ENDPOINT_OPTION = [
  '--sm-endpoint <host:port>',
  'Service Manager endpoint (default: RESERVOIR_SM_ENDPOINT, or the site\'s SM under "reservoir up")',
] as const;

async function withSm<T>(cmd: Command, fn: (c: SmiClient, g: SmGlobalOptions) => Promise<T>): Promise<T> {
  const g = cmd.optsWithGlobals<SmGlobalOptions>();
  const c = smiClient(resolveSmEndpoint(g));
  try {
    return await fn(c, g);
  } finally {
    c.close();
  }
}

type PbService = reservoir.sm.v1.Service;

function serviceJson(s: PbService): Record<string, unknown> {
  const o = plain(s, reservoir.sm.v1.Service);
  const { manifestJson, ...rest } = o as { manifestJson: string };
  return { ...rest, manifest: manifestJson ? JSON.parse(manifestJson) : null };
}

function printService(s: PbService): void {
  const count = (c: reservoir.sm.v1.IComponentStatus) =>
    (c.instances ?? []).filter((i) => i.state === 'running' || i.state === 'creating').length;
  process.stdout.write(
    `${details([
      ['id', s.id],
      ['name', s.name],
      ['state', s.state],
      ['reason', s.reason],
      ['site', s.site],
      ['organization', s.organization],
      ['cost', `${s.costPerHour.toFixed(4)} ${s.currency}/h`],
      ['task', s.taskId],
      ['since', ago(Number(s.stateSinceMs))],
      ...(s.packageDigest ? [['package', `manifest sha256 ${s.packageDigest}`] as [string, string]] : []),
    ])}\n`,
  );
  process.stdout.write(
    `${table(
      ['COMPONENT', 'INSTANCES', 'MIN', 'MAX', 'ORDER', 'DEPENDS ON', 'CPUS', 'MEMORY'],
      s.components.map((c) => [
        c.id ?? '',
        c.desired !== count(c) ? `${count(c)} → ${c.desired}` : count(c),
        c.min ?? 0,
        c.max ?? 0,
        c.startupOrder ?? 0,
        (c.dependsOn ?? []).join(', '),
        c.cpus ?? 0,
        `${c.memoryMib ?? 0} MiB`,
      ]),
    )}\n`,
  );
  const instances = s.components.flatMap((c) => c.instances ?? []);
  if (instances.length > 0)
    process.stdout.write(
      `${table(
        ['INSTANCE', 'STATE', 'VM', 'VM STATE', 'HOST', 'ADDRESSES', 'AGE'],
        instances.map((i) => [
          i.id ?? '',
          i.state ?? '',
          i.vmId ?? '',
          i.vmState ?? '',
          i.host ?? '',
          Object.entries(i.addresses ?? {})
            .map(([n, a]) => `${n}=${a}`)
            .join(' '),
          ago(Number(i.createdAtMs)),
        ]),
      )}\n`,
    );
}

/** Prints a verb's answer; with --wait follows its task, and a failed task exits 1. */
async function finish(
  c: SmiClient,
  r: reservoir.sm.v1.ServiceTaskResponse,
  g: SmGlobalOptions,
  wait: boolean,
): Promise<void> {
  let task: Task | undefined = r.task ? taskJson(r.task) : undefined;
  if (wait && task) task = await waitForTask(c, task.id, { quiet: !!g.json });
  const service = wait && r.service?.id ? await c.services.getService({ id: r.service.id }) : r.service;
  if (g.json) printJson({ service: service ? serviceJson(service as PbService) : null, task: task ?? null });
  else {
    if (service) printService(service as PbService);
    if (task)
      process.stdout.write(
        `task ${task.id}: ${task.state}${task.errorMessage ? ` (${task.errorMessage})` : ` ${task.message}`}\n`,
      );
  }
  if (task?.state === 'failed') process.exitCode = 1;
}

function readText(file: string, what: string): string {
  try {
    if (statSync(file).isDirectory()) throw new Error('is a directory');
    return readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `${file}: cannot read the ${what}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`,
      {
        field: file,
      },
    );
  }
}

function instancesArg(raw: string): number {
  if (!/^\d+$/.test(raw.trim()))
    throw new ReservoirError('INVALID_ARGUMENT', `N: "${raw}" is not a whole number of instances`, {
      field: 'N',
    });
  return Number(raw);
}

export function registerServiceCommands(program: Command): void {
  const service = program
    .command('service')
    .description('multi-tier services from OVF manifests, scaled by their KPIs (Service Manager)')
    .option(...SM_ENDPOINT_OPTION);

  service
    .command('deploy <manifest>')
    .description('deploy a service from an OVF descriptor, an OVA, a package directory or a YAML manifest')
    .option('--set <component.key=value>', 'value of a user-configurable property (repeatable)', keyValue, {})
    .option('--request-id <id>', 'idempotency key: a retried deploy returns the first service')
    .option('--org <organization>', 'organization')
    .option('--owner <owner>', 'owner')
    .option('--wait', 'wait until the service runs (or fails)')
    .action(async (file: string, o, cmd: Command) => {
      const input = await readManifestInput(file);
      await withSm(cmd, async (c, g) =>
        finish(
          c,
          await c.services.deployService({
            manifest: input.text,
            fileName: input.fileName,
            requestId: o.requestId ?? '',
            organization: o.org ?? '',
            owner: o.owner ?? '',
            properties: o.set,
            ...(input.signing
              ? {
                  packageManifest: input.signing.manifest,
                  packageCertificate: input.signing.certificate,
                  descriptorName: input.signing.descriptorName,
                }
              : {}),
          }),
          g,
          !!o.wait,
        ),
      );
    });

  service
    .command('list')
    .description('services (finished and rejected ones with --all)')
    .option('--all', 'include finished and rejected services')
    .option('--org <organization>', 'only this organization')
    .action(async (o, cmd: Command) =>
      withSm(cmd, async (c, g) => {
        const r = await c.services.listServices({ organization: o.org ?? '', includeFinished: !!o.all });
        const list = r.services as PbService[];
        if (g.json) return printJson(list.map(serviceJson));
        process.stdout.write(
          `${table(
            ['ID', 'NAME', 'STATE', 'INSTANCES', 'COST/H', 'SINCE', 'REASON'],
            list.map((s) => [
              s.id,
              s.name,
              s.state,
              s.components
                .map((x) => `${x.id}:${(x.instances ?? []).filter((i) => i.state === 'running').length}`)
                .join(' '),
              `${s.costPerHour.toFixed(4)} ${s.currency}`,
              ago(Number(s.stateSinceMs)),
              s.reason.length > 60 ? `${s.reason.slice(0, 57)}...` : s.reason,
            ]),
          )}\n`,
        );
      }),
    );

  service
    .command('show <id>')
    .description('a service: its components, instances and state')
    .action(async (id: string, _o, cmd: Command) =>
      withSm(cmd, async (c, g) => {
        const s = (await c.services.getService({ id })) as PbService;
        if (g.json) printJson(serviceJson(s));
        else printService(s);
      }),
    );

  service
    .command('scale <id> <component> <n>')
    .description("set a component's instance count (within its min and max)")
    .option('--wait', 'wait until the scaling ends')
    .action(async (id: string, component: string, n: string, o, cmd: Command) =>
      withSm(cmd, async (c, g) =>
        finish(c, await c.services.scaleService({ id, component, instances: instancesArg(n) }), g, !!o.wait),
      ),
    );

  service
    .command('update-rules <id> <file>')
    .description(
      'replace the elasticity rules and bounds of a running service (YAML or JSON: rules, components)',
    )
    .option('--wait', 'wait until the new rules are in force')
    .action(async (id: string, file: string, o, cmd: Command) => {
      const document = readText(file, 'rules');
      await withSm(cmd, async (c, g) =>
        finish(c, await c.services.updateRules({ id, document, fileName: file }), g, !!o.wait),
      );
    });

  service
    .command('undeploy <id>')
    .description("remove a service's instances and networks")
    .option('--wait', 'wait until it is finished')
    .action(async (id: string, o, cmd: Command) =>
      withSm(cmd, async (c, g) => finish(c, await c.services.undeployService({ id }), g, !!o.wait)),
    );

  service
    .command('recover <id>')
    .description('get a failed service out: retry its failed operation, or delete what it holds')
    .option('--delete', 'undeploy instead of retrying')
    .option('--wait', 'wait until it ends')
    .action(async (id: string, o, cmd: Command) =>
      withSm(cmd, async (c, g) => {
        const Mode = reservoir.sm.v1.ServiceRecoverMode;
        const mode = o.delete ? Mode.SERVICE_RECOVER_MODE_DELETE : Mode.SERVICE_RECOVER_MODE_RETRY;
        await finish(c, await c.services.recoverService({ id, mode }), g, !!o.wait);
      }),
    );

  service
    .command('export <id>')
    .description('the service as an OVF descriptor with its extensions (initial instances = current counts)')
    .requiredOption('--to <file.ovf>', 'where to write it')
    .action(async (id: string, o: { to: string }, cmd: Command) =>
      withSm(cmd, async (c, g) => {
        const { ovf } = await c.services.exportService({ id });
        writeFileSync(o.to, ovf);
        if (g.json) printJson({ service: id, file: o.to, bytes: Buffer.byteLength(ovf) });
        else process.stdout.write(`wrote ${o.to} (${Buffer.byteLength(ovf)} bytes)\n`);
      }),
    );

  service
    .command('events <id>')
    .description("a service's log: life cycle, scaling decisions and their reasons")
    .option('--after <seq>', 'only events after this sequence number', '0')
    .option('--limit <n>', 'at most this many', '500')
    .action(async (id: string, o: { after: string; limit: string }, cmd: Command) =>
      withSm(cmd, async (c, g) => {
        const r = await c.services.listEvents({
          id,
          afterSeq: Number(o.after) || 0,
          limit: Number(o.limit) || 500,
        });
        const events = r.events.map((e) =>
          plain(e as reservoir.sm.v1.ServiceEvent, reservoir.sm.v1.ServiceEvent),
        );
        if (g.json) return printJson(events);
        process.stdout.write(
          `${table(
            ['SEQ', 'TIME', 'KIND', 'COMPONENT', 'RULE', 'FROM', 'TO', 'REASON'],
            r.events.map((e) => [
              Number(e.seq),
              new Date(Number(e.timeMs)).toISOString().slice(11, 23),
              e.kind ?? '',
              e.component ?? '',
              e.ruleId ?? '',
              e.kind === 'scale-out' || e.kind === 'scale-in' || e.kind === 'blocked' || e.kind === 'refused'
                ? (e.from ?? 0)
                : '',
              e.kind === 'scale-out' || e.kind === 'scale-in' || e.kind === 'blocked' || e.kind === 'refused'
                ? (e.to ?? 0)
                : '',
              e.reason ?? '',
            ]),
          )}\n`,
        );
      }),
    );

  service
    .command('env <id> <instance>')
    .description('the OVF environment document an instance received')
    .action(async (id: string, instance: string, _o, cmd: Command) =>
      withSm(cmd, async (c, g) => {
        const e = await c.services.getInstanceEnvironment({ serviceId: id, instanceId: instance });
        if (g.json) printJson({ instanceId: e.instanceId, properties: e.properties, document: e.document });
        else process.stdout.write(e.document ?? '');
      }),
    );

  service
    .command('cost <manifest>')
    .description('estimate what a manifest costs per hour at its initial and maximum sizes')
    .action(async (file: string, _o, cmd: Command) => {
      const input = await readManifestInput(file);
      await withSm(cmd, async (c, g) => {
        const e = await c.services.estimateCost({ manifest: input.text, fileName: input.fileName });
        if (g.json) return printJson(plain(e as reservoir.sm.v1.CostEstimate, reservoir.sm.v1.CostEstimate));
        process.stdout.write(
          `${table(
            ['COMPONENT', 'PER INSTANCE/H', 'AT INITIAL', 'AT MAX'],
            e.components.map((x) => [
              x.component ?? '',
              (x.perInstanceHour ?? 0).toFixed(4),
              (x.atInitial ?? 0).toFixed(4),
              (x.atMax ?? 0).toFixed(4),
            ]),
          )}\n`,
        );
        process.stdout.write(
          `total: ${e.perHourAtInitial.toFixed(4)} ${e.currency}/h at initial, ${e.perHourAtMax.toFixed(4)} at max${e.budgetPerHour ? `; budget ${e.budgetPerHour}/h` : ''}\n`,
        );
      });
    });
}
