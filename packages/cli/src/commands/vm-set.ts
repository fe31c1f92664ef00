import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import type { reservoir } from '@reservoir/contracts';
import { fieldPath } from '@reservoir/policy-engine';
import { ReservoirError } from '@reservoir/runtime';
import { parseCount, parseMib, withClient } from '../command-context.js';
import { printJson, table, taskJson, vmJson } from '../output.js';
import { parseGroup } from '../placement-options.js';
import { waitForTask } from '../wait.js';

// `vm create-set FILE`: admission of a whole service. Every VM is placed, or none is created and
// the refusal says why, per VM.

const size = z.union([z.number().int().positive(), z.string().min(1)]);
const vmSpec = z.object({
  name: z.string().min(1),
  cpu: z.union([z.number().int().positive(), z.string().min(1)]),
  memory: size,
  disk: size.optional(),
  image: z.string().optional(),
  networks: z.array(z.string()).default([]),
  labels: z.record(z.string(), z.string()).default({}),
  groups: z.array(z.string()).default([]),
  allowHosts: z.array(z.string()).default([]),
  forbidHosts: z.array(z.string()).default([]),
});
const setSpec = z.object({
  requestId: z.string().optional(),
  vms: z.array(vmSpec).min(1, 'needs at least one VM'),
});

function readSpec(file: string): z.infer<typeof setSpec> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ReservoirError('INVALID_ARGUMENT', `${file}: ${(e as Error).message}`, { field: file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ReservoirError('INVALID_ARGUMENT', `${file}: not JSON: ${(e as Error).message}`, {
      field: file,
    });
  }
  const r = setSpec.safeParse(json);
  if (!r.success)
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `${file}: ${r.error.issues.map((i) => `${fieldPath(i.path)}: ${i.message}`).join('; ')}`,
      { field: fieldPath(r.error.issues[0]!.path) },
    );
  return r.data;
}

function toRequest(v: z.infer<typeof vmSpec>, i: number): reservoir.veem.v1.ICreateVmRequest {
  const at = `vms[${i}]`;
  return {
    name: v.name,
    resources: {
      vcpus: parseCount(`${at}.cpu`, String(v.cpu)),
      memoryMib: parseMib(`${at}.memory`, String(v.memory)),
      diskMib: v.disk === undefined ? 0 : parseMib(`${at}.disk`, String(v.disk)),
    },
    imageId: v.image ?? '',
    networkIds: v.networks,
    labels: v.labels,
    placement: {
      groups: v.groups.map(parseGroup),
      allowedHosts: v.allowHosts,
      forbiddenHosts: v.forbidHosts,
    },
  };
}

export function registerVmSetCommand(vm: Command): void {
  vm.command('create-set <file>')
    .description(
      'admit a whole service from a JSON file {requestId?, vms: [{name, cpu, memory, disk?, image?, networks?, ' +
        'labels?, groups?: ["web:anti-affinity:host"], allowHosts?, forbidHosts?}]}: all VMs are placed, or none is created',
    )
    .option('--org <organization>', 'organization')
    .option('--wait', 'wait until every VM runs')
    .action(async (file: string, o, cmd: Command) =>
      withClient(cmd, async (c, g) => {
        const spec = readSpec(file);
        const r = await c.vms.createVmSet({
          vms: spec.vms.map(toRequest),
          requestId: spec.requestId ?? '',
          organization: o.org ?? '',
        });
        if (!r.accepted) {
          if (g.json) printJson({ accepted: false, refusals: r.refusals });
          else
            process.stdout.write(
              `${table(
                ['REFUSED VM', 'REASONS'],
                (r.refusals ?? []).map((x) => [x.name ?? '', (x.reasons ?? []).join('; ')]),
              )}\n`,
            );
          throw new ReservoirError('FAILED_PRECONDITION', `the service was refused: no VM was created`);
        }
        const created = r.vms ?? [];
        if (o.wait)
          for (const v of created) {
            const end = await waitForTask(c, v.task!.id!, { quiet: true });
            if (end.state !== 'succeeded')
              throw new ReservoirError(
                end.errorCode ?? 'INTERNAL',
                `${v.vm?.name}: ${end.errorMessage ?? end.message}`,
              );
          }
        const vms = await Promise.all(created.map((v) => c.vms.getVm({ id: v.vm!.id! })));
        if (g.json)
          return printJson({
            accepted: true,
            setId: r.setId,
            vms: vms.map(vmJson),
            tasks: created.map((v) => (v.task ? taskJson(v.task) : null)),
          });
        process.stdout.write(
          `${table(
            ['ID', 'NAME', 'STATE', 'HOST', 'TASK'],
            vms.map((v, i) => [v.id, v.name, v.state, v.host, created[i]?.task?.id ?? '']),
          )}\nadmitted as set ${r.setId}\n`,
        );
      }),
    );
}
