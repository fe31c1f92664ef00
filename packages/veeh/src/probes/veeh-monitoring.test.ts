import { describe, expect, it } from 'vitest';
import type { Domain, DomainCounters } from '../domain/driver.js';
import { spec } from '../testing/fixtures.js';
import { NetCounters, syntheticRate, VM_PROBE_ATTRIBUTES, vmSample } from './veeh-monitoring.js';

const domain = (state: Domain['state'], counters?: DomainCounters): Domain => ({
  hostId: 'h1',
  vmId: 'vm-1',
  state,
  spec: spec('vm-1', 2, 1024, 3000),
  snapshots: [],
  cpuUsedPercent: 12.5,
  memoryUsedMib: 300.4,
  stateSinceMs: 0,
  ...(counters ? { counters } : {}),
});

const counters = (rx: number[], tx: number[], read: number[], write: number[]): DomainCounters => ({
  nics: rx.map((r, i) => ({ nicId: `n${i}`, rxBytes: r, txBytes: tx[i]!, rxPackets: 1, txPackets: 1 })),
  disks: read.map((r, i) => ({
    diskId: `d${i}`,
    readBytes: r,
    writeBytes: write[i]!,
    readOps: 1,
    writeOps: 1,
  })),
});

describe('vmSample', () => {
  it('declares disk_read and disk_write as fields 6 and 7, in bytes', () => {
    expect(VM_PROBE_ATTRIBUTES.slice(5)).toEqual([
      { field: 6, name: 'disk_read', type: 'int', units: 'B' },
      { field: 7, name: 'disk_write', type: 'int', units: 'B' },
    ]);
  });

  it('reports the sums of measured counters over NICs and disks', () => {
    const net = new NetCounters('vm-1');
    const sample = vmSample(
      domain('running', counters([100, 20], [7, 3], [4096, 512], [8192, 0])),
      net,
      1000,
    );
    expect(sample).toEqual({
      cpu_used: 12.5,
      memory_used: 300,
      disk_used: 3000,
      net_rx: 120,
      net_tx: 10,
      disk_read: 4608,
      disk_write: 8192,
    });
  });

  it('reports zero network traffic for a measured domain without measurable NICs, synthesising none', () => {
    const net = new NetCounters('vm-1');
    vmSample(domain('running', counters([], [], [10], [20])), net, 0);
    const sample = vmSample(domain('running', counters([], [], [30], [40])), net, 5000);
    expect(sample).toMatchObject({ net_rx: 0, net_tx: 0, disk_read: 30, disk_write: 40 });
  });

  it('holds the last measured figures when a status misses the counters', () => {
    const net = new NetCounters('vm-1');
    vmSample(domain('running', counters([100], [50], [1000], [2000])), net, 0);
    const sample = vmSample(domain('running'), net, 10_000);
    expect(sample).toMatchObject({ net_rx: 100, net_tx: 50, disk_read: 1000, disk_write: 2000 });
  });

  it('synthesises network traffic and reports no disk I/O for a driver that measures nothing', () => {
    const net = new NetCounters('vm-1');
    vmSample(domain('running'), net, 0);
    const sample = vmSample(domain('running'), net, 2000);
    expect(sample).toMatchObject({
      net_rx: Math.round(syntheticRate('vm-1', 0, 1) * 2),
      net_tx: Math.round(syntheticRate('vm-1', 0, 2) * 2),
      disk_read: 0,
      disk_write: 0,
    });
  });
});
