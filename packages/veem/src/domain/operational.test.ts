import { describe, expect, it } from 'vitest';
import {
  checkOperationalRequirements,
  decideReboot,
  rebootNeeds,
  unhonoured,
  NO_REBOOT_ON_CPU_CHANGE as CPU,
  NO_REBOOT_ON_MEMORY_CHANGE as MEM,
} from './operational.js';

const kvm = { hypervisor: 'kvm', cpuHotplug: true, memoryHotplug: true };
const xen = { hypervisor: 'xen', cpuHotplug: true, memoryHotplug: false };
const hyperv = { hypervisor: 'hyperv', cpuHotplug: false, memoryHotplug: false };
const size = (vcpus: number, memoryMib: number) => ({ vcpus, memoryMib });

describe('operational requirements', () => {
  it('accepts the known ones with true or false, and refuses anything else by name', () => {
    expect(checkOperationalRequirements('op', { [CPU]: 'true', [MEM]: 'false' })).toEqual({
      [CPU]: 'true',
      [MEM]: 'false',
    });
    expect(() => checkOperationalRequirements('op', { 'no-reboot-ever': 'true' })).toThrow(
      /op\.no-reboot-ever: unknown operational requirement; known: no-reboot-on-cpu-change/,
    );
    expect(() => checkOperationalRequirements('op', { [CPU]: 'yes' })).toThrow(/"yes" must be true or false/);
  });

  it('says when a running resize needs a reboot: growth without hot-plug, or any shrink', () => {
    expect(rebootNeeds(kvm, size(2, 2048), size(4, 4096))).toEqual([]);
    expect(rebootNeeds(hyperv, size(2, 2048), size(4, 2048))).toEqual([
      { requirement: CPU, why: 'cannot hot-plug CPUs' },
    ]);
    expect(rebootNeeds(xen, size(2, 2048), size(4, 4096))).toEqual([
      { requirement: MEM, why: 'cannot hot-plug memory' },
    ]);
    expect(rebootNeeds(kvm, size(4, 4096), size(2, 2048)).map((n) => n.requirement)).toEqual([CPU, MEM]);
    expect(rebootNeeds(hyperv, size(2, 2048), size(2, 2048))).toEqual([]);
  });

  it('names what a family can never keep', () => {
    expect(unhonoured(kvm, { [CPU]: 'true', [MEM]: 'true' })).toEqual([]);
    expect(unhonoured(hyperv, { [CPU]: 'false' })).toEqual([]);
    expect(unhonoured(xen, { [CPU]: 'true', [MEM]: 'true' })).toEqual([
      { requirement: MEM, why: 'cannot hot-plug memory' },
    ]);
  });

  describe('decideReboot', () => {
    const vm = { id: 'vm-1', resources: size(2, 2048) };
    const hv = { name: 'h-hv', profile: hyperv };

    it('hot-plugs without a reboot where the hypervisor can', () => {
      expect(decideReboot(vm, { name: 'h-kvm', profile: kvm }, size(4, 4096), false)).toBe(false);
    });

    it('refuses a reboot that was not allowed, saying how to allow it', () => {
      expect(() => decideReboot(vm, hv, size(4, 2048), false)).toThrow(
        /hyperv on h-hv cannot hot-plug CPUs: the resize needs a reboot; allow it with allow_reboot/,
      );
      expect(decideReboot(vm, hv, size(4, 2048), true)).toBe(true);
    });

    it('refuses, even with allow_reboot, a reboot the VM requires not to have', () => {
      const strict = { ...vm, operationalRequirements: { [CPU]: 'true' } };
      let err: unknown;
      try {
        decideReboot(strict, hv, size(4, 2048), true);
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({
        code: 'FAILED_PRECONDITION',
        message: expect.stringMatching(
          /requires no-reboot-on-cpu-change=true, and hyperv on h-hv cannot hot-plug CPUs.*allow_reboot does not lift/,
        ),
      });
      // Memory is not covered by a CPU requirement.
      expect(decideReboot(strict, hv, size(2, 4096), true)).toBe(true);
    });
  });
});
