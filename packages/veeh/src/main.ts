// The VEEH agent process: `node --import tsx packages/veeh/src/main.ts --hosts 4 --family kvm:3,hyperv:1`.
// stdout carries one JSON line when ready, {"event":"listening","address":...,"metrics":...,"hosts":[...]};
// logs go to stderr so launchers can read stdout undisturbed. With --security (or RESERVOIR_SECURITY)
// every VHI call is authenticated and authorized against that security store.
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  announceListening,
  createLogger,
  MqttBus,
  runMain,
  stopOnSignals,
  type LoggerOptions,
} from '@reservoir/runtime';
import { securityForProcess } from '@reservoir/security';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { QemuDriver } from './adapters/qemu/qemu-driver.js';
import { NETWORK_MODES, type NetworkMode } from './adapters/qemu/tap-network.js';
import { ensureTinyGuest, tinyGuestAppend } from './adapters/qemu/tiny-guest.js';
import { createVeeh } from './create-veeh.js';
import { startVeehMonitoring } from './probes/veeh-monitoring.js';
import { LATENCY_PROFILE_NAMES, type LatencyProfileName } from './domain/latency.js';
import { buildFleet, parseFamilyMix } from './fleet.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('must be an integer');
  return n;
}

interface CliOptions {
  driver: 'sim' | 'qemu';
  stateDir?: string;
  network: NetworkMode;
  listen: string;
  mqtt?: string;
  site: string;
  probePeriodMs: number;
  metricsListen: string;
  hosts?: number;
  hostPrefix: string;
  family: string;
  cores: number;
  memoryMib: number;
  diskMib: number;
  latencyProfile: LatencyProfileName;
  seed: number;
  security?: string;
  logLevel: NonNullable<LoggerOptions['level']>;
}

const program = new Command()
  .name('veeh')
  .description(
    'VEEH host agent: serves VHI over gRPC for simulated hosts (driver "sim") or this machine (driver "qemu")',
  )
  .addOption(
    new Option(
      '--driver <driver>',
      'sim: simulated hosts; qemu: hosts on this machine running QEMU (one unless --hosts)',
    )
      .choices(['sim', 'qemu'])
      .default('sim')
      .env('VEEH_DRIVER'),
  )
  .addOption(
    new Option(
      '--state-dir <dir>',
      'qemu driver: where domains keep their files (required with --driver qemu)',
    ).env('VEEH_STATE_DIR'),
  )
  .addOption(
    new Option(
      '--network <mode>',
      'qemu driver: NICs on user-mode networking (no counters), or a tap per NIC on a bridge per network (measured; needs CAP_NET_ADMIN)',
    )
      .choices(NETWORK_MODES)
      .default('user')
      .env('RESERVOIR_QEMU_NETWORK'),
  )
  .addOption(
    new Option('--listen <address>', 'gRPC address to bind').default('127.0.0.1:0').env('VEEH_LISTEN'),
  )
  .addOption(
    new Option('--metrics-listen <address>', "Prometheus metrics address (host:port; '' for none)")
      .default('127.0.0.1:0')
      .env('VEEH_METRICS_LISTEN'),
  )
  .addOption(
    new Option('--mqtt <url>', 'broker for the host and VM probes (none: no probes)').env('VEEH_MQTT'),
  )
  .addOption(new Option('--site <site>', 'site the probes report for').default('site-a').env('VEEH_SITE'))
  .addOption(
    new Option('--probe-period-ms <n>', 'time between probe measurements')
      .argParser(positiveInt)
      .default(5000)
      .env('VEEH_PROBE_PERIOD_MS'),
  )
  .addOption(
    new Option(
      '--hosts <n>',
      'number of hosts (default: the family counts, else 1); with qemu, each its own storage under --state-dir',
    )
      .argParser(positiveInt)
      .env('VEEH_HOSTS'),
  )
  .addOption(
    new Option('--host-prefix <prefix>', 'host ids are the prefix and an index')
      .default('host-')
      .env('VEEH_HOST_PREFIX'),
  )
  .addOption(
    new Option(
      '--family <mix>',
      'kvm | xen | vmware | hyperv, or a mix: kvm:8,hyperv:2 (counts) or kvm,xen (round-robin)',
    )
      .default('kvm')
      .env('VEEH_FAMILY'),
  )
  .addOption(
    new Option('--cores <n>', 'physical cores per host').argParser(positiveInt).default(32).env('VEEH_CORES'),
  )
  .addOption(
    new Option('--memory-mib <n>', 'memory per host, MiB')
      .argParser(positiveInt)
      .default(262_144)
      .env('VEEH_MEMORY_MIB'),
  )
  .addOption(
    new Option('--disk-mib <n>', 'disk per host, MiB')
      .argParser(positiveInt)
      .default(4_194_304)
      .env('VEEH_DISK_MIB'),
  )
  .addOption(
    new Option('--latency-profile <name>', 'operation latencies')
      .choices(LATENCY_PROFILE_NAMES)
      .default('none')
      .env('VEEH_LATENCY_PROFILE'),
  )
  .addOption(
    new Option('--seed <n>', 'seed of measurements and random faults')
      .argParser(integer)
      .default(1)
      .env('VEEH_SEED'),
  )
  .addOption(
    new Option(
      '--security <url>',
      'security store database URL (none: every caller is admitted unchecked)',
    ).env('RESERVOIR_SECURITY'),
  )
  .addOption(
    new Option('--log-level <level>', 'log level (logs go to stderr)')
      .choices(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
      .default('info')
      .env('RESERVOIR_LOG_LEVEL'),
  );

/**
 * The QEMU hosts of this agent, all on this machine: one by default; with --hosts N, N hosts
 * sharing no storage (each its own directory under --state-dir) and each owning an equal share
 * of the machine's cores and memory, so that placement counts the machine once.
 */
async function openQemuHosts(
  opts: CliOptions,
  logger: ReturnType<typeof createLogger>,
  bandwidth: number | undefined,
  accel: string | undefined,
): Promise<QemuDriver[]> {
  const count = opts.hosts ?? 1;
  const stateDir = opts.stateDir!;
  // A VM made without an image boots the tiny guest, built from Debian's kernel and busybox.
  const tiny = await ensureTinyGuest(join(stateDir, '.tiny-guest'));
  const share = {
    vcpus: Math.max(1, Math.floor(cpus().length / count)),
    memoryMib: Math.floor(totalmem() / 2 ** 20 / count),
  };
  const drivers: QemuDriver[] = [];
  for (let i = 0; i < count; i++) {
    const hostId = `${opts.hostPrefix}${i}`;
    drivers.push(
      await QemuDriver.open({
        stateDir: count === 1 ? stateDir : join(stateDir, hostId),
        hostId,
        ...(count > 1 ? { capacity: share } : {}),
        network: opts.network,
        logger,
        defaultBoot: { ...tiny, append: tinyGuestAppend },
        ...(process.env.VEEH_SHUTDOWN_TIMEOUT_MS
          ? { shutdownTimeoutMs: Number(process.env.VEEH_SHUTDOWN_TIMEOUT_MS) }
          : {}),
        ...(bandwidth ? { migrationBandwidthMibs: bandwidth } : {}),
        // KVM when /dev/kvm works (the default); tcg where it exists but cannot run guests.
        ...(accel === 'kvm' || accel === 'tcg' ? { accel } : {}),
      }),
    );
  }
  return drivers;
}

async function main(): Promise<void> {
  const opts = program.parse(process.argv).opts<CliOptions>();
  const logger = createLogger({ service: 'veeh', level: opts.logLevel, destination: 2 });
  if (opts.driver === 'qemu' && !opts.stateDir) program.error('--driver qemu needs --state-dir');
  if (opts.driver !== 'qemu' && opts.network !== 'user')
    logger.warn({ network: opts.network }, '--network applies to --driver qemu only; ignored');
  const accel = process.env.RESERVOIR_QEMU_ACCEL;
  const bandwidthText = process.env.VEEH_MIGRATION_BANDWIDTH_MIBS;
  const bandwidth = bandwidthText ? Number(bandwidthText) : undefined;
  if (bandwidth !== undefined && !(bandwidth > 0))
    program.error(`VEEH_MIGRATION_BANDWIDTH_MIBS: "${bandwidthText}" must be a positive number of MiB/s`);
  if (accel && accel !== 'kvm' && accel !== 'tcg')
    program.error(`RESERVOIR_QEMU_ACCEL: "${accel}" must be kvm or tcg`);
  const qemu = opts.driver === 'qemu' ? await openQemuHosts(opts, logger, bandwidth, accel) : undefined;
  const hosts = qemu
    ? []
    : buildFleet({
        count: opts.hosts,
        prefix: opts.hostPrefix,
        families: parseFamilyMix(opts.family),
        template: { cores: opts.cores, memoryMib: opts.memoryMib, diskMib: opts.diskMib },
      });
  const security = await securityForProcess(opts.security, `veeh@${opts.site}`, logger);
  const veeh = await createVeeh({
    hosts,
    ...(qemu ? { drivers: qemu } : {}),
    logger,
    ...(security ? { enforce: security.enforce } : {}),
    latencies: opts.latencyProfile,
    seed: opts.seed,
    listen: opts.listen,
    ...(opts.metricsListen ? { metricsListen: opts.metricsListen } : {}),
  });

  // Host and VM probes on the monitoring data plane, when a broker is given.
  const bus = opts.mqtt
    ? await MqttBus.connect({ url: opts.mqtt, clientId: `veeh-${opts.site}-${process.pid}`, logger })
    : undefined;
  const probes = bus
    ? await startVeehMonitoring({
        agent: veeh.agent,
        bus,
        site: opts.site,
        periodMs: opts.probePeriodMs,
        logger,
      })
    : undefined;
  stopOnSignals(logger, async () => {
    await probes?.stop();
    await bus?.close();
    await veeh.stop();
    await security?.close();
  });
  announceListening({
    address: veeh.address!,
    ...(veeh.metrics ? { metrics: veeh.metrics } : {}),
    hosts: veeh.agent.hostIds(),
  });
}

runMain('veeh', main);
