// npm run bench:qemu — the tiny real guest under QEMU (KVM with RESERVOIR_QEMU_ACCEL=kvm, TCG
// otherwise): boot-to-ready time, then live migration without shared storage of a running guest
// with 256 MiB and 1 GiB of memory and a 1 GiB disk (a few MiB of it written, 8 MiB of memory kept
// dirty), once through the platform's migration code (live-migration.ts: mirror, migrate, progress
// polling, clean-up) and once by hand: the same QMP commands written straight to the sockets,
// waiting on QEMU's own events. The ratio shows what our control plane adds. A third way goes
// through the whole agent path: two VEEH agents with the QEMU driver and separate state
// directories, the source's MigrateDomain over gRPC (the target's PrepareIncoming starts its
// QEMU, the transfer, the hand-over, the source's clean-up), compared with the by-hand move plus
// the start of its receiving QEMU.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import { HostAgentDefinition } from '../packages/contracts/src/index.js';
import { createClient } from '../packages/runtime/src/index.js';
import { createVeeh, type Veeh } from '../packages/veeh/src/create-veeh.js';
import { QemuDriver } from '../packages/veeh/src/adapters/qemu/qemu-driver.js';
import { GuestChannel } from '../packages/veeh/src/adapters/qemu/guest-channel.js';
import {
  finishIncoming,
  migrateOut,
  openIncoming,
} from '../packages/veeh/src/adapters/qemu/live-migration.js';
import type { QmpClient } from '../packages/veeh/src/adapters/qemu/qmp.js';
import {
  ensureTinyGuest,
  tinyGuestAppend,
  type TinyGuest,
} from '../packages/veeh/src/adapters/qemu/tiny-guest.js';
import {
  ACCEL,
  freePort,
  startTinyQemu,
  stopQemu,
  TINY_DISK,
  waitReady,
  type TinyVm,
} from '../packages/veeh/src/testing/tiny-qemu.js';
import { writeResult, type Check } from './lib.js';

const MEMORIES = (process.env.BENCH_QEMU_MEMORY ?? '256,1024').split(',').map(Number);
const RUNS = Number(process.env.BENCH_QEMU_RUNS ?? 3);
const DISK_SIZE = '1G';

const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface Migration {
  totalMs: number;
  downtimeMs: number;
  /** Whether the guest answered its channel at the target (within 30 s). */
  answered?: boolean;
}

/** Asks the moved guest for a pong; a guest that does not answer is counted, not fatal. */
async function answers(socket: string): Promise<boolean> {
  const ch = await GuestChannel.open(socket);
  try {
    return (await ch.ping(30_000)).startsWith('pong');
  } catch {
    return false;
  } finally {
    ch.close();
  }
}

/** The same steps as migrateOut, issued directly and waiting on events, with nothing else. */
async function byHand(src: QmpClient, dst: QmpClient, nbdPort: number, uri: string): Promise<Migration> {
  const t0 = performance.now();
  await dst.execute('nbd-server-start', {
    addr: { type: 'inet', data: { host: '127.0.0.1', port: String(nbdPort) } },
  });
  await dst.execute('block-export-add', {
    type: 'nbd',
    id: 'e',
    'node-name': TINY_DISK,
    name: 'e',
    writable: true,
  });
  await dst.execute('migrate-incoming', { uri });
  await src.execute('blockdev-add', {
    driver: 'nbd',
    'node-name': 'm',
    server: { type: 'inet', host: '127.0.0.1', port: String(nbdPort) },
    export: 'e',
  });
  const ready = src.waitFor('BLOCK_JOB_READY', 600_000);
  await src.execute('blockdev-mirror', { 'job-id': 'm', device: TINY_DISK, target: 'm', sync: 'full' });
  await ready;
  await src.execute('migrate-set-capabilities', { capabilities: [{ capability: 'events', state: true }] });
  await src.execute('migrate-set-parameters', { 'downtime-limit': 300 });
  const done = src.waitFor('MIGRATION', 600_000, (e) => {
    const status = (e.data as { status?: string } | undefined)?.status;
    return status === 'completed' || status === 'failed';
  });
  await src.execute('migrate', { uri });
  await done;
  // Cancelling a mirror that is in sync completes it without switching the source over.
  const ended = src.waitFor('BLOCK_JOB_COMPLETED', 60_000);
  await src.execute('block-job-cancel', { device: 'm' });
  await ended;
  await src.execute('blockdev-del', { 'node-name': 'm' });
  await dst.execute('block-export-del', { id: 'e' });
  await dst.execute('nbd-server-stop');
  await dst.execute('cont');
  const totalMs = performance.now() - t0;
  const info = await src.execute<{ downtime?: number }>('query-migrate');
  return { totalMs, downtimeMs: info.downtime ?? NaN };
}

async function ours(src: QmpClient, dst: QmpClient, nbdPort: number, uri: string): Promise<Migration> {
  const t0 = performance.now();
  const to = { nbd: { host: '127.0.0.1', port: nbdPort }, migrationUri: uri };
  await openIncoming(dst, [TINY_DISK], to);
  const figures = await migrateOut(src, [TINY_DISK], to);
  await finishIncoming(dst, [TINY_DISK], true);
  return { totalMs: performance.now() - t0, downtimeMs: figures.downtimeMs };
}

/** Two agents, each a QEMU host with its own state directory, serving VHI over gRPC. */
async function startAgents(root: string): Promise<{ a: Veeh; b: Veeh; stop: () => Promise<void> }> {
  const agent = async (name: string) =>
    createVeeh({
      hosts: [],
      drivers: [await QemuDriver.open({ stateDir: join(root, name), hostId: name, accel: ACCEL })],
      listen: '127.0.0.1:0',
    });
  const a = await agent('agent-a');
  const b = await agent('agent-b');
  return { a, b, stop: async () => void (await Promise.all([a.stop(), b.stop()])) };
}

/** Boots the tiny guest on agent a, then times agent a's MigrateDomain of it to agent b. */
async function throughAgents(
  a: Veeh,
  b: Veeh,
  guest: TinyGuest,
  vmId: string,
  memoryMib: number,
): Promise<Migration> {
  const vhi = createClient(HostAgentDefinition, a.address!, { deadlineMs: 600_000 });
  try {
    await vhi.createDomain({
      hostId: 'agent-a',
      spec: {
        vmId,
        name: vmId,
        resources: { vcpus: 1, memoryMib, diskMib: 1024 },
        disks: [{ id: 'data', imageId: '', format: 'qcow2', sizeMib: 1024, target: 'vda' }],
        context: {
          'reservoir.kernel': guest.kernel,
          'reservoir.initrd': guest.initrd,
          'reservoir.append': tinyGuestAppend(vmId),
        },
      },
    });
    await vhi.startDomain({ hostId: 'agent-a', vmId });
    const home = (a.agent.driver('agent-a') as QemuDriver).paths(vmId);
    await waitReady(home.dir);
    const ch = await GuestChannel.open(join(home.dir, 'health.sock'));
    await ch.ask(`write ${'x'.repeat(400)}`);
    await ch.ask('dirty 8');
    ch.close();
    const t0 = performance.now();
    const r = await vhi.migrateDomain({
      hostId: 'agent-a',
      vmId,
      targetHostId: 'agent-b',
      targetEndpoint: b.address!,
      live: true,
    });
    const totalMs = performance.now() - t0;
    const there = (b.agent.driver('agent-b') as QemuDriver).paths(vmId);
    const answered = await answers(join(there.dir, 'health.sock'));
    await b.agent.destroyDomain('agent-b', vmId);
    return { totalMs, downtimeMs: r.downtimeMs, answered };
  } finally {
    vhi.close();
  }
}

interface Row {
  memoryMib: number;
  bootToReadyMs: number[];
  ours: Migration[];
  byHand: Migration[];
  /** By hand, plus the start of the receiving QEMU, which the agent path includes. */
  byHandWithStart: number[];
  agents: Migration[];
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-qemu-'));
  const guest = await ensureTinyGuest(join(root, 'cache'));
  const agents = await startAgents(root);
  const rows: Row[] = [];
  let n = 0;
  try {
    for (const memoryMib of MEMORIES) {
      const row: Row = {
        memoryMib,
        bootToReadyMs: [],
        ours: [],
        byHand: [],
        byHandWithStart: [],
        agents: [],
      };
      for (let r = 0; r < RUNS; r++) {
        const m = await throughAgents(agents.a, agents.b, guest, `bench-${++n}`, memoryMib);
        row.agents.push(m);
        log(
          `${memoryMib} MiB, through the agents: ${Math.round(m.totalMs)} ms, downtime ${m.downtimeMs} ms${m.answered ? '' : ', the guest did not answer'}`,
        );
        for (const how of ['ours', 'byHand'] as const) {
          let source: TinyVm | undefined;
          let target: TinyVm | undefined;
          try {
            const t0 = performance.now();
            source = await startTinyQemu(guest, join(root, `s${++n}`), false, {
              memoryMib,
              diskSize: DISK_SIZE,
            });
            await source.qmp.execute('cont');
            await waitReady(source.dir);
            row.bootToReadyMs.push(performance.now() - t0);
            const ch = await GuestChannel.open(join(source.dir, 'health.sock'));
            await ch.ask(`write ${'x'.repeat(400)}`);
            await ch.ask('dirty 8');
            ch.close();
            const t1 = performance.now();
            target = await startTinyQemu(guest, join(root, `t${n}`), true, {
              memoryMib,
              diskSize: DISK_SIZE,
            });
            const targetStartMs = performance.now() - t1;
            const m =
              how === 'ours'
                ? await ours(source.qmp, target.qmp, await freePort(), `tcp:127.0.0.1:${await freePort()}`)
                : await byHand(source.qmp, target.qmp, await freePort(), `tcp:127.0.0.1:${await freePort()}`);
            m.answered = await answers(join(target.dir, 'health.sock'));
            row[how].push(m);
            if (how === 'byHand') row.byHandWithStart.push(m.totalMs + targetStartMs);
            log(
              `${memoryMib} MiB, ${how}: ${Math.round(m.totalMs)} ms, downtime ${m.downtimeMs} ms${m.answered ? '' : ', the guest did not answer'}`,
            );
          } finally {
            await stopQemu(source);
            await stopQemu(target);
            rmSync(join(root, `s${n}`), { recursive: true, force: true });
            rmSync(join(root, `t${n}`), { recursive: true, force: true });
          }
        }
      }
      rows.push(row);
    }
  } finally {
    await agents.stop();
    rmSync(root, { recursive: true, force: true });
  }

  const summary = rows.map((r) => {
    const oursTotal = median(r.ours.map((m) => m.totalMs));
    const handTotal = median(r.byHand.map((m) => m.totalMs));
    const agentsTotal = median(r.agents.map((m) => m.totalMs));
    const handWithStart = median(r.byHandWithStart);
    return {
      memoryMib: r.memoryMib,
      diskSize: DISK_SIZE,
      accelerator: ACCEL,
      runs: RUNS,
      bootToReadyMs: round(median(r.bootToReadyMs)),
      ours: { totalMs: round(oursTotal), downtimeMs: median(r.ours.map((m) => m.downtimeMs)) },
      byHand: { totalMs: round(handTotal), downtimeMs: median(r.byHand.map((m) => m.downtimeMs)) },
      totalRatio: round(oursTotal / handTotal, 3),
      agents: { totalMs: round(agentsTotal), downtimeMs: median(r.agents.map((m) => m.downtimeMs)) },
      byHandWithTargetStartMs: round(handWithStart),
      agentsRatio: round(agentsTotal / handWithStart, 3),
      // Moves after which the guest answered at the target, of all moves of this size.
      guestAnswered: {
        ours: r.ours.filter((m) => m.answered).length,
        byHand: r.byHand.filter((m) => m.answered).length,
        agents: r.agents.filter((m) => m.answered).length,
        of: RUNS,
      },
    };
  });
  const table = new Table({
    head: [
      'memory',
      'disk',
      'boot to ready ms',
      'ours: total ms',
      'downtime ms',
      'by hand: total ms',
      'downtime ms',
      'ratio',
      'agents: total ms',
      'downtime ms',
      'by hand + target start ms',
      'ratio',
    ],
    style: { head: [], border: [] },
  });
  for (const s of summary)
    table.push([
      `${s.memoryMib} MiB`,
      s.diskSize,
      s.bootToReadyMs,
      s.ours.totalMs,
      s.ours.downtimeMs,
      s.byHand.totalMs,
      s.byHand.downtimeMs,
      s.totalRatio,
      s.agents.totalMs,
      s.agents.downtimeMs,
      s.byHandWithTargetStartMs,
      s.agentsRatio,
    ]);
  process.stdout.write(`${table.toString()}\n(medians of ${RUNS} runs each, accelerator ${ACCEL})\n`);
  const checks: Check[] = summary.flatMap((s) => [
    {
      name: `live migration total time, ours ÷ by hand, ${s.memoryMib} MiB`,
      value: s.totalRatio,
      unit: '×',
      target: '≤ 1.2',
      pass: s.totalRatio <= 1.2,
    },
    {
      name: `live migration through two agents ÷ by hand with its target's start, ${s.memoryMib} MiB`,
      value: s.agentsRatio,
      unit: '×',
      target: '≤ 1.5',
      pass: s.agentsRatio <= 1.5,
    },
  ]);
  writeResult('qemu', { migrations: summary }, checks);
}

await main();
