import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMonitoring,
  monitoringClient,
  type MonitoringClient,
  type RunningMonitoring,
} from '@reservoir/monitoring';
import { createPolicyEngine, type RunningPolicyEngine } from '@reservoir/policy-engine';
import {
  isTerminal,
  MqttBus,
  silentLogger,
  startEmbeddedBroker,
  taskFromPb,
  type EmbeddedBroker,
  type MessageBus,
  type Task,
} from '@reservoir/runtime';
import { createVeeh, type Veeh } from '@reservoir/veeh';
import {
  createVeem,
  DEFAULT_SETTINGS,
  vmiClient,
  type PartnerAgreement,
  type RunningVeem,
  type VmiClient,
} from '@reservoir/veem';
import { createServiceManager, type RunningServiceManager } from '../src/create-service-manager.js';
import { smiClient, type SmiClient } from '../src/client.js';
import type { SmSettings } from '../src/app/settings.js';

// A whole site in this process over real gRPC and MQTT: simulated hosts (VEEH), a VEEM placing
// through a Policy Engine, the monitoring service's KPI ingress, and a Service Manager.

export interface SmSite {
  site: string;
  dir: string;
  broker: EmbeddedBroker;
  bus: MessageBus;
  agent: Veeh;
  veem: RunningVeem;
  pe: RunningPolicyEngine;
  monitoring: RunningMonitoring;
  /** Absent when started with sm: false. */
  sm: RunningServiceManager | undefined;
  vmi: VmiClient;
  smi: SmiClient;
  kpi: MonitoringClient;
  /** The partner site, when started with `partner`. */
  partner: { veem: RunningVeem; agent: Veeh; vmi: VmiClient } | undefined;
  /** Stops the SM only (its database stays), for crash and resume tests. */
  restartSm(settings?: Partial<Omit<SmSettings, 'site'>>): Promise<void>;
  stop(): Promise<void>;
}

export interface SmSiteOptions {
  hosts?: number;
  cores?: number;
  memoryMib?: number;
  settings?: Partial<Omit<SmSettings, 'site'>>;
  /** Images to register at the VEEM: name → size MiB. */
  images?: Record<string, number>;
  /** false: no Service Manager in this process (a test runs its own). */
  sm?: boolean;
  /** Milliseconds the simulated hypervisor takes per operation (create, start, …); instant by default. */
  opLatencyMs?: number;
  /** Milliseconds a shutdown takes, so a scale-in stays observable mid-way; instant by default. */
  shutdownLatencyMs?: number;
  /** A partner site (site-b) the VEEM bursts onto when its own hosts are full. */
  partner?: { hosts: number; cores?: number };
}

export async function startSmSite(o: SmSiteOptions = {}): Promise<SmSite> {
  const site = 'site-a';
  const dir = mkdtempSync(join(tmpdir(), 'sm-site-'));
  const broker = await startEmbeddedBroker();
  const bus = await MqttBus.connect({
    url: broker.url,
    clientId: `sm-test-${process.pid}-${Date.now()}`,
    logger: silentLogger(),
  });
  const hosts = Array.from({ length: o.hosts ?? 6 }, (_, i) => ({
    id: `h${i + 1}`,
    family: 'kvm' as const,
    cores: o.cores ?? 16,
    memoryMib: o.memoryMib ?? 65536,
    diskMib: 2_000_000,
  }));
  const agent = await createVeeh({
    hosts,
    listen: '127.0.0.1:0',
    ...(o.opLatencyMs || o.shutdownLatencyMs
      ? {
          latencies: {
            ops: {
              ...(o.opLatencyMs ? { create: o.opLatencyMs, start: o.opLatencyMs } : {}),
              ...(o.shutdownLatencyMs ? { shutdown: o.shutdownLatencyMs } : {}),
            },
            migrationTimeScale: 0,
          },
        }
      : {}),
  });
  const pe = await createPolicyEngine({
    site,
    database: `sqlite:${join(dir, 'pe.db')}`,
    logger: silentLogger(),
  });
  const veemSettings = {
    scheduler: { ...DEFAULT_SETTINGS.scheduler, intervalMs: 50, policyEngine: pe.address },
    monitor: { intervalMs: 200, failureTimeoutMs: 5000, callTimeoutMs: 1000 },
    hostCallRetries: 0,
    hostCallTimeoutMs: 5000,
  };
  // Agreements are filled in once both sites listen; the VEEMs read them at each use.
  const token = 'sm-test-federation-token-0123';
  const partnersOfA: PartnerAgreement[] = [];
  const veem = await createVeem({
    site,
    database: `sqlite:${join(dir, 'veem.db')}`,
    mqtt: broker.url,
    logger: silentLogger(),
    settings: veemSettings,
    federation: { imageDir: join(dir, 'images-a'), partners: partnersOfA },
  });
  let partner: SmSite['partner'];
  if (o.partner) {
    const pHosts = Array.from({ length: o.partner.hosts }, (_, i) => ({
      id: `b${i + 1}`,
      family: 'kvm' as const,
      cores: o.partner!.cores ?? 16,
      memoryMib: 65536,
      diskMib: 2_000_000,
    }));
    const pAgent = await createVeeh({ hosts: pHosts, listen: '127.0.0.1:0' });
    const pVeem = await createVeem({
      site: 'site-b',
      database: `sqlite:${join(dir, 'veem-b.db')}`,
      mqtt: broker.url,
      logger: silentLogger(),
      settings: { ...veemSettings, scheduler: { ...veemSettings.scheduler, policyEngine: '' } },
      federation: {
        country: 'FR',
        imageDir: join(dir, 'images-b'),
        partners: [{ site, endpoint: veem.address, token, cap: { vcpus: 0, memoryMib: 0, diskMib: 0 } }],
      },
    });
    const pVmi = vmiClient(pVeem.address);
    for (const h of pHosts)
      await pVmi.hosts.registerHost({ name: h.id, agentEndpoint: pAgent.address!, agentHostId: h.id });
    partnersOfA.push({
      site: 'site-b',
      endpoint: pVeem.address,
      token,
      cap: { vcpus: 0, memoryMib: 0, diskMib: 0 },
      burst: true,
    });
    partner = { veem: pVeem, agent: pAgent, vmi: pVmi };
  }
  const vmi = vmiClient(veem.address);
  for (const h of hosts)
    await vmi.hosts.registerHost({ name: h.id, agentEndpoint: agent.address!, agentHostId: h.id });
  for (const [name, sizeMib] of Object.entries(o.images ?? {}))
    await vmi.images.registerImage({
      name,
      format: 'qcow2',
      sizeMib,
      checksum: `sha256:${'0'.repeat(63)}${sizeMib % 10}`,
    });
  const monitoring = await createMonitoring({
    site,
    mqtt: bus,
    logger: silentLogger(),
    listen: '127.0.0.1:0',
  });
  const startSm = (settings?: Partial<Omit<SmSettings, 'site'>>) =>
    createServiceManager({
      site,
      database: `sqlite:${join(dir, 'sm.db')}`,
      veem: veem.address,
      policyEngine: pe.address,
      mqtt: bus,
      logger: silentLogger(),
      settings: { pollMs: 50, kpiEndpoint: monitoring.address, ...o.settings, ...settings },
    });
  let sm: RunningServiceManager | undefined = o.sm === false ? undefined : await startSm();
  const s: SmSite = {
    site,
    dir,
    broker,
    bus,
    agent,
    veem,
    pe,
    monitoring,
    sm,
    vmi,
    partner,
    smi: smiClient(sm?.address ?? '127.0.0.1:1'),
    kpi: monitoringClient(monitoring.address),
    restartSm: async (settings) => {
      s.smi.close();
      await sm?.stop();
      sm = await startSm(settings);
      s.sm = sm;
      s.smi = smiClient(sm.address);
    },
    stop: async () => {
      s.smi.close();
      s.kpi.close();
      vmi.close();
      await sm?.stop();
      await monitoring.stop();
      await veem.stop();
      if (partner) {
        partner.vmi.close();
        await partner.veem.stop();
        await partner.agent.stop();
      }
      await pe.stop();
      await agent.stop();
      await bus.close();
      await broker.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return s;
}

/** Follows a task through a TaskService to its end. */
export async function waitTask(
  client: Pick<SmiClient, 'tasks'>,
  id: string,
  deadlineMs = 60_000,
): Promise<Task> {
  let last: Task | undefined;
  for await (const t of client.tasks.watchTask({ id }, { deadlineMs })) {
    last = taskFromPb(t);
    if (isTerminal(last.state)) return last;
  }
  throw new Error(`task ${id} stream ended at ${last?.state}`);
}

/** Polls until fn returns a value (not undefined) or the time runs out. */
export async function eventually<T>(
  fn: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > end)
      throw new Error(`condition not met in ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
