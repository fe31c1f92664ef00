import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostAgentDefinition } from '@reservoir/contracts';
import {
  createClient,
  startEmbeddedBroker,
  startService,
  type EmbeddedBroker,
  type ServiceProcess,
} from '@reservoir/runtime';
import { freePort } from '@reservoir/runtime/testing';
import { vmiClient, type VmiClient } from '../src/client.js';
import { startRemoteAgent, until } from './harness.js';

const TOTAL = 1000;
const CONCURRENCY = 40;

describe('crash safety: kill -9 the VEEM while it creates 1,000 VMs', () => {
  let dir = '';
  let broker: EmbeddedBroker;
  let agent: ServiceProcess;
  let veem: ServiceProcess | undefined;
  let address = '';

  const startVeem = () =>
    startService(
      'veem',
      'packages/veem/src/main.ts',
      [
        '--site',
        'crash',
        '--database',
        `sqlite:${join(dir, 'veem.db')}`,
        '--mqtt',
        broker.url,
        '--listen',
        address,
      ],
      join(dir, 'veem.log'),
      {
        RESERVOIR_VEEM_SCHEDULER__INTERVAL_MS: '200',
        RESERVOIR_VEEM_MONITOR__INTERVAL_MS: '500',
      },
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'veem-crash-'));
    broker = await startEmbeddedBroker();
    agent = await startRemoteAgent(100, dir, 'c-', 16);
    address = `127.0.0.1:${await freePort()}`;
    veem = await startVeem();
  }, 60_000);

  afterAll(async () => {
    await veem?.stop();
    await agent?.stop();
    await broker?.close();
    if (!process.env.KEEP_TEST_DIR) rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing, duplicates nothing, and never leases an address twice', async () => {
    let client: VmiClient = vmiClient(address, 5000);
    for (const id of agent.ready.hosts as string[])
      await client.hosts.registerHost({ name: id, agentEndpoint: agent.ready.address, agentHostId: id });
    const net = await client.networks.createNetwork({ name: 'crash-net', cidr: '10.50.0.0/22' });

    // requestId → VM id, for every create the VEEM answered.
    const accepted = new Map<string, string>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < TOTAL && !killed) {
        const requestId = `req-${next++}`;
        try {
          const r = await client.vms.createVm({
            name: `vm-${requestId}`,
            resources: { vcpus: 1, memoryMib: 256, diskMib: 512 },
            networkIds: [net.id],
            requestId,
          });
          accepted.set(requestId, r.vm!.id!);
          if (accepted.size >= 400 && !killed) {
            killed = true;
            veem!.child.kill('SIGKILL');
          }
        } catch {
          // The VEEM died under this request; it is retried after the restart.
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(killed).toBe(true);
    await veem!.exited;
    const acceptedBeforeCrash = new Map(accepted);
    client.close();

    veem = await startVeem();
    client = vmiClient(address, 10_000);
    // Retry everything, accepted or not: a retried request id must return its first VM.
    for (let i = 0; i < TOTAL; i += CONCURRENCY) {
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, TOTAL - i) }, async (_, k) => {
          const requestId = `req-${i + k}`;
          const r = await client.vms.createVm({
            name: `vm-${requestId}`,
            resources: { vcpus: 1, memoryMib: 256, diskMib: 512 },
            networkIds: [net.id],
            requestId,
          });
          const before = accepted.get(requestId);
          if (before) expect(r.vm!.id).toBe(before);
          accepted.set(requestId, r.vm!.id!);
        }),
      );
    }

    let last: Record<string, number> = {};
    const all = await until(
      'every VM running',
      async () => {
        const r = await client.vms.listVms({});
        last = r.vms.reduce<Record<string, number>>(
          (m, v) => ({ ...m, [v.state!]: (m[v.state!] ?? 0) + 1 }),
          { total: r.total },
        );
        return r.vms.every((v) => v.state === 'running') && r.total === TOTAL ? r.vms : undefined;
      },
      90_000,
    ).catch((e: unknown) => {
      throw new Error(`${(e as Error).message}; VMs by state: ${JSON.stringify(last)}; log in ${dir}`);
    });
    expect(all).toHaveLength(TOTAL);
    const ids = new Set(all.map((v) => v.id));
    expect(ids.size).toBe(TOTAL);
    for (const id of acceptedBeforeCrash.values()) expect(ids.has(id)).toBe(true);
    expect(new Set(accepted.values()).size).toBe(TOTAL);

    const ips = all.map((v) => v.nics?.[0]?.ip);
    expect(new Set(ips).size).toBe(TOTAL);
    const leases = (await client.networks.listLeases({ networkId: net.id })).leases;
    expect(leases).toHaveLength(TOTAL);
    expect(new Set(leases.map((l) => l.ip)).size).toBe(TOTAL);
    expect(new Set(leases.map((l) => l.vmId))).toEqual(ids);

    // The hosts run each VM exactly once: no duplicate and no orphan domain.
    const vhi = createClient(HostAgentDefinition, agent.ready.address);
    const domains = (await vhi.monitor({})).hosts.flatMap((h) => h.domains ?? []).map((d) => d.vmId!);
    vhi.close();
    expect(domains).toHaveLength(TOTAL);
    expect(new Set(domains)).toEqual(ids);

    const active = await client.tasks.listTasks({ activeOnly: true, pageSize: 100 });
    expect(active.tasks).toEqual([]);
    client.close();
  }, 180_000);
});
