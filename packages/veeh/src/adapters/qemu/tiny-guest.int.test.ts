import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kvmUsable } from './capability.js';
import { GuestChannel } from './guest-channel.js';
import { HEALTH_PORT } from './qemu-process.js';
import { ensureTinyGuest, tinyGuestAppend, TINY_GUEST_READY, type TinyGuest } from './tiny-guest.js';

const run = promisify(execFile);

type Accel = 'kvm' | 'tcg';

interface Booted {
  child: ChildProcess;
  accel: Accel;
  readyMs: number;
  readyLine: string;
}

describe('tiny guest', () => {
  let dir: string;
  let guest: TinyGuest;
  let booted: Booted | undefined;
  let probe: GuestChannel | undefined;
  const children: ChildProcess[] = [];

  const disk = () => join(dir, 'disk.qcow2');
  const consoleLog = () => join(dir, 'console.log');

  async function boot(accel: Accel, readyTimeoutMs: number): Promise<Booted | undefined> {
    await rm(consoleLog(), { force: true });
    const args = [
      ...(accel === 'kvm' ? ['-enable-kvm'] : ['-accel', 'tcg']),
      ['-m', '128'],
      ['-nodefaults', '-no-user-config', '-display', 'none', '-no-reboot'],
      ['-kernel', guest.kernel, '-initrd', guest.initrd, '-append', tinyGuestAppend('vm-test-1')],
      ['-serial', `file:${consoleLog()}`],
      ['-chardev', `socket,id=probe,path=${join(dir, 'probe.sock')},server=on,wait=off`],
      ['-device', 'virtio-serial-pci,id=vser0'],
      ['-device', `virtserialport,bus=vser0.0,chardev=probe,name=${HEALTH_PORT}`],
      ['-drive', `file=${disk()},if=virtio,format=qcow2`],
      ['-qmp', `unix:${join(dir, 'qmp.sock')},server=on,wait=off`],
    ].flat();
    const started = performance.now();
    const child = spawn('qemu-system-x86_64', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    while (performance.now() - started < readyTimeoutMs) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`qemu (${accel}) exited early: ${stderr}`);
      }
      const text = existsSync(consoleLog()) ? await readFile(consoleLog(), 'utf8') : '';
      const line = text.split('\n').find((l) => l.startsWith(TINY_GUEST_READY));
      if (line) return { child, accel, readyMs: performance.now() - started, readyLine: line.trim() };
      await sleep(20);
    }
    // Wait for it to go: a retry opens the same disk, which QEMU locks.
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await gone;
    return undefined;
  }

  async function qmp(command: string): Promise<void> {
    const socket = connect(join(dir, 'qmp.sock'));
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(`{"execute":"qmp_capabilities"}\n{"execute":"${command}"}\n`);
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tiny-guest-test-'));
    guest = await ensureTinyGuest(join(dir, 'cache'));
    await run('qemu-img', ['create', '-f', 'qcow2', disk(), '64M']);
  });

  afterAll(async () => {
    probe?.close();
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('builds once and shares the build between concurrent callers', async () => {
    const cache = join(dir, 'cache');
    const [a, b] = await Promise.all([ensureTinyGuest(cache), ensureTinyGuest(cache)]);
    expect(a).toEqual(guest);
    expect(b).toEqual(guest);
    const initrd = await readFile(guest.initrd);
    expect([initrd[0], initrd[1]]).toEqual([0x1f, 0x8b]);
    expect((await stat(guest.kernel)).size).toBeGreaterThan(1_000_000);
    expect(existsSync(`${guest.kernel}.lock`)).toBe(false);
  });

  it('boots to the readiness line', async () => {
    const forced = process.env.RESERVOIR_QEMU_ACCEL as Accel | undefined;
    const accel: Accel = forced ?? (kvmUsable() ? 'kvm' : 'tcg');
    booted = await boot(accel, accel === 'kvm' ? 20_000 : 90_000);
    if (!booted && accel === 'kvm' && !forced) {
      // Some nested hosts expose /dev/kvm but cannot run this kernel under it.
      console.warn('tiny guest: no readiness under KVM within 20 s, retrying with TCG');
      booted = await boot('tcg', 90_000);
    }
    expect(booted, 'guest never printed its readiness line').toBeDefined();
    console.info(`tiny guest ready after ${Math.round(booted!.readyMs)} ms (${booted!.accel})`);
    expect(booted!.readyLine).toBe(`${TINY_GUEST_READY} vm-test-1`);
  }, 150_000);

  it('answers the probe protocol and persists writes to its disk', async () => {
    expect(booted).toBeDefined();
    probe = await GuestChannel.open(join(dir, 'probe.sock'));

    expect(await probe.ask('ping')).toMatch(/^pong \d+\.\d+$/);
    expect(await probe.ask('read')).toBe('');
    expect(await probe.ask('write hello tiny guest')).toBe('ok');
    expect(await probe.ask('write , again')).toBe('ok');
    expect(await probe.ask('read')).toBe('hello tiny guest, again');
    expect(await probe.ask('dirty 4')).toBe('ok');
    expect(await probe.ask('ping')).toMatch(/^pong /);
    expect(await probe.ask('dirty 0')).toBe('ok');
    expect(await probe.ask('dirty lots')).toMatch(/^err /);
    expect(await probe.ask('reboot')).toBe('err unknown command reboot');

    const child = booted!.child;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await qmp('quit');
    await exited;

    // The record must be on the qcow2 image itself, not only in the guest's page cache.
    const raw = join(dir, 'disk.raw');
    await run('qemu-img', [
      'dd',
      '-f',
      'qcow2',
      '-O',
      'raw',
      'bs=4096',
      'count=1',
      `if=${disk()}`,
      `of=${raw}`,
    ]);
    const bytes = await readFile(raw);
    const text = 'hello tiny guest, again';
    expect(bytes.subarray(0, 32).toString('latin1')).toMatch(new RegExp(`^RSVD ${text.length}\n\0`));
    expect(bytes.subarray(512, 512 + text.length).toString()).toBe(text);
  }, 60_000);
});
