import type { Command } from 'commander';
import type { reservoir } from '@reservoir/contracts';
import { ReservoirError } from '@reservoir/runtime';
import { ACTION_TO_PB, RECOVER_TO_PB, type RecoverMode, type VmActionName } from '@reservoir/veem';
import type { VmiClient } from '@reservoir/veem';
import {
  keyValue,
  parseCount,
  parseMib,
  repeatable,
  withClient,
  type GlobalOptions,
} from '../command-context.js';
import { ago, details, mib, printJson, table, taskJson, vmJson } from '../output.js';
import { addPlacementOptions, placementFrom } from '../placement-options.js';
import { waitForTask } from '../wait.js';
import { createTerms, resizeRequest } from './vm-options.js';
import { registerVmSetCommand } from './vm-set.js';

type PbVm = reservoir.veem.v1.Vm;

function printVm(vm: PbVm, g: GlobalOptions): void {
  if (g.json) return printJson(vmJson(vm));
  process.stdout.write(
    `${details([
      ['id', vm.id],
      ['name', vm.name],
      ['state', vm.state],
      ['host', vm.host],
      ['site', vm.site],
      ['organization', vm.organization],
      ['owner', vm.owner],
      ['vcpus', vm.resources?.vcpus],
      ['memory', mib(vm.resources?.memoryMib)],
      ['disk', mib(vm.resources?.diskMib)],
      ...burstRows(vm),
      ['image', vm.imageId],
      ['nics', vm.nics.map((n) => `${n.networkId} ${n.ip} ${n.mac}`).join(', ')],
      ['reason', vm.reason],
      ['task', vm.taskId],
      ['snapshots', vm.snapshots.join(', ')],
      ['in state for', ago(vm.stateSinceMs)],
    ])}\n`,
  );
}

/** Guarantee and burst rows, for a VM with an allowance; operational requirements when set. */
function burstRows(vm: PbVm): [string, unknown][] {
  const rows: [string, unknown][] = [];
  const b = vm.burst;
  if (b && (b.vcpus || b.memoryMib)) {
    const size = (r: typeof b | null | undefined) => `${r?.vcpus ?? 0} vCPU, ${mib(r?.memoryMib)}`;
    rows.push(
      ['guarantee', size(vm.guarantee)],
      ['burst allowance', size(b)],
      ['burst in use', size(vm.burstInUse)],
    );
  }
  const ops = Object.entries(vm.operationalRequirements ?? {});
  if (ops.length > 0) rows.push(['operational', ops.map(([k, v]) => `${k}=${v}`).join(', ')]);
  return rows;
}

/** Prints the outcome of a task-returning call; with --wait, follows the task and prints the VM after it. */
async function finish(
  client: VmiClient,
  r: reservoir.veem.v1.VmTaskResponse,
  g: GlobalOptions,
  wait: boolean,
): Promise<void> {
  const task = r.task;
  if (wait && task?.id) {
    const end = await waitForTask(client, task.id, { quiet: !!g.json });
    const vm = await client.vms.getVm({ id: r.vm!.id });
    if (end.state !== 'succeeded') {
      if (g.json) printJson({ vm: vmJson(vm), task: end });
      throw new ReservoirError(
        end.errorCode ?? 'INTERNAL',
        `task ${end.id} ${end.state}: ${end.errorMessage ?? end.message}`,
      );
    }
    return g.json ? printJson(vmJson(vm)) : printVm(vm, g);
  }
  if (g.json) return printJson({ ...vmJson(r.vm as PbVm), task: task ? taskJson(task) : null });
  printVm(r.vm as PbVm, g);
  if (task?.id)
    process.stdout.write(
      `task ${task.id} (${taskJson(task).state}); follow it with: reservoir task show ${task.id} --wait\n`,
    );
}

export function registerVmCommands(program: Command): void {
  const vm = program.command('vm').description('virtual machines');

  addPlacementOptions(vm.command('create'))
    .description('create a VM; it is scheduled at once unless --hold')
    .requiredOption('--name <name>', 'VM name')
    .requiredOption('--cpu <n>', 'vCPUs')
    .requiredOption('--memory <size>', 'memory in MiB, or with a unit: 512M, 4G')
    .option('--disk <size>', 'disk size (defaults to the image size)')
    .option('--image <id>', 'image id or name')
    .option('--network <id>', 'network id or name (repeatable); an address is leased on each', repeatable)
    .option('--label <k=v>', 'label (repeatable)', keyValue)
    .option(
      '--require <k=v>',
      'host requirement: a host label, "hypervisor" or "host" (repeatable)',
      keyValue,
    )
    .option('--burst-vcpus <n>', 'burst allowance above --cpu (at most 100% of it)')
    .option('--burst-memory-mib <size>', 'burst allowance above --memory (at most 100% of it)')
    .option(
      '--operational-requirement <k=v>',
      'a promise every operation keeps or refuses: no-reboot-on-cpu-change=true, no-reboot-on-memory-change=true (repeatable)',
      keyValue,
    )
    .option('--host <host>', 'deploy on this host')
    .option('--hold', 'create on hold')
    .option('--request-id <key>', 'idempotency key: a retried create with the same key returns the same VM')
    .option('--org <organization>', 'organization')
    .option('--wait', 'wait until the VM runs')
    .action(async (o, cmd: Command) =>
      withClient(cmd, async (c, g) => {
        const r = await c.vms.createVm({
          name: o.name,
          resources: {
            vcpus: parseCount('--cpu', o.cpu),
            memoryMib: parseMib('--memory', o.memory),
            diskMib: o.disk ? parseMib('--disk', o.disk) : 0,
          },
          imageId: o.image ?? '',
          networkIds: o.network ?? [],
          labels: o.label ?? {},
          requirements: o.require ?? {},
          ...createTerms(o),
          hold: !!o.hold,
          requestId: o.requestId ?? '',
          organization: o.org ?? '',
          host: o.host ?? '',
          ...(placementFrom(o) ? { placement: placementFrom(o) } : {}),
        });
        await finish(c, r, g, !!o.wait);
      }),
    );

  registerVmSetCommand(vm);

  vm.command('list')
    .description('list VMs')
    .option('--state <state>', 'only VMs in this state (repeatable)', repeatable)
    .option('--host <host>', 'only VMs on this host')
    .option('--org <organization>', 'only this organization')
    .option('--all', 'include deleted (done) VMs')
    .action(async (o, cmd: Command) =>
      withClient(cmd, async (c, g) => {
        const r = await c.vms.listVms({
          states: o.state ?? [],
          host: o.host ?? '',
          organization: o.org ?? '',
          includeDone: !!o.all,
        });
        if (g.json) return printJson(r.vms.map((v) => vmJson(v as PbVm)));
        process.stdout.write(
          `${table(
            ['ID', 'NAME', 'STATE', 'HOST', 'VCPU', 'MEMORY', 'IP', 'AGE', 'REASON'],
            r.vms.map((v) => [
              v.id!,
              v.name!,
              v.state!,
              v.host!,
              v.resources?.vcpus ?? 0,
              mib(v.resources?.memoryMib),
              (v.nics ?? []).map((n) => n.ip).join(','),
              ago(v.createdAtMs),
              (v.reason ?? '').slice(0, 60),
            ]),
          )}\n${r.total} VMs\n`,
        );
      }),
    );

  vm.command('show <id>')
    .description('show one VM')
    .action(async (id: string, _o, cmd: Command) =>
      withClient(cmd, async (c, g) => printVm(await c.vms.getVm({ id }), g)),
    );

  const simple: [VmActionName, string, string][] = [
    ['start', 'start', 'start a powered-off, suspended or stopped VM'],
    ['suspend', 'suspend', 'suspend a running VM (memory saved, resources kept on its host)'],
    ['resume', 'resume', 'resume a suspended or stopped VM'],
    ['delete', 'delete', 'delete a VM and free everything it holds'],
    ['reboot', 'reboot', 'reboot a running VM'],
    ['hold', 'hold', 'keep a pending VM from being scheduled'],
    ['release', 'release', 'release a held VM to the scheduler'],
    ['undeploy', 'undeploy', 'save a running VM and release its host (stopped)'],
  ];
  for (const [action, name, description] of simple) {
    vm.command(`${name} <id>`)
      .description(description)
      .option('--wait', 'wait until the operation ends')
      .action(async (id: string, o, cmd: Command) =>
        withClient(cmd, async (c, g) =>
          finish(c, await c.vms.actOnVm({ id, action: ACTION_TO_PB[action] }), g, !!o.wait),
        ),
      );
  }

  vm.command('stop <id>')
    .description('shut a running VM down to poweroff (its resources stay reserved)')
    .option('--hard', 'power off at once instead of an ACPI shutdown')
    .option('--wait', 'wait until it is off')
    .action(async (id: string, o, cmd: Command) =>
      withClient(cmd, async (c, g) =>
        finish(
          c,
          await c.vms.actOnVm({ id, action: ACTION_TO_PB[o.hard ? 'poweroff-hard' : 'stop'] }),
          g,
          !!o.wait,
        ),
      ),
    );

  vm.command('recover <id>')
    .description(
      'get a stuck or failed VM out: auto asks its host; retry, success, failure decide the operation; delete removes it',
    )
    .option('--mode <mode>', 'auto | retry | success | failure | delete', 'auto')
    .option('--wait', 'wait for a retried operation to end')
    .action(async (id: string, o, cmd: Command) =>
      withClient(cmd, async (c, g) => {
        const mode = o.mode as RecoverMode;
        if (!(mode in RECOVER_TO_PB))
          throw new ReservoirError(
            'INVALID_ARGUMENT',
            `--mode: "${o.mode}" is not one of ${Object.keys(RECOVER_TO_PB).join(', ')}`,
          );
        const r = await c.vms.recoverVm({ id, mode: RECOVER_TO_PB[mode] });
        if (o.wait && mode === 'retry' && r.vm?.taskId)
          return finish(
            c,
            {
              ...r,
              task: await c.tasks.getTask({ id: r.vm.taskId }),
            } as unknown as reservoir.veem.v1.VmTaskResponse,
            g,
            true,
          );
        await finish(c, r, g, false);
      }),
    );

  vm.command('migrate <id>')
    .description('move a VM to another host (the scheduler chooses unless --to)')
    .option('--to <host>', 'target host')
    .option('--live', 'live migration (the VM keeps running)')
    .option('--wait', 'wait until it has moved')
    .action(async (id: string, o, cmd: Command) =>
      withClient(cmd, async (c, g) =>
        finish(c, await c.vms.migrateVm({ id, targetHost: o.to ?? '', live: !!o.live }), g, !!o.wait),
      ),
    );

  vm.command('cancel-migration <id>')
    .description("stop a VM's migration before its switch-over: it stays where it was, as it was")
    .action(async (id: string, _o, cmd: Command) =>
      withClient(cmd, async (c, g) => {
        const r = await c.vms.cancelMigration({ id });
        const task = r.task ? taskJson(r.task) : undefined;
        if (g.json) return printJson({ vm: vmJson(r.vm as PbVm), task: task ?? null });
        printVm(r.vm as PbVm, g);
        if (task)
          process.stdout.write(`task ${task.id} ${task.state}: ${task.errorMessage ?? task.message}\n`);
      }),
    );

  vm.command('resize <id>')
    .description(
      'change vCPUs and memory, the same on every site (--site) and hypervisor: hot-plug where it can; where it cannot, refused unless --allow-reboot',
    )
    .option('--vcpus <n>', 'new vCPU count')
    .option('--memory-mib <size>', 'new memory, MiB or with a unit: 512M, 4G')
    .option('--cpu <n>', 'same as --vcpus')
    .option('--memory <size>', 'same as --memory-mib')
    .option(
      '--allow-reboot',
      'when the hypervisor cannot hot-plug the change: shut down, resize, start (never against an operational requirement)',
    )
    .option('--wait', 'wait until resized')
    .action(async (id: string, o, cmd: Command) =>
      withClient(cmd, async (c, g) => finish(c, await c.vms.resizeVm(resizeRequest(id, o)), g, !!o.wait)),
    );

  for (const [name, description] of [
    ['snapshot', 'take a named snapshot'],
    ['revert', 'revert to a named snapshot'],
  ] as const) {
    vm.command(`${name} <id> <snapshot>`)
      .description(description)
      .option('--wait', 'wait until done')
      .action(async (id: string, snap: string, o, cmd: Command) =>
        withClient(cmd, async (c, g) => {
          const r =
            name === 'snapshot'
              ? await c.vms.snapshotVm({ id, name: snap })
              : await c.vms.revertVm({ id, name: snap });
          await finish(c, r, g, !!o.wait);
        }),
      );
  }
}
