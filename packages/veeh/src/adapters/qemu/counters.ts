// Per-device I/O counters of a QEMU domain, in the driver's plain types. Disks come from QMP's
// query-blockstats; NICs from the kernel's counters of their tap devices (tap-network.ts), since
// QMP has no byte counters for a NIC.

import type { DiskCounters, DomainSpec, NicCounters } from '../../domain/driver.js';
import { qemuId } from './qemu-process.js';

/** The part of one query-blockstats entry the driver reads. */
export interface BlockStats {
  device?: string;
  'node-name'?: string;
  /** QOM path of the guest device, e.g. /machine/peripheral/dev-data/virtio-backend. */
  qdev?: string;
  stats: { rd_bytes: number; wr_bytes: number; rd_operations: number; wr_operations: number };
}

/** The kernel's counters of one network interface, from its own point of view. */
export interface InterfaceCounters {
  rxBytes: number;
  txBytes: number;
  rxPackets: number;
  txPackets: number;
}

/**
 * Counters of the spec's disks, in the spec's order; disks QEMU does not report are left out.
 * qemuArgs names a disk's device dev-<id> and its root node disk-<id>. The device is looked up
 * first because a block job (a mirror during migration) puts a filter node above the disk's own.
 */
export function diskCounters(spec: DomainSpec, stats: readonly BlockStats[]): DiskCounters[] {
  const byNode = new Map<string, BlockStats>();
  const byDevice = new Map<string, BlockStats>();
  for (const s of stats) {
    if (s['node-name']) byNode.set(s['node-name'], s);
    const device = s.qdev?.match(/^\/machine\/peripheral\/([^/]+)/)?.[1];
    if (device) byDevice.set(device, s);
  }
  const out: DiskCounters[] = [];
  for (const disk of spec.disks) {
    const s = byDevice.get(qemuId('dev', disk.id)) ?? byNode.get(qemuId('disk', disk.id));
    if (!s) continue;
    out.push({
      diskId: disk.id,
      readBytes: s.stats.rd_bytes,
      writeBytes: s.stats.wr_bytes,
      readOps: s.stats.rd_operations,
      writeOps: s.stats.wr_operations,
    });
  }
  return out;
}

/**
 * A NIC's counters from those of its tap: what the tap transmits the guest receives, and what
 * the guest sends arrives at the tap.
 */
export function nicCountersFromTap(nicId: string, tap: InterfaceCounters): NicCounters {
  return {
    nicId,
    rxBytes: tap.txBytes,
    txBytes: tap.rxBytes,
    rxPackets: tap.txPackets,
    txPackets: tap.rxPackets,
  };
}
