import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuestChannel, TINY_GUEST_READY } from '@reservoir/veeh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './platform-up.js';

// Two QEMU hosts per site, each with its own storage directory. Their agent caps migrations at
// 8 MiB/s, so that a move is still under way when the test looks at it and cancels it.
describe('reservoir up --driver qemu: real guests under the platform', () => {
  let p: Platform;
  beforeAll(async () => {
    p = await startPlatform({
      sites: 1,
      hosts: 2,
      extraArgs: ['--driver', 'qemu'],
      env: { VEEH_MIGRATION_BANDWIDTH_MIBS: '8' },
    });
  }, 200_000);
  afterAll(() => p?.stop());

  const json = async (...args: string[]) => {
    const r = await p.cli([...args, '--json']);
    expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
    return JSON.parse(r.out);
  };
  const domainDir = (host: string, vmId: string) => join(p.dir, 'site-a', 'qemu', host, vmId);

  async function waitReady(host: string, vmId: string): Promise<void> {
    const consoleLog = join(domainDir(host, vmId), 'console.log');
    const until = Date.now() + 120_000;
    while (!(
      existsSync(consoleLog) && readFileSync(consoleLog, 'utf8').includes(`${TINY_GUEST_READY} ${vmId}`)
    )) {
      if (Date.now() > until) throw new Error(`the guest never became ready: ${consoleLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('runs a VM as a QEMU guest: it boots, suspends to disk, resumes and is deleted with its process', async () => {
    const hosts = await json('host', 'list');
    expect(hosts).toHaveLength(2);
    for (const host of hosts)
      expect(host.profile).toMatchObject({
        driver: 'qemu',
        hypervisor: expect.stringMatching(/^(kvm|qemu-tcg)$/),
      });
    const vm = await json('vm', 'create', '--name', 'real-1', '--cpu', '1', '--memory', '256M', '--wait');
    expect(vm.state).toBe('running');
    await waitReady(vm.host, vm.id);
    expect((await json('vm', 'suspend', vm.id, '--wait')).state).toBe('suspended');
    expect((await json('vm', 'resume', vm.id, '--wait')).state).toBe('running');
    const pid = Number(readFileSync(join(domainDir(vm.host, vm.id), 'pid'), 'utf8'));
    expect(() => process.kill(pid, 0)).not.toThrow();
    expect((await json('vm', 'delete', vm.id, '--wait')).state).toBe('done');
    expect(existsSync(domainDir(vm.host, vm.id))).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow();
  }, 240_000);

  it('moves a running guest live between hosts sharing no storage; the task shows the transfer, a cancel keeps it home', async () => {
    const vm = await json(
      'vm',
      'create',
      '--name',
      'mover',
      '--cpu',
      '1',
      '--memory',
      '256M',
      '--disk',
      '64M',
      '--wait',
    );
    const home: string = vm.host;
    const away = (await json('host', 'list'))
      .map((h: { name: string }) => h.name)
      .find((n: string) => n !== home);
    await waitReady(home, vm.id);
    let ch = await GuestChannel.open(join(domainDir(home, vm.id), 'health.sock'));
    expect(await ch.ask('write carried along')).toBe('ok');
    // The guest keeps rewriting memory, so the move has pages to send again.
    expect(await ch.ask('dirty 8')).toBe('ok');

    const started = await json('vm', 'migrate', vm.id, '--to', away, '--live');
    expect(started.state).toBe('migrating');
    const taskId: string = started.task.id;
    let task = await json('task', 'show', taskId);
    const until = Date.now() + 120_000;
    while (!(task.transfer?.transferredBytes > 0)) {
      if (Date.now() > until)
        throw new Error(`no transfer figures in task ${taskId}: ${JSON.stringify(task)}`);
      await new Promise((r) => setTimeout(r, 200));
      task = await json('task', 'show', taskId);
    }
    expect(task.state).toBe('running');
    expect(task.message).toMatch(
      new RegExp(`^live migration to ${away}: (disks|memory), [\\d.]+ MiB of [\\d.]+ MiB sent`),
    );
    expect(task.transfer.transferredBytes + task.transfer.remainingBytes).toBeGreaterThan(0);

    const canceled = await json('vm', 'cancel-migration', vm.id);
    expect(canceled.vm).toMatchObject({ state: 'running', host: home });
    expect(canceled.task).toMatchObject({ id: taskId, state: 'canceled', errorCode: 'CANCELLED' });
    expect(await ch.ask('read')).toBe('carried along');
    expect(existsSync(domainDir(away, vm.id))).toBe(false);
    expect(await ch.ask('dirty 0')).toBe('ok');
    const uptime = Number((await ch.ask('ping')).split(' ')[1]);
    ch.close();

    const moved = await json('vm', 'migrate', vm.id, '--to', away, '--live', '--wait');
    expect(moved).toMatchObject({ state: 'running', host: away });
    const tasks: { operation: string; state: string; message: string }[] = await json(
      'task',
      'list',
      '--target',
      vm.id,
    );
    const done = tasks.find((t) => t.operation === 'vm.migrate-live' && t.state === 'succeeded')!;
    expect(done.message).toMatch(new RegExp(`^migrated to ${away} in \\d+ ms, the guest paused \\d+ ms$`));
    // The same guest, not a new boot, with its disk, at the other host; nothing left at home.
    ch = await GuestChannel.open(join(domainDir(away, vm.id), 'health.sock'));
    expect(Number((await ch.ask('ping')).split(' ')[1])).toBeGreaterThan(uptime);
    expect(await ch.ask('read')).toBe('carried along');
    ch.close();
    expect(existsSync(domainDir(home, vm.id))).toBe(false);
    expect((await json('vm', 'delete', vm.id, '--wait')).state).toBe('done');
  }, 400_000);
});
