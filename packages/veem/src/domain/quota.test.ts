import { isReservoirError } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import { checkQuota, type Quota, type QuotaUsage } from './quota.js';
import type { Resources } from './resources.js';

const UNLIMITED: Quota = { organization: 'acme', maxVms: 0, maxVcpus: 0, maxMemoryMib: 0, maxDiskMib: 0 };

function usage(vms: number, vcpus: number, memoryMib: number, diskMib: number): QuotaUsage {
  return { vms, resources: { vcpus, memoryMib, diskMib } };
}

function res(vcpus: number, memoryMib: number, diskMib: number): Resources {
  return { vcpus, memoryMib, diskMib };
}

function exhausted(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    if (isReservoirError(e) && e.code === 'RESOURCE_EXHAUSTED') return e.message;
    throw e;
  }
  throw new Error('expected RESOURCE_EXHAUSTED, nothing was thrown');
}

describe('checkQuota', () => {
  it('allows anything without a quota', () => {
    expect(() => checkQuota(undefined, usage(1e6, 1e6, 1e9, 1e9), 100, res(1e6, 1e9, 1e9))).not.toThrow();
  });

  it('treats 0 as unlimited for every limit', () => {
    expect(() => checkQuota(UNLIMITED, usage(1e6, 1e6, 1e9, 1e9), 100, res(1e6, 1e9, 1e9))).not.toThrow();
  });

  it('allows reaching a limit exactly', () => {
    const q: Quota = { organization: 'acme', maxVms: 3, maxVcpus: 8, maxMemoryMib: 8192, maxDiskMib: 10_000 };
    expect(() => checkQuota(q, usage(2, 6, 6144, 9000), 1, res(2, 2048, 1000))).not.toThrow();
  });

  it.each([
    ['VMs', { maxVms: 3 }, usage(3, 0, 0, 0), 1, res(0, 0, 0), 'VMs would be 4, the limit is 3'],
    ['vCPUs', { maxVcpus: 8 }, usage(1, 7, 0, 0), 1, res(2, 0, 0), 'vCPUs would be 9, the limit is 8'],
    [
      'memory',
      { maxMemoryMib: 4096 },
      usage(1, 0, 4000, 0),
      1,
      res(0, 512, 0),
      'memory would be 4512 MiB, the limit is 4096 MiB',
    ],
    [
      'disk',
      { maxDiskMib: 10_000 },
      usage(1, 0, 0, 9999),
      1,
      res(0, 0, 2),
      'disk would be 10001 MiB, the limit is 10000 MiB',
    ],
  ] as const)(
    'refuses passing the %s limit, naming the organization and the resource',
    (_name, limits, used, extraVms, extra, text) => {
      const q: Quota = { ...UNLIMITED, organization: 'org-7', ...limits };
      const message = exhausted(() => checkQuota(q, used, extraVms, extra));
      expect(message).toBe(`quota of organization org-7: ${text}`);
    },
  );

  it('checks VMs first, then vCPUs, memory and disk', () => {
    const q: Quota = { organization: 'acme', maxVms: 1, maxVcpus: 1, maxMemoryMib: 1, maxDiskMib: 1 };
    expect(exhausted(() => checkQuota(q, usage(1, 1, 1, 1), 1, res(1, 1, 1)))).toContain('VMs');
    expect(exhausted(() => checkQuota(q, usage(0, 1, 1, 1), 1, res(1, 1, 1)))).toContain('vCPUs');
    expect(exhausted(() => checkQuota(q, usage(0, 0, 1, 1), 1, res(0, 1, 1)))).toContain('memory');
    expect(exhausted(() => checkQuota(q, usage(0, 0, 0, 1), 1, res(0, 0, 1)))).toContain('disk');
  });

  it('refuses growth past a limit even when the organization is already over it', () => {
    const q: Quota = { ...UNLIMITED, maxVcpus: 4 };
    expect(exhausted(() => checkQuota(q, usage(2, 6, 0, 0), 0, res(1, 0, 0)))).toContain(
      'vCPUs would be 7, the limit is 4',
    );
  });

  it('never refuses a change that adds nothing, even when the organization is over a lowered limit', () => {
    // A resize keeps the VM count (extraVms 0) and may shrink resources; neither adds usage.
    const q: Quota = { organization: 'acme', maxVms: 2, maxVcpus: 4, maxMemoryMib: 4096, maxDiskMib: 1000 };
    const over = usage(5, 10, 10_000, 5000);
    expect(() => checkQuota(q, over, 0, res(-2, 0, 0))).not.toThrow();
    expect(() => checkQuota(q, over, 0, res(0, -1024, 0))).not.toThrow();
    expect(() => checkQuota(q, over, 0, res(0, 0, 0))).not.toThrow();
  });

  it('checks a growing resource even when another one shrinks', () => {
    const q: Quota = { ...UNLIMITED, maxMemoryMib: 4096 };
    expect(exhausted(() => checkQuota(q, usage(1, 2, 4096, 0), 0, res(-1, 1, 0)))).toContain(
      'memory would be 4097 MiB',
    );
  });
});
