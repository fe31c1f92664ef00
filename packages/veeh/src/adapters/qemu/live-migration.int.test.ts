import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GuestChannel } from './guest-channel.js';
import { finishIncoming, migrateOut, openIncoming, type MigrationProgress } from './live-migration.js';
import { QmpClient } from './qmp.js';
import { ensureTinyGuest, tinyGuestAppend, TINY_GUEST_READY, type TinyGuest } from './tiny-guest.js';

const run = promisify(execFile);
const ACCEL = process.env.RESERVOIR_QEMU_ACCEL === 'kvm' ? 'kvm' : 'tcg';
const DISK = 'disk0';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Vm {
  dir: string;
  child: ChildProcess;
  qmp: QmpClient;
  channel(): Promise<GuestChannel>;
}

/** One QEMU process of the tiny guest, with its own directory (its "host's" storage). */
async function startQemu(guest: TinyGuest, dir: string, incoming: boolean): Promise<Vm> {
  mkdirSync(dir, { recursive: true });
  const disk = join(dir, 'disk.qcow2');
  if (!existsSync(disk)) await run('qemu-img', ['create', '-f', 'qcow2', disk, '64M']);
  const args = [
    ['-accel', ACCEL, '-machine', 'q35', '-m', '128'],
    ['-nodefaults', '-no-user-config', '-display', 'none'],
    ['-kernel', guest.kernel, '-initrd', guest.initrd, '-append', tinyGuestAppend('vm-mig')],
    ['-chardev', `file,id=console,path=${join(dir, 'console.log')},append=on`, '-serial', 'chardev:console'],
    ['-chardev', `socket,id=health,path=${join(dir, 'health.sock')},server=on,wait=off`],
    ['-serial', 'chardev:health'],
    [
      '-blockdev',
      JSON.stringify({ driver: 'qcow2', 'node-name': DISK, file: { driver: 'file', filename: disk } }),
    ],
    ['-device', `virtio-blk-pci,drive=${DISK},id=dev0`],
    ['-qmp', `unix:${join(dir, 'qmp.sock')},server=on,wait=off`],
    // The target waits, paused, until it has the guest and is told to go on.
    incoming ? ['-S', '-incoming', 'defer'] : [],
  ].flat();
  const child = spawn('qemu-system-x86_64', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  for (let i = 0; !existsSync(join(dir, 'qmp.sock')); i++) {
    if (child.exitCode !== null || i > 200) throw new Error(`qemu did not start: ${stderr}`);
    await sleep(25);
  }
  const qmp = await QmpClient.connect(join(dir, 'qmp.sock'));
  return { dir, child, qmp, channel: () => GuestChannel.open(join(dir, 'health.sock')) };
}

async function waitReady(dir: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const log = existsSync(join(dir, 'console.log')) ? await readFile(join(dir, 'console.log'), 'utf8') : '';
    if (log.includes(TINY_GUEST_READY)) return;
    await sleep(50);
  }
  throw new Error(`the guest in ${dir} never printed ${TINY_GUEST_READY}`);
}

async function stop(vm: Vm | undefined): Promise<void> {
  if (!vm) return;
  await vm.qmp.close().catch(() => undefined);
  if (vm.child.exitCode === null && vm.child.signalCode === null) {
    const exited = new Promise((r) => vm.child.once('exit', r));
    vm.child.kill('SIGKILL');
    await exited;
  }
}

describe('live migration of a running guest between hosts that share no storage', () => {
  let root: string;
  let guest: TinyGuest;
  let source: Vm | undefined;
  let target: Vm | undefined;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'live-migration-'));
    guest = await ensureTinyGuest(join(root, 'cache'));
  });
  afterEach(async () => {
    await stop(source);
    await stop(target);
    source = target = undefined;
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const endpoint = async () => ({
    nbd: { host: '127.0.0.1', port: await freePort() },
    migrationUri: `tcp:127.0.0.1:${await freePort()}`,
  });

  it('moves memory and disk while the guest runs; the guest answers at the target with its disk intact', async () => {
    source = await startQemu(guest, join(root, 'a', 'host-1'), false);
    await source.qmp.execute('cont');
    await waitReady(source.dir);
    const before = await source.channel();
    expect(await before.ask('write survives the move')).toBe('ok');
    const uptimeBefore = Number((await before.ask('ping')).split(' ')[1]);
    // Keep the guest busy writing memory, so the migration has pages to chase.
    expect(await before.ask('dirty 8')).toBe('ok');
    before.close();

    target = await startQemu(guest, join(root, 'b', 'host-2'), true);
    const to = await endpoint();
    await openIncoming(target.qmp, [DISK], to);
    const progress: MigrationProgress[] = [];
    const figures = await migrateOut(source.qmp, [DISK], to, { onProgress: (p) => progress.push(p) });
    await finishIncoming(target.qmp, [DISK], true);

    expect(progress.some((p) => p.phase === 'disks')).toBe(true);
    expect(progress.some((p) => p.phase === 'memory' && p.remainingBytes > 0)).toBe(true);
    expect(figures.memoryBytes).toBeGreaterThan(1024 * 1024);
    expect(figures.diskBytes).toBe(64 * 1024 * 1024);
    expect((await source.qmp.execute<{ status: string }>('query-status')).status).toBe('postmigrate');
    expect((await target.qmp.execute<{ status: string }>('query-status')).status).toBe('running');

    // The same guest, still up (no reboot), with what it wrote before the move.
    const after = await target.channel();
    const uptimeAfter = Number((await after.ask('ping')).split(' ')[1]);
    expect(uptimeAfter).toBeGreaterThan(uptimeBefore);
    expect(await after.ask('dirty 0')).toBe('ok');
    expect(await after.ask('read')).toBe('survives the move');
    expect(await after.ask('write , and after it')).toBe('ok');
    after.close();
    // The target's disk, in its own directory, holds everything; the source's copy is what it was.
    await target.qmp.execute('quit').catch(() => undefined);
    await stop(target);
    await stop(source);
    const raw = join(root, 'b', 'host-2', 'head.raw');
    await run('qemu-img', [
      'dd',
      '-f',
      'qcow2',
      '-O',
      'raw',
      'bs=512',
      'count=2',
      `if=${join(root, 'b', 'host-2', 'disk.qcow2')}`,
      `of=${raw}`,
    ]);
    const stdout = await readFile(raw, 'latin1');
    expect(stdout).toContain('survives the move, and after it');
  }, 240_000);

  it('leaves the guest running at the source when the migration is cancelled', async () => {
    source = await startQemu(guest, join(root, 'a', 'host-3'), false);
    await source.qmp.execute('cont');
    await waitReady(source.dir);
    const ch = await source.channel();
    expect(await ch.ask('write still here')).toBe('ok');
    target = await startQemu(guest, join(root, 'b', 'host-4'), true);
    const to = await endpoint();
    await openIncoming(target.qmp, [DISK], to);
    const abort = new AbortController();
    const moving = migrateOut(source.qmp, [DISK], to, {
      signal: abort.signal,
      onProgress: (p) => {
        if (p.phase === 'memory') abort.abort();
      },
    });
    await expect(moving).rejects.toMatchObject({ code: 'ABORTED' });
    expect((await source.qmp.execute<{ status: string }>('query-status')).status).toBe('running');
    expect(await source.qmp.execute<unknown[]>('query-block-jobs')).toEqual([]);
    expect(await ch.ask('read')).toBe('still here');
    expect(await ch.ask('ping')).toMatch(/^pong /);
    ch.close();
  }, 240_000);
});
