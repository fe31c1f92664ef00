import { describe, expect, it } from 'vitest';
import { createVeeh, type Veeh } from '../create-veeh.js';
import type { SimHostConfig } from '../domain/sim-host.js';
import { spec } from '../testing/fixtures.js';
import { ManualClock } from '../testing/manual-clock.js';

const HOST = { cores: 8, memoryMib: 16_384, diskMib: 100_000 };

async function agentWith(
  hosts: Partial<SimHostConfig>[],
  options: { clock?: ManualClock; realTime?: boolean } = {},
): Promise<Veeh> {
  return createVeeh({
    hosts: hosts.map((h, i) => ({ id: `h${i + 1}`, ...HOST, ...h })),
    clock: options.clock ?? new ManualClock(),
    latencies: { ops: {}, migrationTimeScale: options.realTime ? 1 : 0 },
  });
}

async function running(veeh: Veeh, hostId: string, vmId: string, vcpus = 2, memoryMib = 4096) {
  await veeh.agent.createDomain(hostId, spec(vmId, vcpus, memoryMib));
  return veeh.agent.startDomain(hostId, vmId);
}

describe('migration within one agent', () => {
  it('live: the target runs the domain, the source frees everything, figures follow the model', async () => {
    const veeh = await agentWith([{}, {}]);
    await running(veeh, 'h1', 'vm');
    await veeh.agent.snapshotDomain('h1', 'vm', 'before-move');
    const result = await veeh.agent.migrateDomain({
      hostId: 'h1',
      vmId: 'vm',
      targetHostId: 'h2',
      live: true,
    });

    expect(result.domain).toMatchObject({
      hostId: 'h2',
      vmId: 'vm',
      state: 'running',
      snapshots: ['before-move'],
    });
    expect(veeh.host('h1').usage().used).toEqual({ vcpus: 0, memoryMib: 0, diskMib: 0 });
    expect(veeh.host('h2').usage().used).toEqual({ vcpus: 2, memoryMib: 4096, diskMib: 10_240 });
    await expect(veeh.agent.getDomain('h1', 'vm')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Disks mirrored and memory sent once plus what the guest dirtied meanwhile; a short pause at the end.
    expect(result.transferredMib).toBeGreaterThan(10_240 + 4096);
    expect(result.transferredMib).toBeLessThan(10_240 + 4096 * 1.2);
    expect(result.downtimeMs).toBeGreaterThan(0);
    expect(result.downtimeMs).toBeLessThanOrEqual(320);
    expect(result.durationMs).toBeGreaterThan(result.downtimeMs);
  });

  it('cold: a shut-off or suspended domain keeps its state; a running one is stopped throughout', async () => {
    const veeh = await agentWith([{}, {}]);
    await veeh.agent.createDomain('h1', spec('off'));
    await running(veeh, 'h1', 'sleepy');
    await veeh.agent.suspendDomain('h1', 'sleepy');
    await running(veeh, 'h1', 'busy');

    const off = await veeh.agent.migrateDomain({
      hostId: 'h1',
      vmId: 'off',
      targetHostId: 'h2',
      live: false,
    });
    expect(off.domain.state).toBe('defined');
    expect(off).toMatchObject({ transferredMib: 10_240, downtimeMs: 0 });
    const sleepy = await veeh.agent.migrateDomain({
      hostId: 'h1',
      vmId: 'sleepy',
      targetHostId: 'h2',
      live: false,
    });
    expect(sleepy.domain.state).toBe('suspended');
    expect(sleepy.transferredMib).toBe(10_240 + 4096);
    const busy = await veeh.agent.migrateDomain({
      hostId: 'h1',
      vmId: 'busy',
      targetHostId: 'h2',
      live: false,
    });
    expect(busy.domain.state).toBe('running');
    expect(busy.downtimeMs).toBe(busy.durationMs);

    expect(veeh.host('h1').usage().used).toEqual({ vcpus: 0, memoryMib: 0, diskMib: 0 });
    expect(veeh.host('h2').usage().used).toEqual({ vcpus: 2, memoryMib: 4096, diskMib: 3 * 10_240 });
  });

  it('works two-phase: the VEEM prepares the target, then the source sends', async () => {
    const veeh = await agentWith([{}, {}]);
    await running(veeh, 'h1', 'vm');
    const incoming = await veeh.agent.prepareIncoming('h2', spec('vm'), true);
    expect(incoming.state).toBe('incoming');
    expect(veeh.host('h2').usage().used).toEqual({ vcpus: 2, memoryMib: 4096, diskMib: 10_240 });
    const result = await veeh.agent.migrateDomain({
      hostId: 'h1',
      vmId: 'vm',
      targetHostId: 'h2',
      live: true,
    });
    expect(result.domain.state).toBe('running');
    expect(veeh.host('h2').usage().used).toEqual({ vcpus: 2, memoryMib: 4096, diskMib: 10_240 });
  });

  it('a retry after success answers the landed domain', async () => {
    const veeh = await agentWith([{}, {}]);
    await running(veeh, 'h1', 'vm');
    await veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'h2', live: true });
    const again = await veeh.agent.migrateDomain({
      hostId: 'h1',
      vmId: 'vm',
      targetHostId: 'h2',
      live: true,
    });
    expect(again).toMatchObject({ domain: { hostId: 'h2', state: 'running' }, transferredMib: 0 });
    await expect(
      veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'ghost', targetHostId: 'h2', live: true }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses live migration across families or of a domain that is not running, reserving nothing', async () => {
    const veeh = await agentWith([{}, { family: 'xen' }, {}]);
    await running(veeh, 'h1', 'vm');
    await expect(
      veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'h2', live: true }),
    ).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: 'cannot migrate from a kvm host to a xen host: cross-hypervisor moves are not supported',
    });
    await expect(
      veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'h2', live: false }),
    ).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    await veeh.agent.shutdownDomain('h1', 'vm');
    await expect(
      veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'h3', live: true }),
    ).rejects.toThrow(/cannot live-migrate domain "vm" on host h1: it is shutoff .*use a cold migration/);
    expect(veeh.host('h2').usage().used.diskMib).toBe(0);
    expect(veeh.host('h3').usage().used.diskMib).toBe(0);
    expect((await veeh.agent.getDomain('h1', 'vm')).state).toBe('shutoff');
    await expect(
      veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'h1', live: false }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(
      veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'nowhere', live: false }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a target without room refuses; the source keeps running', async () => {
    const veeh = await agentWith([{}, { memoryMib: 2048 }]);
    await running(veeh, 'h1', 'vm');
    await expect(
      veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'h2', live: true }),
    ).rejects.toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
    });
    expect((await veeh.agent.getDomain('h1', 'vm')).state).toBe('running');
    expect(veeh.host('h1').usage().used).toEqual({ vcpus: 2, memoryMib: 4096, diskMib: 10_240 });
    expect(veeh.host('h2').usage().used).toEqual({ vcpus: 0, memoryMib: 0, diskMib: 0 });
  });

  it('a failed hand-over puts the source back and drops the incoming reservation', async () => {
    const veeh = await agentWith([{}, {}]);
    await running(veeh, 'h1', 'vm');
    veeh.host('h2').inject({ op: 'receiveMigration', error: 'INTERNAL' });
    await expect(
      veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'h2', live: true }),
    ).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    expect((await veeh.agent.getDomain('h1', 'vm')).state).toBe('running');
    expect(veeh.host('h1').usage().used).toEqual({ vcpus: 2, memoryMib: 4096, diskMib: 10_240 });
    await expect(veeh.agent.getDomain('h2', 'vm')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(veeh.host('h2').usage().used).toEqual({ vcpus: 0, memoryMib: 0, diskMib: 0 });

    veeh.host('h1').inject({ op: 'migrate' });
    await expect(
      veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'h2', live: true }),
    ).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    expect(veeh.host('h2').usage().used.diskMib).toBe(0);
    expect((await veeh.agent.getDomain('h1', 'vm')).state).toBe('running');
  });

  it('a lost reply from the target does not leave the domain on both hosts', async () => {
    const veeh = await agentWith([{}, {}]);
    await running(veeh, 'h1', 'vm');
    veeh.host('h2').inject({ op: 'receiveMigration', phase: 'after' });
    const result = await veeh.agent.migrateDomain({
      hostId: 'h1',
      vmId: 'vm',
      targetHostId: 'h2',
      live: true,
    });
    expect(result.domain.state).toBe('running');
    await expect(veeh.agent.getDomain('h1', 'vm')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('takes the modelled time; a domain that crashes or a host that falls silent meanwhile aborts it', async () => {
    const clock = new ManualClock();
    const veeh = await agentWith([{}, {}], { clock, realTime: true });
    await running(veeh, 'h1', 'vm');
    let settled = false;
    const moving = veeh.agent
      .migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'h2', live: true })
      .finally(() => (settled = true));
    await clock.advance(1);
    expect((await veeh.agent.getDomain('h1', 'vm')).state).toBe('migrating');
    expect((await veeh.agent.getDomain('h2', 'vm')).state).toBe('incoming');
    await expect(veeh.agent.shutdownDomain('h1', 'vm')).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    await expect(veeh.agent.destroyDomain('h1', 'vm')).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    await clock.advance(5_000);
    expect(settled).toBe(false);
    await clock.advance(10_000);
    const result = await moving;
    expect(result.durationMs).toBeGreaterThan(5_000);

    await running(veeh, 'h1', 'crashy');
    const crashing = veeh.agent.migrateDomain({
      hostId: 'h1',
      vmId: 'crashy',
      targetHostId: 'h2',
      live: true,
    });
    const crashed = expect(crashing).rejects.toMatchObject({ code: 'ABORTED' });
    await clock.advance(1);
    veeh.host('h1').crashDomain('crashy');
    await clock.advance(20_000);
    await crashed;
    expect((await veeh.agent.getDomain('h1', 'crashy')).state).toBe('crashed');
    await expect(veeh.agent.getDomain('h2', 'crashy')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await running(veeh, 'h1', 'quiet');
    const silencing = veeh.agent.migrateDomain({
      hostId: 'h1',
      vmId: 'quiet',
      targetHostId: 'h2',
      live: true,
    });
    const silenced = expect(silencing).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await clock.advance(1);
    veeh.host('h1').setReachable(false);
    await clock.advance(20_000);
    await silenced;
    veeh.host('h1').setReachable(true);
    expect((await veeh.agent.getDomain('h1', 'quiet')).state).toBe('running');
    expect(veeh.host('h2').usage().used).toEqual({ vcpus: 2, memoryMib: 4096, diskMib: 10_240 });
  });
});

describe('migration progress and cancel', () => {
  it('reports how far the transfer is on the source domain, in monitor and get', async () => {
    const clock = new ManualClock();
    const veeh = await agentWith([{}, {}], { clock, realTime: true });
    await running(veeh, 'h1', 'vm');
    const moving = veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'h2', live: true });
    await clock.advance(1);
    const early = (await veeh.agent.getDomain('h1', 'vm')).migration!;
    expect(early).toMatchObject({ targetHostId: 'h2', live: true, phase: 'modelled', transferredBytes: 0 });
    expect(early.remainingBytes).toBe(early.totalBytes);
    await clock.advance(3_000);
    const [report] = (await veeh.agent.monitor(['h1'])).hosts;
    const mid = report!.domains.find((d) => d.vmId === 'vm')!.migration!;
    expect(mid.transferredBytes).toBeGreaterThan(0);
    expect(mid.transferredBytes + mid.remainingBytes).toBe(mid.totalBytes);
    expect(mid.updatedAtMs).toBeGreaterThan(early.updatedAtMs);
    await clock.advance(30_000);
    const result = await moving;
    // The landed domain carries no progress: the move is over.
    expect(result.domain.migration).toBeUndefined();
    expect(mid.totalBytes).toBe(result.transferredMib * 2 ** 20);
  });

  it('a cancel before the switch-over leaves the domain at the source as it was, and fails the move CANCELLED', async () => {
    const clock = new ManualClock();
    const veeh = await agentWith([{}, {}], { clock, realTime: true });
    await running(veeh, 'h1', 'vm');
    await expect(veeh.agent.cancelMigration('h1', 'vm')).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringContaining('no migration'),
    });
    const moving = veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'h2', live: true });
    const failed = expect(moving).rejects.toMatchObject({ code: 'CANCELLED' });
    await clock.advance(2_000);
    const canceling = veeh.agent.cancelMigration('h1', 'vm');
    await clock.advance(200);
    const back = await canceling;
    await failed;
    expect(back).toMatchObject({ hostId: 'h1', state: 'running' });
    expect(back.migration).toBeUndefined();
    await expect(veeh.agent.getDomain('h2', 'vm')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(veeh.host('h2').usage().used).toEqual({ vcpus: 0, memoryMib: 0, diskMib: 0 });
    expect(veeh.host('h1').usage().used).toEqual({ vcpus: 2, memoryMib: 4096, diskMib: 10_240 });
    // A second move after the cancel goes through.
    const again = veeh.agent.migrateDomain({ hostId: 'h1', vmId: 'vm', targetHostId: 'h2', live: true });
    await clock.advance(1);
    await clock.advance(60_000);
    expect((await again).domain).toMatchObject({ hostId: 'h2', state: 'running' });
  });
});

describe('agent', () => {
  it('monitors every host and reports a silent one unreachable', async () => {
    const veeh = await agentWith([{}, {}, { family: 'hyperv' }]);
    await running(veeh, 'h1', 'vm');
    veeh.host('h2').setReachable(false);
    const report = await veeh.agent.monitor();
    expect(report.hosts.map((h) => [h.hostId, h.reachable])).toEqual([
      ['h1', true],
      ['h2', false],
      ['h3', true],
    ]);
    expect(report.hosts[1]!.error).toBe('UNAVAILABLE: host h2 is not answering');
    expect(report.hosts[0]!.domains.map((d) => d.vmId)).toEqual(['vm']);
    expect((await veeh.agent.monitor(['h3'])).hosts.map((h) => h.hostId)).toEqual(['h3']);
    await expect(veeh.agent.monitor(['nope'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await veeh.agent.listHosts()).map((h) => h.profile.hypervisor)).toEqual(['kvm', 'kvm', 'hyperv']);
    await expect(veeh.agent.startDomain('', 'vm')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'host_id',
    });
    await expect(veeh.agent.startDomain('h9', 'vm')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'host "h9" not found',
    });
  });
});
