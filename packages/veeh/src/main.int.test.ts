import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { HostAgentDefinition, reservoir } from '@reservoir/contracts';
import { createClient, type ClosableClient } from '@reservoir/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const S = reservoir.veeh.v1.DomainState;

interface Agent {
  child: ChildProcess;
  address: string;
  hosts: string[];
  vhi: ClosableClient<typeof HostAgentDefinition>;
}

/** Starts an agent process the way the launcher does and waits for its listening line. */
function launch(args: string[]): Promise<Agent> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/veeh/src/main.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RESERVOIR_LOG_LEVEL: 'warn' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no listening line within 20 s; stderr: ${stderr}`)),
      20_000,
    );
    child.once('exit', (code) => reject(new Error(`agent exited with ${code}; stderr: ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const msg = JSON.parse(line) as { event: string; address: string; hosts: string[] };
      if (msg.event !== 'listening') return;
      clearTimeout(timer);
      resolve({
        child,
        address: msg.address,
        hosts: msg.hosts,
        vhi: createClient(HostAgentDefinition, msg.address, { deadlineMs: 10_000 }),
      });
    });
  });
}

function stop(agent: Agent): Promise<number | null> {
  agent.vhi.close();
  return new Promise((resolve) => {
    if (agent.child.exitCode !== null) return resolve(agent.child.exitCode);
    agent.child.once('exit', (code) => resolve(code));
    agent.child.kill('SIGTERM');
  });
}

function vmSpec(vmId: string, memoryMib: number) {
  return { vmId, resources: { vcpus: 2, memoryMib, diskMib: 20_480 } };
}

describe('two agent processes', () => {
  let a: Agent;
  let b: Agent;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      launch([
        '--listen',
        '127.0.0.1:0',
        '--hosts',
        '1',
        '--host-prefix',
        'a-',
        '--cores',
        '8',
        '--memory-mib',
        '16384',
        '--disk-mib',
        '200000',
      ]),
      launch([
        '--listen',
        '127.0.0.1:0',
        '--hosts',
        '1',
        '--host-prefix',
        'b-',
        '--cores',
        '8',
        '--memory-mib',
        '8192',
        '--disk-mib',
        '200000',
      ]),
    ]);
  }, 30_000);

  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map(stop));
  });

  it('announce their address and hosts', () => {
    expect(a.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(a.hosts).toEqual(['a-01']);
    expect(b.hosts).toEqual(['b-01']);
  });

  it('live-migrate a running VM over gRPC, with resources exact on both sides', async () => {
    await a.vhi.createDomain({ hostId: 'a-01', spec: vmSpec('vm1', 4096) });
    await a.vhi.startDomain({ hostId: 'a-01', vmId: 'vm1' });

    const prepared = await b.vhi.prepareIncoming({ hostId: 'b-01', spec: vmSpec('vm1', 4096), live: true });
    expect(prepared.state).toBe(S.DOMAIN_STATE_INCOMING);
    expect((await b.vhi.monitor({})).hosts[0]?.allocated).toMatchObject({
      vcpus: 2,
      memoryMib: 4096,
      diskMib: 20_480,
    });

    const moved = await a.vhi.migrateDomain({
      hostId: 'a-01',
      vmId: 'vm1',
      targetHostId: 'b-01',
      targetEndpoint: b.address,
      live: true,
    });
    expect(moved.domain).toMatchObject({ hostId: 'b-01', vmId: 'vm1', state: S.DOMAIN_STATE_RUNNING });
    expect(Number(moved.transferredMib)).toBeGreaterThan(20_480 + 4096);
    expect(moved.downtimeMs).toBeGreaterThan(0);

    const [ma, mb] = await Promise.all([a.vhi.monitor({}), b.vhi.monitor({})]);
    expect(ma.hosts[0]).toMatchObject({
      hostId: 'a-01',
      reachable: true,
      allocated: { vcpus: 0, memoryMib: 0, diskMib: 0 },
    });
    expect(ma.hosts[0]?.domains ?? []).toHaveLength(0);
    expect(mb.hosts[0]).toMatchObject({
      hostId: 'b-01',
      allocated: { vcpus: 2, memoryMib: 4096, diskMib: 20_480 },
    });
    expect((mb.hosts[0]?.domains ?? []).map((d) => [d.vmId, d.state])).toEqual([
      ['vm1', S.DOMAIN_STATE_RUNNING],
    ]);
    expect(mb.hosts[0]?.memoryUsedMib).toBeGreaterThan(0);
  });

  it('a target without room refuses; the source keeps its VM running and the target holds nothing more', async () => {
    await a.vhi.createDomain({ hostId: 'a-01', spec: vmSpec('vm2', 8192) });
    await a.vhi.startDomain({ hostId: 'a-01', vmId: 'vm2' });
    await expect(
      a.vhi.migrateDomain({
        hostId: 'a-01',
        vmId: 'vm2',
        targetHostId: 'b-01',
        targetEndpoint: b.address,
        live: true,
      }),
    ).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED', message: /memory: asked 8192 MiB, free 4096 MiB/ });
    expect((await a.vhi.getDomain({ hostId: 'a-01', vmId: 'vm2' })).state).toBe(S.DOMAIN_STATE_RUNNING);
    expect((await a.vhi.monitor({})).hosts[0]?.allocated).toMatchObject({
      vcpus: 2,
      memoryMib: 8192,
      diskMib: 20_480,
    });
    expect((await b.vhi.monitor({})).hosts[0]?.allocated).toMatchObject({
      vcpus: 2,
      memoryMib: 4096,
      diskMib: 20_480,
    });
  });

  it('move back cold, the other way round, and stop on SIGTERM', async () => {
    await b.vhi.shutdownDomain({ hostId: 'b-01', vmId: 'vm1' });
    const back = await b.vhi.migrateDomain({
      hostId: 'b-01',
      vmId: 'vm1',
      targetHostId: 'a-01',
      targetEndpoint: a.address,
      live: false,
    });
    expect(back.domain).toMatchObject({ hostId: 'a-01', state: S.DOMAIN_STATE_SHUTOFF });
    expect((await b.vhi.monitor({})).hosts[0]?.allocated).toMatchObject({
      vcpus: 0,
      memoryMib: 0,
      diskMib: 0,
    });
    expect((await a.vhi.monitor({})).hosts[0]?.allocated).toMatchObject({
      vcpus: 2,
      memoryMib: 8192,
      diskMib: 40_960,
    });
    expect(await stop(b)).toBe(0);
  });
});
