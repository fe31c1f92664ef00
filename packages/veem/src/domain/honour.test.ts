import { describe, expect, it } from 'vitest';
import { testHost, testVm } from '../testing/fixtures.js';
import { checkSiteHonours, type VmTerms } from './honour.js';
import { placementTerms, placeVm, unsuitable, type HostView } from './scheduler.js';

const kvm = testHost('h-kvm', { name: 'kvm-1', profile: { maxVcpusPerVm: 240 } });
const hyperv = testHost('h-hv', {
  name: 'hv-1',
  profile: {
    hypervisor: 'hyperv',
    maxVcpusPerVm: 4,
    maxMemoryMibPerVm: 65_536,
    cpuHotplug: false,
    memoryHotplug: false,
    diskFormats: ['vhdx'],
  },
});

const terms = (o: Partial<VmTerms> = {}): VmTerms => ({
  resources: { vcpus: 2, memoryMib: 2048, diskMib: 0 },
  burst: undefined,
  operationalRequirements: {},
  requirements: {},
  diskFormat: '',
  deployHost: '',
  ...o,
});
const NO_CPU_REBOOT = { 'no-reboot-on-cpu-change': 'true' };

describe('creation: a site refuses terms none of its hosts can keep', () => {
  it('accepts when one candidate can keep them', () => {
    expect(() =>
      checkSiteHonours([kvm, hyperv], terms({ operationalRequirements: NO_CPU_REBOOT })),
    ).not.toThrow();
    expect(() => checkSiteHonours([], terms({ operationalRequirements: NO_CPU_REBOOT }))).not.toThrow();
  });

  it('refuses an operational requirement with the hypervisor and the reason', () => {
    const t = terms({ operationalRequirements: NO_CPU_REBOOT, requirements: { hypervisor: 'hyperv' } });
    expect(() => checkSiteHonours([kvm, hyperv], t)).toThrow(
      /cannot be kept on any of the 1 host it may use: hyperv cannot hot-plug CPUs, so it cannot honour no-reboot-on-cpu-change=true/,
    );
    expect(() =>
      checkSiteHonours([kvm, hyperv], terms({ operationalRequirements: NO_CPU_REBOOT, deployHost: 'h-hv' })),
    ).toThrow(/on its host: hyperv cannot hot-plug CPUs/);
  });

  it('refuses guarantee + burst above the limit per VM as an invalid burst, naming the limit', () => {
    const t = terms({
      burst: { vcpus: 2, memoryMib: 0 },
      resources: { vcpus: 3, memoryMib: 2048, diskMib: 0 },
    });
    expect(() => checkSiteHonours([kvm, hyperv], t)).not.toThrow();
    let err: unknown;
    try {
      checkSiteHonours([hyperv], t, 'vms[0]');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining(
        "vms[0].burst: guarantee + burst of 5 vCPUs exceeds hyperv's hard limit of 4 vCPUs per VM",
      ),
    });
  });
});

describe('placement filters hosts that cannot keep the terms, with the reason', () => {
  const view = (host: typeof kvm): HostView => ({
    host,
    used: { vcpus: 0, memoryMib: 0, diskMib: 0 },
    runningVms: 0,
  });
  const strict = testVm('vm-s', { operationalRequirements: NO_CPU_REBOOT });
  const burster = testVm('vm-b', {
    resources: { vcpus: 3, memoryMib: 2048, diskMib: 0 },
    guarantee: { vcpus: 3, memoryMib: 2048, diskMib: 0 },
    burst: { vcpus: 3, memoryMib: 0 },
  });

  it('derives the terms from the VM', () => {
    expect(placementTerms(testVm('plain'))).toEqual({});
    expect(placementTerms(strict)).toEqual({ operational: NO_CPU_REBOOT });
    expect(placementTerms(burster)).toEqual({ ceiling: { vcpus: 6, memoryMib: 2048 } });
  });

  it('rules out the hosts and explains', () => {
    const req = (vm: typeof strict) => ({
      vmId: vm.id,
      demand: vm.resources,
      diskFormat: '',
      requirements: {},
      ...placementTerms(vm),
    });
    expect(unsuitable(req(strict), hyperv)).toBe('cpu-hotplug');
    expect(unsuitable(req(strict), kvm)).toBeUndefined();
    expect(unsuitable(req(burster), hyperv)).toBe('burst-vcpus-limit');
    expect(placeVm(req(strict), [view(kvm), view(hyperv)], 'packing')).toEqual({ ok: true, hostId: 'h-kvm' });
    expect(placeVm(req(strict), [view(hyperv)], 'packing')).toEqual({
      ok: false,
      reason: 'no host fits: cannot hot-plug CPUs (no-reboot-on-cpu-change) on 1 host',
    });
    expect(placeVm(req(burster), [view(hyperv)], 'packing')).toMatchObject({
      reason: 'no host fits: guarantee + burst vCPUs above the hypervisor limit per VM on 1 host',
    });
  });
});
