import { describe, expect, it } from 'vitest';
import { checkInterop } from './check.js';
import { GUEST_FACTS } from './guest-facts.js';
import { GUEST_PROFILES, guestProfile, sourceDiskFormat } from './guest-profiles.js';
import { parseRequirements } from './requirements.js';
import { cellInput, SEED_001_TESTBED } from './testbed.js';
import { TEST_FAMILIES as F } from './test-families.js';

describe('GUEST_PROFILES', () => {
  it("has seed 001's three guests and a large database, with unique ids and small disks", () => {
    const ids = GUEST_PROFILES.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['win2008r2', 'ubuntu1204', 'centos63', 'mssql-large']));
    for (const g of GUEST_PROFILES) {
      expect(g.diskMib).toBeGreaterThanOrEqual(16);
      expect(g.diskMib).toBeLessThanOrEqual(64);
      expect(() => parseRequirements(g.requirements)).not.toThrow();
      for (const fact of Object.keys(g.guestChecks)) expect(GUEST_FACTS).toContain(fact);
    }
  });

  it('orders strictness as seed 001 found it: Windows most forgiving, CentOS least', () => {
    const failures = (id: string) =>
      Object.values(guestProfile(id)?.guestChecks ?? {}).filter((c) => c === 'FAILURE').length;
    expect(failures('win2008r2')).toBe(0);
    expect(guestProfile('centos63')?.guestChecks.ips).toBe('FAILURE');
    expect(guestProfile('win2008r2')?.guestChecks.ips).toBe('WARNING');
    expect(guestProfile('win2008r2')?.guestChecks.cpuModel).toBeUndefined();
  });

  it('sizes the large database beyond Hyper-V and within the other families', () => {
    const db = guestProfile('mssql-large')!;
    const check = (target: typeof F.kvm) => checkInterop(cellInput(db, F.vmware, target, SEED_001_TESTBED));
    const toHyperv = check(F.hyperv);
    expect(toHyperv.level).toBeNull();
    expect(toHyperv.differences.filter((d) => d.severity === 'blocking').map((d) => d.code)).toEqual([
      'MEMORY_LIMIT',
      'VCPU_LIMIT',
    ]);
    for (const f of [F.kvm, F.xen, F.vmware]) expect(check(f).interoperable).toBe(true);
  });

  it('has the source disk in the source family’s own format', () => {
    expect(sourceDiskFormat(F.kvm)).toBe('qcow2');
    expect(sourceDiskFormat(F.vmware)).toBe('vmdk');
    expect(sourceDiskFormat(F.hyperv)).toBe('vhdx');
    expect(guestProfile('nope')).toBeUndefined();
  });
});
