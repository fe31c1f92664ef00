import { describe, expect, it } from 'vitest';
import type { DomainSpec } from '../../domain/driver.js';
import { spec } from '../../testing/fixtures.js';
import { diskCounters, nicCountersFromTap, type BlockStats } from './counters.js';
import { bridgeName, tapName } from './tap-network.js';

const stats = (rd: number, wr: number, extra: Partial<BlockStats>): BlockStats => ({
  stats: { rd_bytes: rd, wr_bytes: wr, rd_operations: rd / 512, wr_operations: wr / 512 },
  ...extra,
});

describe('diskCounters', () => {
  const twoDisks: DomainSpec = spec('vm-1', 1, 128, 64, {
    disks: [
      { id: 'root', imageId: '', format: 'qcow2', sizeMib: 32, target: 'vda' },
      { id: 'data/1', imageId: '', format: 'qcow2', sizeMib: 32, target: 'vdb' },
    ],
  });

  it("maps QEMU's devices and nodes back to the spec's disk ids, in the spec's order", () => {
    const answer = [
      // A hot-plugged disk as QEMU 7 reports it: an anonymous backend on the device.
      stats(1024, 512, {
        device: '',
        'node-name': 'disk-data_1',
        qdev: '/machine/peripheral/dev-data_1/virtio-backend',
      }),
      // Under a mirror job the root node is the job's filter; the device still names the disk.
      stats(4096, 2048, {
        device: '',
        'node-name': '#block123',
        qdev: '/machine/peripheral/dev-root/virtio-backend',
      }),
    ];
    expect(diskCounters(twoDisks, answer)).toEqual([
      { diskId: 'root', readBytes: 4096, writeBytes: 2048, readOps: 8, writeOps: 4 },
      { diskId: 'data/1', readBytes: 1024, writeBytes: 512, readOps: 2, writeOps: 1 },
    ]);
  });

  it('falls back to the node name, and leaves out disks QEMU does not report', () => {
    const answer = [
      stats(512, 0, { 'node-name': 'disk-root' }),
      stats(512, 512, { 'node-name': 'disk-other' }),
    ];
    expect(diskCounters(twoDisks, answer)).toEqual([
      { diskId: 'root', readBytes: 512, writeBytes: 0, readOps: 1, writeOps: 0 },
    ]);
  });
});

describe('tap counters and names', () => {
  it("swaps the tap's directions: the tap transmits what the guest receives", () => {
    expect(nicCountersFromTap('eth', { rxBytes: 10, txBytes: 20, rxPackets: 1, txPackets: 2 })).toEqual({
      nicId: 'eth',
      rxBytes: 20,
      txBytes: 10,
      rxPackets: 2,
      txPackets: 1,
    });
  });

  it('derives interface names within 15 characters, stable and distinct per driver, vm and NIC', () => {
    const a = tapName('/var/lib/veeh', 'vm-1', 'nic-0');
    expect(a).toMatch(/^rsv[0-9a-f]{12}$/);
    expect(tapName('/var/lib/veeh', 'vm-1', 'nic-0')).toBe(a);
    expect(
      new Set([a, tapName('/var/lib/veeh', 'vm-1', 'nic-1'), tapName('/other', 'vm-1', 'nic-0')]).size,
    ).toBe(3);
    expect(bridgeName('a-very-long-network-identifier-of-a-site')).toMatch(/^rsvbr-[0-9a-f]{9}$/);
    expect(bridgeName('net-1')).not.toBe(bridgeName('net-2'));
  });
});
