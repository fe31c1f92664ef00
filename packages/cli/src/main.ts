import { Command, CommanderError } from 'commander';
import { isReservoirError } from '@reservoir/runtime';
import { registerBillingCommands } from './commands/billing.js';
import { registerCatalogCommands } from './commands/catalog.js';
import { registerHostCommands } from './commands/host.js';
import { registerInteropCommands } from './commands/interop.js';
import { registerKpiCommands } from './commands/kpi.js';
import { registerManifestCommands } from './commands/manifest.js';
import { registerMonitorCommands } from './commands/monitor.js';
import { registerOvfCommands } from './commands/ovf.js';
import { registerPeCommands } from './commands/pe.js';
import { registerPolicyCommands } from './commands/policy.js';
import { registerSecurityCommands } from './commands/security.js';
import { registerServiceCommands } from './commands/service.js';
import { registerTaskCommands } from './commands/task.js';
import { registerVmCommands } from './commands/vm.js';
import { useCliCredential } from './credentials.js';
import { DEFAULT_DATA_DIR } from './endpoints.js';
import { up } from './launcher/up.js';

const program = new Command('reservoir')
  .description('Reservoir: a federated IaaS platform')
  .option(
    '--endpoint <host:port>',
    'VEEM endpoint (default: RESERVOIR_ENDPOINT, or the running "reservoir up" in --data-dir)',
  )
  .option(
    '--data-dir <dir>',
    'data directory of "reservoir up"',
    process.env.RESERVOIR_DATA_DIR ?? DEFAULT_DATA_DIR,
  )
  .option('--site <site>', 'site to talk to when "reservoir up" runs several')
  .option('--json', 'print JSON instead of tables')
  .showHelpAfterError()
  .exitOverride();

program
  .command('up')
  .description(
    'start the platform on embedded defaults (MQTT broker, SQLite, simulated hosts) in the foreground',
  )
  .option('--hosts <n>', 'hosts per site (default 4 simulated, or 1 with --driver qemu)', (v) => Number(v))
  .option('--sites <n>', 'sites', (v) => Number(v), 1)
  .option(
    '--port <port>',
    'first gRPC port (VEEM of site-a, then its agent and Policy Engine; each site takes the next ten)',
    (v) => Number(v),
    7400,
  )
  .option('--mqtt <url>', 'use this MQTT broker instead of the embedded one')
  .option(
    '--family <families>',
    'hypervisor families of the simulated hosts, e.g. kvm or kvm:3,hyperv:1',
    'kvm',
  )
  .option('--cores <n>', 'cores per simulated host', (v) => Number(v), 16)
  .option('--memory <mib>', 'memory per simulated host, MiB', (v) => Number(v), 65536)
  .option('--latency <profile>', 'simulated operation latencies: none or realistic', 'realistic')
  .option(
    '--driver <driver>',
    'sim: simulated hosts; qemu: real QEMU guests on this machine (--hosts of them per site share no storage)',
    'sim',
  )
  .option(
    '--trust-store <pem>',
    'CA certificates (PEM) the Service Managers trust to sign OVF packages (repeatable)',
    (v: string, prev: string[] = []) => [...prev, v],
  )
  .action(async (o, cmd: Command) => {
    const g = cmd.optsWithGlobals<{ dataDir: string }>();
    await up({
      dataDir: g.dataDir,
      hosts: o.hosts ?? (o.driver === 'qemu' ? 1 : 4),
      sites: o.sites,
      basePort: o.port,
      ...(o.mqtt ? { mqttUrl: o.mqtt } : {}),
      family: o.family,
      cores: o.cores,
      memoryMib: o.memory,
      latency: o.latency,
      trustStore: o.trustStore ?? [],
      driver: o.driver,
    });
  });

registerHostCommands(program);
registerVmCommands(program);
registerTaskCommands(program);
registerCatalogCommands(program);
registerPolicyCommands(program);
registerPeCommands(program);
registerMonitorCommands(program);
registerKpiCommands(program);
registerOvfCommands(program);
registerManifestCommands(program);
registerServiceCommands(program);
registerInteropCommands(program);
registerBillingCommands(program);
registerSecurityCommands(program);

// Every gRPC call of this process presents RESERVOIR_TOKEN, RESERVOIR_API_KEY or the stored login.
useCliCredential();

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode;
  } else if (isReservoirError(e)) {
    process.stderr.write(`error: ${e.code}: ${e.message}\n`);
    process.exitCode = e.code === 'INVALID_ARGUMENT' ? 2 : 1;
  } else {
    process.stderr.write(`error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  }
}
