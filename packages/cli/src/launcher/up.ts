import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createLogger,
  isReservoirError,
  startEmbeddedBroker,
  startService,
  ReservoirError,
  type Logger,
  type ServiceProcess,
} from '@reservoir/runtime';
import { vmiClient } from '@reservoir/veem';
import { endpointsFile, type Endpoints } from '../endpoints.js';
import { table } from '../output.js';
import { platformSecurity, type PlatformSecurity } from './platform-security.js';

export interface UpOptions {
  dataDir: string;
  hosts: number;
  sites: number;
  /**
   * First port; each site takes eight of the next ten: the gRPC ports of the VEEM, VEEH and Policy
   * Engine, then their Prometheus metrics in the same order, then the Service Manager's gRPC and
   * metrics ports. The monitoring service takes the first site's last two.
   */
  basePort: number;
  mqttUrl?: string;
  family: string;
  cores: number;
  memoryMib: number;
  latency: 'none' | 'realistic';
  /** PEM files of the CAs whose signatures on OVF packages the Service Managers accept. */
  trustStore?: string[];
  /** sim (default): simulated hosts; qemu: each site's agent runs real QEMU guests on this machine. */
  driver?: string;
}

const SITE_NAMES = ['site-a', 'site-b', 'site-c', 'site-d'];

/**
 * The all-in-one platform: an embedded MQTT broker, and per site a VEEH agent with simulated
 * hosts, a Policy Engine and a VEEM that places through it, on SQLite under the data directory,
 * each its own process. It registers the hosts, writes endpoints.json, and runs until SIGINT or
 * SIGTERM.
 */
export async function up(o: UpOptions): Promise<void> {
  if (!Number.isInteger(o.hosts) || o.hosts < 1 || o.hosts > 10_000)
    throw new ReservoirError('INVALID_ARGUMENT', `--hosts: ${o.hosts} must be from 1 to 10000`);
  if (!Number.isInteger(o.sites) || o.sites < 1 || o.sites > SITE_NAMES.length)
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `--sites: ${o.sites} must be from 1 to ${SITE_NAMES.length}`,
    );
  if (o.driver !== undefined && o.driver !== 'sim' && o.driver !== 'qemu')
    throw new ReservoirError('INVALID_ARGUMENT', `--driver: "${o.driver}" must be sim or qemu`);
  const dataDir = resolve(o.dataDir);
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const logger = createLogger({ service: 'launcher', destination: join(dataDir, 'logs', 'launcher.log') });
  const broker = o.mqttUrl ? undefined : await startEmbeddedBroker('127.0.0.1', 0);
  const mqtt = o.mqttUrl ?? broker!.url;
  const procs: ServiceProcess[] = [];
  let stopping = false;
  let security: PlatformSecurity | undefined;

  const stopAll = async () => {
    stopping = true;
    for (const p of [...procs].reverse()) await p.stop();
    await broker?.close();
    await security?.close();
    rmSync(endpointsFile(dataDir), { force: true });
  };

  try {
    const endpoints: Endpoints = {
      pid: process.pid,
      mqtt,
      dataDir,
      sites: {},
      startedAt: new Date().toISOString(),
    };
    // Every process authenticates callers against one security store and calls the others with
    // its own service credential; the security service administers the store.
    security = await platformSecurity(`sqlite:${join(dataDir, 'security.db')}`);
    const sec = security;
    const securityProc = await startService(
      'security',
      'packages/security/src/main.ts',
      ['--database', sec.database, '--listen', `127.0.0.1:${o.basePort + o.sites * 10 + 1}`],
      join(dataDir, 'logs', 'security.log'),
      await sec.envFor('security', 'platform'),
    );
    procs.push(securityProc);
    endpoints.security = securityProc.ready.address;
    // One monitoring service for the platform: the directory of every site's data sources, probe
    // control and KPI ingress.
    const monitor = await startService(
      'monitoring',
      'packages/monitoring/src/main.ts',
      [
        '--site',
        SITE_NAMES[0]!,
        '--all-sites',
        '--mqtt',
        mqtt,
        '--listen',
        `127.0.0.1:${o.basePort + 9}`,
        '--metrics-listen',
        `127.0.0.1:${o.basePort + 8}`,
        // Which organization a reported KPI's service belongs to, asked of the sites' SMs (started
        // later, at their fixed ports).
        ...SITE_NAMES.slice(0, o.sites).flatMap((_, i) => ['--sm', `127.0.0.1:${o.basePort + i * 10 + 6}`]),
      ],
      join(dataDir, 'logs', 'monitoring.log'),
      await sec.envFor('monitoring', 'platform'),
    );
    procs.push(monitor);
    endpoints.monitor = monitor.ready.address;
    if (monitor.ready.metrics) endpoints.monitorMetrics = monitor.ready.metrics;
    // One shared secret per pair of sites: each presents it to the other under their agreement.
    const tokens = pairTokens(o.sites);
    for (let i = 0; i < o.sites; i++) {
      const site = SITE_NAMES[i]!;
      const siteDir = join(dataDir, site);
      mkdirSync(siteDir, { recursive: true });
      const veemPort = o.basePort + i * 10;
      const veehPort = o.basePort + i * 10 + 1;
      const pePort = o.basePort + i * 10 + 2;
      const metricsPort = {
        veem: o.basePort + i * 10 + 3,
        veeh: o.basePort + i * 10 + 4,
        pe: o.basePort + i * 10 + 5,
        sm: o.basePort + i * 10 + 7,
      };
      const smPort = o.basePort + i * 10 + 6;
      const veeh = await startService(
        `${site} veeh`,
        'packages/veeh/src/main.ts',
        [
          '--listen',
          `127.0.0.1:${veehPort}`,
          '--metrics-listen',
          `127.0.0.1:${metricsPort.veeh}`,
          '--hosts',
          String(o.hosts),
          '--host-prefix',
          `${site}-host-`,
          '--family',
          o.family,
          '--cores',
          String(o.cores),
          '--memory-mib',
          String(o.memoryMib),
          '--latency-profile',
          o.latency,
          ...(o.driver === 'qemu' ? ['--driver', 'qemu', '--state-dir', join(siteDir, 'qemu')] : []),
          '--mqtt',
          mqtt,
          '--site',
          site,
        ],
        join(dataDir, 'logs', `${site}-veeh.log`),
        await sec.envFor('veeh', site),
      );
      procs.push(veeh);
      // The engine starts first: the VEEM places through it. It reaches the VEEM at its fixed
      // port once that one listens (only optimization needs it).
      const pe = await startService(
        `${site} pe`,
        'packages/policy-engine/src/main.ts',
        [
          '--site',
          site,
          '--database',
          `sqlite:${join(siteDir, 'pe.db')}`,
          '--mqtt',
          mqtt,
          '--listen',
          `127.0.0.1:${pePort}`,
          '--metrics-listen',
          `127.0.0.1:${metricsPort.pe}`,
          '--veem',
          `127.0.0.1:${veemPort}`,
        ],
        join(dataDir, 'logs', `${site}-pe.log`),
        await sec.envFor('pe', site),
      );
      procs.push(pe);
      const veemConfig = join(siteDir, 'veem-federation.json');
      writeFileSync(veemConfig, JSON.stringify(federationConfig(i, o.sites, o.basePort, tokens), null, 2));
      const veem = await startService(
        `${site} veem`,
        'packages/veem/src/main.ts',
        [
          '--config',
          veemConfig,
          '--site',
          site,
          '--database',
          `sqlite:${join(siteDir, 'veem.db')}`,
          '--mqtt',
          mqtt,
          '--listen',
          `127.0.0.1:${veemPort}`,
          '--metrics-listen',
          `127.0.0.1:${metricsPort.veem}`,
        ],
        join(dataDir, 'logs', `${site}-veem.log`),
        { RESERVOIR_VEEM_SCHEDULER__POLICY_ENGINE: pe.ready.address, ...(await sec.envFor('veem', site)) },
      );
      procs.push(veem);
      await registerHosts(
        veem.ready.address,
        veeh.ready.address,
        (veeh.ready.hosts as string[]) ?? [],
        logger,
      );
      await ensurePublicNetwork(veem.ready.address, `192.168.${100 + i}.0/24`);
      const sm = await startService(
        `${site} sm`,
        'packages/service-manager/src/main.ts',
        [
          '--site',
          site,
          '--database',
          `sqlite:${join(siteDir, 'sm.db')}`,
          '--veem',
          veem.ready.address,
          '--policy-engine',
          pe.ready.address,
          '--mqtt',
          mqtt,
          '--kpi-endpoint',
          monitor.ready.address,
          // Started after the sites, on a port known now: the SM connects when it first asks.
          '--accounting',
          `127.0.0.1:${o.basePort + o.sites * 10}`,
          '--listen',
          `127.0.0.1:${smPort}`,
          '--metrics-listen',
          `127.0.0.1:${metricsPort.sm}`,
          ...(o.trustStore ?? []).flatMap((f) => ['--trust-store', resolve(f)]),
        ],
        join(dataDir, 'logs', `${site}-sm.log`),
        await sec.envFor('sm', site),
      );
      procs.push(sm);
      endpoints.sites[site] = {
        veem: veem.ready.address,
        veeh: [veeh.ready.address],
        pe: pe.ready.address,
        sm: sm.ready.address,
        metrics: {
          veem: veem.ready.metrics ?? '',
          veeh: veeh.ready.metrics ? [veeh.ready.metrics] : [],
          pe: pe.ready.metrics ?? '',
          sm: sm.ready.metrics ?? '',
        },
      };
    }
    // One accounting service for the platform, metering every site's VMs from their events.
    const accounting = await startService(
      'accounting',
      'packages/accounting/src/main.ts',
      [
        '--database',
        `sqlite:${join(dataDir, 'accounting.db')}`,
        '--mqtt',
        mqtt,
        '--listen',
        `127.0.0.1:${o.basePort + o.sites * 10}`,
        ...Object.entries(endpoints.sites).flatMap(([s, e]) => ['--site', `${s}=${e.veem}`]),
        ...Object.values(endpoints.sites).flatMap((e) => (e.sm ? ['--sm', e.sm] : [])),
      ],
      join(dataDir, 'logs', 'accounting.log'),
      await sec.envFor('accounting', 'platform'),
    );
    procs.push(accounting);
    endpoints.accounting = accounting.ready.address;
    writeFileSync(endpointsFile(dataDir), `${JSON.stringify(endpoints, null, 2)}\n`);
    process.stdout.write(
      `Reservoir is up (data in ${dataDir}, logs in ${join(dataDir, 'logs')}).\n${table(
        ['SITE', 'VEEM (VMI gRPC)', 'VEEH AGENT', 'POLICY ENGINE', 'SERVICE MANAGER', 'HOSTS'],
        Object.entries(endpoints.sites).map(([s, e]) => [
          s,
          e.veem,
          e.veeh.join(', '),
          e.pe ?? '',
          e.sm ?? '',
          o.hosts,
        ]),
      )}\n${table(
        ['SITE', 'VEEM METRICS', 'VEEH METRICS', 'PE METRICS', 'SM METRICS'],
        Object.entries(endpoints.sites).map(([s, e]) => [
          s,
          `http://${e.metrics?.veem}/metrics`,
          (e.metrics?.veeh ?? []).map((a) => `http://${a}/metrics`).join(', '),
          `http://${e.metrics?.pe}/metrics`,
          `http://${e.metrics?.sm}/metrics`,
        ]),
      )}\nMonitoring: ${endpoints.monitor} (metrics http://${endpoints.monitorMetrics}/metrics)\nAccounting: ${endpoints.accounting}\nSecurity: ${endpoints.security}\nMQTT broker: ${mqtt}\nEndpoints: ${endpointsFile(dataDir)}\nTry: reservoir vm create --name web-1 --cpu 1 --memory 1G --wait\n     reservoir service deploy examples/web-tier.yaml --wait\nPress Ctrl-C to stop.\n${adminNotice(sec)}`,
    );
  } catch (e) {
    await stopAll();
    throw e;
  }

  await new Promise<void>((res) => {
    const onSignal = (sig: string) => {
      if (stopping) return;
      process.stdout.write(`\n${sig}: stopping...\n`);
      void stopAll().then(res);
    };
    process.on('SIGINT', () => onSignal('SIGINT'));
    process.on('SIGTERM', () => onSignal('SIGTERM'));
    for (const p of procs) {
      void p.exited.then((code) => {
        if (stopping) return;
        process.stderr.write(
          `${p.name} exited unexpectedly (code ${code}); stopping the platform. See ${join(dataDir, 'logs')}.\n`,
        );
        process.exitCode = 1;
        void stopAll().then(res);
      });
    }
  });
}

/** The first start's administrator credential, printed this once and never stored in clear. */
function adminNotice(sec: PlatformSecurity): string {
  if (!sec.admin) return 'Log in: reservoir login --org system --user admin\n';
  const { organization, user, password } = sec.admin;
  return `\nSystem administrator (shown only now): organization "${organization}", user "${user}", password ${password.reveal()}\nLog in: reservoir login --org ${organization} --user ${user}   (then set a new password: reservoir passwd)\nA "demo" organization is ready for users: reservoir user create alice@demo --role service-provider --generate-password\n`;
}

/** Registers every host of the agent that the VEEM does not know yet (a restart finds them registered). */
async function registerHosts(veem: string, agent: string, hostIds: string[], logger: Logger): Promise<void> {
  const c = vmiClient(veem);
  try {
    const known = new Set(
      (await c.hosts.listHosts({})).hosts.map((h) => `${h.agentEndpoint}/${h.agentHostId}`),
    );
    for (const id of hostIds) {
      if (known.has(`${agent}/${id}`)) continue;
      try {
        await c.hosts.registerHost({ name: id, agentEndpoint: agent, agentHostId: id });
      } catch (e) {
        if (isReservoirError(e) && e.code === 'ALREADY_EXISTS') continue;
        throw e;
      }
    }
    logger.info({ veem, agent, hosts: hostIds.length }, 'hosts registered');
  } finally {
    c.close();
  }
}

/**
 * The site's external network, named "public" as manifests name the network their public tiers
 * reach users on (a restart finds it there).
 */
async function ensurePublicNetwork(veem: string, cidr: string): Promise<void> {
  const c = vmiClient(veem);
  try {
    const { networks } = await c.networks.listNetworks({});
    if (networks.some((n) => n.name === 'public')) return;
    await c.networks.createNetwork({ name: 'public', cidr, scope: 'external' });
  } finally {
    c.close();
  }
}

const SITE_COUNTRIES = ['DE', 'FR', 'IT', 'ES'];

function pairTokens(n: number): Map<string, string> {
  const tokens = new Map<string, string>();
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) tokens.set(`${i}/${j}`, randomBytes(24).toString('base64url'));
  return tokens;
}

/**
 * The federation part of a site's VEEM configuration: every other site of this platform is a
 * partner, reached at its VEEM's fixed port with the pair's token.
 */
function federationConfig(i: number, sites: number, basePort: number, tokens: Map<string, string>): object {
  const partners = [];
  for (let j = 0; j < sites; j++) {
    if (j === i) continue;
    partners.push({
      site: SITE_NAMES[j],
      endpoint: `127.0.0.1:${basePort + j * 10}`,
      token: tokens.get(`${Math.min(i, j)}/${Math.max(i, j)}`),
      // Each site bursts onto the others when its own hosts are full.
      burst: true,
    });
  }
  return { federation: { country: SITE_COUNTRIES[i], partners } };
}
