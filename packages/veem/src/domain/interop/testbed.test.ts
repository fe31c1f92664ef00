import { isReservoirError } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import { guestProfile } from './guest-profiles.js';
import { cellInput, guestFactsOn, guestIp, SEED_001_TESTBED as BED, testbedHost } from './testbed.js';
import { TEST_FAMILIES as F } from './test-families.js';

const centos = guestProfile('centos63')!;

describe('SEED_001_TESTBED', () => {
  it('has one host per family, Hyper-V alone on another CPU (seed 001)', () => {
    expect(BED.hosts.map((h) => h.family).sort()).toEqual(['hyperv', 'kvm', 'vmware', 'xen']);
    const cpus = new Set(BED.hosts.filter((h) => h.family !== 'hyperv').map((h) => h.cpuModel));
    expect(cpus.size).toBe(1);
    expect(cpus.has(testbedHost(BED, 'hyperv').cpuModel)).toBe(false);
  });

  it('refuses a family it has no host for', () => {
    try {
      testbedHost(BED, 'bhyve');
      expect.unreachable();
    } catch (e) {
      expect(isReservoirError(e) && e.code).toBe('NOT_FOUND');
    }
  });
});

describe('cellInput', () => {
  it('puts the guest on the source host with its native disk, and offers the target host alone', () => {
    const i = cellInput(centos, F.kvm, F.vmware, BED);
    expect(i.vm).toMatchObject({
      vcpus: 1,
      memoryMib: 1024,
      diskMib: 16,
      diskFormat: 'qcow2',
      requirements: { 'static-ip': 'true' },
      nics: [{ networkId: 'br0', ip: '10.1.0.10', cidr: '10.1.0.0/24' }],
      state: 'running',
    });
    expect(i.source).toMatchObject({
      hostId: 'c6220-kvm',
      profile: F.kvm,
      hostCpuModel: testbedHost(BED, 'kvm').cpuModel,
    });
    expect(i.target.hosts.map((h) => h.hostId)).toEqual(['c6220-esxi']);
    expect(i.target.networks).toEqual([{ name: 'VM Network', cidr: '10.2.0.0/24' }]);
  });
});

describe('guestFactsOn', () => {
  it('keeps the address on a shared subnet and takes the local one elsewhere', () => {
    const before = guestFactsOn(centos, testbedHost(BED, 'kvm'));
    expect(before).toEqual({
      cpuModel: 'Intel Xeon E5-2650 @ 2.00GHz',
      vcpus: 1,
      memoryMib: 1024,
      ips: ['10.1.0.10'],
      routes: ['default via 10.1.0.1', '10.1.0.0/24 dev eth0'],
    });
    expect(guestFactsOn(centos, testbedHost(BED, 'xen'), '10.1.0.77').ips).toEqual(['10.1.0.77']);
    expect(guestFactsOn(centos, testbedHost(BED, 'hyperv'), '10.1.0.77').ips).toEqual([
      guestIp(testbedHost(BED, 'hyperv')),
    ]);
  });
});
