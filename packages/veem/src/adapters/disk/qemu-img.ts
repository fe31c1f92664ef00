import { spawn } from 'node:child_process';
import { link, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ReservoirError, errors, type ErrorCode } from '@reservoir/runtime';
import type {
  CompareResult,
  ConvertOptions,
  ConvertResult,
  DiskInfo,
  DiskRef,
  DiskTool,
} from '../../app/disk-tool.js';
import { DISK_FORMATS, type DiskFormat } from '../../domain/image.js';
import { syncDir, tempName } from './image-repository.js';

// DiskTool on qemu-img: argument arrays, never a shell; the format is always given (-f, -F,
// -O) so a file's content can never make qemu-img read it as another format.

/** Options for creating a file of each format, chosen so the virtual size is exactly the one asked. */
export const FORMAT_OPTIONS: Readonly<Record<DiskFormat, readonly string[]>> = {
  raw: [],
  qcow2: [],
  // One self-contained file (the default; said so a changed default cannot split the image).
  vmdk: ['subformat=monolithicSparse'],
  vhdx: ['subformat=dynamic'],
  vdi: ['static=off'],
  // Without force_size the size is rounded up to a CHS geometry (16 MiB asked → 16,781,312 bytes).
  vpc: ['subformat=dynamic', 'force_size=on'],
};

/** Formats qemu-img has no check for (it answers 63): no need to run it before a conversion. */
const UNCHECKED: ReadonlySet<DiskFormat> = new Set(['raw', 'vpc']);
/** Every format but raw stores whole 512-byte sectors and rounds any other size up. */
const SECTOR = 512;
const STDERR_LIMIT = 16 * 1024;
const KILL_GRACE_MS = 2000;

/**
 * The qemu-img command line for a conversion, shared with the benchmark's plain runs. No -t:
 * convert's default cache mode ("unsafe") never flushes, and the output is flushed once at the
 * end instead; with -t writeback qemu-img flushes after metadata updates (2,882 fdatasyncs for
 * a 256 MiB vmdk, 272 for vpc), 20 times slower for vmdk. No -W or -m: neither helped here.
 */
export function convertArgs(src: DiskRef, dst: DiskRef, outPath: string, progress: boolean): string[] {
  return [
    'convert',
    ...(progress ? ['-p'] : []),
    ...['-f', src.format, '-O', dst.format],
    ...optionArgs(dst.format),
    src.path,
    outPath,
  ];
}

function optionArgs(format: DiskFormat): string[] {
  const o = FORMAT_OPTIONS[format];
  return o.length > 0 ? ['-o', o.join(',')] : [];
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** What `qemu-img info --output=json` answers, as far as it is used here. */
interface QemuInfo {
  format: string;
  'virtual-size': number;
  'actual-size'?: number;
  'backing-filename'?: string;
  'format-specific'?: { data?: { extents?: { filename: string }[]; 'data-file'?: string } };
}

interface QemuCheck {
  corruptions?: number;
  leaks?: number;
  'check-errors'?: number;
}

export interface QemuImgOptions {
  /** The qemu-img executable: a path or a name looked up in PATH. */
  binary?: string;
}

export class QemuImg implements DiskTool {
  private readonly binary: string;

  constructor(opts: QemuImgOptions = {}) {
    this.binary = opts.binary ?? 'qemu-img';
  }

  async version(): Promise<string> {
    const r = await this.run(['--version']);
    const v = /version (\S+)/.exec(r.stdout)?.[1];
    if (r.code !== 0 || !v) {
      throw errors.internal(`${this.binary} --version: ${oneLine(r.stderr || r.stdout)}`);
    }
    return v;
  }

  async info(ref: DiskRef): Promise<DiskInfo> {
    const i = await this.inspect(checked(ref));
    return {
      format: ref.format,
      virtualSizeBytes: i['virtual-size'],
      actualSizeBytes: i['actual-size'] ?? 0,
    };
  }

  async create(ref: DiskRef, virtualSizeBytes: number): Promise<void> {
    const r = checked(ref);
    if (!Number.isSafeInteger(virtualSizeBytes) || virtualSizeBytes <= 0) {
      throw errors.invalid('virtualSizeBytes', `must be a positive integer, not ${virtualSizeBytes}`);
    }
    assertSectors(r.format, virtualSizeBytes, r.path);
    await intoPlace(r.path, 'exclusive', true, async (partial) => {
      const args = [
        'create',
        '-q',
        '-f',
        r.format,
        ...optionArgs(r.format),
        partial,
        String(virtualSizeBytes),
      ];
      const res = await this.run(args);
      if (res.code !== 0) throw failure('qemu-img create', [r.path], res.stderr, { [partial]: r.path });
      // qemu-img create does not flush every format (raw is a bare truncate).
      await flush(partial);
    });
  }

  async convert(source: DiskRef, target: DiskRef, opts: ConvertOptions = {}): Promise<ConvertResult> {
    const t0 = performance.now();
    const src = checked(source);
    const dst = checked(target);
    if (opts.signal?.aborted) throw cancelled(src, dst);
    // The source is read whole: refuse one that reads other files, and one whose metadata is
    // damaged (qemu-img convert reads a truncated qcow2 or vdi as zeros without a word).
    const [inspected, checkedOk] = await Promise.allSettled([
      this.inspect(src),
      UNCHECKED.has(src.format) ? { ok: true, detail: '' } : this.check(src),
    ]);
    // inspect's error first: it says why the file cannot be used at all.
    if (inspected.status === 'rejected') throw inspected.reason;
    if (checkedOk.status === 'rejected') throw checkedOk.reason;
    if (!checkedOk.value.ok) throw corrupt(src, checkedOk.value.detail);
    const size = inspected.value['virtual-size'];
    assertSectors(dst.format, size, src.path);
    const durable = opts.durable ?? true;
    await intoPlace(dst.path, 'replace', durable, async (partial) => {
      const progress = opts.onProgress ? progressParser(opts.onProgress) : undefined;
      const res = await this.run(convertArgs(src, dst, partial, progress !== undefined), {
        signal: opts.signal,
        onStdout: progress,
        onAbort: () => cancelled(src, dst),
      });
      if (res.code !== 0) {
        throw failure('qemu-img convert', [src.path, dst.path], res.stderr, { [partial]: dst.path });
      }
      const [out] = await Promise.all([
        this.inspect({ path: partial, format: dst.format }),
        durable && flush(partial),
      ]);
      if (out['virtual-size'] !== size) {
        throw errors.internal(
          `qemu-img convert ${src.path} → ${dst.path}: output has virtual size ${out['virtual-size']}, source ${size}`,
        );
      }
      if (opts.verify) {
        const c = await this.compare(src, { path: partial, format: dst.format });
        if (!c.identical) throw errors.internal(`qemu-img convert ${src.path} → ${dst.path}: ${c.detail}`);
      }
    });
    return { bytes: size, ms: Math.round(performance.now() - t0) };
  }

  async compare(first: DiskRef, second: DiskRef): Promise<CompareResult> {
    const a = checked(first);
    const b = checked(second);
    const [ia, ib] = await Promise.all([this.inspect(a), this.inspect(b)]);
    if (ia['virtual-size'] !== ib['virtual-size']) {
      return {
        identical: false,
        detail: `virtual sizes differ: ${a.path} has ${ia['virtual-size']} bytes, ${b.path} ${ib['virtual-size']}`,
      };
    }
    const r = await this.run(['compare', '-f', a.format, '-F', b.format, a.path, b.path]);
    // 0 identical, 1 different, anything else an error.
    if (r.code === 0 || r.code === 1) return { identical: r.code === 0, detail: oneLine(r.stdout) };
    throw failure('qemu-img compare', [a.path, b.path], r.stderr);
  }

  async check(ref: DiskRef): Promise<{ ok: boolean; detail: string }> {
    const r = checked(ref);
    const res = await this.run(['check', '--output=json', '-f', r.format, r.path]);
    const report = () => JSON.parse(res.stdout) as QemuCheck;
    switch (res.code) {
      case 0:
        return { ok: true, detail: 'no errors found' };
      case 2:
        return {
          ok: false,
          detail: clip(`${report().corruptions ?? 0} corruptions: ${oneLine(res.stderr)}`),
        };
      case 3:
        return {
          ok: true,
          detail: `${report().leaks ?? 0} leaked clusters (wasted space; the data is intact)`,
        };
      case 63:
        return { ok: true, detail: `qemu-img has no consistency check for ${r.format}; nothing was checked` };
      case 1:
        // The check could not finish: an image that cannot be opened is an error, a check
        // that stumbled over damaged metadata is a failed check.
        if (!/Could not open/.test(res.stderr)) return { ok: false, detail: clip(oneLine(res.stderr)) };
    }
    throw failure('qemu-img check', [r.path], res.stderr);
  }

  private async inspect(ref: DiskRef): Promise<QemuInfo> {
    const res = await this.run(['info', '--output=json', '-f', ref.format, ref.path]);
    if (res.code !== 0) throw failure('qemu-img info', [ref.path], res.stderr);
    const info = JSON.parse(res.stdout) as QemuInfo;
    assertSelfContained(ref, info);
    return info;
  }

  /** Runs qemu-img to its end; a signal kills it and rejects with what onAbort makes. */
  private run(
    args: string[],
    opts: { signal?: AbortSignal; onStdout?: (text: string) => void; onAbort?: () => ReservoirError } = {},
  ): Promise<Run> {
    return new Promise((resolveRun, reject) => {
      const aborted = () =>
        opts.onAbort?.() ?? new ReservoirError('CANCELLED', `qemu-img ${args[0]} cancelled`);
      if (opts.signal?.aborted) return reject(aborted());
      const child = spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let failed: unknown;
      const stop = (reason: unknown) => {
        failed ??= reason;
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS).unref();
      };
      const onAbort = () => stop(aborted());
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        if (!opts.onStdout) return void (stdout += text);
        try {
          opts.onStdout(text);
        } catch (e) {
          stop(e);
        }
      });
      child.stderr.setEncoding('utf8').on('data', (text: string) => {
        stderr = (stderr + text).slice(-STDERR_LIMIT);
      });
      child.on('error', (e: NodeJS.ErrnoException) => {
        failed ??=
          e.code === 'ENOENT' || e.code === 'EACCES'
            ? errors.precondition(
                `${this.binary} cannot be run (${e.code}): install qemu-utils (apt-get install qemu-utils)`,
              )
            : errors.internal(`${this.binary}: ${e.message}`, e);
      });
      child.on('close', (code) => {
        opts.signal?.removeEventListener('abort', onAbort);
        if (failed !== undefined) reject(failed);
        else resolveRun({ code: code ?? -1, stdout, stderr });
      });
    });
  }
}

/** Parses `-p` output ("    (12.34/100%)\r") and reports each new fraction. */
function progressParser(onProgress: (fraction: number) => void): (text: string) => void {
  let tail = '';
  let last = -1;
  return (text) => {
    const all = tail + text;
    const cut = all.lastIndexOf('\r');
    tail = all.slice(cut + 1);
    const matches = all.slice(0, cut + 1).match(/\d+(?:\.\d+)?(?=\/100%\))/g);
    const pct = matches ? Number(matches[matches.length - 1]) : NaN;
    if (pct > last) {
      last = pct;
      onProgress(Math.min(1, pct / 100));
    }
  };
}

/**
 * Makes dst through make(partial), where partial is a file of the same base name in a hidden
 * directory beside dst (a vmdk names its own file inside), then moves it into place: 'replace'
 * renames over dst, 'exclusive' refuses an existing dst; when durable, the rename is fsynced.
 * A crash leaves only the hidden directory, which ImageRepository.sweepTemp() removes.
 */
async function intoPlace(
  dst: string,
  mode: 'replace' | 'exclusive',
  durable: boolean,
  make: (partial: string) => Promise<void>,
) {
  const dir = dirname(dst);
  const tmp = join(dir, tempName(basename(dst)));
  await mkdir(tmp).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'ENOENT'
      ? new ReservoirError('NOT_FOUND', `directory "${dir}" for "${dst}" not found`, { cause: e })
      : errors.internal(`cannot write beside "${dst}": ${e.message}`, e);
  });
  try {
    const partial = join(tmp, basename(dst));
    await make(partial);
    if (mode === 'replace') await rename(partial, dst);
    else {
      await link(partial, dst).catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'EEXIST' ? errors.exists('disk image', dst) : e;
      });
    }
    if (durable) await syncDir(dir);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function flush(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Validates a ref and makes its path absolute, so qemu-img never reads "proto:..." or "json:{...}" in it. */
function checked(ref: DiskRef): DiskRef {
  if (!(DISK_FORMATS as readonly string[]).includes(ref.format)) {
    throw errors.invalid(
      'format',
      `"${ref.format}" is not one of ${DISK_FORMATS.join(', ')} (file "${ref.path}")`,
    );
  }
  if (typeof ref.path !== 'string' || ref.path === '') {
    throw errors.invalid('path', 'a disk image path is required');
  }
  return { path: resolve(ref.path), format: ref.format };
}

function assertSectors(format: DiskFormat, bytes: number, path: string): void {
  if (format !== 'raw' && bytes % SECTOR !== 0) {
    throw errors.invalid(
      'virtualSizeBytes',
      `${bytes} bytes ("${path}") is not a whole number of ${SECTOR}-byte sectors, which ${format} needs to keep the size exact`,
    );
  }
}

/** A backing file, a qcow2 data file or a vmdk extent elsewhere would make qemu-img read another file. */
function assertSelfContained(ref: DiskRef, info: QemuInfo): void {
  const data = info['format-specific']?.data;
  const others = [
    info['backing-filename'],
    data?.['data-file'],
    ...(data?.extents ?? []).map((e) => e.filename).filter((f) => resolve(dirname(ref.path), f) !== ref.path),
  ].filter((f): f is string => f !== undefined);
  if (others.length > 0) {
    throw errors.invalid(
      'path',
      `"${ref.path}" (${ref.format}) refers to other files (${others.join(', ')}); only self-contained images are accepted`,
    );
  }
}

const CODES: [RegExp, ErrorCode][] = [
  [/No such file or directory/, 'NOT_FOUND'],
  [/Failed to get .*lock|Permission denied|Read-only file system/, 'FAILED_PRECONDITION'],
  [/No space left on device|Disk quota exceeded/, 'RESOURCE_EXHAUSTED'],
  [
    /Could not open|not in \S+ format|invalid|corrupt|bad signature|magic|unsupported|not supported/i,
    'INVALID_ARGUMENT',
  ],
];

/**
 * A ReservoirError for a failed qemu-img run: names the file qemu-img complains about (or all
 * of them) and quotes its stderr. `aliases` maps internal temporary paths back to the caller's.
 */
function failure(
  what: string,
  paths: string[],
  stderr: string,
  aliases: Record<string, string> = {},
): ReservoirError {
  let text = clip(oneLine(stderr)) || 'no message';
  for (const [from, to] of Object.entries(aliases)) text = text.split(from).join(to);
  const named = /Could not open '([^']*)'/.exec(text)?.[1];
  const files = named !== undefined && paths.includes(named) ? [named] : paths;
  const code = CODES.find(([re]) => re.test(text))?.[1] ?? 'INTERNAL';
  return new ReservoirError(code, `${what} ${files.map((f) => `"${f}"`).join(', ')}: ${text}`, {
    field: 'path',
  });
}

function corrupt(ref: DiskRef, detail: string): ReservoirError {
  return new ReservoirError('INVALID_ARGUMENT', `"${ref.path}" is a damaged ${ref.format} image: ${detail}`, {
    field: 'path',
  });
}

function cancelled(src: DiskRef, dst: DiskRef): ReservoirError {
  return new ReservoirError(
    'CANCELLED',
    `conversion of "${src.path}" to "${dst.path}" cancelled; no output kept`,
  );
}

function clip(text: string, max = 2000): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function oneLine(text: string): string {
  return text
    .split(/[\r\n]+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('; ');
}
