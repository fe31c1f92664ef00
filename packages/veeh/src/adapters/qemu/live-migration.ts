// Live migration between QEMU processes that share no storage: the target exports its (empty)
// disks over NBD and waits for the migration stream; the source mirrors every disk into those
// exports while the guest runs, then migrates memory; when both have converged QEMU pauses the
// source, the mirrors are in sync, and the target resumes. Any failure or a cancel before the
// switch-over leaves the guest running at the source, as it was.

import { errors, ReservoirError } from '@reservoir/runtime';
import type { IncomingEndpoint, TransferProgress } from '../../domain/driver.js';
import type { QmpClient } from './qmp.js';

export interface MigrationFigures {
  totalMs: number;
  /** The time the guest was paused at the switch-over, as QEMU measured it. */
  downtimeMs: number;
  diskBytes: number;
  memoryBytes: number;
}

interface BlockJob {
  device: string;
  len: number;
  offset: number;
  ready: boolean;
  status?: string;
}

interface MigrateInfo {
  status?: string;
  'total-time'?: number;
  downtime?: number;
  'error-desc'?: string;
  ram?: {
    transferred: number;
    remaining: number;
    total: number;
    'dirty-pages-rate'?: number;
    'page-size'?: number;
  };
}

const exportName = (node: string) => `migrate-${node}`;
const mirrorNode = (node: string) => `mirror-${node}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Target: exports each disk node writable over NBD and listens for the migration stream. The
 * QEMU process must have been started with `-incoming defer` and the same disk nodes, sized as
 * the source's.
 */
export async function openIncoming(
  qmp: QmpClient,
  nodes: readonly string[],
  at: IncomingEndpoint,
): Promise<void> {
  await qmp.execute('nbd-server-start', {
    addr: { type: 'inet', data: { host: at.nbd.host, port: String(at.nbd.port) } },
  });
  for (const node of nodes)
    await qmp.execute('block-export-add', {
      type: 'nbd',
      id: exportName(node),
      'node-name': node,
      name: exportName(node),
      writable: true,
    });
  // A cold move sends disks only: no memory stream to wait for.
  if (at.migrationUri) await qmp.execute('migrate-incoming', { uri: at.migrationUri });
}

/** The NBD URI of one exported disk node, for qemu-img. */
export function exportUri(at: IncomingEndpoint, node: string): string {
  return `nbd://${at.nbd.host}:${at.nbd.port}/${exportName(node)}`;
}

/** Target, after the migration completed: stops exporting and lets the guest run. */
export async function finishIncoming(
  qmp: QmpClient,
  nodes: readonly string[],
  resume: boolean,
): Promise<void> {
  for (const node of nodes) await qmp.execute('block-export-del', { id: exportName(node) });
  await qmp.execute('nbd-server-stop');
  if (resume) await qmp.execute('cont');
}

/**
 * Source: mirrors the disks to the target's exports, then migrates memory, reporting progress.
 * Resolves once the target has everything (the source is then paused, ready to be dropped).
 * On failure or abort, every job is cancelled and the source resumes as it was.
 */
export async function migrateOut(
  qmp: QmpClient,
  nodes: readonly string[],
  to: IncomingEndpoint,
  options: {
    onProgress?: (p: TransferProgress) => void;
    signal?: AbortSignal;
    /** How long the memory phase may take before the migration is given up; default 10 min. */
    timeoutMs?: number;
    /** The pause QEMU may impose at the switch-over; default 300 ms. */
    maxDowntimeMs?: number;
    /** Caps the disk mirrors and the memory stream, each; default: mirrors unlimited, memory QEMU's default. */
    bandwidthBytesPerSecond?: number;
  } = {},
): Promise<MigrationFigures> {
  const started = performance.now();
  const before = (await qmp.execute<{ status: string }>('query-status')).status;
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  const added: string[] = [];
  const jobs: string[] = [];
  let migrating = false;
  // Progress is sampled, but QEMU's events end each wait as soon as something happened.
  const pause = (ms: number, event: string) =>
    qmp.waitFor(event, ms).then(
      () => undefined,
      () => undefined,
    );
  const check = () => {
    if (options.signal?.aborted) throw errors.cancelled('migration canceled');
    if (Date.now() > deadline)
      throw new ReservoirError('DEADLINE_EXCEEDED', 'migration did not converge in time');
  };
  try {
    for (const node of nodes) {
      await qmp.execute('blockdev-add', {
        driver: 'nbd',
        'node-name': mirrorNode(node),
        server: { type: 'inet', host: to.nbd.host, port: String(to.nbd.port) },
        export: exportName(node),
      });
      added.push(mirrorNode(node));
      // sync full: the target's disk starts empty. Writes during the copy go to both sides.
      await qmp.execute('blockdev-mirror', {
        'job-id': mirrorNode(node),
        device: node,
        target: mirrorNode(node),
        sync: 'full',
        ...(options.bandwidthBytesPerSecond ? { speed: options.bandwidthBytesPerSecond } : {}),
      });
      jobs.push(mirrorNode(node));
    }
    let diskBytes = 0;
    for (;;) {
      check();
      const list = await qmp.execute<BlockJob[]>('query-block-jobs');
      const mine = list.filter((j) => jobs.includes(j.device));
      if (mine.length < jobs.length) throw errors.aborted('a disk mirror ended before it was in sync');
      diskBytes = mine.reduce((s, j) => s + j.len, 0);
      const done = mine.reduce((s, j) => s + j.offset, 0);
      options.onProgress?.({
        phase: 'disks',
        totalBytes: diskBytes,
        transferredBytes: done,
        remainingBytes: diskBytes - done,
        dirtyBytesPerSecond: 0,
      });
      if (mine.every((j) => j.ready)) break;
      await pause(200, 'BLOCK_JOB_READY');
    }
    await qmp.execute('migrate-set-capabilities', { capabilities: [{ capability: 'events', state: true }] });
    await qmp.execute('migrate-set-parameters', {
      'downtime-limit': options.maxDowntimeMs ?? 300,
      // Without a cap QEMU keeps its own default (128 MiB/s in QEMU 7).
      ...(options.bandwidthBytesPerSecond ? { 'max-bandwidth': options.bandwidthBytesPerSecond } : {}),
    });
    await qmp.execute('migrate', { uri: to.migrationUri });
    migrating = true;
    let info: MigrateInfo = {};
    for (;;) {
      check();
      info = await qmp.execute<MigrateInfo>('query-migrate');
      if (info.status === 'completed') break;
      if (info.status === 'failed' || info.status === 'cancelled')
        throw errors.aborted(
          `memory migration ${info.status}${info['error-desc'] ? `: ${info['error-desc']}` : ''}`,
        );
      const ram = info.ram;
      if (ram)
        options.onProgress?.({
          phase: info.status === 'device' ? 'switch-over' : 'memory',
          // Pre-copy sends some pages more than once: the total grows with what was re-sent.
          totalBytes: diskBytes + ram.transferred + ram.remaining,
          transferredBytes: diskBytes + ram.transferred,
          remainingBytes: ram.remaining,
          // QEMU counts dirtied pages; the page size turns them into bytes.
          dirtyBytesPerSecond: (ram['dirty-pages-rate'] ?? 0) * (ram['page-size'] ?? 4096),
        });
      await pause(100, 'MIGRATION');
    }
    // The guest is paused here (postmigrate) and the mirrors hold every write: end them without
    // switching the source over to the remote copies.
    const ended = jobs.map((job) =>
      qmp.waitFor(
        'BLOCK_JOB_COMPLETED',
        60_000,
        (e) => (e.data as { device?: string } | undefined)?.device === job,
      ),
    );
    for (const job of jobs) await qmp.execute('block-job-cancel', { device: job });
    await Promise.all(ended);
    for (const node of added.splice(0)) await qmp.execute('blockdev-del', { 'node-name': node });
    return {
      totalMs: Math.round(performance.now() - started),
      downtimeMs: info.downtime ?? 0,
      diskBytes,
      memoryBytes: info.ram?.transferred ?? 0,
    };
  } catch (e) {
    await rollBack(qmp, migrating, jobs, added, before === 'running');
    throw e;
  }
}

/** Undoes what migrateOut started, leaving the source running as before. */
async function rollBack(
  qmp: QmpClient,
  migrating: boolean,
  jobs: string[],
  added: string[],
  wasRunning: boolean,
): Promise<void> {
  const quietly = (p: Promise<unknown>) => p.catch(() => undefined);
  if (migrating) {
    await quietly(qmp.execute('migrate_cancel'));
    for (let i = 0; i < 50; i++) {
      const s = await qmp.execute<MigrateInfo>('query-migrate').catch(() => ({}) as MigrateInfo);
      if (s.status !== 'cancelling' && s.status !== 'active' && s.status !== 'device') break;
      await sleep(100);
    }
  }
  for (const job of jobs) await quietly(qmp.execute('block-job-cancel', { device: job, force: true }));
  await quietly(waitJobsGone(qmp, jobs));
  for (const node of added) await quietly(qmp.execute('blockdev-del', { 'node-name': node }));
  // A migration that reached the switch-over leaves the source paused; a running guest goes on.
  const status = await qmp.execute<{ status: string }>('query-status').catch(() => undefined);
  if (wasRunning && status && status.status !== 'running') await quietly(qmp.execute('cont'));
}

async function waitJobsGone(qmp: QmpClient, jobs: readonly string[]): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const list = await qmp.execute<BlockJob[]>('query-block-jobs');
    if (!list.some((j) => jobs.includes(j.device))) return;
    await sleep(50);
  }
  throw errors.internal(`block jobs ${jobs.join(', ')} did not end`);
}
