import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { errors, ReservoirError } from '@reservoir/runtime';
import type { DomainSpec } from '../../domain/driver.js';

const run = promisify(execFile);

/** The virtio-serial port of the guest's line channel. */
export const HEALTH_PORT = 'reservoir.health';

export const KERNEL_KEY = 'reservoir.kernel';
export const INITRD_KEY = 'reservoir.initrd';
export const APPEND_KEY = 'reservoir.append';

/** Where one domain keeps its files under the driver's state directory. */
export interface DomainPaths {
  dir: string;
  spec: string;
  qmp: string;
  console: string;
  health: string;
  pid: string;
  log: string;
}

export function domainPaths(stateDir: string, vmId: string): DomainPaths {
  const dir = join(stateDir, vmId);
  return {
    dir,
    spec: join(dir, 'spec.json'),
    qmp: join(dir, 'qmp.sock'),
    console: join(dir, 'console.log'),
    health: join(dir, 'health.sock'),
    pid: join(dir, 'pid'),
    log: join(dir, 'qemu.log'),
  };
}

/** Where a suspended domain's memory and device state is saved. */
export function savedStatePath(paths: DomainPaths): string {
  return join(paths.dir, 'saved.state');
}

export function overlayPath(paths: DomainPaths, diskId: string): string {
  return join(paths.dir, `disk-${diskId}.qcow2`);
}

/** QOM ids and node names allow letters, digits, '-', '.', '_' and must start with a letter. */
export function qemuId(kind: string, id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

export interface MachineLimits {
  /** CPUs the machine can hot-plug up to. */
  maxVcpus: number;
  /** Memory the machine can grow to with DIMMs. */
  maxMemoryMib: number;
  /** Empty pcie-root-ports for hot-plugged disks and NICs. */
  hotplugPorts: number;
}

export const MEMORY_SLOTS = 4;

/** The QEMU command line of a domain. The guest starts paused (-S) so no event is missed before QMP attaches. */
export function qemuArgs(
  spec: DomainSpec,
  paths: DomainPaths,
  options: {
    kvm: boolean;
    limits: MachineLimits;
    cpuModel?: string;
    loadvm?: string;
    /** "defer": a migration target, told where to listen later; or a URI to load the state from. */
    incoming?: string;
    /** Bridge network: the tap device of a NIC, by NIC id; without it NICs use user-mode networking. */
    tapOf?: (nicId: string) => string;
  },
): string[] {
  const r = spec.resources;
  const maxVcpus = Math.max(r.vcpus, options.limits.maxVcpus);
  const maxMem = Math.max(r.memoryMib, options.limits.maxMemoryMib);
  const args = [
    '-name',
    `${spec.name},debug-threads=on`,
    '-machine',
    'q35',
    '-accel',
    options.kvm ? 'kvm' : 'tcg',
    '-smp',
    `${r.vcpus},maxcpus=${maxVcpus}`,
    '-m',
    // Without headroom QEMU refuses slots, so memory hot-plug needs maxmem above the boot size.
    maxMem > r.memoryMib ? `${r.memoryMib}M,slots=${MEMORY_SLOTS},maxmem=${maxMem}M` : `${r.memoryMib}M`,
    '-display',
    'none',
    '-nodefaults',
    '-no-user-config',
    '-S',
    '-qmp',
    `unix:${paths.qmp},server=on,wait=off`,
    '-pidfile',
    paths.pid,
    '-chardev',
    `file,id=console,path=${paths.console},append=on`,
    '-serial',
    'chardev:console',
    // A line channel to the guest on a virtio-serial port named reservoir.health (the tiny guest
    // answers health pings there). Not a second UART: a 16550's pending interrupt can be lost in
    // a live migration, and the guest then never reads what arrives.
    '-chardev',
    `socket,id=health,path=${paths.health},server=on,wait=off`,
    '-device',
    'virtio-serial-pci,id=vser0,bus=pcie.0',
    '-device',
    `virtserialport,bus=vser0.0,chardev=health,name=${HEALTH_PORT}`,
  ];
  // QEMU's default model runs everywhere; 'host' can fail under nested KVM (MSRs the L1 lacks).
  if (options.cpuModel) args.push('-cpu', options.cpuModel);
  for (let i = 0; i < options.limits.hotplugPorts; i++) {
    args.push('-device', `pcie-root-port,id=hp${i},chassis=${i + 1},bus=pcie.0`);
  }
  // A -kernel boot takes boot index 0 itself.
  const kernel = spec.context[KERNEL_KEY];
  spec.disks.forEach((disk, i) => {
    const node = qemuId('disk', disk.id);
    args.push(
      '-blockdev',
      JSON.stringify({
        driver: 'qcow2',
        'node-name': node,
        file: { driver: 'file', filename: overlayPath(paths, disk.id) },
      }),
      '-device',
      `virtio-blk-pci,drive=${node},id=${qemuId('dev', disk.id)}${i === 0 && !kernel ? ',bootindex=0' : ''}`,
    );
  });
  for (const nic of spec.nics) {
    const netdev = qemuId('net', nic.id);
    args.push(
      '-netdev',
      netdevArg(netdev, options.tapOf?.(nic.id)),
      '-device',
      `virtio-net-pci,netdev=${netdev},id=${qemuId('nic', nic.id)},mac=${nic.mac}`,
    );
  }
  if (kernel) {
    args.push('-kernel', kernel);
    const initrd = spec.context[INITRD_KEY];
    if (initrd) args.push('-initrd', initrd);
    const append = spec.context[APPEND_KEY];
    if (append) args.push('-append', append);
  }
  if (options.loadvm) args.push('-loadvm', options.loadvm);
  if (options.incoming) args.push('-incoming', options.incoming);
  return args;
}

/**
 * A NIC's backend on the command line: QEMU's user-mode network, or a tap the driver has made
 * (script=no: the driver, not a helper script, enslaves it to its bridge).
 */
export function netdevArg(id: string, tap: string | undefined): string {
  return tap ? `tap,id=${id},ifname=${tap},script=no,downscript=no` : `user,id=${id}`;
}

/** The same backend as netdev_add arguments, for a hot-plugged NIC. */
export function netdevQmp(id: string, tap: string | undefined): Record<string, unknown> {
  return tap ? { type: 'tap', id, ifname: tap, script: 'no', downscript: 'no' } : { type: 'user', id };
}

export interface Spawned {
  pid: number;
  /** Settles with the exit code (or signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts QEMU detached in its own session, so it outlives this agent and a new agent can adopt it;
 * its stderr goes to qemu.log. Resolves once the process has spawned.
 */
export async function spawnQemu(binary: string, args: string[], logPath: string): Promise<Spawned> {
  const log = openSync(logPath, 'a');
  try {
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', log, log] });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (e) =>
        reject(new ReservoirError('UNAVAILABLE', `cannot run ${binary}: ${e.message}`, { cause: e })),
      );
    });
    child.unref();
    return { pid: child.pid!, exited };
  } finally {
    closeSync(log);
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie child still answers kill(0); it is dead for our purposes.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return statFields(stat)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Fields of /proc/<pid>/stat after the command name: [0] is the state, [11]/[12] utime/stime, [19] starttime. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The command line of a process, to tell a QEMU of ours from a reused pid. */
export function processCmdline(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return undefined;
  }
}

// Linux reports process times in USER_HZ, which is 100 on every architecture QEMU/KVM runs on.
const CLOCK_TICKS = 100;

export interface CpuSample {
  cpuSeconds: number;
  atMs: number;
}

export interface ProcessUsage {
  cpu: CpuSample;
  /** CPU seconds since the process started, and its age: the average when there is no earlier sample. */
  ageSeconds: number;
  rssMib: number;
}

export function processUsage(pid: number): ProcessUsage | undefined {
  try {
    const f = statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    const cpuSeconds = (Number(f[11]) + Number(f[12])) / CLOCK_TICKS;
    const ageSeconds = Math.max(uptime - Number(f[19]) / CLOCK_TICKS, 0.001);
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    const rssMib = (Number(statm[1]) * 4096) / (1024 * 1024);
    return { cpu: { cpuSeconds, atMs: Date.now() }, ageSeconds, rssMib };
  } catch {
    return undefined;
  }
}

/** Percent of one core used between two samples. */
export function cpuPercent(prev: CpuSample | undefined, usage: ProcessUsage): number {
  const pct =
    prev && usage.cpu.atMs > prev.atMs
      ? ((usage.cpu.cpuSeconds - prev.cpuSeconds) * 100_000) / (usage.cpu.atMs - prev.atMs)
      : (usage.cpu.cpuSeconds * 100) / usage.ageSeconds;
  return Math.round(Math.max(pct, 0) * 10) / 10;
}

export async function qemuImg(args: string[], signal?: AbortSignal): Promise<string> {
  try {
    const { stdout } = await run('qemu-img', args, {
      maxBuffer: 16 * 1024 * 1024,
      ...(signal ? { signal } : {}),
    });
    return stdout;
  } catch (e) {
    if (signal?.aborted) throw errors.cancelled(`qemu-img ${args[0]} stopped: the migration was canceled`);
    const err = e as { stderr?: string; message: string };
    throw new ReservoirError(
      'FAILED_PRECONDITION',
      `qemu-img ${args[0]}: ${(err.stderr || err.message).trim()}`,
      {
        cause: e,
      },
    );
  }
}

/** A TCP port free on host now, for a listener QEMU opens next. */
export async function freeTcpPort(host: string): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
