import { HostAgentDefinition } from '@reservoir/contracts';
import { describe, expect, it } from 'vitest';
import { hostStatusToPb } from '../adapters/grpc/mapping.js';
import { createVeeh } from '../create-veeh.js';
import { spec } from '../testing/fixtures.js';

describe('many hollow hosts in one agent', () => {
  it('monitors 1,000 hosts with 10 domains each quickly, encoded for the wire included', async () => {
    const veeh = await createVeeh({
      hosts: { count: 1000, prefix: 'sim-', template: { cores: 32, memoryMib: 262_144, diskMib: 4_194_304 } },
    });
    const ids = veeh.agent.hostIds();
    expect(ids).toHaveLength(1000);
    expect(ids[0]).toBe('sim-0001');
    await Promise.all(
      ids.map(async (hostId) => {
        for (let i = 0; i < 10; i++) {
          await veeh.agent.createDomain(hostId, spec(`${hostId}-vm${i}`, 2, 4096, 20_480));
          await veeh.agent.startDomain(hostId, `${hostId}-vm${i}`);
        }
      }),
    );

    const t0 = performance.now();
    const report = await veeh.agent.monitor();
    const inProcessMs = performance.now() - t0;
    const t1 = performance.now();
    const bytes = HostAgentDefinition.monitor.responseSerialize({
      hosts: report.hosts.map(hostStatusToPb),
      atMs: report.atMs,
    });
    const encodeMs = performance.now() - t1;

    expect(report.hosts).toHaveLength(1000);
    expect(report.hosts.every((h) => h.domains.length === 10 && h.allocated.vcpus === 20)).toBe(true);
    expect(inProcessMs).toBeLessThan(500);
    expect(encodeMs).toBeLessThan(2_000);
    expect(bytes.length).toBeGreaterThan(0);
    console.log(
      `monitor 1000x10: ${inProcessMs.toFixed(1)} ms in process, ${encodeMs.toFixed(1)} ms to encode ${(bytes.length / 1e6).toFixed(1)} MB`,
    );
  });
});
