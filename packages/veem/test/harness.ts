import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reservoir, topics } from '@reservoir/contracts';
import {
  isTerminal,
  MqttBus,
  silentLogger,
  startService,
  taskFromPb,
  type ServiceProcess,
  type Task,
} from '@reservoir/runtime';
import { createVeeh, type CreateVeehOptions, type SimHostConfig, type Veeh } from '@reservoir/veeh';
import { createVeem, type RunningVeem } from '../src/create-veem.js';
import { vmiClient, type VmiClient } from '../src/client.js';
import type { VeemSettings } from '../src/app/context.js';
import type { Placer } from '../src/app/ports.js';

export interface Site {
  veem: RunningVeem;
  client: VmiClient;
  /** An agent in this process, for fault injection. */
  local: Veeh;
  /** An agent in its own process. */
  remote: ServiceProcess | undefined;
  events: { vmId: string; from: string; to: string }[];
  dir: string;
  stop(): Promise<void>;
}

export interface SiteOptions {
  mqttUrl: string;
  localHosts: SimHostConfig[];
  /** Hosts of an agent process (kvm, 8 cores, 16 GiB each). */
  remoteHosts?: number;
  database?: string;
  settings?: Partial<Omit<VeemSettings, 'site'>>;
  site?: string;
  placer?: Placer;
  /** Operation latencies of the in-process agent (default: none, every migration instant). */
  localLatencies?: CreateVeehOptions['latencies'];
}

export const FAST: Partial<Omit<VeemSettings, 'site'>> = {
  scheduler: {
    policy: 'packing',
    intervalMs: 100,
    maxDispatch: 256,
    maxCandidates: 100,
    policyEngine: '',
    policyEngineTimeoutMs: 2000,
  },
  monitor: { intervalMs: 100, failureTimeoutMs: 600, callTimeoutMs: 500 },
  hostCallRetries: 1,
  hostCallTimeoutMs: 5000,
};

export async function startRemoteAgent(
  hosts: number,
  dir: string,
  prefix = 'p-',
  cores = 8,
): Promise<ServiceProcess> {
  return startService(
    'veeh',
    'packages/veeh/src/main.ts',
    [
      '--listen',
      '127.0.0.1:0',
      '--hosts',
      String(hosts),
      '--host-prefix',
      prefix,
      '--cores',
      String(cores),
      '--memory-mib',
      '16384',
      '--disk-mib',
      '400000',
      '--latency-profile',
      'none',
    ],
    join(dir, `veeh-${prefix}.log`),
  );
}

/** A site: VEEM in this process on SQLite (or the given database), one local and one remote agent, every host registered. */
export async function startSite(o: SiteOptions): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'veem-it-'));
  const local = await createVeeh({
    hosts: o.localHosts,
    listen: '127.0.0.1:0',
    ...(o.localLatencies ? { latencies: o.localLatencies } : {}),
  });
  const remote = o.remoteHosts ? await startRemoteAgent(o.remoteHosts, dir) : undefined;
  const site = o.site ?? `it${process.pid}`;
  const veem = await createVeem({
    site,
    database: o.database ?? `sqlite:${join(dir, 'veem.db')}`,
    mqtt: o.mqttUrl,
    logger: silentLogger(),
    settings: { ...FAST, ...o.settings },
    ...(o.placer ? { placer: o.placer } : {}),
  });
  const client = vmiClient(veem.address);
  const events: Site['events'] = [];
  const bus = await MqttBus.connect({
    url: o.mqttUrl,
    clientId: `it-events-${site}-${Date.now()}`,
    logger: silentLogger(),
  });
  await bus.subscribe(topics.allVmStates(site), (_t, payload) => {
    const e = reservoir.veem.v1.VmStateEvent.decode(payload);
    events.push({ vmId: e.vmId, from: e.fromState, to: e.toState });
  });
  for (const h of o.localHosts)
    await client.hosts.registerHost({ name: h.id, agentEndpoint: local.address!, agentHostId: h.id });
  for (const id of (remote?.ready.hosts as string[] | undefined) ?? []) {
    await client.hosts.registerHost({ name: id, agentEndpoint: remote!.ready.address, agentHostId: id });
  }
  return {
    veem,
    client,
    local,
    remote,
    events,
    dir,
    stop: async () => {
      client.close();
      await bus.close();
      await veem.stop();
      await local.stop();
      await remote?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Follows a task over WatchTask until it ends. */
export async function waitTask(client: VmiClient, id: string | null | undefined): Promise<Task> {
  if (!id) throw new Error('no task to wait for');
  let last: Task | undefined;
  for await (const t of client.tasks.watchTask({ id }, { deadlineMs: 60_000 })) {
    last = taskFromPb(t);
    if (isTerminal(last.state)) return last;
  }
  throw new Error(`task ${id} stream ended at ${last?.state}`);
}

export async function until<T>(
  what: string,
  fn: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const kvmHost = (id: string, extra: Partial<SimHostConfig> = {}): SimHostConfig => ({
  id,
  family: 'kvm',
  cores: 8,
  memoryMib: 16384,
  diskMib: 400_000,
  ...extra,
});
