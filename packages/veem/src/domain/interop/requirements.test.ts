import { isReservoirError } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import { parseRequirements, virtualHardwareFamily } from './requirements.js';

function invalid(fn: () => unknown): { field: string | undefined; message: string } {
  try {
    fn();
  } catch (e) {
    if (isReservoirError(e) && e.code === 'INVALID_ARGUMENT') return { field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected INVALID_ARGUMENT, nothing was thrown');
}

describe('parseRequirements', () => {
  it('reads nothing from an empty map', () => {
    expect(parseRequirements({})).toEqual({
      features: [],
      staticIp: false,
      licences: [],
      countries: [],
      virtualHardware: undefined,
      unknown: [],
    });
  });

  it('reads boolean features, ignoring those set to false', () => {
    const r = parseRequirements({
      'no-reboot-on-cpu-change': 'true',
      'no-reboot-on-memory-change': 'FALSE',
      snapshots: ' True ',
      'live-migration': 'false',
      'static-ip': 'true',
    });
    expect(r.features).toEqual(['no-reboot-on-cpu-change', 'snapshots']);
    expect(r.staticIp).toBe(true);
  });

  it('reads licences from either spelling, as a sorted set', () => {
    const r = parseRequirements({ licence: 'sql-server, windows-server', license: 'sql-server,oracle' });
    expect(r.licences).toEqual(['oracle', 'sql-server', 'windows-server']);
  });

  it('reads countries upper-cased, one list per requirement', () => {
    const r = parseRequirements({ country: 'de, fr', 'allowed-countries': 'DE' });
    expect(r.countries).toEqual([
      { key: 'allowed-countries', countries: ['DE'] },
      { key: 'country', countries: ['DE', 'FR'] },
    ]);
  });

  it('keeps unknown requirements apart so the check can refuse them', () => {
    expect(parseRequirements({ 'gpu-model': 'a100', 'virtual-hardware': 'vmx-08' })).toMatchObject({
      unknown: ['gpu-model=a100'],
      virtualHardware: 'vmx-08',
    });
  });

  it('refuses a flag that is neither true nor false, and an empty list, naming the field', () => {
    expect(invalid(() => parseRequirements({ 'static-ip': 'yes' }))).toEqual({
      field: 'vm.requirements.static-ip',
      message: 'vm.requirements.static-ip: "yes" is neither true nor false',
    });
    expect(invalid(() => parseRequirements({ licence: ' , ' })).field).toBe('vm.requirements.licence');
    expect(invalid(() => parseRequirements({ 'virtual-hardware': '' })).field).toBe(
      'vm.requirements.virtual-hardware',
    );
  });
});

describe('virtualHardwareFamily', () => {
  it('ties virtual hardware to its family, VMware hardware versions included', () => {
    expect(virtualHardwareFamily('vmx')).toBe('vmware');
    expect(virtualHardwareFamily('vmx-08')).toBe('vmware');
    expect(virtualHardwareFamily('hyperv-gen2')).toBe('hyperv');
    expect(virtualHardwareFamily('xen-hvm')).toBe('xen');
    expect(virtualHardwareFamily('pc-q35')).toBe('kvm');
    expect(virtualHardwareFamily('toString')).toBeUndefined();
    expect(virtualHardwareFamily('sparc-t5')).toBeUndefined();
  });
});
