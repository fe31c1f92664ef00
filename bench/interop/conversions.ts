// Disk conversion speed (VEEH-4): our QemuImg.convert against a plain `qemu-img convert` with
// the same command line, per (from, to) pair, best of 3 each, on one source image of
// realistic content. Our convert flushes its output to disk, so the plain run is timed up to
// one fsync of its output as well; both are also timed without the flush (durable: false, and
// the bare command, whose data the kernel still holds when it exits). What the wrapper adds:
// the source's info and check before, the output's info, rename and directory fsync after.
import { spawn } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DiskRef } from '../../packages/veem/src/app/disk-tool.js';
import { DISK_FORMATS, type DiskFormat } from '../../packages/veem/src/domain/image.js';
import { QemuImg, convertArgs } from '../../packages/veem/src/adapters/disk/qemu-img.js';
import { mulberry32 } from '../../packages/policy-engine/src/solvers/random.js';
import type { Check } from '../lib.js';

export interface ConversionRow {
  from: DiskFormat;
  to: DiskFormat;
  sizeMib: number;
  /** QemuImg.convert with its defaults: the output flushed to disk. */
  oursMs: number;
  /** The same qemu-img command line, then one fsync of its output. */
  plainMs: number;
  /** Virtual size converted per second, in MB (10^6 bytes). */
  oursMBps: number;
  plainMBps: number;
  /** oursMs / plainMs: above 1, the wrapper is slower. */
  ratio: number;
  /** QemuImg.convert with durable: false. */
  oursNoFlushMs: number;
  /** The bare qemu-img command. */
  plainNoFlushMs: number;
}

export interface MeasureOptions {
  /** Working directory for the images; created if missing; the files made are removed after. */
  dir: string;
  sizeMib: number;
  pairs?: [DiskFormat, DiskFormat][];
  binary?: string;
  runs?: number;
  log?: (msg: string) => void;
}

/** The formats KVM, Xen, VMware and Hyper-V run from. */
const NATIVE: readonly DiskFormat[] = ['qcow2', 'raw', 'vpc', 'vmdk', 'vhdx'];

/** Every format to and from qcow2 and raw, and each native format to each other: 24 of the 30 pairs. */
export const DEFAULT_PAIRS: [DiskFormat, DiskFormat][] = DISK_FORMATS.flatMap((from) =>
  DISK_FORMATS.filter(
    (to) =>
      to !== from &&
      (['qcow2', 'raw'].includes(from) ||
        ['qcow2', 'raw'].includes(to) ||
        (NATIVE.includes(from) && NATIVE.includes(to))),
  ).map((to): [DiskFormat, DiskFormat] => [from, to]),
);

const MiB = 1024 * 1024;
const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

export async function measureConversions(opts: MeasureOptions): Promise<ConversionRow[]> {
  const pairs = opts.pairs ?? DEFAULT_PAIRS;
  const runs = opts.runs ?? 3;
  const say = opts.log ?? log;
  const binary = opts.binary ?? 'qemu-img';
  const tool = new QemuImg({ binary });
  await mkdir(opts.dir, { recursive: true });
  const made: string[] = [];
  const source = (format: DiskFormat): DiskRef => ({ path: join(opts.dir, `source.${format}`), format });
  try {
    made.push(source('raw').path);
    say(`source: ${opts.sizeMib} MiB raw, ${await writeSource(source('raw').path, opts.sizeMib)}% allocated`);
    for (const format of new Set(pairs.map(([from]) => from))) {
      if (format === 'raw') continue;
      made.push(source(format).path);
      await tool.convert(source('raw'), source(format));
    }
    const rows: ConversionRow[] = [];
    for (const [from, to] of pairs) {
      const src = source(from);
      const dst: DiskRef = { path: join(opts.dir, `target.${to}`), format: to };
      made.push(dst.path);
      const best = { ours: Infinity, plain: Infinity, oursNoFlush: Infinity, plainNoFlush: Infinity };
      const ours = async (durable: boolean) => {
        await rm(dst.path, { force: true });
        const t0 = performance.now();
        await tool.convert(src, dst, { durable, onProgress: () => undefined });
        return performance.now() - t0;
      };
      // Alternate, so neither side always runs on the cache the other warmed.
      for (let i = 0; i < runs; i++) {
        best.ours = Math.min(best.ours, await ours(true));
        await rm(dst.path, { force: true });
        const t = await plainConvert(binary, convertArgs(src, dst, dst.path, true), dst.path);
        best.plain = Math.min(best.plain, t.flushed);
        best.plainNoFlush = Math.min(best.plainNoFlush, t.bare);
        best.oursNoFlush = Math.min(best.oursNoFlush, await ours(false));
      }
      await rm(dst.path, { force: true });
      const mbps = (ms: number) => round((opts.sizeMib * MiB) / 1e6 / (ms / 1000), 1);
      const row: ConversionRow = {
        from,
        to,
        sizeMib: opts.sizeMib,
        oursMs: round(best.ours, 1),
        plainMs: round(best.plain, 1),
        oursMBps: mbps(best.ours),
        plainMBps: mbps(best.plain),
        ratio: round(best.ours / best.plain, 3),
        oursNoFlushMs: round(best.oursNoFlush, 1),
        plainNoFlushMs: round(best.plainNoFlush, 1),
      };
      say(
        `${from} → ${to}: ours ${row.oursMs} ms, plain ${row.plainMs} ms (×${row.ratio}); ` +
          `without the flush ${row.oursNoFlushMs} / ${row.plainNoFlushMs} ms`,
      );
      rows.push(row);
    }
    return rows;
  } finally {
    await Promise.all(made.map((p) => rm(p, { force: true })));
  }
}

/** Figures for writeResult(): the worst and the median ours/plain ratio. */
export function conversionChecks(rows: ConversionRow[], maxRatio = 1.15): Check[] {
  const ratios = rows.map((r) => r.ratio).sort((a, b) => a - b);
  const worst = ratios[ratios.length - 1] ?? NaN;
  const median = ratios[Math.floor(ratios.length / 2)] ?? NaN;
  const worstRow = rows.find((r) => r.ratio === worst);
  return [
    {
      name: 'disk conversion: median ours / plain qemu-img',
      value: median,
      unit: '×',
      target: `≤ ${maxRatio}`,
      pass: median <= maxRatio,
    },
    {
      name: `disk conversion: worst ours / plain (${worstRow?.from} → ${worstRow?.to})`,
      value: worst,
      unit: '×',
      target: 'reported',
      pass: true,
    },
  ];
}

/** The same command line run directly: wall time from spawn to exit, and to its output flushed. */
async function plainConvert(
  binary: string,
  args: string[],
  out: string,
): Promise<{ bare: number; flushed: number }> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${binary} ${args.join(' ')}: ${stderr}`)),
    );
  });
  const bare = performance.now() - t0;
  const fh = await open(out, 'r+');
  await fh.sync();
  await fh.close();
  return { bare, flushed: performance.now() - t0 };
}

/**
 * A disk as an installed system looks to a converter: runs of 1-16 MiB that are holes (40%),
 * incompressible data (35%), or low-entropy data such as text and tables (25%). Deterministic.
 * Answers the allocated percentage.
 */
async function writeSource(path: string, sizeMib: number): Promise<number> {
  const next = mulberry32(42);
  const fh = await open(path, 'w');
  let allocated = 0;
  try {
    for (let at = 0; at < sizeMib;) {
      const len = Math.min(sizeMib - at, 1 + Math.floor(next() * 16));
      const kind = next();
      if (kind >= 0.4) {
        const bytes = len * MiB;
        const block = kind < 0.75 ? pseudoRandom(`run-${at}`, bytes) : lowEntropy(at, bytes);
        await fh.write(block, 0, bytes, at * MiB);
        allocated += len;
      }
      at += len;
    }
    await fh.truncate(sizeMib * MiB);
  } finally {
    await fh.close();
  }
  return Math.round((allocated / sizeMib) * 100);
}

function pseudoRandom(seed: string, bytes: number): Buffer {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(bytes));
}

function lowEntropy(seed: number, bytes: number): Buffer {
  const line = Buffer.from(
    `${seed.toString(16).padStart(8, '0')} usr/lib/x86_64-linux-gnu/libexample.so.1 0644 root\n`,
  );
  const out = Buffer.alloc(bytes);
  for (let at = 0; at < bytes; at += line.length) line.copy(out, at);
  return out;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
