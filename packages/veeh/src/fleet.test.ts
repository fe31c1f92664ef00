import { describe, expect, it } from 'vitest';
import { buildFleet, parseFamilyMix } from './fleet.js';

const template = { cores: 8, memoryMib: 16_384, diskMib: 100_000 };

describe('fleets', () => {
  it('parses a single family, counted mixes and round-robin mixes', () => {
    expect(parseFamilyMix('kvm')).toEqual([{ family: 'kvm' }]);
    expect(parseFamilyMix('kvm:8, hyperv:2')).toEqual([
      { family: 'kvm', count: 8 },
      { family: 'hyperv', count: 2 },
    ]);
    expect(() => parseFamilyMix('kvm:0')).toThrow(/positive integer/);
    expect(() => parseFamilyMix('qemu')).toThrow(/unknown family qemu/);
  });

  it('names hosts by prefix and padded index, in family order', () => {
    const hosts = buildFleet({ prefix: 'a-', families: 'kvm:2,hyperv:1', template });
    expect(hosts.map((h) => [h.id, h.family])).toEqual([
      ['a-01', 'kvm'],
      ['a-02', 'kvm'],
      ['a-03', 'hyperv'],
    ]);
    expect(hosts[0]).toMatchObject(template);
    expect(buildFleet({ count: 4, families: 'kvm,xen', template }).map((h) => h.family)).toEqual([
      'kvm',
      'xen',
      'kvm',
      'xen',
    ]);
    expect(buildFleet({ count: 1000, template }).at(-1)?.id).toBe('host-1000');
  });

  it('refuses a count that contradicts the mix', () => {
    expect(() => buildFleet({ count: 5, families: 'kvm:2,xen:2', template })).toThrow(
      /5 hosts asked but the family mix counts 4/,
    );
    expect(() => buildFleet({ families: 'kvm:2,xen', template })).toThrow(/every family or to none/);
  });
});
