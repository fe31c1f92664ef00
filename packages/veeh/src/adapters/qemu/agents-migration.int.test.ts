import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HostAgentDefinition, reservoir } from '@reservoir/contracts';
import { createClient, startService, type ClosableClient, type ServiceProcess } from '@reservoir/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitReady as waitReadyIn } from '../../testing/tiny-qemu.js';
import { GuestChannel } from './guest-channel.js';
import { ensureTinyGuest, tinyGuestAppend, type TinyGuest } from './tiny-guest.js';

const S = reservoir.veeh.v1.DomainState;

interface Agent {
  service: ServiceProcess;
  address: string;
  host: string;
  stateDir: string;
  vhi: ClosableClient<typeof HostAgentDefinition>;
}

/** A VEEH process with the qemu driver, its own state directory: a host sharing no storage. */
async function launch(prefix: string, stateDir: string, env: Record<string, string> = {}): Promise<Agent> {
  const service = await startService(
    `veeh ${prefix}`,
    'packages/veeh/src/main.ts',
    ['--driver', 'qemu', '--state-dir', stateDir, '--host-prefix', prefix],
    `${stateDir}.log`,
    {
      RESERVOIR_QEMU_ACCEL: process.env.RESERVOIR_QEMU_ACCEL ?? 'tcg',
      RESERVOIR_LOG_LEVEL: 'warn',
      // The tiny guest ignores ACPI: a cold move's power-off waits this long before it stops it.
      VEEH_SHUTDOWN_TIMEOUT_MS: '2000',
      ...env,
    },
    // Each agent builds its tiny guest first; three at once on two cores take a while.
    180_000,
  );
  const { address } = service.ready;
  return {
    service,
    address,
    host: (service.ready.hosts as string[])[0]!,
    stateDir,
    vhi: createClient(HostAgentDefinition, address, { deadlineMs: 120_000 }),
  };
}

async function stop(agent: Agent | undefined): Promise<void> {
  if (!agent) return;
  agent.vhi.close();
  await agent.service.stop();
}

/** Waits for the readiness line of a domain of an agent. */
const waitReady = (agent: Agent, vmId: string) => waitReadyIn(join(agent.stateDir, vmId));

describe('live migration between two agents with the qemu driver and separate storage', () => {
  const root = mkdtempSync(join(tmpdir(), 'qemu-agents-'));
  let guest: TinyGuest;
  let a: Agent | undefined;
  let b: Agent | undefined;
  let slow: Agent | undefined;

  beforeAll(async () => {
    guest = await ensureTinyGuest(join(root, 'cache'));
    // The third host caps its migrations, so that one is still under way when the test cancels it.
    [a, b, slow] = await Promise.all([
      launch('a-', join(root, 'a')),
      launch('b-', join(root, 'b')),
      launch('c-', join(root, 'c'), { VEEH_MIGRATION_BANDWIDTH_MIBS: '4' }),
    ]);
  }, 240_000);
  afterAll(async () => {
    // Domains are destroyed so that no QEMU outlives the agents.
    for (const [agent, vm] of [
      [a, 'mig-1'],
      [b, 'mig-1'],
      [a, 'mig-2'],
      [b, 'mig-2'],
      [slow, 'mig-3'],
      [b, 'mig-3'],
    ] as const)
      await agent?.vhi.destroyDomain({ hostId: agent.host, vmId: vm }).catch(() => undefined);
    await stop(a);
    await stop(b);
    await stop(slow);
    rmSync(root, { recursive: true, force: true });
  });

  const spec = (vmId: string) => ({
    vmId,
    name: vmId,
    resources: { vcpus: 1, memoryMib: 128, diskMib: 32 },
    disks: [{ id: 'data', imageId: '', format: 'qcow2', sizeMib: 32, target: 'vda' }],
    context: {
      'reservoir.kernel': guest.kernel,
      'reservoir.initrd': guest.initrd,
      'reservoir.append': tinyGuestAppend(vmId),
    },
  });

  it('moves the running guest with its disk; it answers at the target, gone from the source', async () => {
    await a!.vhi.createDomain({ hostId: a!.host, spec: spec('mig-1') });
    await a!.vhi.startDomain({ hostId: a!.host, vmId: 'mig-1' });
    await waitReady(a!, 'mig-1');
    const before = await GuestChannel.open(join(a!.stateDir, 'mig-1', 'health.sock'));
    expect(await before.ask('write moved with its disk')).toBe('ok');
    const uptime = Number((await before.ask('ping')).split(' ')[1]);
    before.close();

    const moved = await a!.vhi.migrateDomain({
      hostId: a!.host,
      vmId: 'mig-1',
      targetHostId: b!.host,
      targetEndpoint: b!.address,
      live: true,
    });
    expect(moved.domain).toMatchObject({ hostId: b!.host, vmId: 'mig-1', state: S.DOMAIN_STATE_RUNNING });
    expect(Number(moved.transferredMib)).toBeGreaterThanOrEqual(32);
    expect(Number(moved.durationMs)).toBeGreaterThan(0);

    const after = await GuestChannel.open(join(b!.stateDir, 'mig-1', 'health.sock'));
    expect(Number((await after.ask('ping')).split(' ')[1])).toBeGreaterThan(uptime);
    expect(await after.ask('read')).toBe('moved with its disk');
    after.close();
    // The source host holds nothing of it any more, neither a process nor files.
    await expect(a!.vhi.getDomain({ hostId: a!.host, vmId: 'mig-1' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(existsSync(join(a!.stateDir, 'mig-1'))).toBe(false);
    const [ma, mb] = await Promise.all([a!.vhi.monitor({}), b!.vhi.monitor({})]);
    expect(ma.hosts[0]?.allocated).toMatchObject({ vcpus: 0, memoryMib: 0 });
    expect(mb.hosts[0]?.allocated).toMatchObject({ vcpus: 1, memoryMib: 128 });
  }, 240_000);

  it('moves a guest cold: powered off, its disk copied and compared, started again at the target', async () => {
    await a!.vhi.createDomain({ hostId: a!.host, spec: spec('mig-2') });
    await a!.vhi.startDomain({ hostId: a!.host, vmId: 'mig-2' });
    await waitReady(a!, 'mig-2');
    const before = await GuestChannel.open(join(a!.stateDir, 'mig-2', 'health.sock'));
    expect(await before.ask('write copied cold')).toBe('ok');
    before.close();
    const moved = await a!.vhi.migrateDomain({
      hostId: a!.host,
      vmId: 'mig-2',
      targetHostId: b!.host,
      targetEndpoint: b!.address,
      live: false,
    });
    expect(moved.domain).toMatchObject({ hostId: b!.host, vmId: 'mig-2', state: S.DOMAIN_STATE_RUNNING });
    expect(Number(moved.transferredMib)).toBe(32);
    // A fresh boot at the target, from the copied disk.
    await waitReady(b!, 'mig-2');
    const after = await GuestChannel.open(join(b!.stateDir, 'mig-2', 'health.sock'));
    expect(await after.ask('read')).toBe('copied cold');
    after.close();
    await expect(a!.vhi.getDomain({ hostId: a!.host, vmId: 'mig-2' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(existsSync(join(a!.stateDir, 'mig-2'))).toBe(false);
  }, 240_000);

  it('reports the transfer while it runs; a cancel leaves the guest running at the source, intact', async () => {
    await slow!.vhi.createDomain({ hostId: slow!.host, spec: spec('mig-3') });
    await slow!.vhi.startDomain({ hostId: slow!.host, vmId: 'mig-3' });
    await waitReady(slow!, 'mig-3');
    const ch = await GuestChannel.open(join(slow!.stateDir, 'mig-3', 'health.sock'));
    expect(await ch.ask('write stays put')).toBe('ok');
    // The guest keeps rewriting 16 MiB of its memory: the pre-copy has pages to send again.
    expect(await ch.ask('dirty 16')).toBe('ok');

    const moving = slow!.vhi.migrateDomain({
      hostId: slow!.host,
      vmId: 'mig-3',
      targetHostId: b!.host,
      targetEndpoint: b!.address,
      live: true,
    });
    const failed = expect(moving).rejects.toMatchObject({ code: 'CANCELLED' });
    // Follow the source's figures until memory is being sent again: QEMU measures the dirty rate
    // once the first pass over memory is done.
    const seen: reservoir.veeh.v1.MigrationProgress.$Properties[] = [];
    const until = Date.now() + 60_000;
    for (;;) {
      const d = await slow!.vhi.getDomain({ hostId: slow!.host, vmId: 'mig-3' });
      if (d.migration) seen.push(d.migration);
      if (d.migration?.phase === 'memory' && Number(d.migration.dirtyBytesPerSecond) > 0) break;
      if (Date.now() > until) throw new Error(`no memory phase seen: ${JSON.stringify(seen.at(-1))}`);
      await sleep(100);
    }

    const memory = seen.filter((m) => m.phase === 'memory');
    expect(memory.at(-1)).toMatchObject({ targetHostId: b!.host, live: true });
    expect(Number(memory.at(-1)!.remainingBytes)).toBeGreaterThan(0);
    // Sent so far and still to send cover at least the guest's memory once.
    const last = memory.at(-1)!;
    expect(Number(last.transferredBytes) + Number(last.remainingBytes)).toBeGreaterThanOrEqual(
      Number(last.totalBytes) - 1,
    );

    const back = await slow!.vhi.cancelMigration({ hostId: slow!.host, vmId: 'mig-3' });
    await failed;
    expect(back).toMatchObject({ hostId: slow!.host, state: S.DOMAIN_STATE_RUNNING });
    expect(back.migration).toBeFalsy();
    expect(await ch.ask('dirty 0')).toBe('ok');
    expect(await ch.ask('read')).toBe('stays put');
    expect(await ch.ask('ping')).toMatch(/^pong /);
    ch.close();
    // Nothing of it is left at the target: no domain, no files.
    await expect(b!.vhi.getDomain({ hostId: b!.host, vmId: 'mig-3' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(existsSync(join(b!.stateDir, 'mig-3'))).toBe(false);
    await expect(slow!.vhi.cancelMigration({ hostId: slow!.host, vmId: 'mig-3' })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringContaining('no migration'),
    });
  }, 240_000);
});
