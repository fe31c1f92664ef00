import { describe, expect, it } from 'vitest';
import { testVm } from '../testing/fixtures.js';
import {
  burstCeiling,
  burstInUse,
  burstRoomRefusal,
  ceilingRefusal,
  checkBurstAllowance,
  checkBurstResize,
  guaranteeOf,
} from './burst.js';

const G = { vcpus: 2, memoryMib: 4096, diskMib: 10_000 };
const bursting = (vcpus: number, memoryMib: number) =>
  testVm('vm-b', {
    resources: { ...G, vcpus, memoryMib },
    guarantee: G,
    burst: { vcpus: 2, memoryMib: 2048 },
  });
const hyperv = { hypervisor: 'hyperv', maxVcpusPerVm: 4, maxMemoryMibPerVm: 65_536 };

describe('burst allocations', () => {
  it('allows up to 100% of the guarantee by default, less when the site lowers the share', () => {
    expect(() => checkBurstAllowance('burst', G, { vcpus: 2, memoryMib: 4096 }, 1)).not.toThrow();
    expect(() => checkBurstAllowance('burst', G, { vcpus: 3, memoryMib: 0 }, 1)).toThrow(
      /burst\.vcpus: a burst of 3 vCPUs exceeds 100% of the guarantee of 2 vCPUs \(at most 2 vCPUs\)/,
    );
    expect(() => checkBurstAllowance('burst', G, { vcpus: 1, memoryMib: 4096 }, 0.5)).toThrow(
      /burst\.memory_mib: a burst of 4096 MiB exceeds 50% of the guarantee of 4096 MiB \(at most 2048 MiB\)/,
    );
  });

  it('keeps guarantee + burst within the hypervisor hard limits per VM, naming the limit', () => {
    expect(ceilingRefusal({ vcpus: 4, memoryMib: 8192 }, hyperv)).toBeUndefined();
    expect(ceilingRefusal({ vcpus: 6, memoryMib: 8192 }, hyperv)).toBe(
      "guarantee + burst of 6 vCPUs exceeds hyperv's hard limit of 4 vCPUs per VM",
    );
    expect(ceilingRefusal({ vcpus: 1, memoryMib: 70_000 }, hyperv)).toMatch(/65536 MiB per VM/);
    expect(ceilingRefusal({ vcpus: 999, memoryMib: 1 }, { ...hyperv, maxVcpusPerVm: 0 })).toBeUndefined();
  });

  it('reports the size above the guarantee as burst in use', () => {
    expect(guaranteeOf(bursting(3, 4096))).toEqual(G);
    expect(burstCeiling(bursting(2, 4096))).toEqual({ vcpus: 4, memoryMib: 6144 });
    expect(burstInUse(bursting(3, 5120))).toEqual({ vcpus: 1, memoryMib: 1024 });
    expect(burstInUse(bursting(2, 4096))).toEqual({ vcpus: 0, memoryMib: 0 });
    // Without an allowance the size is the guarantee.
    const plain = testVm('vm-p');
    expect(guaranteeOf(plain)).toBe(plain.resources);
    expect(burstInUse(plain)).toEqual({ vcpus: 0, memoryMib: 0 });
  });

  it('resizes a bursting VM between its guarantee and guarantee + burst only', () => {
    const vm = bursting(2, 4096);
    expect(() => checkBurstResize(vm, { vcpus: 4, memoryMib: 6144 })).not.toThrow();
    expect(() => checkBurstResize(vm, { vcpus: 5, memoryMib: 4096 })).toThrow(
      /vcpus: 5 vCPUs is beyond VM vm-b's burst allowance: guarantee 2 \+ burst 2 = 4 vCPUs/,
    );
    expect(() => checkBurstResize(vm, { vcpus: 2, memoryMib: 2048 })).toThrow(
      /memory_mib: 2048 MiB is below VM vm-b's guarantee of 4096 MiB/,
    );
    // A VM without an allowance is resized freely (its size is its guarantee).
    expect(() => checkBurstResize(testVm('vm-p'), { vcpus: 64, memoryMib: 1 })).not.toThrow();
  });

  it('grants a burst only out of physical room, never overcommitted', () => {
    const host = { name: 'h1', capacity: { vcpus: 8, memoryMib: 16_384, diskMib: 1_000_000 } };
    const used = { vcpus: 7, memoryMib: 8192, diskMib: 0 };
    const vm = bursting(2, 4096);
    expect(burstRoomRefusal(vm, { vcpus: 3, memoryMib: 4096 }, host, used)).toBeUndefined();
    expect(burstRoomRefusal(vm, { vcpus: 4, memoryMib: 4096 }, host, used)).toBe(
      'host h1 has no physical room for a burst to 4 vCPUs: 7 of 8 vCPUs are allocated, and bursts are never overcommitted',
    );
    // Shrinking back towards the guarantee always fits.
    expect(burstRoomRefusal(bursting(4, 4096), { vcpus: 3, memoryMib: 4096 }, host, used)).toBeUndefined();
  });
});
