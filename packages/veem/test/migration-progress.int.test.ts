import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskFromPb, type Task } from '@reservoir/runtime';
import { testBrokers } from '@reservoir/runtime/testing';
import { kvmHost, startSite, waitTask, type Site } from './harness.js';

// Migrations through the VEEM with an agent whose transfers take their modelled time: the
// task shows the transfer's figures as the source agent reports them, and a cancel before the
// switch-over leaves the VM running where it was.
describe.each(testBrokers())('migration progress and cancel through the VEEM ($name broker)', (broker) => {
  let site: Site;
  let closeBroker: () => Promise<void>;

  beforeAll(async () => {
    const b = await broker.start();
    closeBroker = b.close;
    site = await startSite({
      mqttUrl: b.url,
      localHosts: [kvmHost('m-1'), kvmHost('m-2')],
      localLatencies: { ops: {}, migrationTimeScale: 1 },
    });
  }, 60_000);
  afterAll(async () => {
    await site?.stop();
    await closeBroker?.();
  });

  const c = () => site.client;

  async function runningVm(name: string, host: string): Promise<string> {
    const r = await c().vms.createVm({
      name,
      host,
      resources: { vcpus: 1, memoryMib: 2048, diskMib: 4096 },
    });
    expect((await waitTask(c(), r.task!.id)).state).toBe('succeeded');
    return r.vm!.id!;
  }

  /** Every version of the task WatchTask streams, until it ends. */
  async function follow(taskId: string, onUpdate: (t: Task) => void = () => {}): Promise<Task[]> {
    const seen: Task[] = [];
    for await (const pb of c().tasks.watchTask({ id: taskId }, { deadlineMs: 120_000 })) {
      const t = taskFromPb(pb);
      seen.push(t);
      onUpdate(t);
      if (['succeeded', 'failed', 'canceled'].includes(t.state)) break;
    }
    return seen;
  }

  it('reports bytes sent and remaining in the task while the VM moves, and the timing at the end', async () => {
    const id = await runningVm('progress', 'm-1');
    const r = await c().vms.migrateVm({ id, targetHost: 'm-2', live: true });
    const seen = await follow(r.task!.id!);
    const moving = seen.filter((t) => t.transfer && t.transfer.transferredBytes > 0);
    expect(moving.length).toBeGreaterThan(1);
    for (const t of moving) {
      expect(t.transfer!.transferredBytes + t.transfer!.remainingBytes).toBe(t.transfer!.totalBytes);
      expect(t.message).toMatch(
        /^live migration to m-2: modelled, [\d.]+ MiB of [\d.]+ MiB sent, [\d.]+ MiB remaining$/,
      );
    }
    // Figures only grow, and so does the task's percentage.
    for (let i = 1; i < moving.length; i++) {
      expect(moving[i]!.transfer!.transferredBytes).toBeGreaterThanOrEqual(
        moving[i - 1]!.transfer!.transferredBytes,
      );
      expect(moving[i]!.progress).toBeGreaterThanOrEqual(moving[i - 1]!.progress);
    }
    const end = seen.at(-1)!;
    expect(end.state).toBe('succeeded');
    expect(end.message).toMatch(/^migrated to m-2 in \d+ ms, the guest paused \d+ ms$/);
    expect(end.transfer).toBeUndefined();
    expect(await c().vms.getVm({ id })).toMatchObject({ state: 'running', host: 'm-2' });
  }, 120_000);

  it('a cancel mid-transfer keeps the VM running at the source and ends the task canceled', async () => {
    const id = await runningVm('cancel', 'm-1');
    await expect(c().vms.cancelMigration({ id })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringContaining('is running'),
    });
    const r = await c().vms.migrateVm({ id, targetHost: 'm-2', live: true });
    let canceled: Promise<unknown> | undefined;
    const seen = await follow(r.task!.id!, (t) => {
      if (!canceled && t.transfer && t.transfer.transferredBytes > 0)
        canceled = c().vms.cancelMigration({ id });
    });
    const answer = (await canceled) as Awaited<ReturnType<ReturnType<typeof c>['vms']['cancelMigration']>>;
    expect(answer.vm).toMatchObject({ state: 'running', host: 'm-1' });
    const end = seen.at(-1)!;
    expect(end).toMatchObject({ state: 'canceled', errorCode: 'CANCELLED' });
    expect(end.errorMessage).toContain('stays at the source');
    expect(await c().vms.getVm({ id })).toMatchObject({ state: 'running', host: 'm-1', migrationTarget: '' });
    // Only the source holds the domain; the target's reservation is gone.
    const report = await site.local.agent.monitor();
    const on = (host: string) => report.hosts.find((h) => h.hostId === host)!;
    expect(on('m-1').domains.map((d) => d.vmId)).toContain(id);
    expect(on('m-2').domains.map((d) => d.vmId)).not.toContain(id);
    expect((await c().hosts.getHost({ id: 'm-1' })).used?.memoryMib).toBe(2048);
    // The VM can move again afterwards.
    const again = await c().vms.migrateVm({ id, targetHost: 'm-2', live: true });
    expect((await waitTask(c(), again.task!.id)).state).toBe('succeeded');
  }, 120_000);
});
