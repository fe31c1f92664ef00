import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { sleep } from '@reservoir/runtime';
import type { CapabilityProfile } from '../../domain/driver.js';
import { QmpClient } from './qmp.js';
import { pidAlive, spawnQemu } from './qemu-process.js';

export const QEMU_DRIVER = 'qemu';
export const DEFAULT_QEMU_BINARY = 'qemu-system-x86_64';
export const MACHINE_TYPE = 'q35';

/** What the probe learned beyond the profile. */
export interface QemuCapabilities {
  profile: CapabilityProfile;
  kvm: boolean;
  /** The concrete machine type q35 stands for, e.g. pc-q35-7.2. */
  machine: string;
  version: string;
}

/** True when this process may open /dev/kvm for reading and writing. */
export function kvmUsable(): boolean {
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

interface MachineInfo {
  name: string;
  alias?: string;
  'cpu-max': number;
}

/**
 * Asks a throw-away QEMU (no machine, no guest) what it is: version, whether KVM works, and the
 * CPU limit of the machine type the driver uses.
 */
export async function probeQemu(
  binary = DEFAULT_QEMU_BINARY,
  wantKvm = kvmUsable(),
): Promise<QemuCapabilities> {
  const dir = mkdtempSync(join(tmpdir(), 'reservoir-qemu-probe-'));
  const sock = join(dir, 'qmp.sock');
  const args = [
    '-machine',
    'none',
    '-accel',
    wantKvm ? 'kvm' : 'tcg',
    '-display',
    'none',
    '-nodefaults',
    '-no-user-config',
    '-qmp',
    `unix:${sock},server=on,wait=off`,
  ];
  const proc = await spawnQemu(binary, args, join(dir, 'qemu.log'));
  let qmp: QmpClient | undefined;
  try {
    qmp = await connectWithRetry(sock, proc.pid, 5_000);
    const version = await qmp.execute<{
      qemu: { major: number; minor: number; micro: number };
      package: string;
    }>('query-version');
    const kvm = await qmp.execute<{ enabled: boolean; present: boolean }>('query-kvm');
    const machines = await qmp.execute<MachineInfo[]>('query-machines');
    const q35 =
      machines.find((m) => m.alias === MACHINE_TYPE) ?? machines.find((m) => m.name === MACHINE_TYPE);
    const v = version.qemu;
    const versionText = `${v.major}.${v.minor}.${v.micro}${version.package ? ` (${version.package.trim()})` : ''}`;
    const profile: CapabilityProfile = {
      hypervisor: kvm.enabled ? 'kvm' : 'qemu-tcg',
      hypervisorVersion: `QEMU ${versionText}`,
      maxVcpusPerVm: q35?.['cpu-max'] ?? 1,
      // A guest cannot have more memory than the host without overcommit, which this driver does not do.
      maxMemoryMibPerVm: Math.floor(totalmem() / (1024 * 1024)),
      diskFormats: ['qcow2', 'raw'],
      // Live only, disks over NBD (live-migration.ts): no shared storage needed.
      liveMigration: true,
      cpuHotplug: true,
      memoryHotplug: true,
      snapshots: true,
      sharedStorageRequiredForLiveMigration: false,
      driver: QEMU_DRIVER,
    };
    return { profile, kvm: kvm.enabled, machine: q35?.name ?? MACHINE_TYPE, version: versionText };
  } finally {
    if (qmp) {
      await qmp.execute('quit').catch(() => {});
      await qmp.close();
    }
    await Promise.race([proc.exited, sleep(2_000)]);
    if (pidAlive(proc.pid)) process.kill(proc.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** QEMU creates its monitor socket a moment after it starts; retry until then or until it dies. */
export async function connectWithRetry(path: string, pid: number, timeoutMs: number): Promise<QmpClient> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await QmpClient.connect(path, { timeoutMs: Math.max(deadline - Date.now(), 500) });
    } catch (e) {
      if (Date.now() > deadline || !pidAlive(pid)) throw e;
      await sleep(25);
    }
  }
}
