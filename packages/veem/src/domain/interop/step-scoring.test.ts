import { describe, expect, it } from 'vitest';
import type { Difference, InteropReport } from './report.js';
import {
  scoreConsistencyCheck,
  scoreGuestChecks,
  scoreResourceCheck,
  scoreSourceSanity,
} from './step-scoring.js';
import { TEST_FAMILIES as F } from './test-families.js';

function d(code: string, severity: Difference['severity'], message = code): Difference {
  return { code, severity, field: 'f', message };
}

function report(differences: Difference[], over: Partial<InteropReport> = {}): InteropReport {
  return { interoperable: true, level: 2, targetHost: 'h1', targetFormat: 'vmdk', differences, ...over };
}

describe('scoreSourceSanity', () => {
  it('succeeds for a VM the source can run', () => {
    const o = scoreSourceSanity({ vcpus: 2, memoryMib: 4096, diskFormat: 'qcow2', requirements: {} }, F.kvm);
    expect(o).toEqual({
      score: 'SUCCESS',
      detail: 'the VM is within the limits of kvm (qemu-kvm (RHEL 7))',
      differences: [],
    });
  });

  it('fails a VM beyond the source family’s own hard limits', () => {
    const o = scoreSourceSanity(
      { vcpus: 8, memoryMib: 98304, diskFormat: 'vhdx', requirements: {} },
      F.hyperv,
    );
    expect(o.score).toBe('FAILURE');
    expect(o.differences.map((x) => `${x.code}:${x.severity}`)).toEqual([
      'VCPU_LIMIT:blocking',
      'MEMORY_LIMIT:blocking',
    ]);
  });

  it('fails a disk the source family does not run', () => {
    const o = scoreSourceSanity({ vcpus: 1, memoryMib: 1024, diskFormat: 'vmdk', requirements: {} }, F.kvm);
    expect(o).toMatchObject({ score: 'FAILURE', detail: "kvm does not run its VM's vmdk disk" });
  });

  it('only warns about a requirement the source does not honour either', () => {
    const o = scoreSourceSanity(
      { vcpus: 1, memoryMib: 1024, diskFormat: 'vhdx', requirements: { 'no-reboot-on-cpu-change': 'true' } },
      F.hyperv,
    );
    expect(o.score).toBe('WARNING');
    expect(o.detail).toMatch(
      /^already at the source: requirement no-reboot-on-cpu-change needs CPU hot-plug/,
    );
    expect(o.differences[0]?.severity).toBe('warning');
  });
});

describe('scoreResourceCheck', () => {
  it('fails on hard limits and capacity, and only on those', () => {
    const o = scoreResourceCheck(
      report([
        d('MEMORY_LIMIT', 'blocking', 'too much memory'),
        d('GEOGRAPHY', 'blocking'),
        d('X', 'warning'),
      ]),
    );
    expect(o).toMatchObject({ score: 'FAILURE', detail: 'too much memory' });
    expect(o.differences.map((x) => x.code)).toEqual(['MEMORY_LIMIT']);
    expect(scoreResourceCheck(report([d('GEOGRAPHY', 'blocking')], { targetHost: '' }))).toEqual({
      score: 'SUCCESS',
      detail: 'the target has room within its per-VM limits',
      differences: [],
    });
  });
});

describe('scoreConsistencyCheck', () => {
  it('fails on blocking differences other than capacity', () => {
    const o = scoreConsistencyCheck(
      report([d('REQUIREMENT_UNSUPPORTED', 'blocking', 'no hot-plug'), d('VCPU_LIMIT', 'blocking')]),
    );
    expect(o).toMatchObject({ score: 'FAILURE', detail: 'no hot-plug' });
  });

  it('fails a static address the target cannot keep, leaves other address changes to the guest', () => {
    expect(scoreConsistencyCheck(report([d('ADDRESS_CHANGE', 'blocking')])).score).toBe('FAILURE');
    expect(
      scoreConsistencyCheck(report([d('ADDRESS_CHANGE', 'warning'), d('CPU_MODEL_CHANGE', 'warning')])),
    ).toEqual({
      score: 'SUCCESS',
      detail: 'the VM is runnable at the target as vmdk at level 2',
      differences: [],
    });
  });

  it('warns about a rebuild (seed 001: a VM made by hand at the target) and about lost capabilities', () => {
    expect(scoreConsistencyCheck(report([d('VIRTUAL_HARDWARE', 'blocking')], { level: 3 })).score).toBe(
      'WARNING',
    );
    const o = scoreConsistencyCheck(
      report([d('MEMORY_HOTPLUG_UNAVAILABLE', 'warning'), d('DISK_CONVERSION', 'info')]),
    );
    expect(o.score).toBe('WARNING');
    expect(o.differences.map((x) => x.code)).toEqual(['MEMORY_HOTPLUG_UNAVAILABLE']);
  });
});

describe('scoreGuestChecks', () => {
  const changes = [d('CPU_MODEL_CHANGE', 'warning', 'cpu'), d('ADDRESS_CHANGE', 'warning', 'ip')];

  it('scores each change as the profile says and keeps unchecked ones as info', () => {
    const o = scoreGuestChecks({ ips: 'FAILURE' }, changes);
    expect(o.score).toBe('FAILURE');
    expect(o.detail).toBe('ip');
    expect(o.differences.map((x) => `${x.code}:${x.severity}`)).toEqual([
      'CPU_MODEL_CHANGE:info',
      'ADDRESS_CHANGE:blocking',
    ]);
  });

  it('warns where the profile says so and succeeds when nothing changed', () => {
    expect(scoreGuestChecks({ cpuModel: 'WARNING', ips: 'WARNING' }, changes).score).toBe('WARNING');
    expect(scoreGuestChecks({}, changes).score).toBe('SUCCESS');
    expect(scoreGuestChecks({ ips: 'FAILURE' }, []).detail).toBe(
      'the guest reports the same CPU, memory, addresses and routes',
    );
  });
});
