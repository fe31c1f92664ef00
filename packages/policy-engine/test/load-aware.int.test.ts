import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from '@reservoir/monitoring';
import { MqttBus, silentLogger } from '@reservoir/runtime';
import { testBrokers } from '@reservoir/runtime/testing';
import { createPolicyEngine, type RunningPolicyEngine } from '../src/create-policy-engine.js';
import { policyClient, type PolicyClient } from '../src/client.js';

// Load-aware placement: the engine follows the hosts' CPU probes on the monitoring data plane,
// and a host whose measured load stays above the cutoff takes no new VM, whatever its allocation.

describe.each(testBrokers())('placement with measured host load over $name', (broker) => {
  const site = `pe-load-${process.pid}-${Math.floor(Math.random() * 1e6)}`;
  let dir: string;
  let url: string;
  let closeBroker: () => Promise<void>;
  let pe: RunningPolicyEngine;
  let c: PolicyClient;
  let bus: MqttBus;
  let hot: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pe-load-'));
    ({ url, close: closeBroker } = await broker.start());
    pe = await createPolicyEngine({
      site,
      database: `sqlite:${join(dir, 'pe.db')}`,
      mqtt: url,
      logger: silentLogger(),
      loadCutoff: { cpuPercent: 80, windowMs: 5000 },
    });
    c = policyClient(pe.address);
    bus = await MqttBus.connect({ url, clientId: `pe-load-${process.pid}`, logger: silentLogger() });
    // h1 runs hot: its host probe reports 95 % CPU.
    hot = new DataSource({ id: 'h1', name: 'h1', site, kind: 'host', bus, flushMs: 10 });
    hot.addProbe({
      id: 'host:h1',
      name: 'host',
      attributes: [{ field: 1, name: 'cpu_used', type: 'double', units: '%' }],
      periodMs: 20,
      sample: () => ({ cpu_used: 95 }),
    });
    await hot.start();
  }, 30_000);
  afterAll(async () => {
    await hot?.stop();
    await bus?.close();
    c?.close();
    await pe?.stop();
    await closeBroker?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const place = () =>
    c.policy.place({
      resources: ['cpu', 'memory'],
      hosts: ['h1', 'h2'].map((id) => ({
        id,
        capacity: [8, 16384],
        overcommit: [1, 1],
        used: [0, 0],
        tags: { host: id },
      })),
      vms: [{ id: 'v1', demand: [1, 1024] }],
    });

  it('keeps new VMs off a host whose measured CPU is above the cutoff', async () => {
    // Consolidate would pick h1 (the first host); the load measurements rule it out.
    const deadline = Date.now() + 5000;
    let r = await place();
    while (r.assignment.v1 !== 'h2' && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 50));
      r = await place();
    }
    expect(r.assignment).toEqual({ v1: 'h2' });
  });

  it('says so when no other host is left', async () => {
    const r = await c.policy.place({
      resources: ['cpu', 'memory'],
      hosts: [{ id: 'h1', capacity: [8, 16384], overcommit: [1, 1], used: [0, 0], tags: { host: 'h1' } }],
      vms: [{ id: 'v2', demand: [1, 1024] }],
    });
    expect(r.unplaced[0]?.reasons).toContain('1 host excluded (measured CPU above 80%)');
  });
});
