// `reservoir manifest convert|validate`: offline work on service manifests (OVF with Reservoir
// extensions, or their YAML form); no platform needs to run.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isReservoirError, ReservoirError } from '@reservoir/runtime';
import {
  estimateCost,
  formatProblem,
  manifestToOvf,
  manifestToYaml,
  readManifest,
  REFERENCE_PRICES,
  validateManifest,
  type ServiceManifest,
} from '@reservoir/service-manager';
import { details, printJson } from '../output.js';
import { readManifestInput } from './service-input.js';

/** The manifest's text: a YAML or OVF file, or the descriptor of an OVA or package directory. */
async function readText(file: string): Promise<string> {
  return (await readManifestInput(file)).text;
}

/** Invalid input: one line per problem on stderr and exit status 2, no "error:" wrapping. */
function reportInvalid(e: unknown): void {
  if (!isReservoirError(e) || e.code !== 'INVALID_ARGUMENT') throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 2;
}

const money = (n: number, currency: string): string => `${n.toFixed(4).replace(/\.?0+$/, '')} ${currency}/h`;

function bounds(m: ServiceManifest): string {
  return m.components
    .map((c) => `${c.id} ${c.instances.min}..${c.instances.max} (${c.instances.initial})`)
    .join(', ');
}

export function registerManifestCommands(program: Command): void {
  const manifest = program
    .command('manifest')
    .description('service manifests: OVF with Reservoir extensions, or their YAML authoring form');

  manifest
    .command('convert <file>')
    .description('convert a manifest to OVF or YAML without loss (the input form is read from its content)')
    .requiredOption('--to <format>', 'ovf or yaml')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (file: string, o: { to: string; out?: string }) => {
      try {
        if (o.to !== 'ovf' && o.to !== 'yaml') {
          throw new ReservoirError('INVALID_ARGUMENT', `--to: "${o.to}" is not ovf or yaml`, {
            field: '--to',
          });
        }
        const { manifest: m } = readManifest(await readText(file), file);
        const text = o.to === 'ovf' ? manifestToOvf(m) : manifestToYaml(m);
        if (o.out === undefined) process.stdout.write(text);
        else writeFileSync(o.out, text);
      } catch (e) {
        reportInvalid(e);
      }
    });

  manifest
    .command('validate <file>')
    .description(
      'report every problem of a manifest with its place, and its cost per hour at reference prices',
    )
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const { json } = cmd.optsWithGlobals<{ json?: boolean }>();
      try {
        const { manifest: m, source } = readManifest(await readText(file), file);
        const problems = validateManifest(m, source);
        const cost = estimateCost(m, REFERENCE_PRICES);
        const errors = problems.filter((p) => p.severity === 'error').length;
        if (errors > 0) process.exitCode = 2;
        if (json) return printJson({ file, format: source.format, valid: errors === 0, problems, cost });
        for (const p of problems) process.stderr.write(`${formatProblem(p, file)}\n`);
        if (errors > 0) return;
        const budget = m.business.budgetPerHour;
        process.stdout.write(
          `${details([
            ['service', `${m.id} (${source.format})`],
            ['components', bounds(m)],
            ['rules', m.rules.map((r) => r.id).join(', ')],
            ['cost at initial size', money(cost.perHourAtInitial, cost.currency)],
            ['cost at largest size', money(cost.perHourAtMax, cost.currency)],
            ['budget', budget === null ? 'none' : money(budget, m.business.currency)],
          ])}\n`,
        );
      } catch (e) {
        reportInvalid(e);
      }
    });
}
