import { isReservoirError } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import { checkInterop, type InteropInput, type InteropVm, type TargetHost } from './check.js';
import type { HypervisorProfile } from './hypervisor-profile.js';
import { compareDifferences, type Difference } from './report.js';
import { TEST_FAMILIES as F } from './test-families.js';

const GIB = 1024;
const ROOMY = { vcpus: 64, memoryMib: 512 * GIB, diskMib: 1_000_000 };

function host(hostId: string, profile: HypervisorProfile, over: Partial<TargetHost> = {}): TargetHost {
  return { hostId, profile, free: ROOMY, ...over };
}

function input(
  over: {
    vm?: Partial<InteropVm>;
    source?: Partial<InteropInput['source']>;
    target?: Partial<InteropInput['target']>;
    constraints?: InteropInput['constraints'];
  } = {},
): InteropInput {
  return {
    vm: {
      id: 'vm-1',
      name: 'web',
      vcpus: 2,
      memoryMib: 4 * GIB,
      diskMib: 64,
      diskFormat: 'qcow2',
      requirements: {},
      nics: [{ networkId: 'lan', ip: '10.0.0.5', cidr: '10.0.0.0/24' }],
      state: 'running',
      ...over.vm,
    },
    source: { site: 'madrid', hostId: 'k1', profile: F.kvm, country: 'ES', ...over.source },
    target: {
      site: 'madrid',
      country: 'ES',
      hosts: [host('k2', F.kvm)],
      networks: [{ name: 'lan', cidr: '10.0.0.0/24' }],
      licences: [],
      ...over.target,
    },
    ...(over.constraints ? { constraints: over.constraints } : {}),
  };
}

function codes(ds: Difference[]): string[] {
  return ds.map((d) => d.code);
}

function one(ds: Difference[], code: string): Difference {
  const found = ds.filter((d) => d.code === code);
  expect(found, `one ${code} in ${JSON.stringify(ds, null, 1)}`).toHaveLength(1);
  return found[0]!;
}

describe('checkInterop: levels', () => {
  it('kvm to kvm on the same subnet, asked live: level 1 with nothing to report', () => {
    const r = checkInterop(input({ vm: { live: true } }));
    expect(r).toEqual({
      interoperable: true,
      level: 1,
      targetHost: 'k2',
      targetFormat: 'qcow2',
      differences: [],
    });
  });

  it('kvm to kvm at another site on the same subnet stays live: block migration needs no shared storage', () => {
    const r = checkInterop(input({ vm: { live: true }, target: { site: 'lisbon' } }));
    expect(r.level).toBe(1);
  });

  it('kvm to kvm at another site without the subnet is cold, and the address changes', () => {
    const r = checkInterop(
      input({
        vm: { live: true },
        target: { site: 'lisbon', networks: [{ name: 'lan', cidr: '192.168.1.0/24' }] },
      }),
    );
    expect(r.level).toBe(2);
    expect(r.interoperable).toBe(true);
    expect(one(r.differences, 'LIVE_MIGRATION_UNAVAILABLE').message).toContain('does not share the VM');
    expect(one(r.differences, 'ADDRESS_CHANGE')).toMatchObject({
      severity: 'warning',
      field: 'vm.nics[0].ip',
    });
    expect(one(r.differences, 'SUBNET_CHANGE').message).toBe(
      'network lan is 192.168.1.0/24 at the target, not 10.0.0.0/24',
    );
  });

  it('xen to xen at another site is cold: xl migrate needs storage shared by both hosts', () => {
    const r = checkInterop(
      input({
        vm: { live: true, diskFormat: 'raw' },
        source: { profile: F.xen },
        target: { site: 'lisbon', hosts: [host('x1', F.xen)] },
      }),
    );
    expect(r.level).toBe(2);
    const d = one(r.differences, 'LIVE_MIGRATION_UNAVAILABLE');
    expect(d).toMatchObject({ severity: 'warning', field: 'vm.live' });
    expect(d.message).toContain('needs storage shared by both hosts');
  });

  it('xen to xen on the same site is live', () => {
    const r = checkInterop(
      input({
        vm: { diskFormat: 'raw' },
        source: { profile: F.xen },
        target: { hosts: [host('x1', F.xen)] },
      }),
    );
    expect(r.level).toBe(1);
  });

  it('a VM that is not running cannot go live', () => {
    const r = checkInterop(input({ vm: { state: 'poweroff', live: true } }));
    expect(r.level).toBe(2);
    expect(one(r.differences, 'LIVE_MIGRATION_UNAVAILABLE').message).toContain(
      'the VM is poweroff, not running',
    );
  });

  it('kvm to vmware is cold (level 2): the qcow2 disk becomes vmdk', () => {
    const r = checkInterop(input({ vm: { live: true }, target: { hosts: [host('e1', F.vmware)] } }));
    expect(r).toMatchObject({ interoperable: true, level: 2, targetHost: 'e1', targetFormat: 'vmdk' });
    expect(one(r.differences, 'DISK_CONVERSION')).toMatchObject({
      severity: 'info',
      field: 'vm.diskFormat',
      source: 'qcow2',
      target: 'vmdk',
    });
    expect(one(r.differences, 'DISK_CONVERSION').message).toContain('qcow2 disk is converted to vmdk');
    expect(one(r.differences, 'FAMILY_CHANGE')).toMatchObject({
      severity: 'info',
      source: 'kvm',
      target: 'vmware',
    });
    expect(one(r.differences, 'LIVE_MIGRATION_UNAVAILABLE').message).toContain(
      'live migration does not cross hypervisor families (kvm to vmware)',
    );
  });

  it('names the preferred format of the target family and warns about formats with no routine converter', () => {
    const r = checkInterop(
      input({ vm: { diskFormat: 'ova-stream' }, target: { hosts: [host('h1', F.hyperv)] } }),
    );
    const d = one(r.differences, 'DISK_CONVERSION');
    expect(d).toMatchObject({ severity: 'warning', source: 'ova-stream', target: 'vhdx' });
    expect(d.message).toContain('(it takes vhdx, vpc)');
    expect(r.targetFormat).toBe('vhdx');
  });

  it('virtual hardware of another family needs a rebuild: level 3, not interoperable as it is', () => {
    const r = checkInterop(input({ vm: { requirements: { 'virtual-hardware': 'vmx-08' } } }));
    expect(r).toMatchObject({ interoperable: false, level: 3, targetHost: 'k2' });
    expect(one(r.differences, 'VIRTUAL_HARDWARE')).toMatchObject({ severity: 'blocking', target: 'kvm' });
  });

  it('prefers the family the virtual hardware belongs to when the site has one', () => {
    const r = checkInterop(
      input({
        vm: { diskFormat: 'vmdk', requirements: { 'virtual-hardware': 'vmx' } },
        source: { profile: F.vmware },
        target: {
          hosts: [host('k2', F.kvm, { free: { ...ROOMY, memoryMib: 1024 * GIB } }), host('e1', F.vmware)],
        },
      }),
    );
    expect(r).toMatchObject({ interoperable: true, level: 1, targetHost: 'e1', differences: [] });
  });

  it('a rebuild does not lift hard limits: virtual hardware with too many vCPUs is impossible', () => {
    const r = checkInterop(
      input({
        vm: { vcpus: 8, requirements: { 'virtual-hardware': 'pc-q35' } },
        target: { hosts: [host('h1', F.hyperv)] },
      }),
    );
    expect(r.level).toBeNull();
    expect(codes(r.differences)).toEqual(expect.arrayContaining(['VCPU_LIMIT', 'VIRTUAL_HARDWARE']));
  });

  it('refuses unknown virtual hardware at every level', () => {
    const r = checkInterop(input({ vm: { requirements: { 'virtual-hardware': 'sparc-t5' } } }));
    expect(r.level).toBeNull();
    expect(one(r.differences, 'REQUIREMENT_UNSUPPORTED').field).toBe('vm.requirements.virtual-hardware');
  });
});

describe('checkInterop: per-VM hard limits', () => {
  const big = { vcpus: 8, memoryMib: 96 * GIB, diskFormat: 'vmdk' };

  it('blocks an 8-vCPU, 96 GiB VM from Hyper-V, naming the limits of 4 vCPUs and 65536 MiB', () => {
    const r = checkInterop(
      input({ vm: big, source: { profile: F.vmware }, target: { hosts: [host('h1', F.hyperv)] } }),
    );
    expect(r).toMatchObject({ interoperable: false, level: null, targetHost: '' });
    const cpu = one(r.differences, 'VCPU_LIMIT');
    expect(cpu).toMatchObject({ severity: 'blocking', field: 'vm.vcpus', source: '8', target: '4' });
    expect(cpu.message).toContain('8 vCPUs exceed the hard limit of 4 vCPUs per VM');
    const mem = one(r.differences, 'MEMORY_LIMIT');
    expect(mem).toMatchObject({
      severity: 'blocking',
      field: 'vm.memoryMib',
      source: '98304',
      target: '65536',
    });
    expect(mem.message).toContain('98304 MiB of memory exceed the hard limit of 65536 MiB');
    // The host has room: the limits, not capacity, are why.
    expect(codes(r.differences)).not.toContain('RESERVATION_IMPOSSIBLE');
  });

  it('prefers a family that fits when the site has several, and lists nothing about the other', () => {
    const r = checkInterop(
      input({
        vm: big,
        source: { profile: F.vmware },
        target: {
          hosts: [host('h1', F.hyperv, { free: { ...ROOMY, memoryMib: 2048 * GIB } }), host('e1', F.vmware)],
        },
      }),
    );
    expect(r).toMatchObject({ interoperable: true, level: 1, targetHost: 'e1' });
    expect(codes(r.differences)).toEqual([]);
  });

  it('lists the limits of every family when none fits', () => {
    const r = checkInterop(
      input({
        vm: { vcpus: 64, memoryMib: 2048 * GIB },
        target: { hosts: [host('h1', F.hyperv), host('e1', F.vmware)] },
      }),
    );
    expect(r.level).toBeNull();
    const limits = r.differences.filter((d) => d.code.endsWith('_LIMIT')).map((d) => `${d.code}:${d.target}`);
    expect(limits.sort()).toEqual([
      'MEMORY_LIMIT:1048576',
      'MEMORY_LIMIT:65536',
      'VCPU_LIMIT:32',
      'VCPU_LIMIT:4',
    ]);
  });
});

describe('checkInterop: requirements', () => {
  it('blocks no-reboot-on-cpu-change on Hyper-V, which has no CPU hot-plug', () => {
    const r = checkInterop(
      input({
        vm: { requirements: { 'no-reboot-on-cpu-change': 'true' } },
        target: { hosts: [host('h1', F.hyperv)] },
      }),
    );
    expect(r).toMatchObject({ interoperable: false, level: null });
    const d = one(r.differences, 'REQUIREMENT_UNSUPPORTED');
    expect(d).toMatchObject({ severity: 'blocking', field: 'vm.requirements.no-reboot-on-cpu-change' });
    expect(d.message).toBe(
      'requirement no-reboot-on-cpu-change needs CPU hot-plug, which hyperv (Windows Server 2008 R2) does not offer: adding vCPUs there needs a reboot',
    );
    // Not required, memory hot-plug is lost with a warning only.
    expect(one(r.differences, 'MEMORY_HOTPLUG_UNAVAILABLE').severity).toBe('warning');
  });

  it('blocks no-reboot-on-memory-change on Xen and lets no-reboot-on-cpu-change through', () => {
    const r = checkInterop(
      input({
        vm: { requirements: { 'no-reboot-on-memory-change': 'true', 'no-reboot-on-cpu-change': 'true' } },
        target: { hosts: [host('x1', F.xen)] },
      }),
    );
    expect(r.differences.filter((d) => d.severity === 'blocking').map((d) => d.field)).toEqual([
      'vm.requirements.no-reboot-on-memory-change',
    ]);
  });

  it('warns about each capability the VM loses without requiring it', () => {
    const r = checkInterop(input({ target: { hosts: [host('h1', F.hyperv)] } }));
    expect(r.interoperable).toBe(true);
    expect(r.differences.filter((d) => d.severity === 'warning').map((d) => d.code)).toEqual([
      'CPU_HOTPLUG_UNAVAILABLE',
      'MEMORY_HOTPLUG_UNAVAILABLE',
    ]);
  });

  it('blocks live-migration and snapshots on a family without them', () => {
    const bare: HypervisorProfile = { ...F.kvm, hypervisor: 'bare', liveMigration: false, snapshots: false };
    const r = checkInterop(
      input({
        vm: { requirements: { 'live-migration': 'true', snapshots: 'true' } },
        target: { hosts: [host('b1', bare)] },
      }),
    );
    expect(r.differences.filter((d) => d.code === 'REQUIREMENT_UNSUPPORTED').map((d) => d.field)).toEqual([
      'vm.requirements.live-migration',
      'vm.requirements.snapshots',
    ]);
  });

  it('refuses a requirement it does not know rather than promise it', () => {
    const r = checkInterop(input({ vm: { requirements: { 'gpu-model': 'a100' } } }));
    expect(r.level).toBeNull();
    expect(one(r.differences, 'REQUIREMENT_UNSUPPORTED').message).toContain('gpu-model=a100');
  });

  it('blocks a licence the target does not honour, one difference per licence', () => {
    const r = checkInterop(
      input({
        vm: { requirements: { licence: 'sql-server,windows-server,oracle' } },
        target: { licences: ['windows-server'] },
      }),
    );
    expect(r.level).toBeNull();
    expect(r.targetHost).toBe('');
    expect(r.differences.filter((d) => d.code === 'LICENCE_UNAVAILABLE').map((d) => d.source)).toEqual([
      'oracle',
      'sql-server',
    ]);
  });
});

describe('checkInterop: geography', () => {
  it('blocks a VM that must stay in Germany from a Spanish site', () => {
    const r = checkInterop(input({ vm: { requirements: { country: 'de' } } }));
    expect(r).toMatchObject({ interoperable: false, level: null });
    expect(one(r.differences, 'GEOGRAPHY')).toMatchObject({
      severity: 'blocking',
      field: 'vm.requirements.country',
      source: 'DE',
      target: 'ES',
    });
  });

  it('checks the service constraint, once when the VM states the same list', () => {
    expect(
      codes(checkInterop(input({ constraints: { allowedCountries: ['ES', 'PT'] } })).differences),
    ).toEqual([]);
    const r = checkInterop(
      input({
        vm: { requirements: { 'allowed-countries': 'FR,DE' } },
        constraints: { allowedCountries: ['de', 'fr'] },
      }),
    );
    expect(one(r.differences, 'GEOGRAPHY').field).toBe('vm.requirements.allowed-countries');
  });

  it("honours the target site's policy on where workloads come from", () => {
    const r = checkInterop(input({ source: { country: 'US' }, target: { allowedCountries: ['ES', 'PT'] } }));
    const d = one(r.differences, 'GEOGRAPHY');
    expect(d).toMatchObject({ field: 'target.allowedCountries', source: 'US', target: 'ES,PT' });
  });
});

describe('checkInterop: capacity and choice of host', () => {
  it('reports RESERVATION_IMPOSSIBLE with the most any host has free', () => {
    const r = checkInterop(
      input({
        target: {
          hosts: [
            host('k2', F.kvm, { free: { vcpus: 1, memoryMib: 8 * GIB, diskMib: 1000 } }),
            host('k3', F.kvm, { free: { vcpus: 4, memoryMib: 2 * GIB, diskMib: 1000 } }),
          ],
        },
      }),
    );
    expect(r).toMatchObject({ interoperable: false, level: null, targetHost: '', targetFormat: 'qcow2' });
    const d = one(r.differences, 'RESERVATION_IMPOSSIBLE');
    expect(d.message).toContain('the most any has is 4 vCPUs, 8192 MiB memory, 1000 MiB disk');
  });

  it('reports RESERVATION_IMPOSSIBLE for a site without hosts', () => {
    const r = checkInterop(input({ target: { hosts: [] } }));
    expect(r).toMatchObject({ level: null, targetHost: '', targetFormat: '' });
    expect(one(r.differences, 'RESERVATION_IMPOSSIBLE').message).toContain('has no host');
  });

  it('counts only hosts of a family that can take the VM', () => {
    const r = checkInterop(
      input({
        vm: { vcpus: 8 },
        target: { hosts: [host('h1', F.hyperv), host('e1', F.vmware, { free: { ...ROOMY, vcpus: 2 } })] },
      }),
    );
    expect(r.level).toBeNull();
    expect(one(r.differences, 'RESERVATION_IMPOSSIBLE').message).toContain('no host of vmware');
    expect(codes(r.differences)).not.toContain('VCPU_LIMIT');
  });

  it('chooses the best level first, then the most free memory, then the host id', () => {
    const mem = (memoryMib: number) => ({ ...ROOMY, memoryMib });
    const pick = (hosts: TargetHost[]) => checkInterop(input({ target: { hosts } })).targetHost;
    expect(
      pick([host('e1', F.vmware, { free: mem(900 * GIB) }), host('k9', F.kvm, { free: mem(8 * GIB) })]),
    ).toBe('k9');
    expect(
      pick([host('k3', F.kvm, { free: mem(16 * GIB) }), host('k9', F.kvm, { free: mem(32 * GIB) })]),
    ).toBe('k9');
    expect(
      pick([host('k9', F.kvm, { free: mem(16 * GIB) }), host('k3', F.kvm, { free: mem(16 * GIB) })]),
    ).toBe('k3');
  });

  it('warns about a CPU model change on the chosen host when both models are known', () => {
    const r = checkInterop(
      input({
        source: { hostCpuModel: 'Xeon E5-2650' },
        target: { hosts: [host('k2', F.kvm, { cpuModel: 'Xeon E5-2850' })] },
      }),
    );
    expect(one(r.differences, 'CPU_MODEL_CHANGE')).toMatchObject({
      severity: 'warning',
      source: 'Xeon E5-2650',
      target: 'Xeon E5-2850',
    });
    expect(
      checkInterop(input({ target: { hosts: [host('k2', F.kvm, { cpuModel: 'Xeon' })] } })).differences,
    ).toEqual([]);
  });
});

describe('checkInterop: addresses', () => {
  it('a static IP that cannot be kept blocks every level', () => {
    const r = checkInterop(
      input({
        vm: { requirements: { 'static-ip': 'true' } },
        target: { networks: [{ name: 'dmz', cidr: '10.9.0.0/24' }] },
      }),
    );
    expect(r).toMatchObject({ interoperable: false, level: null });
    const d = one(r.differences, 'ADDRESS_CHANGE');
    expect(d).toMatchObject({ severity: 'blocking', source: '10.0.0.5' });
    expect(d.message).toBe(
      'nic 0 loses its address 10.0.0.5: the target has no 10.0.0.0/24 network (it has dmz 10.9.0.0/24) and the VM requires a static IP',
    );
  });

  it('keeps addresses where the target has the same subnet, NIC by NIC', () => {
    const r = checkInterop(
      input({
        vm: {
          nics: [
            { networkId: 'lan', ip: '10.0.0.5', cidr: '10.0.0.0/24' },
            { networkId: 'backup', ip: '10.7.0.5', cidr: '10.7.0.0/24' },
          ],
        },
      }),
    );
    expect(r.differences.map((d) => `${d.code}:${d.field}`)).toEqual(['ADDRESS_CHANGE:vm.nics[1].ip']);
  });
});

describe('checkInterop: the report as a whole', () => {
  it('lists every difference, not the first, in a stable order', () => {
    const r = checkInterop(
      input({
        vm: {
          vcpus: 8,
          memoryMib: 96 * GIB,
          requirements: {
            'no-reboot-on-cpu-change': 'true',
            licence: 'sql-server',
            country: 'DE',
            'static-ip': 'true',
          },
        },
        source: { hostCpuModel: 'a' },
        target: {
          hosts: [host('h1', F.hyperv, { cpuModel: 'b', free: { vcpus: 1, memoryMib: 1, diskMib: 1 } })],
          networks: [],
        },
      }),
    );
    expect(codes(r.differences)).toEqual([
      'ADDRESS_CHANGE',
      'GEOGRAPHY',
      'LICENCE_UNAVAILABLE',
      'MEMORY_LIMIT',
      'REQUIREMENT_UNSUPPORTED',
      'RESERVATION_IMPOSSIBLE',
      'VCPU_LIMIT',
      'MEMORY_HOTPLUG_UNAVAILABLE',
      'DISK_CONVERSION',
      'FAMILY_CHANGE',
    ]);
    expect([...r.differences].sort(compareDifferences)).toEqual(r.differences);
    expect(r).toMatchObject({ interoperable: false, level: null, targetHost: '', targetFormat: 'vhdx' });
  });

  it('is deterministic', () => {
    const i = input({ vm: { vcpus: 8 }, target: { hosts: [host('h1', F.hyperv), host('x1', F.xen)] } });
    expect(checkInterop(i)).toEqual(checkInterop(structuredClone(i)));
  });
});

describe('checkInterop: input', () => {
  function invalidField(i: InteropInput): string | undefined {
    try {
      checkInterop(i);
    } catch (e) {
      if (isReservoirError(e) && e.code === 'INVALID_ARGUMENT') return e.field;
      throw e;
    }
    throw new Error('expected INVALID_ARGUMENT');
  }

  it('refuses sizes that are not sizes and hosts named twice', () => {
    expect(invalidField(input({ vm: { vcpus: 0 } }))).toBe('vm.vcpus');
    expect(invalidField(input({ vm: { memoryMib: 1.5 } }))).toBe('vm.memoryMib');
    expect(invalidField(input({ vm: { diskMib: -1 } }))).toBe('vm.diskMib');
    expect(invalidField(input({ vm: { diskFormat: ' ' } }))).toBe('vm.diskFormat');
    expect(invalidField(input({ target: { hosts: [host('a', F.kvm), host('a', F.xen)] } }))).toBe(
      'target.hosts[1].hostId',
    );
    expect(
      invalidField(
        input({ target: { hosts: [host('a', F.kvm, { free: { ...ROOMY, diskMib: Number.NaN } })] } }),
      ),
    ).toBe('target.hosts[0].free.diskMib');
  });
});
