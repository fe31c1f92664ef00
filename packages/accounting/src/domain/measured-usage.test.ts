import { describe, expect, it } from 'vitest';
import { kpiRecord, NetworkMeter } from './measured-usage.js';
import type { MeteredVm } from './vm-usage.js';

const vm: MeteredVm = {
  vmId: 'vm-1',
  site: 'a',
  accountId: 'acme',
  service: 'shop',
  component: 'web',
  vcpus: 1,
  memoryMib: 512,
  diskMib: 1024,
};
const GIB = 2 ** 30;

describe('NetworkMeter', () => {
  it('bills the bytes between measurements, the first one being the baseline', () => {
    const m = new NetworkMeter();
    expect(m.onSample(vm, 1000, 500, 10)).toEqual([]);
    const [r] = m.onSample(vm, 1000 + GIB, 500 + GIB / 2, 20);
    expect(r).toMatchObject({
      metric: 'network.gib',
      quantity: '1.5',
      start: 10,
      end: 20,
      key: 'net:a:vm-1:10-20',
    });
    expect(m.onSample(vm, 1000 + GIB, 500 + GIB / 2, 30)).toEqual([]);
  });

  it('takes a counter that went down for a restarted agent, and ignores old or repeated samples', () => {
    const m = new NetworkMeter([{ vmId: 'vm-1', rx: 5 * GIB, tx: 0, at: 100 }]);
    expect(m.onSample(vm, 6 * GIB, 0, 100)).toEqual([]);
    expect(m.onSample(vm, 6 * GIB, 0, 90)).toEqual([]);
    const [r] = m.onSample(vm, GIB / 4, 0, 200);
    expect(r!.quantity).toBe('0.25');
    expect(m.counters()).toEqual([{ vmId: 'vm-1', rx: GIB / 4, tx: 0, at: 200 }]);
  });
});

describe('kpiRecord', () => {
  const base = {
    site: 'a',
    dataSourceId: 'kpi',
    probeId: 'kpi:shop:transactions',
    serviceId: 'shop',
    kpi: 'transactions',
    seq: 3,
    timeMs: 1000,
    accountId: 'acme',
  };

  it('is keyed by the measurement and counts its value exactly', () => {
    expect(kpiRecord({ ...base, value: 12.5 })).toMatchObject({
      key: 'kpi:a:kpi:kpi:shop:transactions:1000:3',
      metric: 'kpi.transactions',
      quantity: '12.5',
      service: 'shop',
    });
    expect(kpiRecord({ ...base, value: 7 })!.quantity).toBe('7');
  });

  it('counts nothing for zero, negative or non-finite values', () => {
    for (const value of [0, -1, Number.NaN, Infinity]) expect(kpiRecord({ ...base, value })).toBeUndefined();
  });
});
