import type { Command } from 'commander';
import { reservoir } from '@reservoir/contracts';
import { keyValue, withClient, type GlobalOptions } from '../command-context.js';
import { ago, details, hostJson, mib, printJson, table, taskJson } from '../output.js';
import { waitForTask } from '../wait.js';

type PbHost = reservoir.veem.v1.Host;
const HA = reservoir.veem.v1.HostAction;

function pct(used: number, cap: number): string {
  return cap > 0 ? `${Math.round((used / cap) * 100)}%` : '-';
}

function printHost(h: PbHost, g: GlobalOptions): void {
  if (g.json) return printJson(hostJson(h));
  process.stdout.write(
    `${details([
      ['id', h.id],
      ['name', h.name],
      ['state', h.state],
      ['site', h.site],
      ['agent', `${h.agentEndpoint} (${h.agentHostId})`],
      ['hypervisor', `${h.profile?.hypervisor} ${h.profile?.hypervisorVersion} (${h.profile?.driver})`],
      [
        'capacity',
        `${h.capacity?.vcpus} CPU, ${mib(h.capacity?.memoryMib)}, ${mib(h.capacity?.diskMib)} disk`,
      ],
      ['allocated', `${h.used?.vcpus} vCPU, ${mib(h.used?.memoryMib)}, ${mib(h.used?.diskMib)} disk`],
      ['overcommit', `cpu ${h.overcommit?.cpu}, memory ${h.overcommit?.memory}, disk ${h.overcommit?.disk}`],
      ['measured', `${h.cpuUsedPercent.toFixed(0)}% CPU, ${mib(h.memoryUsedMib)}`],
      ['VMs', h.runningVms],
      ['per-VM limits', `${h.profile?.maxVcpusPerVm} vCPU, ${mib(h.profile?.maxMemoryMibPerVm)}`],
      ['disk formats', (h.profile?.diskFormats ?? []).join(', ')],
      [
        'features',
        [
          h.profile?.liveMigration && 'live-migration',
          h.profile?.cpuHotplug && 'cpu-hotplug',
          h.profile?.memoryHotplug && 'memory-hotplug',
          h.profile?.snapshots && 'snapshots',
        ]
          .filter(Boolean)
          .join(', '),
      ],
      [
        'labels',
        Object.entries(h.labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
      ],
      ['last seen', `${ago(h.lastSeenMs)} ago`],
      ['error', h.error],
    ])}\n`,
  );
}

export function registerHostCommands(program: Command): void {
  const host = program.command('host').description('hosts of the site');

  host
    .command('list')
    .description('list hosts with their capacity and allocation')
    .action(async (_o, cmd: Command) =>
      withClient(cmd, async (c, g) => {
        const { hosts } = await c.hosts.listHosts({});
        if (g.json) return printJson(hosts.map((h) => hostJson(h as PbHost)));
        process.stdout.write(
          `${table(
            ['NAME', 'STATE', 'HYPERVISOR', 'VMS', 'CPU ALLOC', 'MEM ALLOC', 'CPU USED', 'ID'],
            hosts.map((h) => [
              h.name!,
              h.state!,
              h.profile?.hypervisor ?? '',
              h.runningVms ?? 0,
              `${h.used?.vcpus ?? 0}/${h.capacity?.vcpus ?? 0} (${pct(h.used?.vcpus ?? 0, (h.capacity?.vcpus ?? 0) * (h.overcommit?.cpu ?? 1))})`,
              `${mib(h.used?.memoryMib)}/${mib(h.capacity?.memoryMib)} (${pct(h.used?.memoryMib ?? 0, (h.capacity?.memoryMib ?? 0) * (h.overcommit?.memory ?? 1))})`,
              `${(h.cpuUsedPercent ?? 0).toFixed(0)}%`,
              h.id!,
            ]),
          )}\n${hosts.length} hosts\n`,
        );
      }),
    );

  host
    .command('show <host>')
    .description('show one host (id or name)')
    .action(async (id: string, _o, cmd: Command) =>
      withClient(cmd, async (c, g) => printHost(await c.hosts.getHost({ id }), g)),
    );

  host
    .command('register <name>')
    .description('register a host served by a VEEH agent')
    .requiredOption('--agent <endpoint>', 'the agent gRPC endpoint, host:port')
    .option('--agent-host <id>', "the host's id at the agent (default: the name)")
    .option('--cpu-overcommit <ratio>', 'vCPUs per physical core', Number)
    .option('--memory-overcommit <ratio>', 'memory overcommit ratio', Number)
    .option('--label <k=v>', 'label (repeatable)', keyValue)
    .action(async (name: string, o, cmd: Command) =>
      withClient(cmd, async (c, g) => {
        const h = await c.hosts.registerHost({
          name,
          agentEndpoint: o.agent,
          agentHostId: o.agentHost ?? '',
          overcommit: { cpu: o.cpuOvercommit ?? 0, memory: o.memoryOvercommit ?? 0, disk: 0 },
          labels: o.label ?? {},
        });
        printHost(h, g);
      }),
    );

  for (const [name, action, description] of [
    ['enable', HA.HOST_ACTION_ENABLE, 'let the scheduler place VMs on the host'],
    ['disable', HA.HOST_ACTION_DISABLE, 'place no new VMs on the host; running ones stay'],
    ['maintenance', HA.HOST_ACTION_MAINTENANCE, 'place no new VMs and move the running ones away'],
  ] as const) {
    host
      .command(`${name} <host>`)
      .description(description)
      .option('--wait', 'wait until the host is empty (maintenance)')
      .action(async (id: string, o, cmd: Command) =>
        withClient(cmd, async (c, g) => {
          const r = await c.hosts.actOnHost({ id, action });
          if (o.wait && r.task?.id) {
            const end = await waitForTask(c, r.task.id, { quiet: !!g.json });
            if (end.state !== 'succeeded') process.exitCode = 1;
            if (!g.json)
              process.stderr.write(`${end.operation}: ${end.state} ${end.errorMessage ?? end.message}\n`);
          }
          const h = await c.hosts.getHost({ id });
          if (g.json) return printJson({ ...hostJson(h), ...(r.task ? { task: taskJson(r.task) } : {}) });
          printHost(h, g);
        }),
      );
  }

  host
    .command('remove <host>')
    .description('remove an empty host')
    .action(async (id: string, _o, cmd: Command) =>
      withClient(cmd, async (c, g) => printHost(await c.hosts.removeHost({ id }), g)),
    );
}
