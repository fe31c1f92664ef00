// QEMU processes of the tiny guest for tests and benchmarks: each in its own directory (its
// "host's" storage), with the console in console.log, the guest channel on health.sock, QMP on
// qmp.sock and one virtio disk whose block node is TINY_DISK.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { GuestChannel } from '../adapters/qemu/guest-channel.js';
import { connectWithRetry } from '../adapters/qemu/capability.js';
import type { QmpClient } from '../adapters/qemu/qmp.js';
import { freeTcpPort, HEALTH_PORT } from '../adapters/qemu/qemu-process.js';
import { tinyGuestAppend, TINY_GUEST_READY, type TinyGuest } from '../adapters/qemu/tiny-guest.js';

const run = promisify(execFile);
/** KVM only when asked for: some hosts expose /dev/kvm but cannot run guests under it. */
export const ACCEL = process.env.RESERVOIR_QEMU_ACCEL === 'kvm' ? 'kvm' : 'tcg';
export const TINY_DISK = 'disk0';

/** A free loopback port, for a listener QEMU opens next. */
export const freePort = (): Promise<number> => freeTcpPort('127.0.0.1');

export interface TinyVm {
  dir: string;
  child: ChildProcess;
  qmp: QmpClient;
  channel(): Promise<GuestChannel>;
}

/** One QEMU process of the tiny guest, with its own directory (its "host's" storage). */
export async function startTinyQemu(
  guest: TinyGuest,
  dir: string,
  incoming: boolean,
  options: { memoryMib?: number; diskSize?: string } = {},
): Promise<TinyVm> {
  mkdirSync(dir, { recursive: true });
  const disk = join(dir, 'disk.qcow2');
  if (!existsSync(disk)) await run('qemu-img', ['create', '-f', 'qcow2', disk, options.diskSize ?? '64M']);
  const args = [
    ['-accel', ACCEL, '-machine', 'q35', '-m', String(options.memoryMib ?? 128)],
    ['-nodefaults', '-no-user-config', '-display', 'none'],
    ['-kernel', guest.kernel, '-initrd', guest.initrd, '-append', tinyGuestAppend('vm-mig')],
    ['-chardev', `file,id=console,path=${join(dir, 'console.log')},append=on`, '-serial', 'chardev:console'],
    ['-chardev', `socket,id=health,path=${join(dir, 'health.sock')},server=on,wait=off`],
    [
      '-device',
      'virtio-serial-pci,id=vser0',
      '-device',
      `virtserialport,bus=vser0.0,chardev=health,name=${HEALTH_PORT}`,
    ],
    [
      '-blockdev',
      JSON.stringify({ driver: 'qcow2', 'node-name': TINY_DISK, file: { driver: 'file', filename: disk } }),
    ],
    ['-device', `virtio-blk-pci,drive=${TINY_DISK},id=dev0`],
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
  // The socket file appears a moment before QEMU listens on it.
  const qmp = await connectWithRetry(join(dir, 'qmp.sock'), child.pid!, 5_000);
  return { dir, child, qmp, channel: () => GuestChannel.open(join(dir, 'health.sock')) };
}

/** Polls until check() holds; resolves with the milliseconds it took. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
  return Date.now() - start;
}

export async function waitReady(dir: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const log = existsSync(join(dir, 'console.log')) ? await readFile(join(dir, 'console.log'), 'utf8') : '';
    if (log.includes(TINY_GUEST_READY)) return;
    await sleep(50);
  }
  throw new Error(`the guest in ${dir} never printed ${TINY_GUEST_READY}`);
}

export async function stopQemu(vm: TinyVm | undefined): Promise<void> {
  if (!vm) return;
  await vm.qmp.close().catch(() => undefined);
  if (vm.child.exitCode === null && vm.child.signalCode === null) {
    const exited = new Promise((r) => vm.child.once('exit', r));
    vm.child.kill('SIGKILL');
    await exited;
  }
}
