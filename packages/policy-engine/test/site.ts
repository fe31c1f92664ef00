import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { reservoir } from '@reservoir/contracts';
import { isTerminal, silentLogger, startEmbeddedBroker, taskFromPb, type Task } from '@reservoir/runtime';
import { createVeeh, type SimHostConfig, type Veeh } from '@reservoir/veeh';
import { createVeem, DEFAULT_SETTINGS, vmiClient, type RunningVeem, type VmiClient } from '@reservoir/veem';
import type { PolicyClient } from '../src/client.js';

// A site for the optimizer to work on: a VEEM and one agent with simulated KVM hosts, both in
// this process over real gRPC, every host registered.

export interface TestSite {
  name: string;
  veem: RunningVeem;
  vmi: VmiClient;
  agent: Veeh;
  hosts: string[];
  stop(): Promise<void>;
}

const kvm = (id: string): SimHostConfig => ({
  id,
  family: 'kvm',
  cores: 8,
  memoryMib: 16384,
  diskMib: 400_000,
});

/** Live migrations take `migrateMs` each, so a plan can be watched while it runs. */
export async function startTestSite(
  name: string,
  hostCount: number,
  migrateMs = 0,
  policyEngine = '',
): Promise<TestSite> {
  const dir = mkdtempSync(join(tmpdir(), 'pe-site-'));
  const broker = await startEmbeddedBroker();
  const hosts = Array.from({ length: hostCount }, (_, i) => `${name}-h${i + 1}`);
  const agent = await createVeeh({
    hosts: hosts.map(kvm),
    listen: '127.0.0.1:0',
    latencies: { ops: { migrate: migrateMs }, migrationTimeScale: 0 },
  });
  const veem = await createVeem({
    site: name,
    database: `sqlite:${join(dir, 'veem.db')}`,
    mqtt: broker.url,
    logger: silentLogger(),
    settings: {
      scheduler: { ...DEFAULT_SETTINGS.scheduler, intervalMs: 100, policyEngine },
      monitor: { intervalMs: 100, failureTimeoutMs: 5000, callTimeoutMs: 1000 },
      hostCallRetries: 0,
      hostCallTimeoutMs: 5000,
    },
  }).catch(async (e: unknown) => {
    await agent.stop();
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  const vmi = vmiClient(veem.address);
  for (const h of hosts)
    await vmi.hosts.registerHost({ name: h, agentEndpoint: agent.address!, agentHostId: h });
  return {
    name,
    veem,
    vmi,
    agent,
    hosts,
    stop: async () => {
      vmi.close();
      await veem.stop();
      await agent.stop();
      await broker.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Follows a task through a TaskService (the VEEM's or the Policy Engine's) to its end. */
export async function waitTask(client: Pick<VmiClient | PolicyClient, 'tasks'>, id: string): Promise<Task> {
  let last: Task | undefined;
  for await (const t of client.tasks.watchTask({ id }, { deadlineMs: 60_000 })) {
    last = taskFromPb(t);
    if (isTerminal(last.state)) return last;
  }
  throw new Error(`task ${id} stream ended at ${last?.state}`);
}

/** A running VM of 1 vCPU and `memoryMib` on the given host. */
export async function runVm(site: TestSite, name: string, host: string, memoryMib: number): Promise<string> {
  const r = await site.vmi.vms.createVm({
    name,
    host,
    resources: { vcpus: 1, memoryMib, diskMib: 1024 },
  });
  const t = await waitTask(site.vmi, r.task!.id!);
  if (t.state !== 'succeeded') throw new Error(`VM ${name} did not start: ${t.errorMessage}`);
  return r.vm!.id!;
}

/** Host name → running VMs on it. */
export async function vmsByHost(site: TestSite): Promise<Map<string, string[]>> {
  const { vms } = await site.vmi.vms.listVms({ states: ['running'] });
  const out = new Map<string, string[]>();
  for (const vm of vms as reservoir.veem.v1.Vm[]) out.set(vm.host, [...(out.get(vm.host) ?? []), vm.id]);
  return out;
}
