import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  startTinyQemu as startQemu,
  stopQemu as stop,
  TINY_DISK as DISK,
  type TinyVm,
  waitReady,
} from '../../testing/tiny-qemu.js';
import type { TransferProgress } from '../../domain/driver.js';
import { finishIncoming, migrateOut, openIncoming } from './live-migration.js';
import { ensureTinyGuest, type TinyGuest } from './tiny-guest.js';

const run = promisify(execFile);

describe('live migration of a running guest between hosts that share no storage', () => {
  let root: string;
  let guest: TinyGuest;
  let source: TinyVm | undefined;
  let target: TinyVm | undefined;

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
    const progress: TransferProgress[] = [];
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
    await expect(moving).rejects.toMatchObject({ code: 'CANCELLED' });
    expect((await source.qmp.execute<{ status: string }>('query-status')).status).toBe('running');
    expect(await source.qmp.execute<unknown[]>('query-block-jobs')).toEqual([]);
    expect(await ch.ask('read')).toBe('still here');
    expect(await ch.ask('ping')).toMatch(/^pong /);
    ch.close();
  }, 240_000);
});
