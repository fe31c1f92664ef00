import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { reservoir } from '@reservoir/contracts';
import { ReservoirError } from '@reservoir/runtime';
import { familyProfile, HYPERVISOR_FAMILIES } from '@reservoir/veeh';
import {
  dryRunMatrix,
  federationClient,
  GUEST_PROFILES,
  guestProfile,
  renderMatrixHtml,
  renderMatrixText,
  SEED_001_TESTBED,
  vmiClient,
  type FederationClient,
} from '@reservoir/veem';
import type { GlobalOptions } from '../command-context.js';
import { resolveEndpoint } from '../endpoints.js';
import { details, printJson, table } from '../output.js';
import { runMatrixLab } from '../interop/matrix-lab.js';
import { waitForTask } from '../wait.js';

async function withFederation<T>(
  cmd: Command,
  fn: (f: FederationClient, g: GlobalOptions) => Promise<T>,
): Promise<T> {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  const f = federationClient(resolveEndpoint(g), 120_000);
  try {
    return await fn(f, g);
  } finally {
    f.close();
  }
}

const SEVERITY_MARK: Record<string, string> = { blocking: 'NO', warning: 'warn', info: 'info' };

function printReport(r: reservoir.veem.v1.IInteropReport): void {
  const level = r.level ? `level ${r.level} (${['', 'live', 'cold', 'rebuild'][r.level]})` : 'none';
  process.stdout.write(
    details([
      ['interoperable', r.interoperable ? 'yes' : 'no'],
      ['portability', level],
      ['target', `${r.targetSite}${r.targetHost ? `/${r.targetHost}` : ''}`],
      ['disk format', r.targetFormat || '-'],
    ]) + '\n',
  );
  const ds = r.differences ?? [];
  if (ds.length)
    process.stdout.write(
      table(
        ['severity', 'code', 'field', 'difference'],
        ds.map((d) => [
          SEVERITY_MARK[d.severity ?? ''] ?? d.severity ?? '',
          d.code ?? '',
          d.field ?? '',
          d.message ?? '',
        ]),
      ) + '\n',
    );
}

/** `reservoir interop ...` and `reservoir vm copy|move`: usage scenarios 1-3 across sites. */
export function registerInteropCommands(program: Command): void {
  const interop = program
    .command('interop')
    .description('VM interoperability between sites and hypervisor kinds');

  interop
    .command('check <vm>')
    .description('can VM (an id, or an .ovf file) go to SITE[/HOST]? yes or no, the level, every difference')
    .requiredOption('--to <target>', "SITE, SITE/HOST, or 'auto' (the federation heuristic chooses)")
    .action(async (vm: string, o: { to: string }, cmd: Command) =>
      withFederation(cmd, async (f, g) => {
        const ovf = vm.endsWith('.ovf') ? readFileSync(vm, 'utf8') : '';
        const r = await f.checkInterop({ ...(ovf ? { ovf } : { vmId: vm }), target: o.to });
        if (g.json)
          printJson(
            reservoir.veem.v1.InteropReport.toObject(r as reservoir.veem.v1.InteropReport, {
              defaults: true,
            }),
          );
        else printReport(r);
        if (!r.interoperable) process.exitCode = 1;
      }),
    );

  interop
    .command('test <vm>')
    .description('the seven-step migration test (seed 001): shut down, export, check, import, restart')
    .requiredOption('--to <target>', 'SITE or SITE/HOST')
    .option('--keep', 'leave the copy running at the target (the source stays powered off)')
    .option('--strict <facts>', 'guest facts whose change is a FAILURE: cpu-model,vcpus,memory,ip,routes', '')
    .action(async (vm: string, o: { to: string; keep?: boolean; strict: string }, cmd: Command) =>
      withFederation(cmd, async (f, g) => {
        const r = await f.runInteropTest({
          vmId: vm,
          target: o.to,
          keep: !!o.keep,
          strictFacts: o.strict ? o.strict.split(',').map((s) => s.trim()) : [],
        });
        if (g.json) {
          printJson(
            reservoir.veem.v1.InteropTestResult.toObject(r as reservoir.veem.v1.InteropTestResult, {
              defaults: true,
            }),
          );
        } else {
          process.stdout.write(
            table(
              ['#', 'step', 'score', 'ms', 'detail'],
              (r.steps ?? []).map((s, i) => [i + 1, s.title ?? '', s.score ?? '', s.ms ?? 0, s.detail ?? '']),
            ) + `\noverall: ${r.score} (the lowest step wins)\n`,
          );
        }
        if (r.score === 'FAILURE') process.exitCode = 1;
      }),
    );

  interop
    .command('matrix')
    .description(
      'the interoperability matrix (seed 001): source × target hypervisor kind per guest profile, with every reason',
    )
    .option('--out <file>', 'also write the matrix as a self-contained HTML report')
    .option(
      '--run',
      'run the seven-step test for every cell on a test bed of two federated sites with a host per hypervisor kind (otherwise: evaluate the capability model)',
    )
    .option('--profile <id>', 'only this guest profile (repeatable)', (v: string, p: string[] = []) => [
      ...p,
      v,
    ])
    .action(async (o: { out?: string; profile?: string[]; run?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const profiles = o.profile?.length
        ? o.profile.map((id) => {
            const p = guestProfile(id);
            if (!p)
              throw new ReservoirError(
                'INVALID_ARGUMENT',
                `--profile: "${id}" is not one of ${GUEST_PROFILES.map((x) => x.id).join(', ')}`,
              );
            return p;
          })
        : GUEST_PROFILES;
      const families = HYPERVISOR_FAMILIES.map((f) => familyProfile(f, 'sim'));
      const m = o.run
        ? await runMatrixLab({
            profiles,
            log: (line) => {
              if (!g.json) process.stderr.write(`${line}\n`);
            },
          })
        : dryRunMatrix(profiles, families, SEED_001_TESTBED, new Date().toISOString());
      if (o.out) writeFileSync(o.out, renderMatrixHtml(m));
      if (g.json) printJson(m);
      else process.stdout.write(renderMatrixText(m) + '\n');
    });

  interop
    .command('partners')
    .description('the sites this site federates with, and what each offers')
    .action(async (_o, cmd: Command) =>
      withFederation(cmd, async (f, g) => {
        const r = await f.listPartners({});
        if (g.json)
          return printJson(
            reservoir.veem.v1.ListPartnersResponse.toObject(r as reservoir.veem.v1.ListPartnersResponse, {
              defaults: true,
            }),
          );
        process.stdout.write(
          table(
            [
              'site',
              'endpoint',
              'reachable',
              'country',
              'hypervisors',
              'free vCPUs',
              'price/vCPU-h',
              'error',
            ],
            (r.partners ?? []).map((p) => [
              p.site ?? '',
              p.endpoint ?? '',
              p.reachable ? 'yes' : 'no',
              p.offer?.country ?? '',
              [...new Set((p.offer?.hosts ?? []).map((h) => h.profile?.hypervisor ?? ''))].join(','),
              (p.offer?.hosts ?? []).reduce((n, h) => n + (h.free?.vcpus ?? 0), 0),
              `${p.offer?.pricePerVcpuHour ?? ''} ${p.offer?.currency ?? ''}`,
              p.error ?? '',
            ]),
          ) + '\n',
        );
      }),
    );

  const vm = program.commands.find((c) => c.name() === 'vm') ?? program.command('vm');
  for (const mode of ['copy', 'move'] as const) {
    vm.command(`${mode} <id>`)
      .description(
        mode === 'copy'
          ? 'copy a VM to another site or hypervisor kind; the source keeps running'
          : 'move a VM: the target starts, then the source stops and is deleted',
      )
      .requiredOption('--to <target>', "SITE, SITE/HOST, or 'auto' (the federation heuristic chooses)")
      .option('--wait', 'follow the transfer to its end')
      .option('--request-id <id>', 'idempotency key: a retried request returns the first transfer')
      .action(async (id: string, o: { to: string; wait?: boolean; requestId?: string }, cmd: Command) =>
        withFederation(cmd, async (f, g) => {
          const r = await f.transferVm({
            vmId: id,
            target: o.to,
            mode:
              mode === 'copy'
                ? reservoir.veem.v1.TransferMode.TRANSFER_MODE_COPY
                : reservoir.veem.v1.TransferMode.TRANSFER_MODE_MOVE,
            requestId: o.requestId ?? '',
          });
          const transferId = r.transfer!.id;
          if (o.wait && r.task?.id) {
            const client = vmiClient(resolveEndpoint(g));
            try {
              await waitForTask(client, r.task.id, { quiet: !!g.json });
            } finally {
              client.close();
            }
          }
          const t = await f.getTransfer({ id: transferId });
          if (g.json)
            printJson(
              reservoir.veem.v1.Transfer.toObject(t as reservoir.veem.v1.Transfer, { defaults: true }),
            );
          else {
            process.stdout.write(
              details([
                ['transfer', t.id],
                ['mode', t.mode],
                ['state', t.state],
                ['target', `${t.targetSite}/${t.targetHost}`],
                ['target VM', t.targetVmId || '-'],
                ['disk', t.targetFormat ? `${t.sourceFormat} → ${t.targetFormat}` : '-'],
                ['error', t.errorCode ? `${t.errorCode}: ${t.errorMessage}` : '-'],
              ]) + '\n',
            );
            if ((t.log ?? []).length)
              process.stdout.write(
                table(
                  ['step', 'outcome', 'ms', 'code', 'message'],
                  (t.log ?? []).map((l) => [
                    l.step ?? '',
                    l.outcome ?? '',
                    l.ms ?? 0,
                    l.code ?? '',
                    l.message ?? '',
                  ]),
                ) + '\n',
              );
          }
          if (t.state === 'failed')
            throw new ReservoirError('ABORTED', `${mode} ${t.id} failed: ${t.errorCode}: ${t.errorMessage}`);
        }),
      );
  }
}
