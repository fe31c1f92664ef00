import { describe, expect, it } from 'vitest';
import { createTerms, resizeRequest } from './vm-options.js';

describe('vm resize options', () => {
  it('builds one request whatever the site or hypervisor', () => {
    expect(resizeRequest('vm-1', { vcpus: '4', memoryMib: '8G', allowReboot: true })).toEqual({
      id: 'vm-1',
      vcpus: 4,
      memoryMib: 8192,
      allowReboot: true,
    });
    expect(resizeRequest('vm-1', { memoryMib: '2048' })).toEqual({
      id: 'vm-1',
      vcpus: 0,
      memoryMib: 2048,
      allowReboot: false,
    });
  });

  it('keeps the older --cpu and --memory spellings', () => {
    expect(resizeRequest('vm-1', { cpu: '2', memory: '1G' })).toMatchObject({ vcpus: 2, memoryMib: 1024 });
  });

  it('refuses a resize that changes nothing, or a malformed size', () => {
    expect(() => resizeRequest('vm-1', { allowReboot: true })).toThrow(/give --vcpus, --memory-mib or both/);
    expect(() => resizeRequest('vm-1', { vcpus: 'two' })).toThrow(/--vcpus: "two" is not a whole number/);
  });
});

describe('vm create burst and operational requirements', () => {
  it('sends a burst allowance only when one is given', () => {
    expect(createTerms({})).toEqual({ operationalRequirements: {} });
    expect(createTerms({ burstVcpus: '2', burstMemoryMib: '1G' })).toEqual({
      burst: { vcpus: 2, memoryMib: 1024 },
      operationalRequirements: {},
    });
    expect(
      createTerms({ burstMemoryMib: '512', operationalRequirement: { 'no-reboot-on-cpu-change': 'true' } }),
    ).toEqual({
      burst: { vcpus: 0, memoryMib: 512 },
      operationalRequirements: { 'no-reboot-on-cpu-change': 'true' },
    });
  });
});
