import { describe, expect, it } from 'vitest';
import { compareGuestFacts, guestFactOf, type GuestFacts } from './guest-facts.js';

const BEFORE: GuestFacts = {
  cpuModel: 'Intel Xeon E5-2650 @ 2.00GHz',
  vcpus: 2,
  memoryMib: 4096,
  ips: ['10.1.0.10', '10.9.0.3'],
  routes: ['default via 10.1.0.1', '10.1.0.0/24 dev eth0'],
};

describe('compareGuestFacts', () => {
  it('finds nothing when nothing changed, list order aside', () => {
    expect(compareGuestFacts(BEFORE, { ...BEFORE, ips: ['10.9.0.3', '10.1.0.10'] })).toEqual([]);
  });

  it('reports each change as a warning with both values', () => {
    const after: GuestFacts = {
      cpuModel: 'Intel Xeon E5-2850 @ 2.70GHz',
      vcpus: 1,
      memoryMib: 2048,
      ips: ['10.3.0.10', '10.9.0.3'],
      routes: ['default via 10.3.0.1', '10.3.0.0/24 dev eth0'],
    };
    const ds = compareGuestFacts(BEFORE, after);
    expect(ds.map((d) => d.code)).toEqual([
      'CPU_MODEL_CHANGE',
      'VCPU_CHANGE',
      'MEMORY_CHANGE',
      'ADDRESS_CHANGE',
      'ROUTES_CHANGE',
    ]);
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
    expect(ds[0]).toEqual({
      code: 'CPU_MODEL_CHANGE',
      severity: 'warning',
      field: 'guest.cpuModel',
      message: 'CPU model changed from Intel Xeon E5-2650 @ 2.00GHz to Intel Xeon E5-2850 @ 2.70GHz',
      source: 'Intel Xeon E5-2650 @ 2.00GHz',
      target: 'Intel Xeon E5-2850 @ 2.70GHz',
    });
    expect(ds[1]?.message).toBe('vCPU count changed from 2 to 1');
    expect(ds[2]?.message).toBe('memory (MiB) changed from 4096 to 2048');
    expect(ds[3]?.message).toBe('IP addresses changed from 10.1.0.10, 10.9.0.3 to 10.3.0.10, 10.9.0.3');
  });

  it('says none for an address lost altogether', () => {
    const [d] = compareGuestFacts(BEFORE, { ...BEFORE, ips: [] });
    expect(d?.message).toBe('IP addresses changed from 10.1.0.10, 10.9.0.3 to none');
  });
});

describe('guestFactOf', () => {
  it('maps codes back to facts', () => {
    expect(guestFactOf('ROUTES_CHANGE')).toBe('routes');
    expect(guestFactOf('ADDRESS_CHANGE')).toBe('ips');
    expect(guestFactOf('VCPU_LIMIT')).toBeUndefined();
  });
});
