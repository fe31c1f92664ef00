import type { Command } from 'commander';
import { ReservoirError } from '@reservoir/runtime';
import { details, printJson } from '../output.js';
import { MONITOR_ENDPOINT_OPTION, probeJson, withMonitoringClient } from './monitor.js';

function parseValue(raw: string): number {
  const v = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(v))
    throw new ReservoirError('INVALID_ARGUMENT', `--value: "${raw}" is not a number`, { field: '--value' });
  return v;
}

export function registerKpiCommands(program: Command): void {
  const kpi = program
    .command('kpi')
    .description("services' key performance indicators (monitoring service)")
    .option(...MONITOR_ENDPOINT_OPTION);

  kpi
    .command('push')
    .description("publish one value of a service's KPI to the service's consumers")
    .requiredOption('--service <id>', 'the service the KPI belongs to')
    .requiredOption('--name <name>', "the KPI's name, e.g. requests_per_second")
    .requiredOption('--value <number>', 'the value')
    .option('--units <units>', 'units of the value (fixed by the first push)')
    .action(async (o: { service: string; name: string; value: string; units?: string }, cmd: Command) => {
      const value = parseValue(o.value);
      await withMonitoringClient(cmd, async (c, g) => {
        const { probe } = await c.pushKpi({
          serviceId: o.service,
          name: o.name,
          value,
          units: o.units ?? '',
        });
        if (g.json) return printJson({ value, probe: probe ? probeJson(probe) : null });
        process.stdout.write(
          `${details([
            ['service', o.service],
            ['kpi', o.name],
            ['value', o.units ? `${value} ${o.units}` : value],
            ['probe', probe?.id ?? ''],
            ['data source', probe?.dataSourceId ?? ''],
          ])}\n`,
        );
      });
    });
}
