// npm run bench:interop — VMs between federated sites: a cold move of a VM with a 1 GiB disk from
// a KVM host (qcow2) to a VMware host (vmdk) of the partner site, step by step; the disk conversion
// speed of every format pair, our QemuImg against a plain `qemu-img convert`; and how many moves of
// small VMs per minute one site sustains. Two sites as packages/veem/test/federation-harness.ts
// wires them: each a VEEM on SQLite with its own agent of simulated hosts (instant hypervisor
// operations) and its own image repository, in this process, real gRPC between them, events on
// the embedded MQTT broker, real qemu-img on real disk images. The disk goes over in WriteDisk calls
// of a deployment's default size (1 MiB), not the harness's 256 KiB.
import { execFile } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import Table from 'cli-table3';
import { reservoir } from '@reservoir/contracts';
import { isTerminal, Semaphore, startEmbeddedBroker, taskFromPb, type Task } from '@reservoir/runtime';
import { vmiClient, type VmiClient } from '@reservoir/veem';
import { QemuImg } from '../packages/veem/src/adapters/disk/qemu-img.js';
import { DEFAULT_FEDERATION } from '../packages/veem/src/app/federation/settings.js';
import { FAST } from '../packages/veem/test/harness.js';
import {
  host,
  startFederation,
  type Federation,
  type FedSite,
} from '../packages/veem/test/federation-harness.js';
import { mulberry32 } from '../packages/policy-engine/src/solvers/random.js';
import { conversionChecks, measureConversions } from './interop/conversions.js';
import { percentile, summary, writeResult, type Check } from './lib.js';

const PARTS = (process.env.BENCH_INTEROP_PARTS ?? 'move,rate,convert').split(',');
const DISK_MIB = Number(process.env.BENCH_INTEROP_DISK_MIB ?? 1024);
const MOVES = Number(process.env.BENCH_INTEROP_MOVES ?? 3);
const CONVERT_MIB = Number(process.env.BENCH_INTEROP_CONVERT_MIB ?? 256);
const CONVERT_RUNS = Number(process.env.BENCH_INTEROP_CONVERT_RUNS ?? 3);
const SMALL_MIB = Number(process.env.BENCH_INTEROP_SMALL_MIB ?? 16);
const RATE_S = Number(process.env.BENCH_INTEROP_RATE_S ?? 30);
const CONCURRENCY = Number(process.env.BENCH_INTEROP_CONCURRENCY ?? 4);
/** Bytes per WriteDisk call: a deployment's default unless asked otherwise. */
const CHUNK_BYTES =
  Number(process.env.BENCH_INTEROP_CHUNK_KIB ?? DEFAULT_FEDERATION.chunkBytes / 1024) * 1024;
/** Share of a guest disk that holds data; the rest are holes (zeros). */
const ALLOCATED = 0.6;

const MiB = 1024 * 1024;
const MODE = reservoir.veem.v1.TransferMode;
const STEPS = ['configure', 'reserve', 'export', 'initialize', 'start', 'stop-source', 'delete-source'];
const SOURCE_HOST = 'a-kvm';
const TARGET = 'site-b/b-vmware';
// Room for every VM the bench makes on one host of each site.
const ROOMY = { cores: 4096, memoryMib: 4096 * 1024, diskMib: 64 * 1024 * 1024 };

const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const loadAverage = () => loadavg().map((x) => round(x, 2));
const run = promisify(execFile);

function median(xs: number[]): number {
  return percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
}

// --- Disks and VMs ------------------------------------------------------------------------

/**
 * A guest disk of `mib` MiB as a KVM host keeps it: runs of data and holes, about ALLOCATED of it
 * pseudo-random data (incompressible, as binaries and packed files are), the rest never written
 * (reads as zeros); written raw, then converted to qcow2. Deterministic.
 */
async function guestDisk(
  dir: string,
  name: string,
  mib: number,
): Promise<{ path: string; allocatedPct: number; fileMib: number }> {
  const raw = join(dir, `${name}.raw`);
  const next = mulberry32(7);
  const longest = Math.max(1, Math.min(16, Math.floor(mib / 16)));
  let allocated = 0;
  const fh = await open(raw, 'w');
  try {
    for (let at = 0; at < mib;) {
      const len = Math.min(mib - at, 1 + Math.floor(next() * longest));
      // Random kinds, held within two points of the share asked.
      const share = at === 0 ? ALLOCATED : allocated / at;
      const data = share < ALLOCATED - 0.02 || (share <= ALLOCATED + 0.02 && next() < ALLOCATED);
      if (data) {
        await fh.write(pseudoRandom(`${name}-${at}`, len * MiB), 0, len * MiB, at * MiB);
        allocated += len;
      }
      at += len;
    }
    await fh.truncate(mib * MiB);
  } finally {
    await fh.close();
  }
  const path = join(dir, `${name}.qcow2`);
  await run('qemu-img', ['convert', '-f', 'raw', '-O', 'qcow2', raw, path]);
  await rm(raw);
  return {
    path,
    allocatedPct: Math.round((allocated / mib) * 100),
    fileMib: round(statSync(path).size / MiB),
  };
}

function pseudoRandom(seed: string, bytes: number): Buffer {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(bytes));
}

/** A disk image registered from a file on the site (copied into its image repository). */
async function registerDisk(site: FedSite, name: string, path: string): Promise<{ id: string; ms: number }> {
  // Registration copies, digests and checks the file: a longer deadline than the harness's clients.
  const client = vmiClient(site.veem.address, 300_000);
  try {
    const t0 = performance.now();
    const img = await client.images.registerImage({
      name,
      format: 'qcow2',
      sizeMib: 0,
      checksum: '',
      source: path,
    });
    return { id: img.id, ms: Math.round(performance.now() - t0) };
  } finally {
    client.close();
  }
}

/** Follows a task until it ends. */
async function finished(client: VmiClient, id: string | null | undefined, deadlineMs: number): Promise<Task> {
  if (!id) throw new Error('no task to wait for');
  let last: Task | undefined;
  for await (const t of client.tasks.watchTask({ id }, { deadlineMs })) {
    last = taskFromPb(t);
    if (isTerminal(last.state)) return last;
  }
  throw new Error(`task ${id} stream ended at ${last?.state}`);
}

/** A VM on the source site's KVM host, running. */
async function runningVm(
  site: FedSite,
  name: string,
  imageId: string,
  networkId: string,
  resources: { vcpus: number; memoryMib: number; diskMib: number },
): Promise<string> {
  const r = await site.vmi.vms.createVm({
    name,
    resources,
    imageId,
    networkIds: [networkId],
    host: SOURCE_HOST,
  });
  const task = await finished(site.vmi, r.task?.id, 60_000);
  if (task.state !== 'succeeded') throw new Error(`create ${name}: ${task.state}: ${task.errorMessage}`);
  return r.vm!.id!;
}

interface Move {
  ok: boolean;
  /** From the TransferVm call to the task's end, as the client sees it. */
  wallMs: number;
  /** Each step's ms from the transfer's log. */
  steps: Record<string, number>;
  diskBytes: number;
  targetFormat: string;
  targetVmId: string;
  error: string;
}

async function move(site: FedSite, vmId: string, deadlineMs: number): Promise<Move> {
  const t0 = performance.now();
  const r = await site.fed.transferVm({ vmId, target: TARGET, mode: MODE.TRANSFER_MODE_MOVE });
  const task = await finished(site.vmi, r.task?.id, deadlineMs);
  const wallMs = performance.now() - t0;
  const t = await site.fed.getTransfer({ id: r.transfer!.id });
  const steps: Record<string, number> = {};
  for (const e of t.log) steps[e.step!] = (steps[e.step!] ?? 0) + (e.ms ?? 0);
  const complete = STEPS.every((s) => s in steps);
  return {
    ok: task.state === 'succeeded' && complete,
    wallMs,
    steps,
    diskBytes: Number(t.diskBytes),
    targetFormat: t.targetFormat ?? '',
    targetVmId: t.targetVmId ?? '',
    error:
      task.state === 'succeeded'
        ? complete
          ? ''
          : `steps logged: ${t.log.map((e) => e.step).join(', ')}`
        : `${t.errorCode}: ${task.errorMessage}`,
  };
}

// --- 1. A cold move of a 1 GiB disk, step by step ------------------------------------------

async function movePart(dir: string, a: FedSite, b: FedSite, networkId: string, checks: Check[]) {
  log(`move: writing a ${DISK_MIB} MiB guest disk (qcow2, ${ALLOCATED * 100}% pseudo-random data)`);
  const disk = await guestDisk(dir, 'guest-large', DISK_MIB);
  const image = await registerDisk(a, 'guest-large', disk.path);
  await rm(disk.path);
  log(
    `move: ${disk.allocatedPct}% allocated, qcow2 file ${disk.fileMib} MiB, registered on site-a in ${image.ms} ms`,
  );
  const moves: Move[] = [];
  for (let i = 0; i < MOVES; i++) {
    const vmId = await runningVm(a, `large-${i}`, image.id, networkId, {
      vcpus: 2,
      memoryMib: 2048,
      diskMib: DISK_MIB,
    });
    const m = await move(a, vmId, 600_000);
    if (!m.ok) throw new Error(`move ${i + 1} of ${vmId} failed: ${m.error}`);
    const moved = await b.vmi.vms.getVm({ id: m.targetVmId });
    if (moved.state !== 'running' || moved.host !== 'b-vmware' || m.targetFormat !== 'vmdk')
      throw new Error(`move ${i + 1}: the target VM is ${moved.state} on ${moved.host} as ${m.targetFormat}`);
    moves.push(m);
    log(
      `move ${i + 1}/${MOVES}: ${Math.round(m.wallMs)} ms (${STEPS.map((s) => `${s} ${m.steps[s]}`).join(', ')})`,
    );
  }
  const totals = moves.map((m) => STEPS.reduce((sum, s) => sum + m.steps[s]!, 0));
  const walls = moves.map((m) => Math.round(m.wallMs));
  const stepsMs = Object.fromEntries(
    STEPS.map((s) => {
      const xs = moves.map((m) => m.steps[s]!);
      return [s, { best: Math.min(...xs), median: median(xs), runs: xs }];
    }),
  );
  const total = { best: Math.min(...totals), median: median(totals), runs: totals };
  const wall = { best: Math.min(...walls), median: median(walls), runs: walls };
  // The initialize step is mostly the disk on the wire: what it achieved, in MB (10^6 bytes) per second.
  const sends = moves.map((m) => round(m.diskBytes / 1e6 / (m.steps.initialize! / 1000)));
  const send = { best: Math.max(...sends), median: median(sends), runs: sends };

  const t = new Table({
    head: ['step (ms)', 'best', 'median', ...moves.map((_, i) => `move ${i + 1}`)],
    style: { head: [], border: [] },
  });
  for (const s of STEPS) {
    const f = stepsMs[s]!;
    t.push([s, f.best, f.median, ...f.runs]);
  }
  t.push(['total (sum of steps)', total.best, total.median, ...total.runs]);
  t.push(['TransferVm → task done', wall.best, wall.median, ...wall.runs]);
  t.push(['initialize MB/s (sent / step)', send.best, send.median, ...send.runs]);
  process.stdout.write(
    `\nCold move of a VM with a ${DISK_MIB} MiB disk, ${SOURCE_HOST} (qcow2) → ${TARGET} (vmdk), ${MOVES} moves\n${t.toString()}\n`,
  );

  checks.push(
    {
      name: `cold move, ${DISK_MIB} MiB disk qcow2 → vmdk across sites: best of ${MOVES}`,
      value: wall.best,
      unit: 'ms',
      target: 'reported',
      pass: true,
    },
    {
      name: `cold move, ${DISK_MIB} MiB disk qcow2 → vmdk across sites: median of ${MOVES}`,
      value: wall.median,
      unit: 'ms',
      target: 'reported',
      pass: true,
    },
  );
  return {
    disk: {
      virtualMib: DISK_MIB,
      allocatedPct: disk.allocatedPct,
      content: 'runs of 1-16 MiB: pseudo-random data (AES-CTR) or holes',
      sourceFormat: 'qcow2',
      sourceFileMib: disk.fileMib,
      targetFormat: 'vmdk',
      sentMib: round(moves[0]!.diskBytes / MiB),
      registerMs: image.ms,
    },
    vm: { vcpus: 2, memoryMib: 2048, from: `site-a/${SOURCE_HOST}`, to: TARGET },
    moves: MOVES,
    stepsMs,
    totalMs: total,
    wallMs: wall,
    initializeMBps: send,
    reading:
      'steps from the transfer log (source side, each step from its start to its logged outcome); wall from the TransferVm call to the task’s end as the client sees it. Each move is of a fresh VM on the same registered image; the image file is in the page cache (written just before). Hypervisor operations are simulated and instant: start, stop-source and delete-source are the control plane alone',
  };
}

// --- 3. Moves per minute of small VMs ---------------------------------------------------

async function ratePart(dir: string, a: FedSite, networkId: string, checks: Check[]) {
  const disk = await guestDisk(dir, 'guest-small', SMALL_MIB);
  const image = await registerDisk(a, 'guest-small', disk.path);
  await rm(disk.path);
  const resources = { vcpus: 1, memoryMib: 256, diskMib: SMALL_MIB };
  let made = 0;
  const createVms = async (n: number): Promise<string[]> => {
    const limiter = new Semaphore(8);
    return Promise.all(
      Array.from({ length: n }, () =>
        limiter.run(() => runningVm(a, `small-${made++}`, image.id, networkId, resources)),
      ),
    );
  };
  /** Moves the pool's VMs, CONCURRENCY at a time, starting none after `forMs`. */
  const moveAll = async (pool: string[], forMs: number) => {
    const done: Move[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (pool.length > 0 && performance.now() - t0 < forMs)
          done.push(await move(a, pool.pop()!, 120_000));
      }),
    );
    return { done, ms: performance.now() - t0 };
  };

  // A short run to size the pool, so the measured window never waits for a VM to be created.
  const warm = await moveAll(await createVms(2 * CONCURRENCY), Infinity);
  const warmRate = warm.done.length / (warm.ms / 1000);
  // The warm-up's first moves are the slowest: twice its rate leaves room.
  // At most what the site's /24 network leases at once (the pool's VMs all hold an address).
  const size = Math.min(Math.ceil(warmRate * RATE_S * 2) + 2 * CONCURRENCY, 240);
  log(`rate: warm-up ${warm.done.length} moves at ${round(warmRate * 60)}/min; creating ${size} VMs to move`);
  const pool = await createVms(size);
  log(`rate: ${CONCURRENCY} moves in flight for ${RATE_S} s`);
  const before = loadAverage();
  const { done, ms } = await moveAll(pool, RATE_S * 1000);
  const ok = done.filter((m) => m.ok);
  const failed = done.filter((m) => !m.ok);
  const perMinute = round(ok.length / (ms / 60_000));
  const duration = summary(ok.map((m) => m.wallMs));
  const p95 = round(
    percentile(
      ok.map((m) => m.wallMs).sort((x, y) => x - y),
      95,
    ),
  );
  const stepsP50 = Object.fromEntries(STEPS.map((s) => [s, median(ok.map((m) => m.steps[s]!))]));
  log(`rate: ${ok.length} moves in ${Math.round(ms)} ms, ${failed.length} failed`);
  if (pool.length === 0)
    log(`rate: the pool of ${size} VMs ran out before ${RATE_S} s; the window is shorter`);

  const t = new Table({ head: ['figure', 'value'], style: { head: [], border: [] } });
  t.push(
    ['moves completed', `${ok.length} in ${round(ms / 1000)} s (${failed.length} failed)`],
    ['moves per minute', perMinute],
    ['move duration p50', `${round(duration.p50)} ms`],
    ['move duration p95', `${p95} ms`],
    ['move duration max', `${round(duration.max)} ms`],
    ['step p50 (ms)', STEPS.map((s) => `${s} ${stepsP50[s]}`).join(', ')],
  );
  process.stdout.write(
    `\nMoves of ${SMALL_MIB} MiB VMs site-a → ${TARGET}, ${CONCURRENCY} in flight, ${RATE_S} s\n${t.toString()}\n`,
  );

  checks.push(
    {
      name: `moves per minute, ${SMALL_MIB} MiB VMs, ${CONCURRENCY} in flight`,
      value: perMinute,
      unit: '/min',
      target: 'reported',
      pass: true,
    },
    {
      name: 'small move duration p50',
      value: round(duration.p50),
      unit: 'ms',
      target: 'reported',
      pass: true,
    },
    { name: 'small move duration p95', value: p95, unit: 'ms', target: 'reported', pass: true },
    {
      name: 'failed moves',
      value: failed.length,
      unit: '',
      target: '0',
      pass: failed.length === 0,
    },
  );
  return {
    disk: {
      virtualMib: SMALL_MIB,
      allocatedPct: disk.allocatedPct,
      sourceFormat: 'qcow2',
      targetFormat: 'vmdk',
    },
    vm: resources,
    concurrency: CONCURRENCY,
    windowS: RATE_S,
    warmUp: { moves: warm.done.length, perMinute: round(warmRate * 60) },
    poolVms: size,
    poolLeft: pool.length,
    moves: ok.length,
    failed: failed.length,
    failures: failed.map((m) => m.error),
    elapsedMs: Math.round(ms),
    movesPerMinute: perMinute,
    moveMs: { ...duration, p95 },
    stepsP50Ms: stepsP50,
    loadAverage: { before, after: loadAverage() },
    reading:
      'moves started within the window, each of a VM created (running) before it; the window ends when the last of them ends. Duration from TransferVm to the task’s end. Both sites run in this process, so the target’s work shares the CPUs too',
  };
}

// --- 2. Conversion throughput per format pair -------------------------------------------

async function convertPart(checks: Check[]) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-interop-convert-'));
  try {
    log(`conversions: a ${CONVERT_MIB} MiB image, best of ${CONVERT_RUNS} per pair (in ${dir})`);
    const before = loadAverage();
    const rows = await measureConversions({ dir, sizeMib: CONVERT_MIB, runs: CONVERT_RUNS, log });
    const t = new Table({
      head: ['from', 'to', 'ours ms', 'plain ms', 'ours MB/s', 'plain MB/s', 'ours / plain'],
      style: { head: [], border: [] },
    });
    for (const r of rows) t.push([r.from, r.to, r.oursMs, r.plainMs, r.oursMBps, r.plainMBps, r.ratio]);
    process.stdout.write(
      `\nDisk conversion, ${CONVERT_MIB} MiB virtual, best of ${CONVERT_RUNS}: QemuImg.convert against plain qemu-img convert\n${t.toString()}\n`,
    );
    checks.push(...conversionChecks(rows));
    return {
      sizeMib: CONVERT_MIB,
      runs: CONVERT_RUNS,
      rows,
      loadAverage: { before, after: loadAverage() },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- Main -------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const qemuImg = await new QemuImg().version();
  const cpus = (await import('node:os')).cpus();
  process.stdout.write(
    `machine: ${cpus.length} cpus (${cpus[0]?.model ?? '?'}), node ${process.version}, qemu-img ${qemuImg}, load average ${loadAverage().join(' ')}\n`,
  );
  const checks: Check[] = [];
  const result: Record<string, unknown> = {
    qemuImg,
    parameters: {
      parts: PARTS,
      sites:
        'packages/veem/test/federation-harness.ts: site-a (one kvm host) and site-b (one vmware host), each a VEEM on SQLite in this process with its own simulated-host agent (instant operations) and image repository; gRPC between the sites, the embedded MQTT broker',
      veem: {
        schedulerIntervalMs: FAST.scheduler!.intervalMs,
        monitorIntervalMs: FAST.monitor!.intervalMs,
      },
      federation: {
        chunkBytes: CHUNK_BYTES,
        note: `bytes per WriteDisk call: the harness sets 256 KiB (so its small test disks span several calls); the bench sets ${CHUNK_BYTES === DEFAULT_FEDERATION.chunkBytes ? 'the deployment default' : 'BENCH_INTEROP_CHUNK_KIB'} on both sites`,
      },
    },
  };
  if (PARTS.includes('move') || PARTS.includes('rate')) {
    const broker = await startEmbeddedBroker();
    let fed: Federation | undefined;
    try {
      fed = await startFederation({
        mqttUrl: broker.url,
        sites: [
          { name: 'site-a', hosts: [host(SOURCE_HOST, 'kvm', ROOMY)] },
          { name: 'site-b', hosts: [host('b-vmware', 'vmware', ROOMY)], country: 'FR' },
        ],
      });
      const [a, b] = fed.sites as [FedSite, FedSite];
      // The harness's 256 KiB suits its 8 MiB test disks; a site sends what it is configured to.
      for (const site of fed.sites) site.veem.federation.settings.chunkBytes = CHUNK_BYTES;
      const networkId = (await a.vmi.networks.listNetworks({})).networks[0]!.id!;
      if (PARTS.includes('move')) {
        const before = loadAverage();
        result.move = {
          ...(await movePart(fed.dir, a, b, networkId, checks)),
          loadAverage: { before, after: loadAverage() },
        };
      }
      if (PARTS.includes('rate')) result.rate = await ratePart(fed.dir, a, networkId, checks);
    } finally {
      await fed?.stop();
      await broker.close();
    }
  }
  if (PARTS.includes('convert')) result.conversions = await convertPart(checks);
  result.benchSeconds = round((performance.now() - started) / 1000);
  writeResult('interop', result, checks);
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
