// Per-device I/O counters of real QEMU domains: block counters from query-blockstats, and in
// bridge mode NIC counters from each NIC's tap, with the tiny guest writing to its disk and
// pinging the bridge over the guest channel.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainSpec, NicCounters, NicSpec } from '../../domain/driver.js';
import { ACCEL, waitFor, waitReady } from '../../testing/tiny-qemu.js';
import { GuestChannel } from './guest-channel.js';
import { pidAlive } from './qemu-process.js';
import { QemuDriver } from './qemu-driver.js';
import { bridgeName, interfaceCounters, interfaceExists } from './tap-network.js';
import { ensureTinyGuest, tinyGuestAppend, type TinyGuest } from './tiny-guest.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));
const BOOT_MS = ACCEL === 'kvm' ? 20_000 : 90_000;
const NETWORK = `counters-test-${process.pid}`;
const BRIDGE = bridgeName(NETWORK);
const HOST_IP = '10.213.0.1';
const GUEST_IP = '10.213.0.2';
/** An ICMP echo on Ethernet: 14 bytes of header, 20 of IP, 8 of ICMP, 56 of payload. */
const ECHO_FRAME_BYTES = 98;

describe('QemuDriver I/O counters with the tiny guest', () => {
  let guest: TinyGuest;
  const drivers: QemuDriver[] = [];
  const dirs: string[] = [];
  const domains: Array<[QemuDriver, string]> = [];
  const pids = new Set<number>();

  const open = async (network: 'user' | 'bridge'): Promise<QemuDriver> => {
    const stateDir = mkdtempSync(join(tmpdir(), `reservoir-qemu-counters-${network}-`));
    dirs.push(stateDir);
    const driver = await QemuDriver.open({
      stateDir,
      hostId: `counters-${network}`,
      shutdownTimeoutMs: 3_000,
      accel: ACCEL,
      network,
    });
    drivers.push(driver);
    return driver;
  };

  const spec = (vmId: string, nics: NicSpec[]): DomainSpec => ({
    vmId,
    name: vmId,
    resources: { vcpus: 1, memoryMib: 128, diskMib: 0 },
    disks: [{ id: 'data', imageId: '', format: 'qcow2', sizeMib: 16, target: 'vda' }],
    nics,
    context: {
      'reservoir.kernel': guest.kernel,
      'reservoir.initrd': guest.initrd,
      'reservoir.append': tinyGuestAppend(vmId),
    },
  });

  const boot = async (driver: QemuDriver, domain: DomainSpec): Promise<void> => {
    await driver.create(domain);
    domains.push([driver, domain.vmId]);
    expect((await driver.start(domain.vmId)).state).toBe('running');
    pids.add(driver.pidOf(domain.vmId)!);
    await waitReady(driver.paths(domain.vmId).dir, BOOT_MS);
  };

  const ask = async (driver: QemuDriver, vmId: string, command: string, timeoutMs = 10_000) => {
    const channel = await GuestChannel.open(driver.paths(vmId).health);
    try {
      return await channel.ask(command, timeoutMs, (l) => /^(ok|err)\b/.test(l));
    } finally {
      channel.close();
    }
  };

  beforeAll(async () => {
    guest = await ensureTinyGuest();
  }, 180_000);

  afterAll(async () => {
    for (const [driver, vmId] of domains) await driver.destroy(vmId).catch(() => false);
    for (const driver of drivers) await driver.close();
    for (const pid of pids) if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    if (interfaceExists(BRIDGE)) await run('ip', ['link', 'del', 'dev', BRIDGE]);
  });

  it('counts block I/O per disk from query-blockstats, growing as the guest writes', async () => {
    const driver = await open('user');
    const vmId = 'blk-1';
    const domain = spec(vmId, [{ id: 'eth0', networkId: NETWORK, ip: '', mac: '' }]);
    await driver.create(domain);
    // Nothing runs yet: nothing to measure.
    expect((await driver.get(vmId)).counters).toBeUndefined();
    await boot(driver, domain);

    const before = (await driver.get(vmId)).counters!;
    // User-mode networking has no per-NIC counters.
    expect(before.nics).toEqual([]);
    expect(before.disks.map((x) => x.diskId)).toEqual(['data']);
    const b = before.disks[0]!;
    // Booting, the guest's kernel read the partition table.
    expect(b.readBytes).toBeGreaterThan(0);
    expect(b.readOps).toBeGreaterThan(0);

    const text = 'counted-'.repeat(400);
    expect(await ask(driver, vmId, `write ${text}`)).toBe('ok');
    const a = (await driver.get(vmId)).counters!.disks[0]!;
    expect(a.writeBytes - b.writeBytes).toBeGreaterThanOrEqual(text.length);
    expect(a.writeOps).toBeGreaterThan(b.writeOps);
    // Reads may come from the guest's page cache: they never go back, they need not grow.
    expect(a.readBytes).toBeGreaterThanOrEqual(b.readBytes);
    expect(a.readOps).toBeGreaterThanOrEqual(b.readOps);

    const fromStatus = (await driver.status()).domains.find((x) => x.vmId === vmId)!.counters!;
    expect(fromStatus.disks[0]!.writeBytes).toBeGreaterThanOrEqual(a.writeBytes);
    console.log(`disk counters after writing ${text.length} B: ${JSON.stringify(fromStatus.disks[0])}`);
  }, 180_000);

  it('reports a domain whose monitor does not answer without counters, and status() still answers', async () => {
    const driver = drivers[0]!;
    const pid = driver.pidOf('blk-1')!;
    process.kill(pid, 'SIGSTOP');
    try {
      const t0 = Date.now();
      const status = await driver.status();
      const domain = status.domains.find((x) => x.vmId === 'blk-1')!;
      expect(domain.state).toBe('running');
      expect(domain.counters).toBeUndefined();
      expect(Date.now() - t0).toBeLessThan(5_000);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect((await driver.get('blk-1')).counters?.disks).toHaveLength(1);
  }, 30_000);

  it('in bridge mode counts each NIC on its own tap, which lives as long as the QEMU process', async () => {
    if (interfaceExists(BRIDGE)) await run('ip', ['link', 'del', 'dev', BRIDGE]);
    await run('ip', ['link', 'add', 'name', BRIDGE, 'type', 'bridge']);
    await run('ip', ['addr', 'add', `${HOST_IP}/24`, 'dev', BRIDGE]);
    await run('ip', ['link', 'set', 'dev', BRIDGE, 'up']);

    const driver = await open('bridge');
    const vmId = 'net-1';
    await boot(driver, spec(vmId, [{ id: 'eth0', networkId: NETWORK, ip: GUEST_IP, mac: '' }]));
    const tap = driver.tapOf(vmId, 'eth0')!;
    expect(tap.length).toBeLessThanOrEqual(15);
    expect(interfaceExists(tap)).toBe(true);
    expect(basename(realpathSync(`/sys/class/net/${tap}/master`))).toBe(BRIDGE);

    const nicOf = async (): Promise<NicCounters> => (await driver.get(vmId)).counters!.nics[0]!;
    const before = await nicOf();
    expect(before.nicId).toBe('eth0');
    expect(await ask(driver, vmId, `net ${GUEST_IP}/24 ${HOST_IP} 3`, 30_000)).toBe('ok 3');
    const after = await nicOf();
    // Three echo requests out and three replies in, besides ARP and whatever else the guest says.
    expect(after.txBytes - before.txBytes).toBeGreaterThanOrEqual(3 * ECHO_FRAME_BYTES);
    expect(after.rxBytes - before.rxBytes).toBeGreaterThanOrEqual(3 * ECHO_FRAME_BYTES);
    expect(after.txPackets - before.txPackets).toBeGreaterThanOrEqual(3);
    expect(after.rxPackets - before.rxPackets).toBeGreaterThanOrEqual(3);
    console.log(`nic counters after 3 pings: ${JSON.stringify(after)}`);

    // The tap's own counters, seen from the host's side, are the NIC's swapped. Background traffic
    // (IPv6 neighbour discovery) may land between two reads: compare only a quiet moment.
    await waitFor(
      "the tap's counters and the NIC's to agree",
      async () => {
        const first = interfaceCounters(tap)!;
        const nic = await nicOf();
        const last = interfaceCounters(tap)!;
        if (JSON.stringify(first) !== JSON.stringify(last)) return false;
        expect(nic).toEqual({
          nicId: 'eth0',
          rxBytes: last.txBytes,
          txBytes: last.rxBytes,
          rxPackets: last.txPackets,
          txPackets: last.rxPackets,
        });
        return true;
      },
      10_000,
    );

    // A hot-plugged NIC gets a tap of its own on its network's bridge; unplugged, the tap goes.
    await driver.attachNic(vmId, { id: 'eth1', networkId: NETWORK, ip: '', mac: '' });
    const tap1 = driver.tapOf(vmId, 'eth1')!;
    expect(tap1).not.toBe(tap);
    expect(basename(realpathSync(`/sys/class/net/${tap1}/master`))).toBe(BRIDGE);
    expect((await driver.get(vmId)).counters!.nics.map((n) => n.nicId)).toEqual(['eth0', 'eth1']);
    await driver.detachNic(vmId, 'eth1');
    expect(interfaceExists(tap1)).toBe(false);
    expect((await driver.get(vmId)).counters!.nics.map((n) => n.nicId)).toEqual(['eth0']);

    // A crash ends the process for good: the tap goes; a new start makes it again.
    process.kill(driver.pidOf(vmId)!, 'SIGKILL');
    await waitFor('the crash to be noticed', async () => (await driver.get(vmId)).state === 'crashed', 5_000);
    await waitFor('the tap of the crashed QEMU to go', () => !interfaceExists(tap), 5_000);
    expect((await driver.get(vmId)).counters).toBeUndefined();
    expect((await driver.start(vmId)).state).toBe('running');
    pids.add(driver.pidOf(vmId)!);
    expect(interfaceExists(tap)).toBe(true);
    expect((await driver.get(vmId)).counters?.nics.map((n) => n.nicId)).toEqual(['eth0']);

    expect(await driver.destroy(vmId)).toBe(true);
    expect(interfaceExists(tap)).toBe(false);
    // The bridge is the network's, not the domain's: it stays.
    expect(interfaceExists(BRIDGE)).toBe(true);
  }, 240_000);

  it('refuses bridge mode at open without CAP_NET_ADMIN, saying what is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reservoir-qemu-counters-nocap-'));
    dirs.push(dir);
    const script = join(dir, 'open.mts');
    const driverModule = fileURLToPath(new URL('./qemu-driver.ts', import.meta.url));
    writeFileSync(
      script,
      `import { QemuDriver } from ${JSON.stringify(driverModule)};
try {
  await QemuDriver.open({ stateDir: ${JSON.stringify(join(dir, 'state'))}, network: 'bridge' });
  console.log(JSON.stringify({ opened: true }));
} catch (e) {
  console.log(JSON.stringify({ code: e.code, message: e.message }));
}
`,
    );
    // Dropped from the bounding set, the capability is gone from the child even for root.
    const { stdout } = await run(
      'setpriv',
      ['--bounding-set', '-net_admin', 'node', '--import', 'tsx', script],
      {
        cwd: REPO,
      },
    );
    const answer = JSON.parse(stdout.trim().split('\n').at(-1)!) as { code?: string; message?: string };
    expect(answer.code).toBe('FAILED_PRECONDITION');
    expect(answer.message).toMatch(/bridge network needs CAP_NET_ADMIN/);
    expect(answer.message).toMatch(/--network user/);
    expect(existsSync(join(dir, 'state'))).toBe(true);
  }, 60_000);
});
