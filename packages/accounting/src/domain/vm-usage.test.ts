import { describe, expect, it } from 'vitest';
import { decimalOf, VmUsageMeter, type MeteredVm } from './vm-usage.js';

const vm: MeteredVm = {
  vmId: 'vm-1',
  site: 'site-a',
  accountId: 'acct-1',
  service: 'web',
  component: 'front',
  vcpus: 2,
  memoryMib: 3072,
  diskMib: 10240,
};
const H = 3_600_000;

describe('decimalOf', () => {
  it('writes exact decimals and rounds half-even at the last digit', () => {
    expect(decimalOf(5400000n, 3600000n)).toBe('1.5');
    expect(decimalOf(1n, 3n, 3)).toBe('0.333');
    expect(decimalOf(2n, 3n, 3)).toBe('0.667');
    expect(decimalOf(5n, 1000n, 2)).toBe('0'); // 0.005 → 0.00 (half to even)
    expect(decimalOf(15n, 1000n, 2)).toBe('0.02'); // 0.015 → 0.02 (half to even)
    expect(decimalOf(0n, 7n)).toBe('0');
  });
});

describe('VmUsageMeter', () => {
  it('bills a VM for the time it holds its host, per resource', () => {
    const m = new VmUsageMeter();
    expect(m.onState(vm, 'running', 0)).toEqual([]);
    const r = m.onState(vm, 'poweroff', 1.5 * H);
    expect(Object.fromEntries(r.map((x) => [x.metric, x.quantity]))).toEqual({
      'vm.hours': '1.5',
      'vcpu.hours': '3',
      'memory.gib_hours': '4.5',
      'disk.gib_hours': '15',
    });
    expect(new Set(r.map((x) => x.key)).size).toBe(4);
    // Powered off: nothing more accrues.
    expect(m.checkpoint(10 * H)).toEqual([]);
  });

  it('splits a long run at checkpoints into intervals that add up to the whole run', () => {
    const m = new VmUsageMeter();
    m.onState(vm, 'running', 0);
    const parts = [m.checkpoint(H / 3), m.checkpoint((2 * H) / 3), m.onState(vm, 'poweroff', H)].flat();
    const hours = parts.filter((p) => p.metric === 'vm.hours').map((p) => p.quantity);
    expect(hours).toEqual(['0.333333333333', '0.333333333333', '0.333333333333']);
    const spans = parts.filter((p) => p.metric === 'vm.hours').map((p) => [p.start, p.end]);
    expect(spans).toEqual([
      [0, 1_200_000],
      [1_200_000, 2_400_000],
      [2_400_000, 3_600_000],
    ]);
  });

  it('continues from its saved intervals after a restart, producing the same keys', () => {
    const a = new VmUsageMeter();
    a.onState(vm, 'running', 1000);
    const first = a.checkpoint(2000);
    const saved = a.intervals();
    const b = new VmUsageMeter(saved);
    const again = a.checkpoint(5000);
    const restarted = b.checkpoint(5000);
    expect(restarted.map((r) => r.key)).toEqual(again.map((r) => r.key));
    expect(first[0]!.end).toBe(restarted[0]!.start);
  });

  it('ignores a replayed event older than what was billed, and starts a new interval on resize', () => {
    const m = new VmUsageMeter();
    m.onState(vm, 'running', 0);
    m.checkpoint(H);
    expect(m.onState(vm, 'running', H / 2)).toEqual([]);
    const bigger = { ...vm, vcpus: 4 };
    const closed = m.onState(bigger, 'running', 2 * H);
    expect(closed.find((r) => r.metric === 'vcpu.hours')?.quantity).toBe('2');
    const next = m.onState(bigger, 'poweroff', 3 * H);
    expect(next.find((r) => r.metric === 'vcpu.hours')?.quantity).toBe('4');
  });
});
