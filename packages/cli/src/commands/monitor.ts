import type { Command } from 'commander';
import { MonitoringServiceDefinition, reservoir } from '@reservoir/contracts';
import { MAX_PERIOD_MS, MIN_PERIOD_MS } from '@reservoir/monitoring';
import { createClient, ReservoirError, type ClosableClient } from '@reservoir/runtime';
import type { GlobalOptions } from '../command-context.js';
import { resolvePlatformEndpoint } from '../endpoints.js';
import { ago, details, plain, printJson, table } from '../output.js';

export type MonitoringClient = ClosableClient<typeof MonitoringServiceDefinition>;

export interface MonitorGlobalOptions extends GlobalOptions {
  monitorEndpoint?: string;
}

export const MONITOR_ENDPOINT_OPTION = [
  '--monitor-endpoint <host:port>',
  'monitoring service endpoint (default: RESERVOIR_MONITOR_ENDPOINT, or the one under "reservoir up")',
] as const;

/** The monitoring service: --monitor-endpoint, then RESERVOIR_MONITOR_ENDPOINT, then endpoints.json's "monitor". */
export function resolveMonitorEndpoint(opts: { monitorEndpoint?: string; dataDir?: string }): string {
  return resolvePlatformEndpoint(
    opts.monitorEndpoint,
    opts,
    'monitor',
    '--monitor-endpoint',
    'RESERVOIR_MONITOR_ENDPOINT',
    'monitoring service',
  );
}

/** Runs a command with a client of the monitoring service, closing it afterwards. */
export async function withMonitoringClient<T>(
  cmd: Command,
  fn: (client: MonitoringClient, g: MonitorGlobalOptions) => Promise<T>,
): Promise<T> {
  const g = cmd.optsWithGlobals<MonitorGlobalOptions>();
  const client = createClient(MonitoringServiceDefinition, resolveMonitorEndpoint(g), { deadlineMs: 30_000 });
  try {
    return await fn(client, g);
  } finally {
    client.close();
  }
}

/** "500ms", "2s", "1.5s", "1m" or a bare number of milliseconds → milliseconds. */
export function parsePeriod(field: string, raw: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/i.exec(raw.trim());
  const scale = { ms: 1, s: 1000, m: 60_000 }[(m?.[2] ?? 'ms').toLowerCase() as 'ms' | 's' | 'm'];
  const ms = m ? Math.round(Number(m[1]) * scale) : NaN;
  if (!Number.isInteger(ms) || ms < MIN_PERIOD_MS || ms > MAX_PERIOD_MS) {
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `${field}: "${raw}" is not a period from ${MIN_PERIOD_MS}ms to ${MAX_PERIOD_MS / 3_600_000}h such as 500ms or 2s`,
      { field },
    );
  }
  return ms;
}

const ATTRIBUTE_TYPES: Record<string, reservoir.monitoring.v1.AttributeType> = {
  double: reservoir.monitoring.v1.AttributeType.ATTRIBUTE_TYPE_DOUBLE,
  int: reservoir.monitoring.v1.AttributeType.ATTRIBUTE_TYPE_INT,
  string: reservoir.monitoring.v1.AttributeType.ATTRIBUTE_TYPE_STRING,
  bool: reservoir.monitoring.v1.AttributeType.ATTRIBUTE_TYPE_BOOL,
};

/** Collects repeated `--attribute name:type[:units]` options, numbering the fields from 1. */
export function attributeOption(
  raw: string,
  previous: reservoir.monitoring.v1.IProbeAttribute[] = [],
): reservoir.monitoring.v1.IProbeAttribute[] {
  const [name, type, ...units] = raw.split(':');
  const t = type === undefined ? undefined : ATTRIBUTE_TYPES[type];
  if (!name || t === undefined)
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `--attribute: "${raw}" must be name:type[:units] with type double, int, string or bool`,
      { field: '--attribute' },
    );
  return [...previous, { field: previous.length + 1, name, type: t, units: units.join(':') }];
}

function period(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

const TYPE_NAMES: Record<string, string> = {
  ATTRIBUTE_TYPE_DOUBLE: 'double',
  ATTRIBUTE_TYPE_INT: 'int',
  ATTRIBUTE_TYPE_STRING: 'string',
  ATTRIBUTE_TYPE_BOOL: 'bool',
};

/** A probe as the monitoring library's ProbeInfoJson: attribute types by name. */
export function probeJson(p: reservoir.monitoring.v1.IProbeInfo): Record<string, unknown> {
  const o = plain(p as reservoir.monitoring.v1.ProbeInfo, reservoir.monitoring.v1.ProbeInfo);
  const attributes = (o.attributes as Record<string, unknown>[]).map((a) => ({
    ...a,
    type: TYPE_NAMES[String(a.type)] ?? String(a.type),
  }));
  return { ...o, attributes };
}

function sourceJson(s: reservoir.monitoring.v1.IDataSourceInfo): Record<string, unknown> {
  return {
    ...plain(s as reservoir.monitoring.v1.DataSourceInfo, reservoir.monitoring.v1.DataSourceInfo),
    probes: (s.probes ?? []).map((p) => probeJson(p)),
  };
}

function attributesText(p: reservoir.monitoring.v1.IProbeInfo): string {
  return (p.attributes ?? []).map((a) => (a.units ? `${a.name} (${a.units})` : a.name)).join(', ');
}

export function printProbe(p: reservoir.monitoring.v1.ProbeInfo, g: GlobalOptions): void {
  if (g.json) return printJson(probeJson(p));
  process.stdout.write(
    `${details([
      ['probe', p.id],
      ['name', p.name],
      ['data source', p.dataSourceId],
      ['service', p.serviceId || '-'],
      ['state', p.on ? 'on' : 'off'],
      ['period', period(p.periodMs)],
      ['attributes', attributesText(p) || '-'],
    ])}\n`,
  );
}

interface ProbeTarget {
  source: string;
  timeout?: string;
}

async function control(
  cmd: Command,
  o: ProbeTarget,
  req: Omit<reservoir.monitoring.v1.IControlProbeRequest, 'dataSourceId' | 'timeoutMs'>,
): Promise<void> {
  const timeoutMs = o.timeout === undefined ? undefined : parsePeriod('--timeout', o.timeout);
  await withMonitoringClient(cmd, async (c, g) =>
    printProbe(
      await c.controlProbe({ ...req, dataSourceId: o.source, ...(timeoutMs ? { timeoutMs } : {}) }),
      g,
    ),
  );
}

export function registerMonitorCommands(program: Command): void {
  const monitor = program
    .command('monitor')
    .description('data sources and probes (monitoring service)')
    .option(...MONITOR_ENDPOINT_OPTION);

  monitor
    .command('sources')
    .description('list the data sources the monitoring service knows')
    .option('--kind <kind>', 'only host, vm, platform or service data sources')
    .action(async (o: { kind?: string }, cmd: Command) =>
      withMonitoringClient(cmd, async (c, g) => {
        const { sources } = await c.listSources({ kind: o.kind ?? '' });
        if (g.json) return printJson(sources.map(sourceJson));
        process.stdout.write(
          `${table(
            ['ID', 'NAME', 'SITE', 'KIND', 'PROBES', 'UPDATED'],
            sources.map((s) => [
              s.id ?? '',
              s.name ?? '',
              s.site ?? '',
              s.kind ?? '',
              s.probes?.length ?? 0,
              ago(s.updatedAtMs),
            ]),
          )}\n`,
        );
      }),
    );

  monitor
    .command('probes')
    .description('list probes')
    .option('--source <id>', 'only the probes of this data source')
    .option('--service <id>', 'only the probes of this service')
    .action(async (o: { source?: string; service?: string }, cmd: Command) =>
      withMonitoringClient(cmd, async (c, g) => {
        const { probes } = await c.listProbes({ dataSourceId: o.source ?? '', serviceId: o.service ?? '' });
        if (g.json) return printJson(probes.map((p) => probeJson(p)));
        process.stdout.write(
          `${table(
            ['ID', 'NAME', 'SOURCE', 'SERVICE', 'STATE', 'PERIOD', 'ATTRIBUTES'],
            probes.map((p) => [
              p.id ?? '',
              p.name ?? '',
              p.dataSourceId ?? '',
              p.serviceId || '-',
              p.on ? 'on' : 'off',
              period(p.periodMs ?? 0),
              attributesText(p),
            ]),
          )}\n`,
        );
      }),
    );

  const probe = monitor
    .command('probe')
    .description('turn probes on or off, set their rate, add or remove them');
  const target = (c: Command) =>
    c
      .requiredOption('--source <id>', 'the data source holding the probe')
      .option('--timeout <period>', "how long to wait for the data source's answer, e.g. 2s");

  for (const action of ['on', 'off'] as const) {
    target(probe.command(`${action} <probe>`).description(`turn a probe ${action}`)).action(
      async (id: string, o: ProbeTarget, cmd: Command) => control(cmd, o, { action, probeId: id }),
    );
  }

  target(probe.command('rate <probe>').description('set the time between measurements of a probe'))
    .requiredOption('--period <period>', 'e.g. 500ms or 2s')
    .action(async (id: string, o: ProbeTarget & { period: string }, cmd: Command) =>
      control(cmd, o, { action: 'rate', probeId: id, periodMs: parsePeriod('--period', o.period) }),
    );

  target(probe.command('add <name>').description('add a probe of a kind the data source knows how to sample'))
    .option('--period <period>', 'time between measurements, e.g. 500ms or 2s (default 1s)')
    .option('--id <id>', "the new probe's id (default: one is made)")
    .option('--service <id>', 'the service the probe belongs to')
    .option(
      '--attribute <name:type[:units]>',
      'an attribute the probe reports, e.g. load1:double (repeatable, in field order)',
      attributeOption,
    )
    .action(
      async (
        name: string,
        o: ProbeTarget & {
          period?: string;
          id?: string;
          service?: string;
          attribute?: reservoir.monitoring.v1.IProbeAttribute[];
        },
        cmd: Command,
      ) => {
        const periodMs = o.period === undefined ? undefined : parsePeriod('--period', o.period);
        await control(cmd, o, {
          action: 'add',
          ...(o.id ? { probeId: o.id } : {}),
          ...(periodMs ? { periodMs } : {}),
          probe: {
            name,
            ...(o.service ? { serviceId: o.service } : {}),
            ...(o.attribute ? { attributes: o.attribute } : {}),
          },
        });
      },
    );

  target(probe.command('remove <probe>').description('remove a probe from its data source')).action(
    async (id: string, o: ProbeTarget, cmd: Command) => control(cmd, o, { action: 'remove', probeId: id }),
  );
}
