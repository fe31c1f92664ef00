import { describe, expect, it } from 'vitest';
import { FAMILY_PROFILES, familyProfile } from './families.js';
import { DEFAULT_MIGRATION_MODEL, planMigration } from './migration-plan.js';

describe('hypervisor families', () => {
  it('carry the per-VM limits, formats and abilities of each family', () => {
    const row = (f: keyof typeof FAMILY_PROFILES) => {
      const p = FAMILY_PROFILES[f];
      return [
        p.maxVcpusPerVm,
        p.maxMemoryMibPerVm / 1024,
        p.diskFormats,
        p.liveMigration,
        p.cpuHotplug,
        p.memoryHotplug,
      ];
    };
    expect(row('kvm')).toEqual([240, 4096, ['qcow2', 'raw'], true, true, true]);
    expect(row('xen')).toEqual([128, 1024, ['raw', 'vpc', 'qcow2'], true, true, false]);
    expect(row('vmware')).toEqual([32, 1024, ['vmdk'], true, true, true]);
    expect(row('hyperv')).toEqual([4, 64, ['vhdx', 'vpc'], true, false, false]);
    expect(familyProfile('kvm', 'sim')).toMatchObject({ hypervisor: 'kvm', driver: 'sim', snapshots: true });
  });
});

describe('migration model', () => {
  const m = DEFAULT_MIGRATION_MODEL;

  it('live: pre-copy converges under the downtime target', () => {
    const f = planMigration(
      { ...m, copyDisks: false },
      { memoryImageMib: 4096, diskMib: 0, live: true, wasRunning: true },
    );
    expect(f.rounds).toBe(2);
    expect(f.downtimeMs).toBeLessThanOrEqual(m.maxDowntimeMs + m.switchoverMs);
    expect(f.transferredMib).toBe(Math.ceil(4096 + 4096 * m.dirtyRatePerS * (4096 / m.bandwidthMibPerS)));
  });

  it('live: a guest dirtying faster than the link stops after the round limit', () => {
    const f = planMigration(
      { ...m, dirtyRatePerS: 5, copyDisks: false },
      { memoryImageMib: 8192, diskMib: 0, live: true, wasRunning: true },
    );
    expect(f.rounds).toBe(m.maxRounds);
    expect(f.downtimeMs).toBeGreaterThan(m.maxDowntimeMs);
  });

  it('cold: one copy; downtime only for a guest that was running', () => {
    const off = planMigration(m, { memoryImageMib: 0, diskMib: 1192, live: false, wasRunning: false });
    expect(off).toEqual({
      transferredMib: 1192,
      downtimeMs: 0,
      durationMs: 1000 + m.switchoverMs,
      rounds: 1,
    });
    const on = planMigration(m, { memoryImageMib: 1192, diskMib: 1192, live: false, wasRunning: true });
    expect(on.downtimeMs).toBe(2000 + m.switchoverMs);
  });
});
